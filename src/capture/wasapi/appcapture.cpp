// The WASAPI backend's application sources ("app:BINARY", "app-except:BINARY"): process loopback
// of the application's process tree, found by its image name. When the process exits the source
// stays open and reports Waiting; a new process of that name is picked up within a second.
// Exclusion while the app is not running excludes our own process, which plays nothing, so it
// is still "everything except the app" on the same code path. Compile-checked only (README).
#include "capture/wasapi/capturestream.h"
#include "capture/wasapi/processloopback.h"
#include "capture/wasapi/silenceclock.h"
#include "capture/wasapi/wasapibackend.h"

#include <chrono>

namespace spectray::capture::wasapi {

namespace {

using Clock = SilenceClock::Clock;
constexpr DWORD kWakeMs = 20;
constexpr auto kLookInterval = std::chrono::seconds(1);

struct AppSession
{
    CaptureSink *sink = nullptr;
    HANDLE audioEvent = nullptr;
    HANDLE process = nullptr; // the captured (or excluded) process, to notice when it exits
    CaptureStream stream;
    SilenceClock clock;
    std::string binary;
    std::string id;
    bool exclude = false;
    bool started = false;
    bool waiting = false;

    void event(StreamEvent e, const std::string &message)
    {
        if (sink)
            sink->onStreamEvent(e, message, id, binary);
    }

    void closeStream()
    {
        stream.close();
        if (process)
            CloseHandle(process);
        process = nullptr;
    }

    bool processExited() const { return process && WaitForSingleObject(process, 0) == WAIT_OBJECT_0; }

    // Finds the app's process and opens its loopback; reports Waiting once when there is none.
    void attach()
    {
        DWORD pid = findProcess(binary);
        if (pid == 0 && exclude)
            pid = GetCurrentProcessId();
        std::string error;
        if (pid != 0) {
            process = OpenProcess(SYNCHRONIZE, FALSE, pid);
            const LoopbackMode mode = exclude ? LoopbackMode::ExcludeProcessTree : LoopbackMode::IncludeProcessTree;
            if (stream.openProcess(pid, mode, audioEvent, error)) {
                clock.reset(stream.mixFormat().sampleRate, Clock::now());
                started = false;
                waiting = false;
                return;
            }
            closeStream();
        }
        if (!waiting) {
            waiting = true;
            event(StreamEvent::Waiting, error.empty() ? binary + " is not playing" : binary + ": " + error);
        }
    }
};

} // namespace

void WasapiBackend::runApplication(std::string deviceId, std::promise<std::string> opened)
{
    const ComScope com;
    const bool exclude = deviceId.rfind(sourceid::kAppExceptPrefix, 0) == 0;
    AppSession s;
    s.sink = m_sink;
    s.exclude = exclude;
    s.id = deviceId;
    s.binary = deviceId.substr(std::string(exclude ? sourceid::kAppExceptPrefix : sourceid::kAppPrefix).size());
    s.audioEvent = CreateEventW(nullptr, FALSE, FALSE, nullptr);
    if (!com.ok() || !s.audioEvent || s.binary.empty()) {
        if (s.audioEvent)
            CloseHandle(s.audioEvent);
        opened.set_value(
            s.binary.empty() ? "No application named in " + deviceId : std::string("cannot set up the capture thread"));
        return;
    }
    opened.set_value(std::string()); // the app need not play yet: the source waits for it
    s.attach();
    auto lastLook = Clock::now();
    const HANDLE handles[] = { m_stopEvent, s.audioEvent };
    for (;;) {
        const DWORD wait = WaitForMultipleObjects(2, handles, FALSE, kWakeMs);
        if (wait == WAIT_OBJECT_0 || wait == WAIT_FAILED)
            break;
        const auto now = Clock::now();
        if (s.stream.isOpen()) {
            std::uint64_t frames = 0;
            const HRESULT hr = s.stream.drain(s.sink, s.clock, frames);
            if (frames > 0 && !s.started) {
                s.started = true;
                s.event(StreamEvent::Started, "Capturing " + s.binary);
            }
            if (hr < 0 || s.processExited()) {
                s.closeStream(); // the app went away: wait for its next process
                lastLook = now - kLookInterval;
            } else {
                const std::uint64_t due = s.clock.silenceDue(now, std::uint64_t(s.stream.mixFormat().sampleRate));
                if (due > 0)
                    s.stream.deliverSilence(s.sink, due); // keeps the engine's clock while the app is quiet
            }
        }
        if (!s.stream.isOpen() && now - lastLook >= kLookInterval) {
            lastLook = now;
            s.attach();
        }
    }
    s.closeStream();
    CloseHandle(s.audioEvent);
}

} // namespace spectray::capture::wasapi
