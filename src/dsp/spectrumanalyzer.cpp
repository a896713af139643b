#include "dsp/spectrumanalyzer.h"

#include "dsp/quantize.h"

#include <algorithm>
#include <cmath>
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

// Periodic (DFT-even) Hann: its main lobe is exactly 4 bins wide, which the band plan relies on.
std::vector<float> periodicHann(int n)
{
    std::vector<float> w(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        w[std::size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / n));
    return w;
}

// Power sums -> the seed's units: a steady sine of amplitude A reads 256 * A (the peak magnitude of
// a 1024-point Hann FFT) whatever the FFT size, and band-limited noise reads its RMS in the same
// units, so the auto-gain's start (0.01) and floor (1e-4) mean what they mean in the seed.
double powerNorm(const std::vector<float> &window)
{
    double sumSq = 0.0;
    for (float v : window)
        sumSq += double(v) * v;
    return 4.0 * 256.0 * 256.0 / (double(window.size()) * sumSq);
}

void powerSpectrum(const RealFft &fft, float *out)
{
    const float *s = fft.spectrum();
    for (int k = 0; k < fft.bins(); ++k)
        out[k] = s[2 * k] * s[2 * k] + s[2 * k + 1] * s[2 * k + 1];
}

} // namespace

SpectrumAnalyzer::SpectrumAnalyzer(const AnalyzerConfig &config)
    : m_gain(std::clamp(config.fps, 1, 240)) // validated just below
{
    if (const std::string problem = validate(config); !problem.empty())
        throw std::invalid_argument(problem);
    m_config = resolve(config);
    const AnalyzerConfig &c = m_config;
    const auto bands = std::size_t(c.bands);
    m_windowSize = std::max(c.fftSize, c.bassFftSize);
    m_hopSize = int(std::lround(double(c.sampleRate) / c.fps));
    m_short = std::make_unique<RealFft>(c.fftSize);
    m_raw.assign(bands, 0.0f);
    m_bandFft.assign(bands, c.fftSize);
    // A Hann window weighs the middle of its span most: what a band shows is centred half a window
    // before the newest sample.
    m_latencyMs.assign(bands, c.fftSize / 2.0 / c.sampleRate * 1000.0);

    if (c.profile == Profile::Seed) {
        m_shortWindow = seedHann(c.fftSize);
        m_seedEdges = dsp::seedBinEdges(c.bands, c.minHz, c.maxHz, c.fftSize, c.sampleRate);
        for (std::size_t b = 0; b < bands; ++b) {
            m_seedStarts.push_back(m_seedEdges[b]);
            m_seedEnds.push_back(std::max(m_seedEdges[b + 1], m_seedEdges[b] + 1));
        }
        for (int e : m_seedEdges)
            m_edgesHz.push_back(double(e) * c.sampleRate / c.fftSize);
        m_cumsum.assign(std::size_t(m_short->bins()) + 1, 0.0f);
        m_power.assign(std::size_t(m_short->bins()), 0.0f); // the magnitudes here
        m_seedLastBin = *std::max_element(m_seedEnds.begin(), m_seedEnds.end());
        for (int b = 0; b < std::min(4, c.bands); ++b)
            m_bassBands.push_back(b);
        return;
    }

    m_shortWindow = periodicHann(c.fftSize);
    m_shortNorm = powerNorm(m_shortWindow);
    std::size_t powerSize = std::size_t(m_short->bins());
    if (c.bassFftSize > 0) {
        m_long = std::make_unique<RealFft>(c.bassFftSize);
        m_longWindow = periodicHann(c.bassFftSize);
        m_longNorm = powerNorm(m_longWindow);
        powerSize += std::size_t(m_long->bins());
    }
    m_power.assign(powerSize, 0.0f);
    m_edgesHz = geometricEdgesHz(c.bands, c.minHz, c.maxHz);
    m_plan = fractionalBandPlan(m_edgesHz, c.sampleRate, c.fftSize, c.bassFftSize);
    for (std::size_t b = 0; b < bands; ++b) {
        if (m_plan.spans[b].fft == 1) {
            m_bandFft[b] = c.bassFftSize;
            m_latencyMs[b] = c.bassFftSize / 2.0 / c.sampleRate * 1000.0;
        }
        if (m_edgesHz[b + 1] <= 200.0 * (1.0 + 1e-9))
            m_bassBands.push_back(int(b));
    }
    if (m_bassBands.empty() && m_edgesHz.front() < 200.0)
        m_bassBands.push_back(0); // a range starting below 200 Hz with wide bands: the lowest one
}

