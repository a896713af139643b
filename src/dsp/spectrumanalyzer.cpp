#include "dsp/spectrumanalyzer.h"

#include "dsp/hannspectrum.h"
#include "dsp/quantize.h"
#include "dsp/weighting.h"
#include "dsp/windowchoice.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <numbers>
#include <stdexcept>

namespace spectray::dsp {

namespace {

// np.hanning(M).astype(np.float32): symmetric, computed exactly as numpy 1.24 does it.
std::vector<float> seedHann(int m)
{
    std::vector<float> w(std::size_t(m), 1.0f);
    if (m == 1)
        return w;
    for (int i = 0; i < m; ++i) {
        const double n = double(1 - m + 2 * i);
        w[std::size_t(i)] = float(0.5 + 0.5 * std::cos(std::numbers::pi * n / double(m - 1)));
    }
    return w;
}

// Power sums -> the seed's units: a steady sine of amplitude A reads 256 * A (the peak magnitude of
// a 1024-point Hann FFT) whatever the FFT size, and band-limited noise reads its RMS in the same
// units, so the auto-gain's start (0.01) and floor (1e-4) mean what they mean in the seed.
double hannPowerNorm(int n)
{
    return 4.0 * 256.0 * 256.0 / (double(n) * hannSumOfSquares(n));
}

// How often a window of n samples is worth recomputing at a hop of `hop` samples: every frame while
// it spans fewer than 8 hops, else every (n / 4 hops)-th frame, so a long window still advances by
// at most a quarter of its length (>= 75 % overlap, the usual STFT rule; a Hann-weighted average
// over n samples changes little in less). At 60 fps only the 8192-point rung (44.1/48 kHz, the
// bands under ~200 Hz) qualifies: half a frame's FFT work, run every other frame (docs/dsp.md).
int tierInterval(int n, int hop)
{
    return hop > 0 ? std::max(1, n / (4 * hop)) : 1;
}

// How many times a rung's window is halved in rate before its FFT (DecimationCascade): as often as
// it keeps at least 256 points and the bins it reads in the lowest 1/16 of the last stage's input
// rate (8 points per bin read), where the droop is < 1.1 dB (divided out) and an alias >= 85 dB down.
int decimationStages(int n, int lowBins)
{
    constexpr int kMinPoints = 256;
    int stages = 0;
    while ((n >> (stages + 1)) >= std::max(kMinPoints, 8 * lowBins) && n % (1 << (stages + 1)) == 0)
        ++stages;
    return stages;
}

// The decimated signal's newest sample lags the input's by (samples since restart) mod 2^stages:
// on average over the framer's frames at W + k hop, (W mod g) + (2^stages - g) / 2, g = gcd(hop, 2^stages).
double averageGridLag(int window, int hop, int stages)
{
    const int period = 1 << stages;
    const int g = std::gcd(std::max(hop, 1), period);
    return double(window % g) + (period - g) / 2.0;
}

} // namespace

SpectrumAnalyzer::SpectrumAnalyzer(const AnalyzerConfig &config)
    : m_gain(std::clamp(config.fps, 1, 240)) // validated just below
    , m_dbGain(std::clamp(config.fps, 1, 240))
{
    if (const std::string problem = validate(config); !problem.empty())
        throw std::invalid_argument(problem);
    m_config = resolve(config);
    AnalyzerConfig &c = m_config;
    const auto bands = std::size_t(c.bands);
    m_hopSize = int(std::lround(double(c.sampleRate) / c.fps));
    m_raw.assign(bands, 0.0f);
    m_levelDb.assign(bands, 0.0);
    m_scaled.assign(bands, 0.0f);

    if (c.profile == Profile::Seed) {
        m_tiers.push_back({std::make_shared<RealFft>(c.fftSize), seedHann(c.fftSize), 0.0, 0, 0});
        m_seedEdges = dsp::seedBinEdges(c.bands, c.minHz, c.maxHz, c.fftSize, c.sampleRate);
        for (std::size_t b = 0; b < bands; ++b) {
            m_seedStarts.push_back(m_seedEdges[b]);
            m_seedEnds.push_back(std::max(m_seedEdges[b + 1], m_seedEdges[b] + 1));
        }
        m_seedLastBin = *std::max_element(m_seedEnds.begin(), m_seedEnds.end());
        for (int e : m_seedEdges)
            m_edgesHz.push_back(double(e) * c.sampleRate / c.fftSize);
        m_cumsum.assign(std::size_t(c.fftSize / 2 + 1) + 1, 0.0f);
        m_power.assign(std::size_t(c.fftSize / 2 + 1), 0.0f);
        m_bandFft.assign(bands, c.fftSize);
        for (std::size_t b = 0; b < bands; ++b)
            m_centresHz.push_back((m_seedStarts[b] + m_seedEnds[b] - 1) / 2.0 * c.sampleRate / c.fftSize);
        for (int b = 0; b < std::min(4, c.bands); ++b)
            m_bassBands.push_back(b);
    } else {
        buildFractional();
    }
    m_windowSize = std::max(c.fftSize, c.bassFftSize);
    m_levelSize = levelWindowSize(c);
    // A Hann window weighs the middle of its span most: what a band shows is centred half a window
    // before the newest sample.
    // A window recomputed every k-th frame is on average (k - 1) / 2 hops older than the frame.
    // A decimated window is also late by the filters' delay and by where the last decimated
    // sample falls.
    if (c.profile != Profile::Seed)
        buildDecimation();
    for (std::size_t b = 0; b < m_bandFft.size(); ++b) {
        const int n = m_bandFft[b];
        const int every = c.profile == Profile::Seed ? 1 : tierInterval(n, m_hopSize);
        double lateSamples = n / 2.0 + (every - 1) * m_hopSize / 2.0;
        m_bandDecimation.push_back(1);
        if (c.profile != Profile::Seed) {
            const int stages = m_tiers[std::size_t(m_plan.spans[b].fft)].stages;
            m_bandDecimation.back() = 1 << stages;
            if (stages > 0)
                lateSamples += DecimationCascade::delaySamples(stages) + averageGridLag(m_windowSize, m_hopSize, stages);
        }
        m_latencyMs.push_back(lateSamples / c.sampleRate * 1000.0);
    }
}

void SpectrumAnalyzer::buildFractional()
{
    AnalyzerConfig &c = m_config;
    const auto bands = std::size_t(c.bands);
    if (c.layout == Layout::Octave) {
        const double nyquist = c.sampleRate / 2.0;
        m_centresHz = octaveCentresHz(c.bandsPerOctave, c.minHz, c.maxHz, nyquist);
        m_edgesHz = octaveEdgesHz(m_centresHz, c.bandsPerOctave, nyquist);
        for (double fc : m_centresHz)
            m_labels.push_back(frequencyLabel(nominalCentreHz(fc, c.bandsPerOctave)));
    } else {
        m_edgesHz = geometricEdgesHz(c.bands, c.minHz, c.maxHz);
        m_centresHz = geometricCentresHz(m_edgesHz);
    }
    const int longest = std::max(c.fftSize, c.bassFftSize);
    m_plan = fractionalBandPlan(m_edgesHz, c.sampleRate, isolatingFftSizes(m_edgesHz, c.sampleRate, c.fftSize, longest));
    applyWeighting(m_plan, c.weighting, c.sampleRate);
    std::vector<int> usedBins(m_plan.fftSizes.size(), 0);
    for (const BandSpan &span : m_plan.spans)
        usedBins[std::size_t(span.fft)] = std::max(usedBins[std::size_t(span.fft)], span.firstBin + span.count);
    // hannPower reads one bin above the used ones: a long rung computes only those. Rungs of one size
    // and kind share one transform (RealFftPool): its buffers stay cached from one rung to the next
    // instead of each pulling in its own every frame (issue 11, docs/dsp.md).
    const auto tiers = m_plan.fftSizes.size();
    std::vector<int> lowBins(tiers), stages(tiers);
    RealFftPool pool;
    for (std::size_t t = 0; t < tiers; ++t) {
        lowBins[t] = std::max(usedBins[t], 1) + 1;
        stages[t] = decimationStages(m_plan.fftSizes[t], lowBins[t]);
        pool.reserve(m_plan.fftSizes[t] >> stages[t], lowBins[t]);
    }
    std::size_t powerSize = 0;
    int longestUndecimated = 0;
    for (std::size_t t = 0; t < tiers; ++t) {
        const int n = m_plan.fftSizes[t];
        const int every = tierInterval(n, m_hopSize);
        // Tiers that skip frames take turns, so no frame runs all of them.
        const int phase = int(m_tiers.size()) % every;
        const int points = n >> stages[t];
        m_tiers.push_back({ pool.get(points, lowBins[t]), {}, hannPowerNorm(points), powerSize, usedBins[t], every,
                            phase, stages[t] });
        powerSize += std::size_t(points / 2 + 1);
        if (stages[t] == 0)
            longestUndecimated = n;
    }
    // Every undecimated tier's window ends at the newest sample: each FFT reads the tail of one
    // aligned copy.
    m_tails = std::make_unique<AlignedSamples>(std::max(longestUndecimated, 1));
    m_power.assign(powerSize, 0.0f);
    // The longest window actually read; none longer than fftSize means a single FFT.
    const int longestRead = m_plan.fftSizes.back();
    c.bassFftSize = longestRead > c.fftSize ? longestRead : 0;
    for (std::size_t b = 0; b < bands; ++b) {
        m_bandFft.push_back(m_plan.fftSizes[std::size_t(m_plan.spans[b].fft)]);
        if (m_edgesHz[b + 1] <= 200.0 * (1.0 + 1e-9))
            m_bassBands.push_back(int(b));
    }
    if (m_bassBands.empty() && m_edgesHz.front() < 200.0)
        m_bassBands.push_back(0); // a range starting below 200 Hz with wide bands: the lowest one
}

// The cascade the decimated tiers read, and their droop divided out of the band weights (the bins'
// power gains are known exactly, DecimationCascade::powerGainAt).
void SpectrumAnalyzer::buildDecimation()
{
    int stages = 0;
    int keep = 0;
    for (const Tier &tier : m_tiers) {
        if (tier.stages > 0) {
            stages = std::max(stages, tier.stages);
            keep = std::max(keep, tier.fft->size());
        }
    }
    if (stages == 0)
        return;
    m_decimator = std::make_unique<DecimationCascade>(stages, keep, std::size_t(m_windowSize));
    const double rate = m_config.sampleRate;
    for (const BandSpan &span : m_plan.spans) {
        const Tier &tier = m_tiers[std::size_t(span.fft)];
        if (tier.stages == 0)
            continue;
        for (int j = 0; j < span.count; ++j) {
            const double hz = double(span.firstBin + j) * rate / tier.span();
            float &w = m_plan.weights[std::size_t(span.weightOffset + j)];
            w = float(double(w) / DecimationCascade::powerGainAt(hz, rate, tier.stages));
        }
    }
}

SpectrumAnalyzer::~SpectrumAnalyzer() = default;

void SpectrumAnalyzer::seedBands(const float *newest)
{
    RealFft &fft = *m_tiers.front().fft;
    const float *window = m_tiers.front().window.data();
    const int n = fft.size();
    float *in = fft.input();
    const float *tail = newest + (m_windowSize - n);
    for (int i = 0; i < n; ++i)
        in[i] = tail[i] * window[i];
    fft.execute();
    // numpy takes |rfft| in double and np.cumsum(out=float32) accumulates in float32, in order. Bins
    // above the last band's end never reach a band, so the sums stop there.
    const float *s = fft.spectrum();
    float *mag = m_power.data();
    for (int k = 0; k < m_seedLastBin; ++k) {
        const double re = s[2 * k];
        const double im = s[2 * k + 1];
        mag[k] = float(std::sqrt(re * re + im * im));
    }
    float sum = 0.0f;
    for (int k = 0; k < m_seedLastBin; ++k) {
        sum += mag[k];
        m_cumsum[std::size_t(k) + 1] = sum;
    }
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const int start = m_seedStarts[b];
        const int end = m_seedEnds[b];
        m_raw[b] = (m_cumsum[std::size_t(end)] - m_cumsum[std::size_t(start)]) / float(end - start);
    }
}

