#include "capture/wasapi/wasapibackend.h"

#include "capture/wasapi/capturestream.h"
#include "capture/wasapi/devicenotifier.h"
#include "capture/wasapi/processloopback.h"
#include "capture/wasapi/silenceclock.h"
#include "capture/wasapi/wasapidevices.h"

#include <chrono>

namespace spectray::capture {

std::unique_ptr<AudioBackend> createSystemBackend()
{
    return std::make_unique<wasapi::WasapiBackend>();
}

} // namespace spectray::capture

namespace spectray::capture::wasapi {

namespace {

using Clock = SilenceClock::Clock;

// Wake-up period when no packet comes: short enough that silence frames reach the engine on time,
// longer once the engine says the source is idle.
constexpr DWORD kActiveTimeoutMs = 20;
constexpr DWORD kIdleTimeoutMs = 100;
constexpr auto kRetryInterval = std::chrono::seconds(1);

// Everything the capture thread owns, in one place so run() stays readable.
struct CaptureSession
{
    CaptureSink *sink = nullptr;
    IMMDeviceEnumerator *enumerator = nullptr;
    HANDLE audioEvent = nullptr;
    CaptureStream stream;
    SilenceClock clock;
    std::string requestedId;
    bool followsDefault = false;
    bool started = false;
    std::string deviceId;
    std::string deviceName;

    bool openDevice(const std::string &id, std::string &error)
    {
        ComPtr<IMMDevice> device = resolveEndpoint(enumerator, id, error);
        if (!device)
            return false;
        if (!stream.open(device.get(), audioEvent, error))
            return false;
        deviceId = endpointId(device.get());
        deviceName = friendlyName(device.get());
        clock.reset(stream.mixFormat().sampleRate, Clock::now());
        started = false;
        if (sink)
            sink->onOutputLatency(stream.outputLatencyMs());
        return true;
    }

    void event(StreamEvent e, const std::string &message)
    {
        if (sink)
            sink->onStreamEvent(e, message, deviceId, deviceName);
    }

