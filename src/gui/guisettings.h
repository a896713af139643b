#pragma once

#include "core/settings.h"

#include <QColor>
#include <QString>
#include <QStringList>

namespace spectray::keys {

// Display and general settings, owned by the GUI layer. Audio keys live in engine/enginesettings.h.
bool isValidStyle(const QString &value);
bool isValidMeter(const QString &value);
bool isValidColor(const QString &value);
bool isValidLanguage(const QString &value);

inline constexpr StringKey style{"display/style", "bars", &isValidStyle};       // an id from resources/styles.json
inline constexpr StringKey meter{"display/meter", "bar", &isValidMeter};        // none|bar|needle
inline constexpr BoolKey bassPulse{"display/bassPulse", true};
inline constexpr StringKey accent{"display/accent", "#29b6f6", &isValidColor};
inline constexpr BoolKey peaks{"display/peaks", true};
inline constexpr IntKey peakHoldMs{"display/peakHoldMs", 500, 0, 5000};
inline constexpr IntKey peakFallMs{"display/peakFallMs", 750, 50, 10000};   // time to fall full scale
inline constexpr IntKey attackMs{"display/attackMs", 25, 0, 2000};
inline constexpr IntKey releaseMs{"display/releaseMs", 250, 0, 5000};
inline constexpr IntKey opacity{"display/opacity", 85, 10, 100};            // percent, background
inline constexpr BoolKey alwaysOnTop{"display/alwaysOnTop", true};
inline constexpr BoolKey clickThrough{"display/clickThrough", false};
inline constexpr BoolKey windowVisible{"display/windowVisible", true};
inline constexpr StringKey windowGeometry{"display/geometry", ""};           // QWidget::saveGeometry, base64
inline constexpr BoolKey firstRunDone{"general/firstRunDone", false};
inline constexpr BoolKey startAtLogin{"general/startAtLogin", false};
inline constexpr StringKey language{"general/language", "", &isValidLanguage}; // "" = system locale

} // namespace spectray::keys

namespace spectray::gui {

// Accent presets offered in the settings dialog and the context menu (name is translated by callers).
struct AccentPreset
{
    const char *name; // QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", ...)
    const char *color;
};
const QList<AccentPreset> &accentPresets();

QStringList styleIds();     // stable ids in the order they are offered
QString styleName(const QString &id); // translated display name

} // namespace spectray::gui
