#pragma once

#include <string>
#include <vector>

namespace spectray::dsp {

// Band edges as the seed computes them: geometric minHz..maxHz, each truncated to an FFT bin index
// and capped at the last bin (bands + 1 entries, may repeat at low frequencies).
std::vector<int> seedBinEdges(int bands, double minHz, double maxHz, int fftSize, int sampleRate);

// Geometric edges in Hz, minHz..maxHz (bands + 1 entries).
std::vector<double> geometricEdgesHz(int bands, double minHz, double maxHz);

// Geometric centres of consecutive edges (one fewer than edges).
std::vector<double> geometricCentresHz(const std::vector<double> &edgesHz);

// The IEC 61260-1 / ANSI S1.11 base-10 fractional-octave grid, G = 10^(3/10): the exact centre of
// band x is 1000 G^(x/b) for odd b and 1000 G^((2x+1)/(2b)) for even b; edges at centre G^(+-1/(2b)).
// The bands whose nominal centre lies in minHz..maxHz and whose lower edge is below nyquistHz,
// ascending (nominal, so 20 Hz..20 kHz in thirds is the familiar 31 bands, 19.95 Hz being "20").
std::vector<double> octaveCentresHz(int bandsPerOctave, double minHz, double maxHz, double nyquistHz);
// Edges of consecutive grid bands (centres.size() + 1); the last one capped at nyquistHz.
std::vector<double> octaveEdgesHz(const std::vector<double> &centresHz, int bandsPerOctave, double nyquistHz);
// The nominal frequency of a grid centre: the R10 series (1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8
// x 10^n) for octave and third-octave bands, else rounded to three significant digits when the
// leading digit is 1..4 and two when it is 5..9 (IEC 61260-1 annex E).
double nominalCentreHz(double exactCentreHz, int bandsPerOctave);
// The nominal frequency as an axis label: "31.5", "250", "1k", "12.5k".
std::string frequencyLabel(double nominalHz);

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

// The GEQ's rule (geqanalysis): each band reads the shortest FFT of the ladder fftSize, 2 fftSize,
// ... bassFftSize in which it is at least kMinBandBins bins wide (else the longest): narrower than
// that, a Hann window's 4-bin main lobe spills into the neighbours. The spectrum analyser instead
// predicts each band's isolation per window (windowchoice.h), which lets more bands use short windows.
inline constexpr double kMinBandBins = 5.0;
std::vector<int> minBinsFftSizes(const std::vector<double> &edgesHz, int sampleRate, int fftSize, int bassFftSize);
BandPlan fractionalBandPlan(const std::vector<double> &edgesHz, int sampleRate, int fftSize, int bassFftSize);

// Band b integrates the bins of a bandFftSizes[b]-point FFT (2^k or 1.5 * 2^k). A bin k covers
// [k - 1/2, k + 1/2] bins; its weight is the part of that inside [loHz, hiHz).
BandPlan fractionalBandPlan(const std::vector<double> &edgesHz, int sampleRate, const std::vector<int> &bandFftSizes);

} // namespace spectray::dsp
