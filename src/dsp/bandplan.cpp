#include "dsp/bandplan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace spectray::dsp {

namespace {

// log10(G) for the base-10 octave ratio G = 10^(3/10).
constexpr double kLog10G = 0.3;

// The grid exponent of band x in units of log10(G): x/b for odd b, (2x+1)/(2b) for even b.
double gridExponent(int x, int b)
{
    return b % 2 == 1 ? double(x) / b : double(2 * x + 1) / (2.0 * b);
}

double exactCentre(int x, int b)
{
    return 1000.0 * std::pow(10.0, kLog10G * gridExponent(x, b));
}

} // namespace

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

std::vector<double> geometricCentresHz(const std::vector<double> &edgesHz)
{
    std::vector<double> centres;
    for (std::size_t i = 0; i + 1 < edgesHz.size(); ++i)
        centres.push_back(std::sqrt(edgesHz[i] * edgesHz[i + 1]));
    return centres;
}

std::vector<double> octaveCentresHz(int b, double minHz, double maxHz, double nyquistHz)
{
    std::vector<double> centres;
    if (b < 1 || !(minHz > 0.0) || !(maxHz >= minHz))
        return centres;
    const double halfBand = std::pow(10.0, kLog10G / (2.0 * b));
    // Start a little below minHz: a nominal centre may round up into the range.
    int x = int(std::floor(b * std::log10(minHz / 1000.0) / kLog10G)) - 2;
    for (;; ++x) {
        const double fc = exactCentre(x, b);
        if (fc / halfBand >= nyquistHz || fc > maxHz * halfBand)
            break;
        const double nominal = nominalCentreHz(fc, b);
        if (nominal >= minHz && nominal <= maxHz)
            centres.push_back(fc);
    }
    return centres;
}

std::vector<double> octaveEdgesHz(const std::vector<double> &centresHz, int b, double nyquistHz)
{
    std::vector<double> edges;
    if (centresHz.empty())
        return edges;
    const double halfBand = std::pow(10.0, kLog10G / (2.0 * b));
    edges.push_back(centresHz.front() / halfBand);
    for (double fc : centresHz)
        edges.push_back(fc * halfBand);
    edges.back() = std::min(edges.back(), nyquistHz);
    return edges;
}

double nominalCentreHz(double exactCentreHz, int b)
{
    if (b == 1 || b == 3) {
        // Octave and third-octave centres are 10^(n/10) kHz exactly: the R10 series names them.
        static constexpr std::array<double, 10> kR10 = {1.0, 1.25, 1.6, 2.0, 2.5, 3.15, 4.0, 5.0, 6.3, 8.0};
        const int n = int(std::lround(10.0 * std::log10(exactCentreHz / 1000.0)));
        const int decade = n >= 0 ? n / 10 : -((-n + 9) / 10);
        return kR10[std::size_t(n - 10 * decade)] * std::pow(10.0, 3 + decade);
    }
    const int exponent = int(std::floor(std::log10(exactCentreHz)));
    const double leading = exactCentreHz / std::pow(10.0, exponent);
    const int digits = leading < 5.0 ? 3 : 2;
    const double unit = std::pow(10.0, exponent - digits + 1);
    return std::round(exactCentreHz / unit) * unit;
}

std::string frequencyLabel(double nominalHz)
{
    char text[32];
    if (nominalHz >= 1000.0)
        std::snprintf(text, sizeof text, "%.4gk", nominalHz / 1000.0);
    else
        std::snprintf(text, sizeof text, "%.4g", nominalHz);
    return text;
}

std::vector<int> minBinsFftSizes(const std::vector<double> &edgesHz, int sampleRate, int fftSize, int bassFftSize)
{
    const int longest = std::max(fftSize, bassFftSize);
    const int bands = int(edgesHz.size()) - 1;
    std::vector<int> bandSize(std::size_t(std::max(bands, 0)), longest);
    for (int b = 0; b < bands; ++b) {
        const double width = edgesHz[std::size_t(b) + 1] - edgesHz[std::size_t(b)];
        for (int n = fftSize; n <= longest; n *= 2) {
            if (width * n / sampleRate >= kMinBandBins) {
                bandSize[std::size_t(b)] = n;
                break;
            }
        }
    }
    return bandSize;
}

BandPlan fractionalBandPlan(const std::vector<double> &edgesHz, int sampleRate, int fftSize, int bassFftSize)
{
    return fractionalBandPlan(edgesHz, sampleRate, minBinsFftSizes(edgesHz, sampleRate, fftSize, bassFftSize));
}

BandPlan fractionalBandPlan(const std::vector<double> &edgesHz, int sampleRate, const std::vector<int> &bandSize)
{
    BandPlan plan;
    const int bands = int(edgesHz.size()) - 1;
    plan.fftSizes = bandSize;
    std::sort(plan.fftSizes.begin(), plan.fftSizes.end());
    plan.fftSizes.erase(std::unique(plan.fftSizes.begin(), plan.fftSizes.end()), plan.fftSizes.end());

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
