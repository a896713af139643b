#include "dsp/windowchoice.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace spectray::dsp {

namespace {

// Bins further than this from the tone hold under -150 dB of a Hann window's power: not worth a
// sine each when a band is wide (the Hann sidelobes fall 18 dB per octave).
constexpr double kReachBins = 64.0;

// |W(x)|^2 of an n-point periodic Hann window x bins away from the tone, in the DFT's units:
// W(x) = e^{-i pi x (n-1)/n} [0.5 S(x) + 0.25 e^{-i pi/n} S(x-1) + 0.25 e^{i pi/n} S(x+1)]
// with S(x) = sin(pi x) / sin(pi x / n), the Dirichlet kernel's magnitude part (w = 0.5 - 0.25
// e^{2 pi i m/n} - 0.25 e^{-2 pi i m/n} shifts it by one bin each way).
double hannPower(double x, int n)
{
    // At whole bins S is 0/0: a nudge of 1e-7 bins changes the result by far less than it matters.
    if (std::abs(x - std::round(x)) < 1e-7)
        x += 1e-7;
    const double pi = std::numbers::pi;
    auto s = [n, pi](double v) { return std::sin(pi * v) / std::sin(pi * v / n); };
    const std::complex<double> tilt = std::polar(1.0, pi / n);
    const std::complex<double> w = 0.5 * s(x) + 0.25 * std::conj(tilt) * s(x - 1.0) + 0.25 * tilt * s(x + 1.0);
    return std::norm(w);
}

// The power a band of fractional bins [a, z) collects from a unit tone at bin d (and its image at -d).
double bandPower(double d, double a, double z, int n)
{
    const int first = std::max(0, int(std::floor(a + 0.5)));
    const int last = std::min(n / 2, int(std::ceil(z - 0.5)));
    double sum = 0.0;
    for (int k = first; k <= last; ++k) {
        const bool near = std::abs(k - d) <= kReachBins;
        const bool nearImage = k + d <= kReachBins;
        if (!near && !nearImage)
            continue;
        const double w = std::clamp(std::min(k + 0.5, z) - std::max(k - 0.5, a), 0.0, 1.0);
        if (near)
            sum += w * hannPower(k - d, n);
        if (nearImage)
            sum += w * hannPower(k + d, n);
    }
    return sum;
}

// The ladder's next length: 1.5 and 2 times a power of two in turn (256, 384, 512, 768, ...). With
// the long rungs decimated to a few hundred points (SpectrumAnalyzer), a rung costs little, while
// a band that misses a power of two by a little no longer waits for the next one: 250 Hz at 44.1
// kHz reads 3072 points instead of 4096 (docs/dsp.md).
int nextRung(int n)
{
    return (n & (n - 1)) == 0 ? n + n / 2 : n / 3 * 4;
}

double toDb(double ratio)
{
    return 10.0 * std::log10(std::max(ratio, 1e-30));
}

} // namespace

double hannBandShare(double toneHz, double loHz, double hiHz, int n, int sampleRate)
{
    const double perHz = double(n) / sampleRate;
    // Parseval: all bins of one side together hold n * sum(w^2) = n * 3n/8 of a unit tone's power.
    const double whole = double(n) * 3.0 * n / 8.0;
    return bandPower(toneHz * perHz, loHz * perHz, hiHz * perHz, n) / whole;
}

std::vector<int> isolatingFftSizes(const std::vector<double> &edgesHz, int sampleRate, int shortest, int longest)
{
    const int bands = int(edgesHz.size()) - 1;
    std::vector<int> sizes(std::size_t(std::max(bands, 0)), longest);
    if (bands <= 0)
        return sizes;
    auto lo = [&](int b) { return edgesHz[std::size_t(b)]; };
    auto hi = [&](int b) { return edgesHz[std::size_t(b) + 1]; };
    auto centre = [&](int b) { return std::sqrt(lo(b) * hi(b)); };
    // What a tone at each band's centre reads in its own band at best (the longest window): a
    // neighbour's window must keep that tone kTargetIsolationDb + safety below this reading.
    std::vector<double> bestOwn(std::size_t(bands), 0.0);
    for (int b = 0; b < bands; ++b)
        bestOwn[std::size_t(b)] = hannBandShare(centre(b), lo(b), hi(b), longest, sampleRate);

    for (int b = 0; b < bands; ++b) {
        for (int n = shortest; n < longest; n = nextRung(n)) {
            bool fits = toDb(hannBandShare(centre(b), lo(b), hi(b), n, sampleRate)) >= -kIsolationSafetyDb;
            for (int m : { b - 1, b + 1 }) {
                if (!fits || m < 0 || m >= bands)
                    continue;
                const double leak = hannBandShare(centre(m), lo(b), hi(b), n, sampleRate);
                fits = toDb(bestOwn[std::size_t(m)] / leak) >= kTargetIsolationDb + kIsolationSafetyDb;
            }
            if (fits) {
                sizes[std::size_t(b)] = n;
                break;
            }
        }
    }
    return sizes;
}

} // namespace spectray::dsp