// The decimated signal covers the whole window: fed only the new hop when this window is the last
// one moved on by a hop, else rebuilt from the window.
void SpectrumAnalyzer::feedDecimator(const float *newest, bool followsLast)
{
    if (followsLast && m_framesAnalysed > 0 && m_hopSize < m_windowSize) {
        m_decimator->push(newest + (m_windowSize - m_hopSize), std::size_t(m_hopSize));
        return;
    }
    m_decimator->reset();
    m_decimator->push(newest, std::size_t(m_windowSize));
}

void SpectrumAnalyzer::fractionalBands(const float *newest, bool followsLast)
{
    // The tiers that run this frame: the first frame after a (re)start runs all of them, after it
    // each one on its own turn.
    int longestRunning = 0;
    for (Tier &tier : m_tiers) {
        const auto every = std::uint64_t(tier.every);
        tier.runs = m_framesAnalysed < every || m_framesAnalysed % every == std::uint64_t(tier.phase);
        if (tier.runs && tier.stages == 0)
            longestRunning = std::max(longestRunning, tier.span());
    }
    if (m_decimator)
        feedDecimator(newest, followsLast); // every frame, whether its tiers run or not
    // The history's alignment moves with every hop, so the newest samples the running undecimated
    // tiers read are copied once into an aligned buffer, ending where it ends; the tiers' sizes are
    // multiples of 128 (16 floats = 64 bytes), so each tail keeps the alignment.
    const int longest = m_tails->size();
    std::copy(newest + (m_windowSize - longestRunning), newest + m_windowSize,
              m_tails->data() + (longest - longestRunning));
    for (Tier &tier : m_tiers) {
        if (!tier.runs)
            continue;
        RealFft &fft = *tier.fft;
        if (tier.stages > 0)
            fft.execute(m_decimator->newest(tier.stages, fft.size()));
        else
            fft.execute(m_tails->data() + (longest - fft.size()));
        hannPower(fft, tier.usedBins, m_power.data() + tier.powerOffset);
    }
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const BandSpan &span = m_plan.spans[b];
        const Tier &tier = m_tiers[std::size_t(span.fft)];
        const float *p = m_power.data() + tier.powerOffset + span.firstBin;
        const float *w = m_plan.weights.data() + span.weightOffset;
        double sum = 0.0;
        for (int j = 0; j < span.count; ++j)
            sum += double(w[j]) * p[j];
        m_raw[b] = float(std::sqrt(sum * tier.norm));
    }
}

