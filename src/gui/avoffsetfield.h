#pragma once

#include "core/settingsschema.h"

class QSpinBox;
class QWidget;

namespace spectray::gui {

// The A/V offset field every output's page shows (issue 11): the key's own range (−500..+500 ms),
// a tooltip saying what a positive value does. Not connected: the page writes it like its others.
// `parent` may be null: a form adopts the field when it is installed (in row order).
QSpinBox *makeAvOffsetSpin(const IntKey &key, QWidget *parent);

} // namespace spectray::gui