    // The current device is gone (or no longer the default): move to the default output.
    void moveToDefault(const std::string &reason)
    {
        const std::string previous = deviceName;
        stream.close();
        std::string error;
        if (openDevice(kDefaultOutputId, error)) {
            followsDefault = true;
            event(StreamEvent::DeviceLost, reason + "; now capturing \"" + deviceName + "\"");
        } else {
            deviceId.clear();
            deviceName.clear();
            event(StreamEvent::DeviceLost, reason + "; no output device is available (" + error
                                               + "), waiting for one");
        }
    }
};

} // namespace

WasapiBackend::WasapiBackend()
    : m_stopEvent(CreateEventW(nullptr, TRUE, FALSE, nullptr))
{
}

WasapiBackend::~WasapiBackend()
{
    close();
    if (m_stopEvent)
        CloseHandle(m_stopEvent);
}

std::vector<DeviceInfo> WasapiBackend::devices()
{
    const ComScope com;
    std::string error;
    const ComPtr<IMMDeviceEnumerator> enumerator = createEnumerator(error);
    std::vector<DeviceInfo> list = listEndpoints(enumerator.get());
    const std::vector<DeviceInfo> apps = applicationDevices(listAudioProcesses(enumerator.get()));
    list.insert(list.end(), apps.begin(), apps.end());
    return list;
}

bool WasapiBackend::open(const std::string &deviceId, std::string &error)
{
    close();
    if (!m_stopEvent) {
        error = "cannot create an event object";
        return false;
    }
    ResetEvent(m_stopEvent);
    std::promise<std::string> opened;
    std::future<std::string> result = opened.get_future();
    const bool application = deviceId.rfind(sourceid::kAppPrefix, 0) == 0
                             || deviceId.rfind(sourceid::kAppExceptPrefix, 0) == 0;
    m_thread = std::thread(application ? &WasapiBackend::runApplication : &WasapiBackend::run, this, deviceId,
                           std::move(opened));
    error = result.get(); // the thread reports once the stream runs (or could not start)
    if (!error.empty()) {
        m_thread.join();
        return false;
    }
    return true;
}

void WasapiBackend::close()
{
    if (!m_thread.joinable())
        return;
    SetEvent(m_stopEvent);
    m_thread.join();
}

void WasapiBackend::run(std::string deviceId, std::promise<std::string> opened)
{
    const ComScope com;
    std::string error;
    if (!com.ok()) {
        opened.set_value("cannot initialise COM on the capture thread");
        return;
    }
    ComPtr<IMMDeviceEnumerator> enumerator = createEnumerator(error);
    if (!enumerator) {
        opened.set_value(error);
        return;
    }
    const HANDLE audioEvent = CreateEventW(nullptr, FALSE, FALSE, nullptr);
    const HANDLE notifyEvent = CreateEventW(nullptr, FALSE, FALSE, nullptr);
    auto *notifier = new DeviceNotifier(notifyEvent);
    const bool registered = enumerator->RegisterEndpointNotificationCallback(notifier) >= 0;

    CaptureSession s;
    s.sink = m_sink;
    s.enumerator = enumerator.get();
    s.audioEvent = audioEvent;
    s.followsDefault = deviceId.empty() || deviceId == kDefaultOutputId;
    if (!audioEvent || !notifyEvent || !s.openDevice(deviceId, error)) {
        if (error.empty())
            error = "cannot create event objects";
        if (registered)
            enumerator->UnregisterEndpointNotificationCallback(notifier);
        notifier->Release();
        if (audioEvent)
            CloseHandle(audioEvent);
        if (notifyEvent)
            CloseHandle(notifyEvent);
        opened.set_value(error);
        return;
    }
    opened.set_value(std::string());

    auto lastRetry = Clock::now();
    const HANDLE handles[] = {m_stopEvent, audioEvent, notifyEvent};
    for (;;) {
        const DWORD wait = WaitForMultipleObjects(3, handles, FALSE, m_idle ? kIdleTimeoutMs : kActiveTimeoutMs);
        if (wait == WAIT_OBJECT_0)
            break;
        if (wait == WAIT_FAILED) {
            s.event(StreamEvent::Failed, "Capture stopped: waiting for audio events failed (error "
                                             + std::to_string(GetLastError()) + ")");
            break;
        }
        const auto now = Clock::now();

        if (notifier->takeDevicesChanged() && s.sink)
            s.sink->onDevicesChanged(listEndpoints(enumerator.get()));
        if (notifier->takeDefaultOutputChanged() && s.followsDefault)
            s.moveToDefault("The default output changed");

        if (s.stream.isOpen()) {
            // Drained on every wake-up, timeouts included: before Windows 10 the event was never
            // signalled for loopback streams, so this doubles as a 20 ms poll there.
            std::uint64_t frames = 0;
            const HRESULT hr = s.stream.drain(s.sink, s.clock, frames);
            if (frames > 0) {
                if (!s.started) {
                    s.started = true;
                    s.event(StreamEvent::Started, "Capturing \"" + s.deviceName + "\" ("
                                                      + formatName(s.stream.mixFormat()) + ")");
                }
            }
            if (hr == AUDCLNT_E_DEVICE_INVALIDATED)
                s.moveToDefault("\"" + s.deviceName + "\" was removed or disabled");
            else if (hr < 0)
                s.moveToDefault("Capture from \"" + s.deviceName + "\" failed: " + hresultText(hr));
        } else if (now - lastRetry >= kRetryInterval) {
            lastRetry = now;
            std::string retryError;
            if (s.openDevice(kDefaultOutputId, retryError)) {
                s.followsDefault = true;
                s.event(StreamEvent::DeviceLost, "Output device available again; now capturing \""
                                                     + s.deviceName + "\"");
            }
        }

        // Loopback sends nothing while nothing plays: keep the engine's clock running with zeros.
        // This also covers the time with no device at all (last known format).
        const std::uint64_t maxFrames = std::uint64_t(s.stream.mixFormat().sampleRate);
        const std::uint64_t due = s.clock.silenceDue(now, maxFrames);
        if (due > 0) {
            s.stream.deliverSilence(s.sink, due);
            if (!s.started && s.stream.isOpen()) {
                s.started = true;
                s.event(StreamEvent::Started, "Capturing \"" + s.deviceName + "\" ("
                                                  + formatName(s.stream.mixFormat()) + "), silent so far");
            }
        }
    }

    s.stream.close();
    if (registered)
        enumerator->UnregisterEndpointNotificationCallback(notifier);
    notifier->Release();
    CloseHandle(audioEvent);
    CloseHandle(notifyEvent);
}

} // namespace spectray::capture::wasapi
