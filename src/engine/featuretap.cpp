#include "featuretap.h"

#include "dsp/sanitize.h"
// The one GeqResult -> AudioFeatures recipe; header-only (core + dsp), shared with the outputs tests.
#include "engine/featurebridge.h"

#include <algorithm>

namespace spectray {

FeatureTap::~FeatureTap() = default;

void FeatureTap::configure(int sampleRate)
{
    m_geq = std::make_unique<dsp::GeqAnalysis>(sampleRate);
    m_window = std::size_t(m_geq->windowSize());
    m_ring.assign(2 * m_window, 0.0f);
    m_pos = 0;
}

void FeatureTap::clear()
{
    m_geq.reset();
    m_ring = {};
    m_window = 0;
    m_chunk = nullptr;
}

void FeatureTap::resetHistory()
{
    std::fill(m_ring.begin(), m_ring.end(), 0.0f);
    m_pos = 0;
    if (m_geq)
        m_geq->reset();
}

void FeatureTap::beginChunk(const float *interleaved, std::size_t frames, int channels)
{
    m_chunk = interleaved;
    m_chunkFrames = frames;
    m_channels = channels;
    m_mixed = 0;
}

void FeatureTap::mixUpTo(std::size_t framesIntoChunk)
{
    const std::size_t end = std::min(framesIntoChunk, m_chunkFrames);
    const auto n = std::size_t(m_channels);
    for (; m_mixed < end; ++m_mixed) {
        // The framer's mono mix: the mean of the sanitised channels.
        const float *src = m_chunk + m_mixed * n;
        float sum = 0.0f;
        for (std::size_t c = 0; c < n; ++c)
            sum += dsp::sanitizeSample(src[c]);
        const float mono = sum / float(n);
        m_ring[m_pos] = mono;
        m_ring[m_pos + m_window] = mono;
        m_pos = m_pos + 1 == m_window ? 0 : m_pos + 1;
    }
}

const AudioFeatures &FeatureTap::analyze(std::size_t framesIntoChunk, quint64 sequence, double streamTime,
                                        qint64 playTsMs)
{
    mixUpTo(framesIntoChunk);
    m_geq->analyze(m_ring.data() + m_pos, streamTime, m_result);
    m_features = makeAudioFeatures(m_result, sequence, streamTime, m_beats);
    m_features.playTsMs = playTsMs; // the LED sender holds them until then (outputs/playdelay.h)
    return m_features;
}

void FeatureTap::endChunk()
{
    mixUpTo(m_chunkFrames);
    m_chunk = nullptr;
}

} // namespace spectray
