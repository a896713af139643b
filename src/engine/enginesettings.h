#pragma once

#include "core/analysisconfig.h"
#include "core/settings.h"

namespace spectray::keys {

// Audio settings: owned by the engine layer, edited by the settings dialog, applied by the app.
bool isValidProfile(const QString &value);

inline constexpr StringKey source{"audio/source", "default-output"};
inline constexpr StringKey profile{"audio/profile", "default", &isValidProfile};
inline constexpr IntKey fps{"audio/fps", 30, 1, 240};
inline constexpr IntKey bands{"audio/bands", 32, 8, 256};
inline constexpr DoubleKey minHz{"audio/minHz", 20.0, 10.0, 1000.0};
inline constexpr DoubleKey maxHz{"audio/maxHz", 16000.0, 1000.0, 24000.0};
inline constexpr BoolKey captureOnStart{"audio/captureOnStart", true};

} // namespace spectray::keys

namespace spectray {

// The AnalysisConfig the stored audio settings describe.
AnalysisConfig analysisConfigFrom(const Settings &settings);
void storeAnalysisConfig(Settings &settings, const AnalysisConfig &config);

} // namespace spectray
