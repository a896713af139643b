#include "dsp/streamframer.h"

#include <algorithm>

namespace spectray::dsp {

StreamFramer::StreamFramer(SpectrumAnalyzer &analyzer)
    : m_analyzer(analyzer)
    , m_window(std::size_t(analyzer.windowSize()))
    , m_hop(uint64_t(analyzer.hopSize()))
    , m_ring(2 * m_window, 0.0f)
    , m_nextFrameAt(m_window)
{
    m_frame.bands.reserve(std::size_t(analyzer.config().bands));
}

void StreamFramer::push(const float *interleaved, std::size_t frames, int channels, const FrameCallback &onFrame)
{
    if (channels < 1)
        return;
    std::size_t i = 0;
    while (i < frames) {
        // Copy up to the next frame boundary, then analyse; the boundary check stays out of the
        // per-sample loop.
        const uint64_t untilFrame = m_nextFrameAt - m_delivered;
        const std::size_t run = std::size_t(std::min<uint64_t>(untilFrame, frames - i));
        const float *src = interleaved + i * std::size_t(channels);
        for (std::size_t j = 0; j < run; ++j) {
            float v;
            if (channels == 1) {
                v = src[j];
            } else {
                // numpy's mean(axis=1) on float32: a float32 sum in order, then the division.
                const float *f = src + j * std::size_t(channels);
                float sum = f[0];
                for (int c = 1; c < channels; ++c)
                    sum += f[c];
                v = sum / float(channels);
            }
            m_ring[m_pos] = v;
            m_ring[m_pos + m_window] = v;
            if (++m_pos == m_window)
                m_pos = 0;
        }
        i += run;
        m_delivered += run;
        if (m_delivered == m_nextFrameAt) {
            m_analyzer.analyze(m_ring.data() + m_pos, m_frame);
            m_nextFrameAt += m_hop;
            if (onFrame)
                onFrame(m_frame, m_delivered);
        }
    }
}

void StreamFramer::reset()
{
    std::fill(m_ring.begin(), m_ring.end(), 0.0f);
    m_pos = 0;
    m_delivered = 0;
    m_nextFrameAt = m_window;
}

} // namespace spectray::dsp