SpectrumAnalyzer::~SpectrumAnalyzer() = default;

void SpectrumAnalyzer::seedBands(const float *newest)
{
    const int n = m_config.fftSize;
    float *in = m_short->input();
    const float *tail = newest + (m_windowSize - n);
    for (int i = 0; i < n; ++i)
        in[i] = tail[i] * m_shortWindow[std::size_t(i)];
    m_short->execute();
    // numpy takes |rfft| in double and np.cumsum(out=float32) accumulates in float32, in order. Bins
    // above the last band's end never reach a band, so the sums stop there.
    const float *s = m_short->spectrum();
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

void SpectrumAnalyzer::fractionalBands(const float *newest)
{
    const int n = m_config.fftSize;
    float *in = m_short->input();
    const float *tail = newest + (m_windowSize - n);
    for (int i = 0; i < n; ++i)
        in[i] = tail[i] * m_shortWindow[std::size_t(i)];
    m_short->execute();
    powerSpectrum(*m_short, m_power.data());
    float *longPower = m_power.data() + m_short->bins();
    if (m_long) {
        float *lin = m_long->input();
        for (int i = 0; i < m_long->size(); ++i)
            lin[i] = newest[i] * m_longWindow[std::size_t(i)];
        m_long->execute();
        powerSpectrum(*m_long, longPower);
    }
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const BandSpan &span = m_plan.spans[b];
        const float *p = (span.fft == 1 ? longPower : m_power.data()) + span.firstBin;
        const float *w = m_plan.weights.data() + span.weightOffset;
        double sum = 0.0;
        for (int j = 0; j < span.count; ++j)
            sum += double(w[j]) * p[j];
        m_raw[b] = float(std::sqrt(sum * (span.fft == 1 ? m_longNorm : m_shortNorm)));
    }
}

double SpectrumAnalyzer::levelOf(const float *samples, int count) const
{
    // Four running sums let the loop pipeline; in double the order changes nothing that shows.
    double part[4] = {0.0, 0.0, 0.0, 0.0};
    int i = 0;
    for (; i + 4 <= count; i += 4)
        for (int j = 0; j < 4; ++j)
            part[j] += double(samples[i + j]) * samples[i + j];
    for (; i < count; ++i)
        part[0] += double(samples[i]) * samples[i];
    const double energy = (part[0] + part[1]) + (part[2] + part[3]);
    if (!(energy > 1e-12))
        return 0.0;
    const double db = 20.0 * std::log10(std::sqrt(energy / count));
    return std::clamp((db + 60.0) / 54.0, 0.0, 1.0); // -60..-6 dB, the seed's "typical music range"
}

void SpectrumAnalyzer::analyze(const float *newestMono, FrameValues &out)
{
    if (m_config.profile == Profile::Seed)
        seedBands(newestMono);
    else
        fractionalBands(newestMono);

    float peak = 0.0f;
    for (float v : m_raw)
        peak = std::max(peak, v);
    // The seed divides a float32 array by a Python float: numpy casts the divisor to float32.
    const float ref = float(m_gain.update(double(peak)));
    out.bands.resize(m_raw.size());
    float bassSum = 0.0f;
    std::size_t nextBass = 0;
    for (std::size_t b = 0; b < m_raw.size(); ++b) {
        const float v = std::clamp(m_raw[b] / ref, 0.0f, 1.5f);
        out.bands[b] = quantizeBand(v);
        if (nextBass < m_bassBands.size() && m_bassBands[nextBass] == int(b)) {
            bassSum += v; // float32, in order: numpy's mean of four float32 values
            ++nextBass;
        }
    }
    out.bass = m_bassBands.empty() ? 0 : quantizeScalar(double(bassSum / float(m_bassBands.size())));
    const int levelCount = m_config.fftSize;
    out.level = quantizeScalar(levelOf(newestMono + (m_windowSize - levelCount), levelCount));
}

} // namespace spectray::dsp
