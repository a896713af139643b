#include "metatypes.h"

#include "analysisconfig.h"
#include "audiodevice.h"
#include "bandlayout.h"
#include "enginestatus.h"
#include "spectrumframe.h"

namespace spectray {

void registerMetaTypes()
{
    qRegisterMetaType<SpectrumFrame>();
    qRegisterMetaType<BandLayout>();
    qRegisterMetaType<AudioDevice>();
    qRegisterMetaType<AudioDeviceList>();
    qRegisterMetaType<EngineStatus>();
    qRegisterMetaType<AnalysisConfig>();
}

} // namespace spectray
