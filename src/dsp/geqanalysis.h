#pragma once

#include "dsp/bandplan.h"
#include "dsp/beatdetector.h"
#include "dsp/realfft.h"

#include <array>
#include <memory>
#include <vector>

namespace spectray::dsp {

// WLED's 16 GEQ channels (usermods/audioreactive, FFTcode(): 22050 Hz, 512-point FFT, bins of
// 43 Hz summed into these ranges). Edges in Hz, channel i = [edge i, edge i+1).
inline constexpr int kGeqChannels = 16;
inline constexpr std::array<double, kGeqChannels + 1> kWledGeqEdgesHz
    = { 43, 86, 129, 216, 301, 430, 560, 818, 1120, 1421, 1895, 2412, 3015, 3704, 4479, 7106, 9259 };
inline constexpr int kBassChannels = 3; // 43..216 Hz: what "bass" and the beat detector read

struct GeqResult
{
    // RMS amplitude of the signal inside each channel (a full-scale sine reads 0.7071 in its channel).
    std::array<float, kGeqChannels> channelRms {};
    float levelRms = 0.0f; // broadband RMS of the newest base window (~23 ms)
    float bassRms = 0.0f; // RMS inside 43..216 Hz (channels 0..2 together)
    float peakHz = 0.0f; // strongest component between 43 Hz and 11025 Hz, interpolated
    float peakAmplitude = 0.0f; // its amplitude (a full-scale sine reads 1.0)
    bool beat = false; // a bass onset in this step (BeatDetector)
};

// The 16 channels over WLED's ranges from an FFT ladder (fractionalBandPlan): each channel reads the
// shortest FFT in which it is at least kMinBandBins wide, so 43-86 Hz comes from an 8192-point
// window at 44.1 kHz (5.4 Hz bins) instead of WLED's single 43 Hz bin. Qt-free; everything is
// allocated in the constructor, analyze() allocates nothing.
class GeqAnalysis final
{
public:
    explicit GeqAnalysis(int sampleRate);
    ~GeqAnalysis();
    GeqAnalysis(const GeqAnalysis &) = delete;
    GeqAnalysis &operator=(const GeqAnalysis &) = delete;

    int sampleRate() const { return m_sampleRate; }
    int windowSize() const { return m_windowSize; } // samples analyze() reads
    const std::vector<int> &channelFftSizes() const { return m_channelFft; }

    // newestMono: exactly windowSize() samples, oldest first; timeS: stream time of the newest sample.
    void analyze(const float *newestMono, double timeS, GeqResult &out);
    void reset() { m_beats.reset(); }

private:
    void findPeak(GeqResult &out) const;

    struct Tier
    {
        std::unique_ptr<RealFft> fft;
        double rmsNorm = 0.0; // power sum -> mean square of the windowed signal
        std::vector<float> power;
        int usedBins = 0; // power[0 .. usedBins-1] is computed: every bin for the base FFT (the peak search)
    };
    int m_sampleRate = 0;
    int m_windowSize = 0;
    BandPlan m_plan;
    std::vector<Tier> m_tiers;
    std::unique_ptr<AlignedSamples> m_tails; // the newest windowSize() samples, FFTW-aligned
    std::vector<int> m_channelFft;
    double m_windowSum = 0.0; // of the base (shortest) window, for the peak amplitude
    BeatDetector m_beats;
};

} // namespace spectray::dsp
