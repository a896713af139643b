#pragma once

// Keeps the frame clock honest while loopback is quiet. WASAPI loopback delivers no packets at all
// while nothing plays; the engine still has to see silence frames on time (then it goes idle), so
// the capture thread asks this clock, on every wake-up, how many zero frames are due.
// Pure C++ with no Windows headers: unit-tested on Linux (tests/wasapi).

#include <chrono>
#include <cstdint>

namespace spectray::capture::wasapi {

class SilenceClock final
{
public:
    using Clock = std::chrono::steady_clock;

    // `gap`: how long packets may be late before we assume the endpoint has gone quiet. Must be
    // several device periods (10 ms each) so ordinary scheduling jitter never inserts zeros.
    explicit SilenceClock(std::chrono::milliseconds gap = std::chrono::milliseconds(60))
        : m_gap(gap)
    {
    }

    // Stream (re)started at `now`.
    void reset(int sampleRate, Clock::time_point now)
    {
        m_rate = sampleRate;
        m_anchor = now;
        m_synthesised = 0;
    }

    // Real packets arrived: they carry the clock from here on.
    void onPackets(Clock::time_point now)
    {
        m_anchor = now;
        m_synthesised = 0;
    }

    // Zero frames to deliver now (0 while packets flow). Covers the whole time since the last packet,
    // so the total frame count matches wall time; capped at `maxFrames` per call so a long stall
    // (suspend, debugger) yields a bounded burst rather than minutes of zeros.
    std::uint64_t silenceDue(Clock::time_point now, std::uint64_t maxFrames)
    {
        if (m_rate <= 0 || now - m_anchor < m_gap)
            return 0;
        const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(now - m_anchor).count();
        const auto expected = std::uint64_t(elapsed) * std::uint64_t(m_rate) / 1000000u;
        if (expected <= m_synthesised)
            return 0;
        std::uint64_t due = expected - m_synthesised;
        if (due > maxFrames) {
            // Drop what cannot be caught up: re-anchor so the clock does not chase the backlog.
            m_anchor = now;
            m_synthesised = 0;
            return maxFrames;
        }
        m_synthesised += due;
        return due;
    }

private:
    std::chrono::milliseconds m_gap;
    int m_rate = 0;
    Clock::time_point m_anchor{};
    std::uint64_t m_synthesised = 0;
};

} // namespace spectray::capture::wasapi
