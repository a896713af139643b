#pragma once

#include <vector>

namespace spectray::dsp {

// Band edges as the seed computes them: geometric minHz..maxHz, each truncated to an FFT bin index
// and capped at the last bin (bands + 1 entries, may repeat at low frequencies).
std::vector<int> seedBinEdges(int bands, double minHz, double maxHz, int fftSize, int sampleRate);

// Geometric edges in Hz, minHz..maxHz (bands + 1 entries).
std::vector<double> geometricEdgesHz(int bands, double minHz, double maxHz);

// Which bins of which FFT a band integrates, each with the fraction of the bin inside the band.
struct BandSpan
{
    int fft = 0;       // 0 = the short FFT, 1 = the long (bass) FFT
    int firstBin = 0;
    int count = 0;     // bins firstBin .. firstBin + count - 1
    int weightOffset = 0; // into BandPlan::weights
};

struct BandPlan
{
    std::vector<BandSpan> spans;
    std::vector<float> weights;
};

// A bin k covers [k - 1/2, k + 1/2] bins; its weight is the part of that inside [loHz, hiHz).
// Bands narrower than kShortFftMinBins short-FFT bins use the long FFT (when there is one): below
// that width the short window's main lobe (4 bins for Hann) spills too much into the neighbours.
inline constexpr double kShortFftMinBins = 5.0;
BandPlan fractionalBandPlan(const std::vector<double> &edgesHz, int sampleRate, int fftSize, int bassFftSize);

} // namespace spectray::dsp
