#include "metatypes.h"

#include "analysisconfig.h"
#include "audiodevice.h"
#include "audiofeatures.h"
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
    qRegisterMetaType<AudioFeatures>();
}

} // namespace spectray
