#pragma once

#include "capture/audiobackend.h"
#include "core/audiodevice.h"
#include "core/sourceid.h"

#include <memory>
#include <vector>

namespace spectray {

// Which backend plays which source, and the device list people pick from. Owns the backends; lives
// on the engine thread with the worker (the backends call the sink on their own threads).
class SourceBackends final
{
public:
    explicit SourceBackends(capture::CaptureSink &sink);
    ~SourceBackends();
    SourceBackends(const SourceBackends &) = delete;
    SourceBackends &operator=(const SourceBackends &) = delete;

    // Creates the platform backend (and, where there is none, Qt's inputs) once.
    void initialize();
    // The system (and Qt) devices as they are now; may block briefly on the first call.
    AudioDeviceList systemDevices();
    // The backend that plays `id`, or nullptr when nothing on this platform can (a system device
    // where there is no system backend). A demo or file backend is made afresh for each call.
    capture::AudioBackend *backendFor(const SourceId &id);
    void releaseVirtual(); // drops the demo/file backend (after it was closed)
    void shutdown();       // closes and drops everything

private:
    capture::CaptureSink &m_sink;
    std::unique_ptr<capture::AudioBackend> m_system;   // platform backend, kept for device notifications
    std::unique_ptr<capture::AudioBackend> m_qtInputs; // Qt Multimedia inputs
    std::unique_ptr<capture::AudioBackend> m_virtual;  // demo / file backend when one is selected
};

// The backend's device list in core's value types.
AudioDeviceList toDeviceList(const std::vector<capture::DeviceInfo> &devices);
// What people pick from: the default output first, the system devices, the demo last.
AudioDeviceList selectableSources(const AudioDeviceList &systemDevices);

} // namespace spectray
