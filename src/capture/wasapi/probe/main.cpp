// spectray-wasapi-probe: checks the WASAPI backend on a Windows machine without Qt.
//   spectray-wasapi-probe --list-devices
//   spectray-wasapi-probe --seconds N [--device ID-OR-NAME]
// Pure C++ on the capture interface only, so it cross-compiles with MinGW here.

#include "capture/audiobackend.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

using namespace spectray::capture;

namespace {

const char *kindName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Loopback: return "loopback";
    case DeviceKind::Input: return "input";
    case DeviceKind::Virtual: return "virtual";
    case DeviceKind::Application: return "application";
    }
    return "?";
}

const char *eventName(StreamEvent e)
{
    switch (e) {
    case StreamEvent::Started: return "started";
    case StreamEvent::DeviceLost: return "device-lost";
    case StreamEvent::ServerLost: return "server-lost";
    case StreamEvent::ServerBack: return "server-back";
    case StreamEvent::Failed: return "failed";
    case StreamEvent::Waiting: return "waiting";
    }
    return "?";
}

double toDb(double v)
{
    return v > 1e-10 ? 20.0 * std::log10(v) : -200.0;
}

// Prints one line of levels per half second of audio (counted in frames, i.e. in stream time).
class LevelPrinter final : public CaptureSink
{
public:
    void onAudio(const float *interleaved, std::size_t frames, const StreamFormat &format, bool silentHint) override
    {
        for (std::size_t i = 0; i < frames; ++i) {
            double mono = 0.0;
            for (int c = 0; c < format.channels; ++c)
                mono += interleaved[i * std::size_t(format.channels) + std::size_t(c)];
            mono /= format.channels;
            m_sumSquares += mono * mono;
            m_peak = std::max(m_peak, std::fabs(mono));
            if (++m_frames >= std::size_t(format.sampleRate / 2))
                flush(format);
        }
        if (silentHint)
            ++m_silentPackets;
        ++m_packets;
    }

    void onDevicesChanged(const std::vector<DeviceInfo> &devices) override
    {
        std::printf("devices changed: %zu endpoints\n", devices.size());
    }

    void onStreamEvent(StreamEvent event, const std::string &message, const std::string &deviceId,
                       const std::string &) override
    {
        std::printf("event %s: %s [%s]\n", eventName(event), message.c_str(), deviceId.c_str());
        std::fflush(stdout);
    }

private:
    void flush(const StreamFormat &format)
    {
        m_seconds += double(m_frames) / format.sampleRate;
        std::printf("t=%6.2fs  %d Hz %d ch  rms %7.1f dBFS  peak %7.1f dBFS  packets %zu (silent %zu)\n",
                    m_seconds, format.sampleRate, format.channels, toDb(std::sqrt(m_sumSquares / double(m_frames))),
                    toDb(m_peak), m_packets, m_silentPackets);
        std::fflush(stdout);
        m_frames = 0;
        m_sumSquares = 0.0;
        m_peak = 0.0;
        m_packets = 0;
        m_silentPackets = 0;
    }

    double m_seconds = 0.0;
    std::size_t m_frames = 0;
    double m_sumSquares = 0.0;
    double m_peak = 0.0;
    std::size_t m_packets = 0;
    std::size_t m_silentPackets = 0;
};

int usage()
{
    std::fprintf(stderr, "usage: spectray-wasapi-probe --list-devices\n"
                         "       spectray-wasapi-probe --seconds N [--device ID-OR-NAME]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    bool list = false;
    double seconds = 0.0;
    std::string device = kDefaultOutputId;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--list-devices") == 0)
            list = true;
        else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--device") == 0 && i + 1 < argc)
            device = argv[++i];
        else
            return usage();
    }
    if (!list && seconds <= 0.0)
        return usage();

    std::unique_ptr<AudioBackend> backend = createSystemBackend();
    if (!backend) {
        std::fprintf(stderr, "no system audio backend on this platform\n");
        return 1;
    }
    if (list) {
        const auto devices = backend->devices();
        for (const DeviceInfo &d : devices)
            std::printf("%-8s %s %s\n         id: %s\n", kindName(d.kind), d.isDefault ? "*" : " ", d.name.c_str(),
                        d.id.c_str());
        std::printf("%zu devices (%s)\n", devices.size(), backend->name().c_str());
        return devices.empty() ? 1 : 0;
    }

    LevelPrinter printer;
    backend->setSink(&printer);
    std::string error;
    if (!backend->open(device, error)) {
        std::fprintf(stderr, "cannot capture \"%s\": %s\n", device.c_str(), error.c_str());
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    backend->close();
    return 0;
}
