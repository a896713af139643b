// Plays a sound file in real time, looping, as if it were a device: for demos, tests and
// reproducing a user's report with their recording.
#include "capture/audiobackend.h"
#include "capture/pacedthread.h"
#include "capture/soundfilereader.h"

#include <vector>

namespace spectray::capture {

namespace {

class FileBackend final : public AudioBackend
{
public:
    explicit FileBackend(std::string path) : m_path(std::move(path)) {}
    ~FileBackend() override { close(); }
    std::string name() const override { return "file"; }
    void setSink(CaptureSink *sink) override { m_sink = sink; }
    std::vector<DeviceInfo> devices() override { return {device()}; }

    bool open(const std::string &deviceId, std::string &error) override
    {
        close();
        if (!deviceId.empty() && deviceId != kDefaultOutputId && deviceId != device().id) {
            error = "unknown file device: " + deviceId;
            return false;
        }
        if (!m_reader.open(m_path, error))
            return false;
        m_format = m_reader.format();
        m_blockFrames = static_cast<size_t>(m_format.sampleRate / 100);
        m_block.assign(m_blockFrames * static_cast<size_t>(m_format.channels), 0.0f);
        m_started = false;
        m_thread.start(std::chrono::milliseconds(10), [this] { tick(); });
        return true;
    }
    void close() override
    {
        m_thread.stop();
        m_reader.close();
    }

private:
    DeviceInfo device() const
    {
        const size_t slash = m_path.find_last_of('/');
        const std::string base = slash == std::string::npos ? m_path : m_path.substr(slash + 1);
        return {sourceid::kFilePrefix + m_path, "File: " + base, DeviceKind::Virtual, true};
    }

    void tick()
    {
        // Fill a whole block, wrapping to the start at the end so the loop has no gap.
        size_t filled = 0;
        int emptyReads = 0;
        while (filled < m_blockFrames && emptyReads < 2) {
            const size_t n = m_reader.read(m_block.data() + filled * static_cast<size_t>(m_format.channels),
                                           m_blockFrames - filled);
            if (n == 0) {
                ++emptyReads;
                m_reader.rewind();
            } else {
                emptyReads = 0;
            }
            filled += n;
        }
        if (!m_sink || filled == 0)
            return;
        if (!m_started) {
            m_started = true;
            const DeviceInfo d = device();
            m_sink->onStreamEvent(StreamEvent::Started, "Playing " + d.name, d.id, d.name);
        }
        m_sink->onAudio(m_block.data(), filled, m_format, false);
    }

    std::string m_path;
    CaptureSink *m_sink = nullptr;
    SoundFileReader m_reader;
    PacedThread m_thread;
    StreamFormat m_format;
    size_t m_blockFrames = 0;
    std::vector<float> m_block;
    bool m_started = false;
};

} // namespace

std::unique_ptr<AudioBackend> createFileBackend(const std::string &path)
{
    return std::make_unique<FileBackend>(path);
}

} // namespace spectray::capture
