#pragma once

#include "capture/audiobackend.h"

#include <chrono>
#include <cmath>
#include <mutex>
#include <numbers>
#include <string>
#include <vector>

namespace spectray::test {

// A CaptureSink that keeps everything (mono mix, timestamps, events) for assertions.
class CaptureRecorder final : public capture::CaptureSink
{
public:
    using Clock = std::chrono::steady_clock;

    struct Event
    {
        capture::StreamEvent event;
        std::string message;
        std::string deviceId;
        std::string deviceName;
        Clock::time_point when;
    };

    void onAudio(const float *interleaved, std::size_t frames, const capture::StreamFormat &format, bool) override
    {
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        if (m_frames == 0)
            m_firstAudio = now;
        m_format = format;
        for (std::size_t i = 0; i < frames; ++i) {
            float sum = 0.0f;
            for (int c = 0; c < format.channels; ++c)
                sum += interleaved[i * static_cast<std::size_t>(format.channels) + static_cast<std::size_t>(c)];
            const float v = sum / static_cast<float>(format.channels);
            m_mono.push_back(v);
            if (m_threshold > 0.0f && !m_crossed && std::fabs(v) >= m_threshold) {
                m_crossed = true;
                m_crossedAt = now;
            }
        }
        m_frames += frames;
        ++m_callbacks;
    }
    void onDevicesChanged(const std::vector<capture::DeviceInfo> &devices) override
    {
        std::lock_guard lock(m_mutex);
        m_devices = devices;
        ++m_deviceChanges;
    }
    void onStreamEvent(capture::StreamEvent event, const std::string &message, const std::string &deviceId,
                       const std::string &deviceName) override
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back({event, message, deviceId, deviceName, Clock::now()});
    }

    void reset()
    {
        std::lock_guard lock(m_mutex);
        m_mono.clear();
        m_frames = 0;
        m_callbacks = 0;
        m_events.clear();
        m_crossed = false;
        m_threshold = 0.0f;
    }
    std::size_t frames() const { std::lock_guard lock(m_mutex); return m_frames; }
    std::size_t callbacks() const { std::lock_guard lock(m_mutex); return m_callbacks; }
    capture::StreamFormat format() const { std::lock_guard lock(m_mutex); return m_format; }
    Clock::time_point firstAudio() const { std::lock_guard lock(m_mutex); return m_firstAudio; }
    std::vector<Event> events() const { std::lock_guard lock(m_mutex); return m_events; }
    std::vector<capture::DeviceInfo> devices() const { std::lock_guard lock(m_mutex); return m_devices; }
    int deviceChanges() const { std::lock_guard lock(m_mutex); return m_deviceChanges; }
    bool hasEvent(capture::StreamEvent e) const
    {
        std::lock_guard lock(m_mutex);
        for (const Event &ev : m_events)
            if (ev.event == e)
                return true;
        return false;
    }
    // Arms detection of the first sample with |v| >= threshold (for click latency).
    void armThreshold(float threshold) { std::lock_guard lock(m_mutex); m_threshold = threshold; m_crossed = false; }
    bool crossed(Clock::time_point &when) const { std::lock_guard lock(m_mutex); when = m_crossedAt; return m_crossed; }

    // The newest `count` mono samples (fewer if not yet captured).
    std::vector<float> tail(std::size_t count) const
    {
        std::lock_guard lock(m_mutex);
        const std::size_t n = std::min(count, m_mono.size());
        return {m_mono.end() - static_cast<std::ptrdiff_t>(n), m_mono.end()};
    }

private:
    mutable std::mutex m_mutex;
    std::vector<float> m_mono;
    std::size_t m_frames = 0;
    std::size_t m_callbacks = 0;
    capture::StreamFormat m_format;
    Clock::time_point m_firstAudio;
    std::vector<Event> m_events;
    std::vector<capture::DeviceInfo> m_devices;
    int m_deviceChanges = 0;
    float m_threshold = 0.0f;
    bool m_crossed = false;
    Clock::time_point m_crossedAt;
};

inline double rms(const std::vector<float> &x)
{
    double s = 0.0;
    for (float v : x)
        s += static_cast<double>(v) * v;
    return x.empty() ? 0.0 : std::sqrt(s / static_cast<double>(x.size()));
}

// Frequency with the largest DFT magnitude in [fromHz, toHz] (step `stepHz`): a plain DFT is
// enough for a few thousand samples and keeps the test independent of the DSP layer.
inline double dominantFrequency(const std::vector<float> &x, int rate, double fromHz = 50.0, double toHz = 8000.0,
                                double stepHz = 5.0)
{
    double best = 0.0;
    double bestHz = 0.0;
    for (double hz = fromHz; hz <= toHz; hz += stepHz) {
        const double w = 2.0 * std::numbers::pi * hz / rate;
        // Goertzel recurrence: one multiply-add per sample.
        double s1 = 0.0, s2 = 0.0;
        const double coeff = 2.0 * std::cos(w);
        for (float v : x) {
            const double s0 = v + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        if (power > best) {
            best = power;
            bestHz = hz;
        }
    }
    return bestHz;
}

} // namespace spectray::test
