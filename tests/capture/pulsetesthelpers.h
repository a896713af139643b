#pragma once

// Small helpers shared by the PulseAudio integration tests.
#include "capture/audiobackend.h"
#include "capturerecorder.h"

#include <chrono>
#include <cmath>
#include <thread>

namespace spectray::test::pulsehelpers {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

inline double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Polls `cond` until it holds or `timeout` passes; returns the time it took (or -1).
template<typename F>
double waitFor(F cond, std::chrono::milliseconds timeout)
{
    const auto t0 = Clock::now();
    while (Clock::now() - t0 < timeout) {
        if (cond())
            return ms(Clock::now() - t0);
        std::this_thread::sleep_for(2ms);
    }
    return cond() ? ms(Clock::now() - t0) : -1.0;
}

// Frequency of the newest 100 ms, once at least that much has arrived after `since` frames.
inline double recentFrequency(const CaptureRecorder &rec)
{
    const auto x = rec.tail(4800);
    return rms(x) < 0.05 ? 0.0 : dominantFrequency(x, rec.format().sampleRate, 100.0, 4000.0, 10.0);
}

// Waits until the newest 100 ms of `rec` carry a tone within 10 Hz of `hz`; the time it took, or -1.
inline double waitForTone(const CaptureRecorder &rec, double hz, std::chrono::milliseconds timeout)
{
    return waitFor([&] { return std::abs(recentFrequency(rec) - hz) <= 10.0; }, timeout);
}

inline bool hasDevice(const std::vector<capture::DeviceInfo> &list, const std::string &id, capture::DeviceInfo *out = nullptr)
{
    for (const auto &d : list)
        if (d.id == id) {
            if (out)
                *out = d;
            return true;
        }
    return false;
}


} // namespace spectray::test::pulsehelpers
