#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spectray::capture {

// Sums several interleaved float streams of one format into one (an application's streams, or
// every stream but one application's). Each input arrives in its own packets at its own moments;
// the mixer hands out only frames every input has delivered, so the sum lines up sample for sample.
// An input that delivers nothing (a paused stream, one just added) would stall the others, so it
// is taken as silence once it lags more than `maxLagFrames` behind the fullest input.
// No allocation after the first packets of each input (the FIFOs keep their capacity).
class StreamMixer final
{
public:
    explicit StreamMixer(int channels = 2, std::size_t maxLagFrames = 1440) { reset(channels, maxLagFrames); }

    void reset(int channels, std::size_t maxLagFrames);
    void addInput(std::uint32_t key);
    void removeInput(std::uint32_t key);
    bool hasInput(std::uint32_t key) const;
    std::size_t inputCount() const { return m_inputs.size(); }
    int channels() const { return m_channels; }

    // Appends a packet of `key` and returns how many mixed frames are ready in mixed() (0 if none).
    // The returned frames stay valid until the next call.
    std::size_t push(std::uint32_t key, const float *interleaved, std::size_t frames);
    const float *mixed() const { return m_out.data(); }

private:
    struct Input
    {
        std::uint32_t key = 0;
        std::vector<float> fifo; // interleaved samples not yet mixed
    };

    std::size_t readyFrames() const;

    int m_channels = 2;
    std::size_t m_maxLag = 1440;
    std::vector<Input> m_inputs;
    std::vector<float> m_out;
};

} // namespace spectray::capture
