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
    int fft = 0;       // index into BandPlan::fftSizes
    int firstBin = 0;
    int count = 0;     // bins firstBin .. firstBin + count - 1
    int weightOffset = 0; // into BandPlan::weights
};

struct BandPlan
{
    std::vector<int> fftSizes; // the sizes some band reads, ascending
    std::vector<BandSpan> spans;
    std::vector<float> weights;
};

// Each band reads the shortest FFT of the ladder fftSize, 2 fftSize, ... bassFftSize in which it
// is at least kMinBandBins bins wide (else the longest): narrower than that, a Hann window's 4-bin
// main lobe spills too much into the neighbours; wider, a longer window only adds latency.
// A bin k covers [k - 1/2, k + 1/2] bins; its weight is the part of that inside [loHz, hiHz).
inline constexpr double kMinBandBins = 5.0;
BandPlan fractionalBandPlan(const std::vector<double> &edgesHz, int sampleRate, int fftSize, int bassFftSize);

} // namespace spectray::dsp