double SpectrumAnalyzer::levelOf(const float *samples, int count) const
{
    // A float32 dot product in independent partial sums, as the seed's np.dot (BLAS sdot) does it;
    // the partial sums let the loop vectorise.
    constexpr int kLanes = 16;
    float part[kLanes] = {};
    int i = 0;
    for (; i + kLanes <= count; i += kLanes)
        for (int j = 0; j < kLanes; ++j)
            part[j] += samples[i + j] * samples[i + j];
    for (; i < count; ++i)
        part[0] += samples[i] * samples[i];
    double energy = 0.0;
    for (float p : part)
        energy += p;
    if (!(energy > 1e-12))
        return 0.0; // also NaN
    const double db = 20.0 * std::log10(std::sqrt(energy / count));
    const double v = (db + 60.0) / 54.0; // -60..-6 dB, the seed's "typical music range"
    return v > 0.0 ? (v < 1.0 ? v : 1.0) : 0.0; // +inf saturates
}

void SpectrumAnalyzer::scaleLinear()
{
    float peak = 0.0f;
    for (float v : m_raw)
        peak = std::max(peak, v); // a NaN band never becomes the peak
    // The seed divides a float32 array by a Python float: numpy casts the divisor to float32.
    const float ref = float(m_gain.update(double(peak)));
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const float v = m_raw[b] / ref;
        m_scaled[b] = v > 0.0f ? (v < 1.5f ? v : 1.5f) : 0.0f; // std::clamp would let NaN through
    }
}

