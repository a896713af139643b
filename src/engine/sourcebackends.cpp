#include "sourcebackends.h"

#include "capture/qtinputbackend.h"

namespace spectray {

namespace {

AudioDevice::Kind toKind(capture::DeviceKind kind)
{
    switch (kind) {
    case capture::DeviceKind::Loopback: return AudioDevice::Kind::Loopback;
    case capture::DeviceKind::Input: return AudioDevice::Kind::Input;
    case capture::DeviceKind::Virtual: return AudioDevice::Kind::Virtual;
    case capture::DeviceKind::Application: return AudioDevice::Kind::Application;
    }
    return AudioDevice::Kind::Virtual;
}

} // namespace

AudioDeviceList toDeviceList(const std::vector<capture::DeviceInfo> &devices)
{
    AudioDeviceList out;
    out.reserve(qsizetype(devices.size()));
    for (const auto &d : devices)
        out.append({QString::fromStdString(d.id), QString::fromStdString(d.name), toKind(d.kind), d.isDefault,
                    QString::fromStdString(d.iconName)});
    return out;
}

AudioDeviceList selectableSources(const AudioDeviceList &systemDevices)
{
    const SourceId defaultOutput = SourceId::defaultOutput();
    const SourceId demo = SourceId::demo();
    AudioDeviceList all;
    all.reserve(systemDevices.size() + 2);
    all.append({defaultOutput.toString(), defaultOutput.displayName(), AudioDevice::Kind::Loopback, false});
    all.append(systemDevices);
    all.append({demo.toString(), demo.displayName(), AudioDevice::Kind::Virtual, false});
    return all;
}

SourceBackends::SourceBackends(capture::CaptureSink &sink)
    : m_sink(sink)
{
}

SourceBackends::~SourceBackends()
{
    shutdown();
}

void SourceBackends::initialize()
{
    if (!m_system) {
        m_system = capture::createSystemBackend();
        if (m_system)
            m_system->setSink(&m_sink);
    }
    // Qt Multimedia's inputs are what a platform without a system backend (macOS) can offer, e.g.
    // a loopback driver such as BlackHole. Where PulseAudio or WASAPI exist they already list every
    // input, so Qt's list would only repeat it; "qt:" ids still open on demand there.
    if (!m_system && !m_qtInputs) {
        m_qtInputs = capture::createQtInputBackend(); // none in a program built without Qt Multimedia
        if (m_qtInputs)
            m_qtInputs->setSink(&m_sink);
    }
}

AudioDeviceList SourceBackends::systemDevices()
{
    AudioDeviceList devices = m_system ? toDeviceList(m_system->devices()) : AudioDeviceList{};
    if (m_qtInputs)
        devices += toDeviceList(m_qtInputs->devices());
    return devices;
}

capture::AudioBackend *SourceBackends::backendFor(const SourceId &id)
{
    capture::AudioBackend *backend = nullptr;
    switch (id.kind()) {
    case SourceId::Kind::Demo:
        m_virtual = capture::createDemoBackend();
        backend = m_virtual.get();
        break;
    case SourceId::Kind::File:
        m_virtual = capture::createFileBackend(id.argument().toStdString());
        backend = m_virtual.get();
        break;
    case SourceId::Kind::QtInput:
        if (!m_qtInputs)
            m_qtInputs = capture::createQtInputBackend();
        backend = m_qtInputs.get();
        break;
    case SourceId::Kind::DefaultOutput:
    case SourceId::Kind::SystemDevice:
    case SourceId::Kind::Application: // the system backend captures one application's streams
    case SourceId::Kind::AllExceptApplication:
    case SourceId::Kind::Name:
        backend = m_system.get();
        break;
    }
    if (backend)
        backend->setSink(&m_sink);
    return backend;
}

void SourceBackends::releaseVirtual()
{
    m_virtual.reset();
}

void SourceBackends::shutdown()
{
    m_virtual.reset();
    m_qtInputs.reset();
    if (m_system) {
        m_system->close();
        m_system.reset();
    }
}

} // namespace spectray
