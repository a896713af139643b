#include "capture/streammixer.h"

#include <algorithm>

namespace spectray::capture {

void StreamMixer::reset(int channels, std::size_t maxLagFrames)
{
    m_channels = channels > 0 ? channels : 1;
    m_maxLag = maxLagFrames;
    m_inputs.clear();
    m_out.clear();
}

void StreamMixer::addInput(std::uint32_t key)
{
    if (!hasInput(key))
        m_inputs.push_back({ key, {} });
}

void StreamMixer::removeInput(std::uint32_t key)
{
    std::erase_if(m_inputs, [key](const Input &in) { return in.key == key; });
}

bool StreamMixer::hasInput(std::uint32_t key) const
{
    return std::any_of(m_inputs.begin(), m_inputs.end(), [key](const Input &in) { return in.key == key; });
}

std::size_t StreamMixer::readyFrames() const
{
    const auto ch = static_cast<std::size_t>(m_channels);
    std::size_t least = SIZE_MAX;
    std::size_t most = 0;
    for (const Input &in : m_inputs) {
        least = std::min(least, in.fifo.size() / ch);
        most = std::max(most, in.fifo.size() / ch);
    }
    if (m_inputs.empty())
        return 0;
    // A lagging input counts as silence for what it missed, so one paused stream cannot hold the
    // others back by more than the allowed lag.
    return most > least + m_maxLag ? most - m_maxLag : least;
}

std::size_t StreamMixer::push(std::uint32_t key, const float *interleaved, std::size_t frames)
{
    const auto ch = static_cast<std::size_t>(m_channels);
    const auto it = std::find_if(m_inputs.begin(), m_inputs.end(), [key](const Input &in) { return in.key == key; });
    if (it == m_inputs.end() || frames == 0)
        return 0;
    it->fifo.insert(it->fifo.end(), interleaved, interleaved + frames * ch);
    const std::size_t ready = readyFrames();
    if (ready == 0)
        return 0;
    const std::size_t samples = ready * ch;
    m_out.assign(samples, 0.0f);
    for (Input &in : m_inputs) {
        const std::size_t take = std::min(samples, in.fifo.size()); // short only when lagging
        for (std::size_t i = 0; i < take; ++i)
            m_out[i] += in.fifo[i];
        in.fifo.erase(in.fifo.begin(), in.fifo.begin() + static_cast<std::ptrdiff_t>(take));
    }
    return ready;
}

} // namespace spectray::capture
