// A synthetic "song" for machines with no audio server: kick drum on every beat, a slowly
// changing chord, and hi-hat noise on the off-beats, at 120 bpm, 48 kHz stereo.
#include "capture/audiobackend.h"
#include "capture/pacedthread.h"

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace spectray::capture {

namespace {

constexpr int kRate = 48000;
constexpr int kBlock = kRate / 100; // 10 ms
constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr const char *kDemoId = sourceid::kDemo;

class DemoBackend final : public AudioBackend
{
public:
    ~DemoBackend() override { close(); }
    std::string name() const override { return "demo"; }
    void setSink(CaptureSink *sink) override { m_sink = sink; }
    std::vector<DeviceInfo> devices() override { return {demoDevice()}; }

    bool open(const std::string &deviceId, std::string &error) override
    {
        close();
        if (!deviceId.empty() && deviceId != kDemoId && deviceId != kDefaultOutputId) {
            error = "unknown demo device: " + deviceId;
            return false;
        }
        m_block.assign(static_cast<size_t>(kBlock) * 2, 0.0f);
        m_sample = 0;
        m_started = false;
        m_thread.start(std::chrono::milliseconds(10), [this] { tick(); });
        return true;
    }
    void close() override { m_thread.stop(); }

private:
    static DeviceInfo demoDevice() { return {kDemoId, sourceid::kDemoName, DeviceKind::Virtual, true}; }

    void tick()
    {
        render();
        if (!m_sink)
            return;
        if (!m_started) {
            m_started = true;
            const DeviceInfo d = demoDevice();
            m_sink->onStreamEvent(StreamEvent::Started, "Capturing " + d.name, d.id, d.name);
        }
        m_sink->onAudio(m_block.data(), kBlock, StreamFormat{kRate, 2}, false);
    }

    float noise()
    {
        m_rng = m_rng * 1664525u + 1013904223u;
        return static_cast<float>(m_rng >> 8) / static_cast<float>(1u << 24) * 2.0f - 1.0f;
    }

    void render()
    {
        static constexpr double kChords[4][3] = {
            {220.00, 277.18, 329.63}, // A major
            {196.00, 246.94, 293.66}, // G major
            {174.61, 220.00, 261.63}, // F major
            {196.00, 246.94, 329.63}, // E minor-ish
        };
        const int64_t beat = kRate / 2; // 120 bpm
        for (int i = 0; i < kBlock; ++i, ++m_sample) {
            const double t = static_cast<double>(m_sample) / kRate;
            const double sinceBeat = static_cast<double>(m_sample % beat) / kRate;
            const double sinceOff = static_cast<double>((m_sample + beat / 2) % beat) / kRate;
            // Kick: a sine falling from 150 to 50 Hz with a fast decay.
            const double kickHz = 50.0 + 100.0 * std::exp(-sinceBeat * 30.0);
            m_kickPhase = std::fmod(m_kickPhase + kTwoPi * kickHz / kRate, kTwoPi);
            const double kick = 0.8 * std::exp(-sinceBeat * 8.0) * std::sin(m_kickPhase);
            // Chord: changes every two bars, with slight detune between the channels.
            const auto &chord = kChords[(m_sample / (beat * 8)) % 4];
            double left = 0.0;
            double right = 0.0;
            for (double hz : chord) {
                left += std::sin(kTwoPi * hz * t);
                right += std::sin(kTwoPi * hz * 1.003 * t);
            }
            const double pad = 0.08 * (0.7 + 0.3 * std::sin(kTwoPi * 0.25 * t));
            const double hat = 0.15 * std::exp(-sinceOff * 60.0) * noise();
            m_block[2 * i] = static_cast<float>(kick + pad * left + hat);
            m_block[2 * i + 1] = static_cast<float>(kick + pad * right + hat * 0.8);
        }
    }

    CaptureSink *m_sink = nullptr;
    PacedThread m_thread;
    std::vector<float> m_block;
    int64_t m_sample = 0;
    double m_kickPhase = 0.0;
    uint32_t m_rng = 12345;
    bool m_started = false;
};

} // namespace

std::unique_ptr<AudioBackend> createDemoBackend() { return std::make_unique<DemoBackend>(); }

} // namespace spectray::capture
