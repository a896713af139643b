#include "dsp/bandplan.h"

#include <algorithm>
#include <cmath>

namespace spectray::dsp {

std::vector<int> seedBinEdges(int bands, double minHz, double maxHz, int fftSize, int sampleRate)
{
    // Same expression order as the seed's Python, so the doubles round identically.
    const int lastBin = fftSize / 2;
    std::vector<int> edges;
    edges.reserve(std::size_t(bands) + 1);
    for (int i = 0; i <= bands; ++i) {
        const double freq = minHz * std::pow(maxHz / minHz, double(i) / double(bands));
        const int bin = int(freq * fftSize / sampleRate);
        edges.push_back(std::min(bin, lastBin));
    }
    return edges;
}

std::vector<double> geometricEdgesHz(int bands, double minHz, double maxHz)
{
    std::vector<double> edges;
    edges.reserve(std::size_t(bands) + 1);
    for (int i = 0; i <= bands; ++i)
        edges.push_back(minHz * std::pow(maxHz / minHz, double(i) / double(bands)));
    edges.back() = maxHz;
    return edges;
}

BandPlan fractionalBandPlan(const std::vector<double> &edgesHz, int sampleRate, int fftSize, int bassFftSize)
{
    BandPlan plan;
    const int longest = std::max(fftSize, bassFftSize);
    const int bands = int(edgesHz.size()) - 1;
    std::vector<int> bandSize(std::size_t(bands), longest);
    for (int b = 0; b < bands; ++b) {
        const double width = edgesHz[std::size_t(b) + 1] - edgesHz[std::size_t(b)];
        for (int n = fftSize; n <= longest; n *= 2) {
            if (width * n / sampleRate >= kMinBandBins) {
                bandSize[std::size_t(b)] = n;
                break;
            }
        }
        if (std::find(plan.fftSizes.begin(), plan.fftSizes.end(), bandSize[std::size_t(b)]) == plan.fftSizes.end())
            plan.fftSizes.push_back(bandSize[std::size_t(b)]);
    }
    std::sort(plan.fftSizes.begin(), plan.fftSizes.end());

    plan.spans.resize(std::size_t(bands));
    for (int b = 0; b < bands; ++b) {
        const int n = bandSize[std::size_t(b)];
        const double a = edgesHz[std::size_t(b)] * n / sampleRate; // band edges in bins
        const double z = edgesHz[std::size_t(b) + 1] * n / sampleRate;
        const int first = std::max(0, int(std::floor(a + 0.5)));
        const int last = std::min(n / 2, int(std::ceil(z - 0.5)));
        BandSpan &span = plan.spans[std::size_t(b)];
        span.fft = int(std::find(plan.fftSizes.begin(), plan.fftSizes.end(), n) - plan.fftSizes.begin());
        span.firstBin = first;
        span.weightOffset = int(plan.weights.size());
        for (int k = first; k <= last; ++k) {
            const double w = std::min(k + 0.5, z) - std::max(k - 0.5, a);
            plan.weights.push_back(float(std::clamp(w, 0.0, 1.0)));
        }
        span.count = int(plan.weights.size()) - span.weightOffset;
    }
    return plan;
}

} // namespace spectray::dsp
