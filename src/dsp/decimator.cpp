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
    , m_keep(std::size_t(std::max(keep, 1)))
    , m_maxBlock(maxBlock)
{
    std::size_t block = maxBlock;
    for (Stage &stage : m_stages) {
        stage.work.assign(kCarry + block, 0.0f);
        block = block / 2 + 1;
        stage.output.assign(block, 0.0f);
        stage.ring.assign(2 * m_keep, 0.0f);
    }
}

void DecimationCascade::reset()
{
    for (Stage &stage : m_stages) {
        std::fill(stage.work.begin(), stage.work.end(), 0.0f);
        std::fill(stage.ring.begin(), stage.ring.end(), 0.0f);
        stage.pos = 0;
        stage.outputDue = false;
    }
}

std::size_t DecimationCascade::run(Stage &stage, const float *in, std::size_t count)
{
    float *w = stage.work.data();
    std::copy(in, in + count, w + kCarry);
    std::size_t produced = 0;
    // Output m is due at input 2m + 1 and weighs inputs 2m - 5 .. 2m + 1, i.e. w[j .. j + 6].
    for (std::size_t j = stage.outputDue ? 0 : 1; j < count; j += 2) {
        const float *x = w + j;
        stage.output[produced++]
            = kOuter * (x[0] + x[6]) + kNext * (x[1] + x[5]) + kInner * (x[2] + x[4]) + kCentre * x[3];
    }
    if (count % 2 == 1)
        stage.outputDue = !stage.outputDue;
    std::copy(w + count, w + count + kCarry, w);
    for (std::size_t i = 0; i < produced; ++i) {
        stage.ring[stage.pos] = stage.ring[stage.pos + m_keep] = stage.output[i];
        if (++stage.pos == m_keep)
            stage.pos = 0;
    }
    return produced;
}

void DecimationCascade::push(const float *samples, std::size_t count)
{
    count = std::min(count, m_maxBlock);
    const float *in = samples;
    for (Stage &stage : m_stages) {
        count = run(stage, in, count);
        in = stage.output.data();
    }
}

const float *DecimationCascade::newest(int stage, int count) const
{
    const Stage &s = m_stages[std::size_t(std::clamp(stage, 1, stages()) - 1)];
    return s.ring.data() + s.pos + m_keep - std::size_t(std::clamp(count, 0, int(m_keep)));
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
