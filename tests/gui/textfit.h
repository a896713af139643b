#pragma once

#include <QList>
#include <QString>

class QMenu;
class QWidget;

namespace spectray::test {

// A text that needs more room than its widget gives it: drawn elided or cut off.
struct TextMisfit
{
    QString widget; // class and object name, e.g. "QComboBox profileCombo"
    QString text;
    int needed = 0; // pixels: QFontMetrics advance (or the wrapped height)
    int available = 0; // pixels the widget leaves for the text
};

// What a walk found: the misfits, and how many texts it measured (so a test can tell a clean walk
// from one that saw nothing).
struct TextFitReport
{
    QList<TextMisfit> misfits;
    int checked = 0;
};

// Every visible widget under `root` (root included): labels (one line: each line's advance; wrapped
// or rich text: the height the text needs at the label's width), check boxes, radio and push
// buttons (their style's contents rectangle), tool buttons, every item of a combo box (its edit
// field), tabs, group box titles and line edit placeholders.
void checkTexts(QWidget *root, TextFitReport &report);

// Every visible item of `menu` (shown, so it is laid out) and of its submenus: each item's text
// and shortcut against the item's width, and the menu against the screen.
void checkMenuTexts(QMenu *menu, TextFitReport &report);

// One line per misfit, for a failure message.
QString describe(const QList<TextMisfit> &misfits);

// The text as drawn: "&Close" -> "Close", "&&" -> "&".
QString withoutMnemonic(const QString &text);

} // namespace spectray::test
