#pragma once

// Endpoint enumeration and lookup: render endpoints are listed as Loopback devices, capture
// endpoints as Input, with their friendly names.

#include "capture/audiobackend.h"
#include "capture/wasapi/comsupport.h"
#include "capture/wasapi/sampleconvert.h"

#include <mmdeviceapi.h>

#include <string>
#include <vector>

struct tWAVEFORMATEX;

namespace spectray::capture::wasapi {

// Prefix of our device ids, so ids from different backends never collide in settings.
inline constexpr const char *kIdPrefix = sourceid::kWasapiPrefix;

ComPtr<IMMDeviceEnumerator> createEnumerator(std::string &error);
std::vector<DeviceInfo> listEndpoints(IMMDeviceEnumerator *enumerator);
std::string endpointId(IMMDevice *device);   // with kIdPrefix
std::string friendlyName(IMMDevice *device); // "Speakers (Realtek High Definition Audio)"
bool isRenderEndpoint(IMMDevice *device);

// Finds the endpoint for `id`: "" or kDefaultOutputId (default render endpoint), a "wasapi:" id,
// or else a friendly name (exact, then case-insensitive). Only active endpoints qualify.
ComPtr<IMMDevice> resolveEndpoint(IMMDeviceEnumerator *enumerator, const std::string &id, std::string &error);

MixFormat describeWaveFormat(const tWAVEFORMATEX *format);

} // namespace spectray::capture::wasapi
