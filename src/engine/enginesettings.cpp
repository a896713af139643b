#include "enginesettings.h"

namespace spectray {

bool keys::isValidProfile(const QString &value)
{
    return value == u"default" || value == u"seed";
}

AnalysisConfig analysisConfigFrom(const Settings &settings)
{
    AnalysisConfig config;
    config.profile = settings.value(keys::profile);
    config.fps = settings.value(keys::fps);
    config.bands = settings.value(keys::bands);
    config.minHz = settings.value(keys::minHz);
    config.maxHz = settings.value(keys::maxHz);
    if (config.maxHz <= config.minHz * 2.0) {
        // A range narrower than an octave cannot hold the bands; fall back rather than fail.
        config.minHz = keys::minHz.defaultValue;
        config.maxHz = keys::maxHz.defaultValue;
    }
    return config;
}

void storeAnalysisConfig(Settings &settings, const AnalysisConfig &config)
{
    settings.setValue(keys::profile, config.profile);
    settings.setValue(keys::fps, config.fps);
    settings.setValue(keys::bands, config.bands);
    settings.setValue(keys::minHz, config.minHz);
    settings.setValue(keys::maxHz, config.maxHz);
}

} // namespace spectray
