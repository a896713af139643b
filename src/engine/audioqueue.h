#pragma once

#include "capture/audiobackend.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace spectray {

// Hands interleaved samples from a backend's thread to the worker thread. The producer appends
// under a short lock; the consumer swaps the whole buffer out, so after warm-up neither side
// allocates. Bounded: if the worker ever falls behind by more than `maxSeconds`, the oldest
// samples are dropped (and counted) so latency can never grow without bound.
class AudioQueue final
{
public:
    struct Segment
    {
        capture::StreamFormat format;
        std::size_t firstSample = 0; // index into the taken buffer where this format starts
        bool silentHint = false;
    };

    explicit AudioQueue(double maxSeconds = 2.0);

    // Producer side. Returns true when the consumer should be woken (nothing was pending).
    bool push(const float *interleaved, std::size_t frames, const capture::StreamFormat &format, bool silentHint);

    // Consumer side: moves everything queued into `samples`/`segments` (their storage is reused).
    // Returns the number of interleaved frames dropped since the last take because of overflow.
    std::uint64_t take(std::vector<float> &samples, std::vector<Segment> &segments);

    // Drops anything queued (device switch) and re-arms the wake-up.
    void clear();

private:
    std::mutex m_mutex;
    std::vector<float> m_samples;
    std::vector<Segment> m_segments;
    std::uint64_t m_droppedFrames = 0;
    bool m_wakePending = false;
    double m_maxSeconds;
};

} // namespace spectray