void SpectrumAnalyzer::scaleDb()
{
    double peakDb = -std::numeric_limits<double>::infinity();
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const double db = 20.0 * std::log10(double(m_raw[b]) / kFullScaleRaw); // silence: -inf
        m_levelDb[b] = db;
        if (db > peakDb)
            peakDb = db;
    }
    const double ref = m_dbGain.update(peakDb); // >= DbAutoGain::kFloorDb > kGateDbfs
    const double bottom = std::max(ref - m_config.rangeDb, kGateDbfs);
    const double perDb = 1.0 / (ref - bottom);
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const double v = (m_levelDb[b] - bottom) * perDb;
        m_scaled[b] = v > 0.0 ? (v < 1.0 ? float(v) : 1.0f) : 0.0f;
    }
}

void SpectrumAnalyzer::analyze(const float *newestMono, FrameValues &out)
{
    analyzeWindow(newestMono, out, false);
}

void SpectrumAnalyzer::analyzeNext(const float *newestMono, FrameValues &out)
{
    analyzeWindow(newestMono, out, true);
}

void SpectrumAnalyzer::analyzeWindow(const float *newestMono, FrameValues &out, bool followsLast)
{
    if (m_config.profile == Profile::Seed)
        seedBands(newestMono);
    else
        fractionalBands(newestMono, followsLast);
    ++m_framesAnalysed;
    if (m_config.amplitude == Amplitude::Db)
        scaleDb();
    else
        scaleLinear();

    out.bands.resize(m_raw.size());
    float bassSum = 0.0f;
    std::size_t nextBass = 0;
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const float v = m_scaled[b];
        out.bands[b] = quantizeBand(v);
        if (nextBass < m_bassBands.size() && m_bassBands[nextBass] == int(b)) {
            bassSum += v; // float32, in order: numpy's mean of four float32 values
            ++nextBass;
        }
    }
    out.bass = m_bassBands.empty() ? 0 : quantizeScalar(double(bassSum / float(m_bassBands.size())));
    out.level = quantizeScalar(levelOf(newestMono + (m_windowSize - m_levelSize), m_levelSize));
}

} // namespace spectray::dsp
