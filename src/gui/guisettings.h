#pragma once

#include "core/settings.h"

#include <QColor>
#include <QString>
#include <QStringList>

// The display and general keys are in core/settingskeys.h (one schema for every layer); this
// holds what only the GUI needs to present them.
namespace spectray::gui {

// Accent presets offered in the settings dialog and the context menu (name is translated by callers).
struct AccentPreset
{
    const char *name; // QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", ...)
    const char *color;
};
const QList<AccentPreset> &accentPresets();

QStringList styleIds();     // stored names (keys::styleNames) in the order they are offered
QString styleName(const QString &id); // translated display name
// Translated label of a keys::dockEdgeNames entry, for the tray submenu and the settings page.
QString dockEdgeLabel(const QString &id);

} // namespace spectray::gui
