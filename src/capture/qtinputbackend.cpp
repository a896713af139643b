#include "capture/qtinputbackend.h"

#include <QAudioDevice>
#include <QAudioSource>
#include <QMediaDevices>

#include <cstring>
#include <functional>
#include <memory>
#include <vector>

namespace spectray::capture {

namespace {

constexpr const char *kPrefix = sourceid::kQtPrefix;

// Push mode: QAudioSource writes into this device (on its period timer) and we hand the samples on
// synchronously, so no readyRead plumbing or extra copy queue is involved.
class ForwardingDevice final : public QIODevice
{
public:
    explicit ForwardingDevice(std::function<void(const char *, qint64)> forward) : m_forward(std::move(forward)) {}

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        m_forward(data, len);
        return len;
    }

private:
    std::function<void(const char *, qint64)> m_forward;
};

class QtInputBackend final : public AudioBackend
{
public:
    QtInputBackend()
    {
        QObject::connect(&m_mediaDevices, &QMediaDevices::audioInputsChanged, &m_mediaDevices, [this] {
            if (m_source && m_sink)
                m_sink->onDevicesChanged(devices());
        });
    }
    ~QtInputBackend() override { close(); }

    std::string name() const override { return "qt"; }
    void setSink(CaptureSink *sink) override { m_sink = sink; }

    std::vector<DeviceInfo> devices() override
    {
        std::vector<DeviceInfo> list;
        const QAudioDevice preferred = QMediaDevices::defaultAudioInput();
        for (const QAudioDevice &d : QMediaDevices::audioInputs())
            list.push_back({kPrefix + d.id().toStdString(), d.description().toStdString(), DeviceKind::Input,
                            d.id() == preferred.id()});
        return list;
    }

    bool open(const std::string &deviceId, std::string &error) override
    {
        close();
        QAudioDevice device = QMediaDevices::defaultAudioInput();
        if (!deviceId.empty() && deviceId != kDefaultOutputId) {
            const std::string id = deviceId.rfind(kPrefix, 0) == 0 ? deviceId.substr(std::strlen(kPrefix)) : deviceId;
            device = {};
            for (const QAudioDevice &d : QMediaDevices::audioInputs())
                if (d.id().toStdString() == id)
                    device = d;
        }
        if (device.isNull()) {
            error = "No such audio input: " + deviceId;
            return false;
        }
        QAudioFormat format = device.preferredFormat();
        format.setSampleFormat(QAudioFormat::Float);
        format.setChannelCount(std::min(2, std::max(1, format.channelCount())));
        if (!device.isFormatSupported(format)) {
            error = "Audio input does not support float samples: " + device.description().toStdString();
            return false;
        }
        m_format = {format.sampleRate(), format.channelCount()};
        m_deviceId = kPrefix + device.id().toStdString();
        m_deviceName = device.description().toStdString();
        m_source = std::make_unique<QAudioSource>(device, format);
        m_source->setBufferSize(format.bytesForDuration(20000)); // a hint; ~20 ms
        m_started = false;
        m_pending.clear();
        m_io = std::make_unique<ForwardingDevice>([this](const char *data, qint64 len) { forward(data, len); });
        m_io->open(QIODevice::WriteOnly);
        m_source->start(m_io.get());
        if (m_source->error() != QAudio::NoError) {
            error = "Cannot start audio input: " + m_deviceName;
            close();
            return false;
        }
        QObject::connect(m_source.get(), &QAudioSource::stateChanged, m_source.get(), [this](QAudio::State s) {
            if (s == QAudio::StoppedState && m_source && m_source->error() != QAudio::NoError && m_sink)
                m_sink->onStreamEvent(StreamEvent::Failed, "Audio input stopped: " + m_deviceName, m_deviceId,
                                      m_deviceName);
        });
        return true;
    }

    void close() override
    {
        if (!m_source)
            return;
        m_source->disconnect();
        m_source->stop();
        m_source.reset();
        m_io.reset();
    }

private:
    void forward(const char *data, qint64 len)
    {
        if (!m_sink || len <= 0)
            return;
        // Qt may split a frame across writes; keep the remainder for the next one.
        const size_t frameBytes = sizeof(float) * static_cast<size_t>(m_format.channels);
        m_pending.insert(m_pending.end(), data, data + len);
        const size_t frames = m_pending.size() / frameBytes;
        if (frames == 0)
            return;
        m_buffer.resize(frames * static_cast<size_t>(m_format.channels));
        std::memcpy(m_buffer.data(), m_pending.data(), frames * frameBytes);
        m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(frames * frameBytes));
        if (!m_started) {
            m_started = true;
            m_sink->onStreamEvent(StreamEvent::Started, "Capturing " + m_deviceName, m_deviceId, m_deviceName);
        }
        m_sink->onAudio(m_buffer.data(), frames, m_format, false);
    }

    CaptureSink *m_sink = nullptr;
    QMediaDevices m_mediaDevices;
    std::unique_ptr<QAudioSource> m_source;
    std::unique_ptr<QIODevice> m_io;
    std::vector<char> m_pending;
    StreamFormat m_format;
    std::string m_deviceId;
    std::string m_deviceName;
    std::vector<float> m_buffer;
    bool m_started = false;
};

} // namespace

std::unique_ptr<AudioBackend> createQtInputBackend() { return std::make_unique<QtInputBackend>(); }

} // namespace spectray::capture
