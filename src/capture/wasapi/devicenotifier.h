#pragma once

// IMMNotificationClient: Windows calls it on its own threads. It only records what happened and
// wakes the capture thread, which does the real work; callbacks must not block or call back into
// the enumerator.

#include <windows.h>
#include <mmdeviceapi.h>

#include <atomic>

namespace spectray::capture::wasapi {

#if defined(__GNUC__)
#pragma GCC diagnostic push
// COM objects are destroyed by Release(), never through an IUnknown pointer, so IUnknown's
// non-virtual destructor is harmless here.
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif

class DeviceNotifier final : public IMMNotificationClient
{
public:
    explicit DeviceNotifier(HANDLE wakeEvent);

    // What happened since the last call (each flag is cleared by reading it).
    bool takeDefaultOutputChanged() { return m_defaultOutputChanged.exchange(false); }
    bool takeDevicesChanged() { return m_devicesChanged.exchange(false); }

    // IUnknown
    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **object) override;
    ULONG STDMETHODCALLTYPE AddRef() override;
    ULONG STDMETHODCALLTYPE Release() override;

    // IMMNotificationClient
    HRESULT STDMETHODCALLTYPE OnDeviceStateChanged(LPCWSTR deviceId, DWORD newState) override;
    HRESULT STDMETHODCALLTYPE OnDeviceAdded(LPCWSTR deviceId) override;
    HRESULT STDMETHODCALLTYPE OnDeviceRemoved(LPCWSTR deviceId) override;
    HRESULT STDMETHODCALLTYPE OnDefaultDeviceChanged(EDataFlow flow, ERole role, LPCWSTR deviceId) override;
    HRESULT STDMETHODCALLTYPE OnPropertyValueChanged(LPCWSTR deviceId, const PROPERTYKEY key) override;

private:
    ~DeviceNotifier() = default; // Release() deletes
    void devicesChanged();

    std::atomic<ULONG> m_refs{1};
    HANDLE m_wakeEvent;
    std::atomic<bool> m_defaultOutputChanged{false};
    std::atomic<bool> m_devicesChanged{false};
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

} // namespace spectray::capture::wasapi
