#include "capture/wasapi/wasapidevices.h"

#include <audioclient.h>
#include <ksmedia.h>
#include <mmreg.h>
// The one TU that defines PKEY_Device_FriendlyName: MinGW's libuuid lacks it.
#include <initguid.h>
#include <functiondiscoverykeys_devpkey.h>

#include <algorithm>
#include <cctype>

namespace spectray::capture::wasapi {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string defaultId(IMMDeviceEnumerator *enumerator, EDataFlow flow)
{
    ComPtr<IMMDevice> device;
    if (enumerator->GetDefaultAudioEndpoint(flow, eConsole, device.put()) < 0)
        return {};
    return endpointId(device.get());
}

void appendEndpoints(IMMDeviceEnumerator *enumerator, EDataFlow flow, std::vector<DeviceInfo> &out)
{
    ComPtr<IMMDeviceCollection> collection;
    if (enumerator->EnumAudioEndpoints(flow, DEVICE_STATE_ACTIVE, collection.put()) < 0)
        return;
    UINT count = 0;
    collection->GetCount(&count);
    const std::string def = defaultId(enumerator, flow);
    for (UINT i = 0; i < count; ++i) {
        ComPtr<IMMDevice> device;
        if (collection->Item(i, device.put()) < 0)
            continue;
        DeviceInfo info;
        info.id = endpointId(device.get());
        info.name = friendlyName(device.get());
        info.kind = flow == eRender ? DeviceKind::Loopback : DeviceKind::Input;
        info.isDefault = !def.empty() && info.id == def;
        out.push_back(std::move(info));
    }
}

} // namespace

ComPtr<IMMDeviceEnumerator> createEnumerator(std::string &error)
{
    ComPtr<IMMDeviceEnumerator> enumerator;
    const HRESULT hr = CoCreateInstance(__uuidof(MMDeviceEnumerator), nullptr, CLSCTX_ALL,
                                        __uuidof(IMMDeviceEnumerator), enumerator.putVoid());
    if (hr < 0)
        error = "cannot create the audio device enumerator: " + hresultText(hr);
    return enumerator;
}

std::vector<DeviceInfo> listEndpoints(IMMDeviceEnumerator *enumerator)
{
    std::vector<DeviceInfo> out;
    if (!enumerator)
        return out;
    appendEndpoints(enumerator, eRender, out);
    appendEndpoints(enumerator, eCapture, out);
    return out;
}

std::string endpointId(IMMDevice *device)
{
    LPWSTR raw = nullptr;
    if (device->GetId(&raw) < 0 || !raw)
        return {};
    const CoTaskMemPtr<wchar_t> id(raw);
    return kIdPrefix + toUtf8(id.get());
}

std::string friendlyName(IMMDevice *device)
{
    ComPtr<IPropertyStore> props;
    if (device->OpenPropertyStore(STGM_READ, props.put()) < 0)
        return endpointId(device);
    PROPVARIANT value;
    PropVariantInit(&value);
    std::string name;
    if (props->GetValue(PKEY_Device_FriendlyName, &value) >= 0 && value.vt == VT_LPWSTR)
        name = toUtf8(value.pwszVal);
    PropVariantClear(&value);
    return name.empty() ? endpointId(device) : name;
}

bool isRenderEndpoint(IMMDevice *device)
{
    ComPtr<IMMEndpoint> endpoint;
    if (device->QueryInterface(__uuidof(IMMEndpoint), endpoint.putVoid()) < 0)
        return true;
    EDataFlow flow = eRender;
    endpoint->GetDataFlow(&flow);
    return flow == eRender;
}

ComPtr<IMMDevice> resolveEndpoint(IMMDeviceEnumerator *enumerator, const std::string &id, std::string &error)
{
    ComPtr<IMMDevice> device;
    if (id.empty() || id == kDefaultOutputId) {
        const HRESULT hr = enumerator->GetDefaultAudioEndpoint(eRender, eConsole, device.put());
        if (hr < 0)
            error = "no default output device: " + hresultText(hr);
        return device;
    }
    const std::string prefix = kIdPrefix;
    if (id.rfind(prefix, 0) == 0) {
        const std::wstring raw = toWide(id.substr(prefix.size()));
        DWORD state = 0;
        if (enumerator->GetDevice(raw.c_str(), device.put()) >= 0 && device->GetState(&state) >= 0
            && state == DEVICE_STATE_ACTIVE)
            return device;
        device.reset();
    }
    // Not an id we know: users may type a name ("Speakers") on the command line or in settings.
    const std::vector<DeviceInfo> all = listEndpoints(enumerator);
    auto match = std::find_if(all.begin(), all.end(), [&](const DeviceInfo &d) { return d.name == id; });
    if (match == all.end()) {
        const std::string want = lower(id);
        match = std::find_if(all.begin(), all.end(),
                             [&](const DeviceInfo &d) { return lower(d.name).find(want) != std::string::npos; });
    }
    if (match == all.end()) {
        error = "no active audio device \"" + id + "\"";
        return device;
    }
    const std::wstring raw = toWide(match->id.substr(prefix.size()));
    const HRESULT hr = enumerator->GetDevice(raw.c_str(), device.put());
    if (hr < 0)
        error = "cannot open \"" + match->name + "\": " + hresultText(hr);
    return device;
}

MixFormat describeWaveFormat(const WAVEFORMATEX *format)
{
    if (!format)
        return {};
    SubFormat sub = SubFormat::None;
    int validBits = format->wBitsPerSample;
    if (format->wFormatTag == WAVE_FORMAT_EXTENSIBLE && format->cbSize >= 22) {
        const auto *ext = reinterpret_cast<const WAVEFORMATEXTENSIBLE *>(format);
        validBits = ext->Samples.wValidBitsPerSample;
        if (IsEqualGUID(ext->SubFormat, KSDATAFORMAT_SUBTYPE_IEEE_FLOAT))
            sub = SubFormat::IeeeFloat;
        else if (IsEqualGUID(ext->SubFormat, KSDATAFORMAT_SUBTYPE_PCM))
            sub = SubFormat::Pcm;
        else
            sub = SubFormat::Other;
    }
    return describeFormat(format->wFormatTag, format->nChannels, int(format->nSamplesPerSec),
                          format->wBitsPerSample, validBits, sub);
}

} // namespace spectray::capture::wasapi
