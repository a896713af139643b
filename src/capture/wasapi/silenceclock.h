#pragma once

// Keeps the frame clock honest. WASAPI loopback delivers no packets at all while nothing plays; the
// engine still has to see silence frames on time (then it goes idle), so on every wake-up the
// capture thread asks this clock how many zero frames are due. When packets only came late (a
// scheduling hiccup), the zeros already stood in for part of them: the clock says how many leading
// frames of those late packets to drop, so the engine never gets more frames than wall time.
// Pure C++ with no Windows headers: unit-tested on Linux (tests/wasapi).

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace spectray::capture::wasapi {

class SilenceClock final
{
public:
    using Clock = std::chrono::steady_clock;

    // `gap`: how long packets may be late before we assume the endpoint has gone quiet. Several
    // device periods (10 ms each), so ordinary jitter never inserts zeros.
    explicit SilenceClock(std::chrono::milliseconds gap = std::chrono::milliseconds(100))
        : m_gap(gap)
    {
    }

    // Stream (re)started at `now`.
    void reset(int sampleRate, Clock::time_point now)
    {
        m_rate = sampleRate;
        m_coveredUntil = now;
        m_lastPacket = now;
        m_syntheticUntil = Clock::time_point::min();
    }

    // A real packet of `frames` frames arrived at `now`; its first frame was recorded at `start`
    // (from the packet's QPC position; pass now - duration when unknown). Returns how many leading
    // frames to drop because zeros were already delivered for that time.
    std::uint64_t onPacket(Clock::time_point now, Clock::time_point start, std::uint64_t frames)
    {
        std::uint64_t skip = 0;
        if (m_rate > 0 && start < m_syntheticUntil)
            skip = std::min<std::uint64_t>(frames, framesIn(m_syntheticUntil - start));
        // While packets flow their own timestamps carry the clock (syntheticUntil lies in the
        // past then); right after zeros, coverage never moves back before them.
        m_coveredUntil = std::max(m_syntheticUntil, start + durationOf(frames));
        m_lastPacket = now;
        return skip;
    }

    // Zero frames to deliver now (0 while packets flow). Covers the whole time not yet covered, so
    // the total frame count matches wall time; at most `maxFrames` per call, so a long stall
    // (suspend, debugger) yields a bounded burst rather than minutes of zeros.
    std::uint64_t silenceDue(Clock::time_point now, std::uint64_t maxFrames)
    {
        if (m_rate <= 0 || now - m_lastPacket < m_gap || now <= m_coveredUntil)
            return 0;
        std::uint64_t due = framesIn(now - m_coveredUntil);
        if (due > maxFrames) {
            // Drop what cannot be caught up: the clock does not chase the backlog.
            due = maxFrames;
            m_coveredUntil = now;
        } else {
            m_coveredUntil += durationOf(due);
        }
        m_syntheticUntil = m_coveredUntil;
        return due;
    }

private:
    std::uint64_t framesIn(Clock::duration d) const
    {
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
        return ns <= 0 ? 0 : std::uint64_t(ns) * std::uint64_t(m_rate) / 1000000000u;
    }
    Clock::duration durationOf(std::uint64_t frames) const
    {
        if (m_rate <= 0)
            return Clock::duration::zero();
        return std::chrono::duration_cast<Clock::duration>(
            std::chrono::nanoseconds(std::int64_t(frames * 1000000000u / std::uint64_t(m_rate))));
    }

    std::chrono::milliseconds m_gap;
    int m_rate = 0;
    Clock::time_point m_coveredUntil{}; // wall time up to which the engine has frames
    Clock::time_point m_lastPacket{};   // arrival of the last real packet
    Clock::time_point m_syntheticUntil{}; // end of the zeros delivered last; late packets before it are dropped
};

} // namespace spectray::capture::wasapi
