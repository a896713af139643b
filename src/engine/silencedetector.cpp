#include "silencedetector.h"

namespace spectray {

namespace {

// Index of the last non-zero sample, or `count` when all are zero.
std::size_t lastSound(const float *samples, std::size_t count)
{
    for (std::size_t i = count; i-- > 0;) {
        if (samples[i] != 0.0f)
            return i;
    }
    return count;
}

} // namespace

SilenceDetector::Change SilenceDetector::observe(const float *interleaved, std::size_t frames, int channels,
                                                 int sampleRate, bool silentHint)
{
    if (frames == 0 || channels <= 0)
        return Change::None;
    const std::size_t count = frames * std::size_t(channels);
    const std::size_t last = silentHint ? count : lastSound(interleaved, count);
    if (last < count) {
        // The run of silence restarts after the last sound in this chunk.
        m_silentRunFrames = (count - 1 - last) / std::size_t(channels);
        if (!m_silent)
            return Change::None;
        m_silent = false;
        return Change::SoundReturned;
    }
    m_silentRunFrames += frames;
    if (!m_silent && double(m_silentRunFrames) >= m_holdSeconds * sampleRate) {
        m_silent = true;
        return Change::BecameSilent;
    }
    return Change::None;
}

void SilenceDetector::reset()
{
    m_silentRunFrames = 0;
    m_silent = false;
}

} // namespace spectray
