#pragma once

class QWidget;

namespace spectray::gui {

// Gives the texts under `root` the room they need, so a layout never squeezes them into an elided
// or cut-off line: every combo box is at least as wide as its longest entry and every line edit
// with a placeholder as wide as the placeholder. Translations are often a third longer than
// English, and a dialog's size in its .ui is only a starting point. Call once the widgets exist and
// are filled; a combo box follows its later entries by itself.
void giveTextsRoom(QWidget *root);

} // namespace spectray::gui
