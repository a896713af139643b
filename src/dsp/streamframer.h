#pragma once

#include "dsp/spectrumanalyzer.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace spectray::dsp {

// Cuts a stream into analysis frames. Frame k is due when the source has delivered k * hop + W
// samples (k >= 0) and analyses exactly the newest W of them, so the frames depend only on the
// samples, never on how they were chunked: offline files and live capture give the same numbers.
class StreamFramer final
{
public:
    using FrameCallback = std::function<void(const FrameValues &, uint64_t samplesDeliveredAtFrame)>;

    explicit StreamFramer(SpectrumAnalyzer &analyzer);

    // Sanitises every sample (dsp/sanitize.h), mixes interleaved input to mono (mean of the
    // channels) and calls onFrame for every frame due.
    void push(const float *interleaved, std::size_t frames, int channels, const FrameCallback &onFrame);
    uint64_t samplesDelivered() const { return m_delivered; }
    void reset(); // a new stream: history and counters cleared, the analyzer's gain kept

private:
    void mix(const float *interleaved, std::size_t frames, int channels);

    SpectrumAnalyzer &m_analyzer;
    std::size_t m_window;
    uint64_t m_hop;
    // Every sample is written twice, at pos and pos + W, so the newest W samples are always one
    // contiguous run m_ring[pos .. pos + W) and a frame needs no copy.
    std::vector<float> m_ring;
    std::size_t m_pos = 0;
    uint64_t m_delivered = 0;
    uint64_t m_nextFrameAt;
    FrameValues m_frame;
};

} // namespace spectray::dsp
