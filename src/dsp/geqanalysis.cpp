#include "dsp/geqanalysis.h"

#include "dsp/hannspectrum.h"

#include <algorithm>
#include <cmath>

namespace spectray::dsp {

namespace {

// 1024 points at 44.1/48 kHz (bins of 43-47 Hz, WLED's own resolution for the upper channels),
// doubled for higher rates so a bin stays about as wide in Hz.
int baseFftSize(int sampleRate)
{
    int n = 1024;
    while (n * 48000LL < 1024LL * sampleRate)
        n *= 2;
    return n;
}

constexpr double kPeakMaxHz = 11025.0; // WLED clamps FFT_MajorPeak to 1..11025

} // namespace

GeqAnalysis::GeqAnalysis(int sampleRate)
    : m_sampleRate(std::max(sampleRate, 8000))
{
    const int base = baseFftSize(m_sampleRate);
    const std::vector<double> edges(kWledGeqEdgesHz.begin(), kWledGeqEdgesHz.end());
    // 8x the base reaches 5-6 Hz bins: enough for the 43 Hz wide lowest channels.
    m_plan = fractionalBandPlan(edges, m_sampleRate, base, 8 * base);
    if (m_plan.fftSizes.front() != base) { // the peak search and the level always read the base FFT
        m_plan.fftSizes.insert(m_plan.fftSizes.begin(), base);
        for (BandSpan &span : m_plan.spans)
            ++span.fft;
    }
    // Periodic Hann windows (hannspectrum.h: a 4-bin main lobe, which kMinBandBins in the band
    // plan is sized for), applied in frequency. One-sided power sum of a band -> its mean square:
    // 2 sum|X|^2 / (N sum w^2) (Parseval).
    // The longer tiers only serve the low channels: they compute the bins those read (RealFft's
    // half-size complex path when that is few), plus the one above that hannPower reads.
    std::vector<int> usedBins(m_plan.fftSizes.size(), 1);
    usedBins.front() = base / 2 + 1;
    for (const BandSpan &span : m_plan.spans)
        usedBins[std::size_t(span.fft)] = std::max(usedBins[std::size_t(span.fft)], span.firstBin + span.count);
    for (std::size_t t = 0; t < m_plan.fftSizes.size(); ++t) {
        const int n = m_plan.fftSizes[t];
        m_tiers.push_back({ std::make_unique<RealFft>(n, usedBins[t] + 1), 2.0 / (double(n) * hannSumOfSquares(n)),
            std::vector<float>(std::size_t(n / 2 + 1), 0.0f), usedBins[t] });
    }
    m_windowSum = hannSum(m_plan.fftSizes.front());
    for (const BandSpan &span : m_plan.spans)
        m_channelFft.push_back(m_plan.fftSizes[std::size_t(span.fft)]);
    m_windowSize = m_plan.fftSizes.back();
    m_tails = std::make_unique<AlignedSamples>(m_windowSize);
}

GeqAnalysis::~GeqAnalysis() = default;

void GeqAnalysis::analyze(const float *newestMono, double timeS, GeqResult &out)
{
    // Every window ends at the newest sample: one aligned copy, each FFT reads its tail (the sizes
    // are powers of two >= 1024, so every tail keeps FFTW's alignment).
    std::copy(newestMono, newestMono + m_windowSize, m_tails->data());
    for (Tier &tier : m_tiers) {
        RealFft &fft = *tier.fft;
        fft.execute(m_tails->data() + (m_windowSize - fft.size()));
        hannPower(fft, tier.usedBins, tier.power.data());
    }
    double bassSq = 0.0;
    for (int c = 0; c < kGeqChannels; ++c) {
        const BandSpan &span = m_plan.spans[std::size_t(c)];
        const Tier &tier = m_tiers[std::size_t(span.fft)];
        const float *p = tier.power.data() + span.firstBin;
        const float *w = m_plan.weights.data() + span.weightOffset;
        double sum = 0.0;
        for (int j = 0; j < span.count; ++j)
            sum += double(w[j]) * p[j];
        const double meanSq = sum * tier.rmsNorm;
        out.channelRms[std::size_t(c)] = float(std::sqrt(meanSq));
        if (c < kBassChannels)
            bassSq += meanSq;
    }
    out.bassRms = float(std::sqrt(bassSq));

    const int base = m_tiers.front().fft->size();
    const float *recent = newestMono + (m_windowSize - base);
    double energy = 0.0;
    for (int i = 0; i < base; ++i)
        energy += double(recent[i]) * recent[i];
    out.levelRms = float(std::sqrt(energy / base));
    findPeak(out);
    out.beat = m_beats.update(bassSq, timeS);
}

void GeqAnalysis::findPeak(GeqResult &out) const
{
    const Tier &tier = m_tiers.front();
    const int n = tier.fft->size();
    const double binHz = double(m_sampleRate) / n;
    const int first = std::max(1, int(std::ceil(kWledGeqEdgesHz.front() / binHz)));
    const int last = std::min(n / 2 - 1, int(std::floor(kPeakMaxHz / binHz)));
    int best = first;
    for (int k = first; k <= last; ++k)
        if (tier.power[std::size_t(k)] > tier.power[std::size_t(best)])
            best = k;
    const double mag = std::sqrt(double(tier.power[std::size_t(best)]));
    if (!(mag > 0.0)) {
        out.peakHz = 0.0f;
        out.peakAmplitude = 0.0f;
        return;
    }
    // Parabolic interpolation on log magnitudes: within a few Hz for a Hann window.
    const double a = std::log(std::sqrt(double(tier.power[std::size_t(best - 1)])) + 1e-30);
    const double b = std::log(mag);
    const double c = std::log(std::sqrt(double(tier.power[std::size_t(best + 1)])) + 1e-30);
    const double denom = a - 2.0 * b + c;
    const double delta = denom < 0.0 ? std::clamp(0.5 * (a - c) / denom, -0.5, 0.5) : 0.0;
    out.peakHz = float((best + delta) * binHz);
    // A sine of amplitude A peaks at A * sum(w) / 2 in a Hann-windowed FFT.
    out.peakAmplitude = float(2.0 * mag / m_windowSum);
}

} // namespace spectray::dsp
