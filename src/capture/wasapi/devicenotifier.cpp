#include "capture/wasapi/devicenotifier.h"

namespace spectray::capture::wasapi {

DeviceNotifier::DeviceNotifier(HANDLE wakeEvent)
    : m_wakeEvent(wakeEvent)
{
}

HRESULT STDMETHODCALLTYPE DeviceNotifier::QueryInterface(REFIID riid, void **object)
{
    if (!object)
        return E_POINTER;
    if (IsEqualIID(riid, __uuidof(IUnknown)) || IsEqualIID(riid, __uuidof(IMMNotificationClient))) {
        *object = static_cast<IMMNotificationClient *>(this);
        AddRef();
        return S_OK;
    }
    *object = nullptr;
    return E_NOINTERFACE;
}

ULONG STDMETHODCALLTYPE DeviceNotifier::AddRef()
{
    return ++m_refs;
}

ULONG STDMETHODCALLTYPE DeviceNotifier::Release()
{
    const ULONG left = --m_refs;
    if (left == 0)
        delete this;
    return left;
}

void DeviceNotifier::devicesChanged()
{
    m_devicesChanged = true;
    SetEvent(m_wakeEvent);
}

HRESULT STDMETHODCALLTYPE DeviceNotifier::OnDeviceStateChanged(LPCWSTR, DWORD)
{
    devicesChanged();
    return S_OK;
}

HRESULT STDMETHODCALLTYPE DeviceNotifier::OnDeviceAdded(LPCWSTR)
{
    devicesChanged();
    return S_OK;
}

HRESULT STDMETHODCALLTYPE DeviceNotifier::OnDeviceRemoved(LPCWSTR)
{
    devicesChanged();
    return S_OK;
}

HRESULT STDMETHODCALLTYPE DeviceNotifier::OnDefaultDeviceChanged(EDataFlow flow, ERole role, LPCWSTR)
{
    // Windows sends one call per role; eConsole is the one GetDefaultAudioEndpoint(eConsole) follows.
    if (role == eConsole) {
        if (flow == eRender)
            m_defaultOutputChanged = true;
        devicesChanged(); // the isDefault flags in the list changed too
    }
    return S_OK;
}

HRESULT STDMETHODCALLTYPE DeviceNotifier::OnPropertyValueChanged(LPCWSTR, const PROPERTYKEY)
{
    // Fires constantly (volume, jack state, ...); names rarely change, so ignore it.
    return S_OK;
}

} // namespace spectray::capture::wasapi
