#include "audioqueue.h"

#include <algorithm>

namespace spectray {

AudioQueue::AudioQueue(double maxSeconds)
    : m_maxSeconds(maxSeconds)
{
}

bool AudioQueue::push(const float *interleaved, std::size_t frames, const capture::StreamFormat &format,
                      bool silentHint)
{
    if (frames == 0 || format.channels <= 0 || format.sampleRate <= 0)
        return false;
    const auto channels = std::size_t(format.channels);
    std::lock_guard lock(m_mutex);
    const bool sameSegment = !m_segments.empty() && m_segments.back().format.sampleRate == format.sampleRate
                             && m_segments.back().format.channels == format.channels
                             && m_segments.back().silentHint == silentHint;
    if (!sameSegment)
        m_segments.push_back({format, m_samples.size(), silentHint});
    m_samples.insert(m_samples.end(), interleaved, interleaved + frames * channels);

    // Overflow: keep only the newest maxSeconds of the last format. Older segments go entirely.
    const auto limit = std::size_t(m_maxSeconds * format.sampleRate) * channels;
    if (m_samples.size() > limit) {
        const std::size_t excess = m_samples.size() - limit;
        const std::size_t dropFrames = (excess + channels - 1) / channels;
        const std::size_t dropSamples = std::min(m_samples.size(), dropFrames * channels);
        m_samples.erase(m_samples.begin(), m_samples.begin() + std::ptrdiff_t(dropSamples));
        m_droppedFrames += dropFrames;
        // Re-base segments; any segment that now starts before 0 is folded into the first.
        for (auto &s : m_segments)
            s.firstSample = s.firstSample > dropSamples ? s.firstSample - dropSamples : 0;
        while (m_segments.size() > 1 && m_segments[1].firstSample == 0)
            m_segments.erase(m_segments.begin());
    }

    const bool wake = !m_wakePending;
    m_wakePending = true;
    return wake;
}

std::uint64_t AudioQueue::take(std::vector<float> &samples, std::vector<Segment> &segments)
{
    samples.clear();
    segments.clear();
    std::lock_guard lock(m_mutex);
    samples.swap(m_samples);
    segments.swap(m_segments);
    m_wakePending = false;
    const std::uint64_t dropped = m_droppedFrames;
    m_droppedFrames = 0;
    return dropped;
}

void AudioQueue::clear()
{
    std::lock_guard lock(m_mutex);
    m_samples.clear();
    m_segments.clear();
    m_droppedFrames = 0;
    m_wakePending = false;
}

} // namespace spectray
