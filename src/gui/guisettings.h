#pragma once

#include "core/settings.h"

#include <QColor>
#include <QString>
#include <QStringList>

// The display and general keys are in core/settingskeys.h (one schema for every layer); this
// holds what only the GUI needs to present them.
namespace spectray::gui {

// Accent presets offered in the settings dialog: the themes of styles.json (StyleDefs), by their
// translated names, with each theme's accent colour ("#rrggbb").
struct AccentPreset
{
    QString name;
    QString color;
};
QList<AccentPreset> accentPresets();
QString themeName(const QString &id); // translated display name of a styles.json theme id

QStringList styleIds();     // stored names (keys::styleNames) in the order they are offered
QString styleName(const QString &id); // translated display name
// Translated label of a keys::dockEdgeNames entry, for the tray submenu and the settings page.
QString dockEdgeLabel(const QString &id);

} // namespace spectray::gui
