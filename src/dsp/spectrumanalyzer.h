#pragma once

#include "dsp/analyzerconfig.h"
#include "dsp/autogain.h"
#include "dsp/bandplan.h"
#include "dsp/decimator.h"
#include "dsp/realfft.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace spectray::dsp {

// One frame as it goes on the wire: values x kWireScale, truncated toward zero.
struct FrameValues
{
    std::vector<int16_t> bands;
    int bass = 0;
    int level = 0;
};

// Turns the newest W mono samples into one frame. Both profiles share this code path; they differ
// in FFT sizes, window and how bins are summed into bands (see docs/dsp.md).
// Everything is allocated in the constructor; analyze() allocates nothing once `out` has its size.
class SpectrumAnalyzer final
{
public:
    // A band's level in dBFS is 20 log10(raw / kFullScaleRaw): 0 dBFS is a full-scale sine.
    static constexpr double kFullScaleRaw = 256.0;
    // `db` amplitude: the scale's bottom is ref - range but never below this, so a steady white
    // noise floor at -80 dBFS (about -86 dBFS in the widest default band) reads 0 however quiet the
    // rest is, while the quiet sub-bass of real music (measured: bench/music) stays on the scale.
    static constexpr double kGateDbfs = -75.0;

    // Throws std::invalid_argument(validate(config)) when the configuration is unusable.
    explicit SpectrumAnalyzer(const AnalyzerConfig &config);
    ~SpectrumAnalyzer();
    SpectrumAnalyzer(const SpectrumAnalyzer &) = delete;
    SpectrumAnalyzer &operator=(const SpectrumAnalyzer &) = delete;

    const AnalyzerConfig &config() const { return m_config; }     // resolved
    const std::vector<double> &edgesHz() const { return m_edgesHz; } // bands + 1, as used
    // Per band: the centre in Hz (octave: the grid's exact centre; log: geometric mean of the edges;
    // seed: mean of its bins' frequencies) and, octave layout only, the nominal label ("31.5", "1k").
    const std::vector<double> &centresHz() const { return m_centresHz; }
    const std::vector<std::string> &labels() const { return m_labels; }
    const std::vector<double> &bandLatencyMs() const { return m_latencyMs; }
    const std::vector<int> &bandFftSizes() const { return m_bandFft; } // the window each band reads
    // Per band: by how much its window's rate is divided before the FFT (1, 2, 4, ...; docs/dsp.md):
    // its FFT has bandFftSizes()[b] / bandDecimation()[b] points.
    const std::vector<int> &bandDecimation() const { return m_bandDecimation; }
    const std::vector<int> &seedBinEdges() const { return m_seedEdges; } // seed profile only, else empty
    int windowSize() const { return m_windowSize; }
    int hopSize() const { return m_hopSize; }
    int fftSize() const { return m_config.fftSize; }
    int bassFftSize() const { return m_config.bassFftSize; }
    // Indices of the bands whose mean is `bass`.
    const std::vector<int> &bassBands() const { return m_bassBands; }

    // newestMono: exactly windowSize() samples, oldest first. Any window: nothing is carried over
    // from the last call except the auto-gain and which long windows run (see restart()).
    void analyze(const float *newestMono, FrameValues &out);
    // The same for the window one hop after the last one analysed (StreamFramer): the long rungs'
    // decimated signal then only takes the new hop's samples (DecimationCascade). The first frame
    // after restart(), or with a hop longer than the window, is analysed as analyze() does it.
    void analyzeNext(const float *newestMono, FrameValues &out);
    // The history restarted (StreamFramer::reset): the next frame runs every FFT afresh.
    void restart() { m_framesAnalysed = 0; }
    void resetGain()
    {
        m_gain.reset();
        m_dbGain.reset();
    }
    double gainReference() const { return m_gain.reference(); }     // linear amplitude
    double gainReferenceDb() const { return m_dbGain.reference(); } // db amplitude, dBFS
    // The last frame's band values before auto-gain, weighted, in the seed's units (1024-point FFT
    // magnitude: a sine of amplitude A reads 256 A in its band).
    const std::vector<float> &rawBands() const { return m_raw; }

private:
    void seedBands(const float *newest);
    void analyzeWindow(const float *newest, FrameValues &out, bool followsLast);
    void fractionalBands(const float *newest, bool followsLast);
    void feedDecimator(const float *newest, bool followsLast);
    void buildFractional();
    void buildDecimation();
    void scaleLinear();
    void scaleDb();
    double levelOf(const float *samples, int count) const;

    AnalyzerConfig m_config;
    std::vector<double> m_edgesHz;
    std::vector<double> m_centresHz;
    std::vector<std::string> m_labels;
    std::vector<double> m_latencyMs;
    std::vector<int> m_bandFft;
    std::vector<int> m_bandDecimation;
    std::vector<int> m_seedEdges;
    std::vector<int> m_bassBands;
    int m_windowSize = 0;
    int m_levelSize = 0; // newest samples `level` is the RMS of
    int m_hopSize = 0;
    std::uint64_t m_framesAnalysed = 0; // since construction or restart(): which tiers run

    // One tier per window length in use (seed: its single 1024-point one), ascending.
    struct Tier
    {
        std::shared_ptr<RealFft> fft; // shared by the tiers of one size and kind (RealFftPool)
        std::vector<float> window;   // seed only (numpy's symmetric Hann); the default's is in hannPower
        double norm = 0.0;           // power sum -> squared 1024-point magnitude units
        std::size_t powerOffset = 0; // into m_power
        int usedBins = 0;            // bins 0 .. usedBins-1 are read by some band
        int every = 1;               // run on every `every`-th frame (see tierInterval())
        int phase = 0;               // ... on the frames whose number % every == phase
        int stages = 0;              // reads this stage of m_decimator (rate / 2^stages); 0: the input
        bool runs = true;            // this frame
        int span() const { return fft->size() << stages; } // the window's length in input samples
    };
    std::vector<Tier> m_tiers;
    std::vector<float> m_power; // every tier's bins one after another (seed: magnitudes)
    std::unique_ptr<AlignedSamples> m_tails; // default profile: the newest samples, FFTW-aligned
    std::unique_ptr<DecimationCascade> m_decimator; // default profile: the long rungs' input

    // Seed: [start, end) bin ranges per band and the float32 running sum of magnitudes.
    std::vector<int> m_seedStarts;
    std::vector<int> m_seedEnds;
    std::vector<float> m_cumsum;
    int m_seedLastBin = 0;
    // Default: fractional bin weights per band.
    BandPlan m_plan;

    std::vector<float> m_raw;
    std::vector<double> m_levelDb; // db amplitude: the frame's band levels, dBFS
    std::vector<float> m_scaled;   // the frame's band values after the scale, 0..1.5
    AutoGain m_gain;
    DbAutoGain m_dbGain;
};

} // namespace spectray::dsp
