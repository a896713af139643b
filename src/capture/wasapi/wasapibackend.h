#pragma once

// The Windows system backend: WASAPI shared-mode loopback of the default output (following it when
// the default changes), of a chosen endpoint, or of one application (process loopback). Capture runs on the backend's own std::thread with
// COM initialised there; see wasapibackend.cpp for the loop.

#include "capture/audiobackend.h"

#include <windows.h>

#include <atomic>
#include <future>
#include <string>
#include <thread>

namespace spectray::capture::wasapi {

class WasapiBackend final : public AudioBackend
{
public:
    WasapiBackend();
    ~WasapiBackend() override;
    WasapiBackend(const WasapiBackend &) = delete;
    WasapiBackend &operator=(const WasapiBackend &) = delete;

    std::string name() const override { return "wasapi"; }
    void setSink(CaptureSink *sink) override { m_sink = sink; }
    std::vector<DeviceInfo> devices() override;
    bool open(const std::string &deviceId, std::string &error) override;
    void close() override;
    void setIdle(bool idle) override { m_idle = idle; }

private:
    void run(std::string deviceId, std::promise<std::string> opened);
    // app:BINARY / app-except:BINARY through process loopback (appcapture.cpp).
    void runApplication(std::string deviceId, std::promise<std::string> opened);

    CaptureSink *m_sink = nullptr;
    std::thread m_thread;
    HANDLE m_stopEvent = nullptr;
    std::atomic<bool> m_idle{false};
};

} // namespace spectray::capture::wasapi
