#include "dsp/streamframer.h"

#include "dsp/sanitize.h"

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

void StreamFramer::mix(const float *src, std::size_t frames, int channels)
{
    // Every sample is sanitised here, the one door into the analysis that live capture and files
    // share (issue #9). In runs that do not wrap, so the loops vectorise; the mirror half is a copy.
    while (frames > 0) {
        const std::size_t run = std::min(frames, m_window - m_pos);
        float *dst = m_ring.data() + m_pos;
        if (channels == 1) {
            for (std::size_t j = 0; j < run; ++j)
                dst[j] = sanitizeSample(src[j]);
        } else if (channels == 2) {
            for (std::size_t j = 0; j < run; ++j)
                dst[j] = (sanitizeSample(src[2 * j]) + sanitizeSample(src[2 * j + 1])) / 2.0f;
        } else {
            // numpy's mean(axis=1) on float32: a float32 sum in order, then the division.
            const auto n = std::size_t(channels);
            for (std::size_t j = 0; j < run; ++j) {
                float sum = sanitizeSample(src[j * n]);
                for (std::size_t c = 1; c < n; ++c)
                    sum += sanitizeSample(src[j * n + c]);
                dst[j] = sum / float(channels);
            }
        }
        std::copy(dst, dst + run, dst + m_window);
        src += run * std::size_t(channels);
        frames -= run;
        m_pos += run;
        if (m_pos == m_window)
            m_pos = 0;
    }
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
        mix(interleaved + i * std::size_t(channels), run, channels);
        i += run;
        m_delivered += run;
        if (m_delivered == m_nextFrameAt) {
            m_analyzer.analyzeNext(m_ring.data() + m_pos, m_frame);
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
    m_analyzer.restart();
}

} // namespace spectray::dsp
