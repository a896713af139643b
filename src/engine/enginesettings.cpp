#include "enginesettings.h"

namespace spectray {

AnalysisConfig analysisConfigFrom(const Settings &settings)
{
    AnalysisConfig config;
    config.profile = settings.valueName(keys::profile);
    config.fps = settings.value(keys::fps);
    config.bands = settings.value(keys::bands);
    config.minHz = settings.value(keys::minHz);
    config.maxHz = settings.value(keys::maxHz);
    if (config.maxHz <= config.minHz * 2.0) {
        // A range narrower than an octave cannot hold the bands; fall back rather than fail.
        config.minHz = keys::minHz.defaultValue;
        config.maxHz = keys::maxHz.defaultValue;
    }
    config.amplitude = settings.value(keys::amplitude);
    config.rangeDb = settings.value(keys::rangeDb);
    config.weighting = settings.value(keys::weighting);
    config.layout = settings.value(keys::layout);
    config.bandsPerOctave = settings.value(keys::bandsPerOctave);
    return config;
}

void storeAnalysisConfig(Settings &settings, const AnalysisConfig &config)
{
    settings.setValue(keys::profile, config.profile); // by name: an unknown profile is refused
    settings.setValue(keys::fps, config.fps);
    settings.setValue(keys::bands, config.bands);
    settings.setValue(keys::minHz, config.minHz);
    settings.setValue(keys::maxHz, config.maxHz);
    settings.setValue(keys::amplitude, config.amplitude);
    settings.setValue(keys::rangeDb, config.rangeDb);
    settings.setValue(keys::weighting, config.weighting);
    settings.setValue(keys::layout, config.layout);
    settings.setValue(keys::bandsPerOctave, config.bandsPerOctave);
}

} // namespace spectray
