#include "dsp/weighting.h"

#include <cmath>
#include <limits>

namespace spectray::dsp {

namespace {

// 20 log10 of IEC 61672-1's R_A(f) (equation E.6, without the normalisation constant).
double aResponseDb(double hz)
{
    const double f2 = hz * hz;
    constexpr double p1 = 20.598997 * 20.598997;
    constexpr double p2 = 107.65265 * 107.65265;
    constexpr double p3 = 737.86223 * 737.86223;
    constexpr double p4 = 12194.217 * 12194.217;
    const double r = p4 * f2 * f2 / ((f2 + p1) * std::sqrt((f2 + p2) * (f2 + p3)) * (f2 + p4));
    return 20.0 * std::log10(r);
}

} // namespace

double weightingDb(Weighting weighting, double hz)
{
    if (weighting == Weighting::Flat)
        return 0.0;
    if (!(hz > 0.0))
        return -std::numeric_limits<double>::infinity();
    switch (weighting) {
    case Weighting::A: {
        static const double atKilohertz = aResponseDb(1000.0);
        return aResponseDb(hz) - atKilohertz;
    }
    case Weighting::Tilt3:
        return 3.0 * std::log2(hz / 1000.0);
    case Weighting::Tilt4_5:
        return 4.5 * std::log2(hz / 1000.0);
    case Weighting::Flat:
        break;
    }
    return 0.0;
}

void applyWeighting(BandPlan &plan, Weighting weighting, int sampleRate)
{
    if (weighting == Weighting::Flat)
        return;
    for (const BandSpan &span : plan.spans) {
        const int n = plan.fftSizes[std::size_t(span.fft)];
        for (int j = 0; j < span.count; ++j) {
            const double hz = double(span.firstBin + j) * sampleRate / n;
            const double gain = std::pow(10.0, weightingDb(weighting, hz) / 10.0); // 0 at -inf dB
            float &w = plan.weights[std::size_t(span.weightOffset + j)];
            w = float(double(w) * gain);
        }
    }
}

} // namespace spectray::dsp
