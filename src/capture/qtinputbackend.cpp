#include "capture/qtinputbackend.h"

#include <QAudioDevice>
#include <QAudioSource>
#include <QMediaDevices>

#include <memory>
#include <vector>

namespace spectray::capture {

namespace {

constexpr const char *kPrefix = "qt:";

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
            const std::string id = deviceId.rfind(kPrefix, 0) == 0 ? deviceId.substr(3) : deviceId;
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
        m_io = m_source->start();
        if (!m_io) {
            error = "Cannot start audio input: " + m_deviceName;
            m_source.reset();
            return false;
        }
        m_started = false;
        QObject::connect(m_io, &QIODevice::readyRead, m_source.get(), [this] { readAvailable(); });
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
        if (m_io)
            m_io->disconnect();
        m_source->stop();
        m_source.reset();
        m_io = nullptr;
    }

private:
    void readAvailable()
    {
        if (!m_io || !m_sink)
            return;
        const qint64 frameBytes = static_cast<qint64>(sizeof(float)) * m_format.channels;
        const qint64 bytes = m_io->bytesAvailable() / frameBytes * frameBytes;
        if (bytes <= 0)
            return;
        if (static_cast<qint64>(m_buffer.size() * sizeof(float)) < bytes)
            m_buffer.resize(static_cast<size_t>(bytes) / sizeof(float));
        const qint64 got = m_io->read(reinterpret_cast<char *>(m_buffer.data()), bytes);
        if (got <= 0)
            return;
        if (!m_started) {
            m_started = true;
            m_sink->onStreamEvent(StreamEvent::Started, "Capturing " + m_deviceName, m_deviceId, m_deviceName);
        }
        m_sink->onAudio(m_buffer.data(), static_cast<size_t>(got / frameBytes), m_format, false);
    }

    CaptureSink *m_sink = nullptr;
    QMediaDevices m_mediaDevices;
    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_io = nullptr;
    StreamFormat m_format;
    std::string m_deviceId;
    std::string m_deviceName;
    std::vector<float> m_buffer;
    bool m_started = false;
};

} // namespace

std::unique_ptr<AudioBackend> createQtInputBackend() { return std::make_unique<QtInputBackend>(); }

} // namespace spectray::capture
