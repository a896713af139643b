#pragma once

#include "core/analysisconfig.h"
#include "core/settings.h"

// The audio keys are in core/settingskeys.h (one schema for every layer); this is the engine's
// mapping between them and the AnalysisConfig it runs.
namespace spectray {

// The AnalysisConfig the stored audio settings describe.
AnalysisConfig analysisConfigFrom(const Settings &settings);
void storeAnalysisConfig(Settings &settings, const AnalysisConfig &config);

} // namespace spectray
