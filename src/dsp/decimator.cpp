#include "dsp/decimator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace spectray::dsp {

namespace {
// The binomial kernel [1 6 15 20 15 6 1] / 64, by symmetry: outer, next, inner pairs and centre.
constexpr float kOuter = 1.0f / 64.0f;
constexpr float kNext = 6.0f / 64.0f;
constexpr float kInner = 15.0f / 64.0f;
constexpr float kCentre = 20.0f / 64.0f;
constexpr std::size_t kCarry = DecimationCascade::kTaps - 1;
} // namespace

DecimationCascade::DecimationCascade(int stages, int keep, std::size_t maxBlock)
    : m_stages(std::size_t(std::max(stages, 1)))
    , m_keep(std::size_t(std::max(keep, int(kTaps))))
    , m_maxBlock(maxBlock)
{
    for (Stage &stage : m_stages)
        stage.ring.assign(2 * m_keep, 0.0f);
}

void DecimationCascade::reset()
{
    for (Stage &stage : m_stages) {
        std::fill(std::begin(stage.carry), std::end(stage.carry), 0.0f);
        std::fill(stage.ring.begin(), stage.ring.end(), 0.0f);
        stage.pos = 0;
        stage.outputDue = false;
    }
}

// Why in place: the input is read where it lies and each output written only into the ring (twice),
// with no copies of the block in between. Run once per frame with cold caches, every cache line a
// stage touches costs more than its arithmetic (issue 11).
std::size_t DecimationCascade::run(Stage &stage, const float *in, std::size_t count)
{
    // The stream as this block sees it: the kCarry carried inputs, then in[0 .. count). Output m is
    // due at input 2m + 1 and weighs seven consecutive inputs, the last of them the one completing
    // it: at stream index j it reads [j, j + 6]. Outputs starting in the carry read `head` (the
    // carry and the block's first inputs); the rest read the block in place.
    float head[2 * kCarry];
    const std::size_t headInputs = std::min(count, kCarry);
    std::copy(std::begin(stage.carry), std::end(stage.carry), head);
    std::copy(in, in + headInputs, head + kCarry);
    const auto filter = [](const float *x) {
        return kOuter * (x[0] + x[6]) + kNext * (x[1] + x[5]) + kInner * (x[2] + x[4]) + kCentre * x[3];
    };
    std::size_t produced = 0;
    for (std::size_t j = stage.outputDue ? 0 : 1; j < count; j += 2) {
        const float y = filter(j < kCarry ? head + j : in + (j - kCarry));
        stage.ring[stage.pos] = stage.ring[stage.pos + m_keep] = y;
        if (++stage.pos == m_keep)
            stage.pos = 0;
        ++produced;
    }
    if (count % 2 == 1)
        stage.outputDue = !stage.outputDue;
    // The newest kCarry of the stream: from the block when it is long enough, else carry and block.
    if (count >= kCarry)
        std::copy(in + (count - kCarry), in + count, stage.carry);
    else
        std::copy(head + count, head + count + kCarry, stage.carry);
    return produced;
}

void DecimationCascade::push(const float *samples, std::size_t count)
{
    count = std::min(count, m_maxBlock);
    // In chunks whose outputs fit every stage's ring, so a stage's outputs are the next one's input
    // where they lie (a hop is one chunk; the first window several).
    for (std::size_t done = 0; done < count;) {
        std::size_t n = std::min(count - done, chunkLimit());
        const float *in = samples + done;
        done += n;
        for (Stage &stage : m_stages) {
            n = run(stage, in, n);
            in = newestOf(stage, n);
        }
    }
}

const float *DecimationCascade::newestOf(const Stage &stage, std::size_t count) const
{
    return stage.ring.data() + stage.pos + m_keep - std::min(count, m_keep);
}

const float *DecimationCascade::newest(int stage, int count) const
{
    return newestOf(m_stages[std::size_t(std::clamp(stage, 1, stages()) - 1)], std::size_t(std::max(count, 0)));
}

double DecimationCascade::powerGainAt(double f, double rate, int stages)
{
    double gain = 1.0;
    for (int j = 0; j < stages; ++j) {
        const double c = std::cos(std::numbers::pi * f / (rate / double(1 << j)));
        gain *= std::pow(c * c, DecimationCascade::kTaps - 1); // |cos^6|^2
    }
    return gain;
}

double DecimationCascade::delaySamples(int stages)
{
    return 3.0 * double((1 << stages) - 1);
}

} // namespace spectray::dsp
