#pragma once

#include <cstddef>
#include <vector>

namespace spectray::dsp {

// Halves the rate of a mono stream again and again (stage s runs at rate / 2^s), each stage a
// 7-tap binomial low-pass [1 6 15 20 15 6 1] / 64 followed by dropping every other sample, and
// keeps the newest `keep` samples of every stage.
//
// Why: the long rungs of the band ladder (docs/dsp.md) read only their lowest few dozen bins, so an
// 8192-point window of 44.1 kHz audio holds the same information for them as a 256-point window
// of the same span at 1378 Hz. Fed one hop at a time, the cascade costs ~7 multiply-adds per input
// sample and the FFTs that follow stay small (256 or 384 points at 44.1 kHz): the analysis touches a few kB per
// frame instead of the whole long window, which is what it costs when it runs with cold caches
// between two frames (issue 11).
//
// A stage's response is exactly cos^6(pi f / r) at its input rate r (real, times a 3-sample delay):
// powerGainAt() gives the cascade's, so the droop is divided out; at the top of what a rung reads
// (f <= r_last / 16 by the analyser's rule) an alias from above is >= 85 dB down.
class DecimationCascade final
{
public:
    // stages >= 1; keep: samples kept per stage; maxBlock: the most samples one push() takes.
    DecimationCascade(int stages, int keep, std::size_t maxBlock);

    int stages() const { return int(m_stages.size()); }
    void reset(); // a new stream: every stage's history is silence, the next sample has index 0
    void push(const float *samples, std::size_t count); // count <= maxBlock; allocates nothing
    // The newest `count` (<= keep) samples of stage s (1 .. stages()), oldest first, contiguous.
    const float *newest(int stage, int count) const;

    // The power gain |H(f)|^2 of the first `stages` stages at f Hz, input at rate Hz.
    static double powerGainAt(double f, double rate, int stages);
    // The delay of the first `stages` stages in input samples: 3 per stage at its own rate.
    static double delaySamples(int stages);

    static constexpr int kTaps = 7;

private:
    struct Stage
    {
        float carry[kTaps - 1] = {}; // the last block's newest inputs, oldest first
        std::vector<float> ring;     // 2 * keep: every output written twice (see StreamFramer)
        std::size_t pos = 0;
        bool outputDue = false;      // the next input completes an output (odd index since reset)
    };
    // Filters and halves `count` (<= chunkLimit()) inputs into the stage's ring; returns how many
    // outputs it wrote: the ring's newest, which the next stage reads in place.
    std::size_t run(Stage &stage, const float *in, std::size_t count);
    std::size_t chunkLimit() const { return 2 * m_keep - 2; }
    const float *newestOf(const Stage &stage, std::size_t count) const; // count clamped to keep

    std::vector<Stage> m_stages;
    std::size_t m_keep;
    std::size_t m_maxBlock;
};

} // namespace spectray::dsp
