// The rate-halving cascade the long rungs of the band ladder read (dsp/decimator.h). Expected values
// come from a direct double-precision convolution with the binomial kernel written out here, from
// the kernel's DTFT summed here, and from the analyser fed whole windows (no decimation state).
#include "dsp/decimator.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <cmath>
#include <complex>
#include <map>
#include <memory>
#include <numbers>
#include <random>
#include <vector>

using namespace spectray::dsp;

namespace {

const double kKernel[7] = { 1 / 64.0, 6 / 64.0, 15 / 64.0, 20 / 64.0, 15 / 64.0, 6 / 64.0, 1 / 64.0 };

// One halving by definition: y[m] = sum_j h[j] x[2m + 1 - j], x before the first sample = 0.
std::vector<double> halve(const std::vector<double> &x)
{
    std::vector<double> y;
    for (std::size_t i = 1; i < x.size(); i += 2) {
        double sum = 0.0;
        for (int j = 0; j < 7; ++j)
            if (i >= std::size_t(j))
                sum += kKernel[j] * x[i - std::size_t(j)];
        y.push_back(sum);
    }
    return y;
}

// |H(f)|^2 of one stage at f / rate, from the kernel's DTFT.
double stagePower(double fOverRate)
{
    std::complex<double> h = 0.0;
    for (int j = 0; j < 7; ++j)
        h += kKernel[j] * std::polar(1.0, -2.0 * std::numbers::pi * fOverRate * j);
    return std::norm(h);
}

// The RMS of a steady stretch (the second half) of a stage's output, of a sine through the cascade.
double steadyRms(const DecimationCascade &cascade, int stage, int count)
{
    const float *y = cascade.newest(stage, count);
    double sum = 0.0;
    for (int i = count / 2; i < count; ++i)
        sum += double(y[i]) * y[i];
    return std::sqrt(sum / (count - count / 2));
}

} // namespace

class TestDecimator final : public QObject
{
    Q_OBJECT

private slots:
    void matchesDirectConvolution();
    void chunkingDoesNotMatter();
    void passbandGainIsTheKernels();
    void aliasesAreFarDown();
    void framerMatchesWholeWindows();
};

void TestDecimator::matchesDirectConvolution()
{
    const auto noise = spectray::test::noise(0.5, 44100, 0.2, 11);
    const int stages = 4;
    DecimationCascade cascade(stages, 256, noise.size());
    cascade.push(noise.data(), noise.size());
    std::vector<double> x(noise.begin(), noise.end());
    for (int s = 1; s <= stages; ++s) {
        x = halve(x);
        const float *got = cascade.newest(s, 256);
        for (int i = 0; i < 256; ++i)
            QVERIFY2(std::abs(got[i] - x[x.size() - 256 + std::size_t(i)]) < 1e-6,
                qPrintable(QStringLiteral("stage %1, sample %2").arg(s).arg(i)));
    }
}

void TestDecimator::chunkingDoesNotMatter()
{
    const auto noise = spectray::test::noise(0.5, 48000, 0.5, 3);
    DecimationCascade whole(3, 512, noise.size());
    whole.push(noise.data(), noise.size());
    DecimationCascade chunked(3, 512, noise.size());
    std::mt19937 random(5);
    std::size_t at = 0;
    for (int pushes = 0; at < noise.size() && pushes < 100000; ++pushes) {
        const std::size_t n = std::min<std::size_t>(noise.size() - at, random() % 97 + 1); // odd and even
        chunked.push(noise.data() + at, n);
        at += n;
    }
    QCOMPARE(at, noise.size());
    for (int s = 1; s <= 3; ++s)
        for (int i = 0; i < 512; ++i)
            QCOMPARE(chunked.newest(s, 512)[i], whole.newest(s, 512)[i]); // bit for bit
}

void TestDecimator::passbandGainIsTheKernels()
{
    // Sines well inside what the rungs read (<= 1/16 of the last stage's input rate) keep their
    // level as the kernel's response says, and powerGainAt() says the same. Whole periods in the
    // 512 samples measured: k cycles of 44100 / 16 / 512 Hz.
    const int rate = 44100;
    const int stages = 4;
    for (int k : { 8, 19, 32 }) {
        const double hz = k * rate / 16.0 / 512.0;
        const auto tone = spectray::test::sine(hz, 0.5, rate, 1.0);
        DecimationCascade cascade(stages, 1024, tone.size());
        cascade.push(tone.data(), tone.size());
        double expected = 1.0;
        for (int j = 0; j < stages; ++j)
            expected *= stagePower(hz / (rate / double(1 << j)));
        const double got = steadyRms(cascade, stages, 1024) / (0.5 / std::sqrt(2.0));
        QVERIFY2(std::abs(20.0 * std::log10(got * got / expected)) < 0.05, qPrintable(QString::number(hz)));
        QVERIFY(std::abs(DecimationCascade::powerGainAt(hz, rate, stages) / expected - 1.0) < 1e-9);
    }
    QCOMPARE(DecimationCascade::delaySamples(4), 45.0); // 3 + 6 + 12 + 24 input samples
}

void TestDecimator::aliasesAreFarDown()
{
    // A tone that folds onto 1/16 of the last stage's input rate (the top of what a rung reads)
    // comes out at least 80 dB down.
    const int rate = 44100;
    const int stages = 4;
    const double lastInput = rate / 8.0;              // 5512.5 Hz
    const double folded = lastInput / 2.0 - lastInput / 16.0; // lands on lastInput / 16 after halving
    const auto tone = spectray::test::sine(folded, 0.5, rate, 1.0);
    DecimationCascade cascade(stages, 1024, tone.size());
    cascade.push(tone.data(), tone.size());
    const double level = steadyRms(cascade, stages, 1024) / (0.5 / std::sqrt(2.0));
    QVERIFY2(20.0 * std::log10(level) < -80.0, qPrintable(QString::number(20.0 * std::log10(level))));
}

void TestDecimator::framerMatchesWholeWindows()
{
    // The framer feeds the analyser one hop at a time (analyzeNext), which decimates only the new
    // samples; analyze() decimates the whole window it is given. Halved k times, the signal has a
    // sample at every input index i with i mod 2^k = 2^k - 1, counted from the stream's start, or
    // from the window's start when decimated whole (W being a multiple of 2^k): fed by hops, the
    // newest one trails the newest input by (samples so far) mod 2^k. So a band whose window is
    // divided by D must read what the whole window ending (samples mod D) earlier reads, but for the
    // first few decimated samples, which the whole window starts from silence and where the Hann
    // window is ~0 (D = 1: exactly the same).
    for (int rate : { 44100, 48000 }) {
        AnalyzerConfig config;
        config.sampleRate = rate;
        config.fps = 60;
        SpectrumAnalyzer framed(config);
        StreamFramer framer(framed);
        const auto &factors = framed.bandDecimation();
        std::map<int, std::unique_ptr<SpectrumAnalyzer>> whole; // per D, fed the windows that end on its grid
        for (int d : factors)
            whole.emplace(d, std::make_unique<SpectrumAnalyzer>(config));
        QVERIFY(whole.size() >= 3); // undecimated, and two factors at least
        const auto music = spectray::test::noise(0.3, rate, 1.0, 9);
        const auto w = std::size_t(framed.windowSize());
        FrameValues out;
        int frames = 0;
        double worstDb = 0.0;
        framer.push(music.data(), music.size(), 1, [&](const FrameValues &, uint64_t delivered) {
            for (auto &[d, analyzer] : whole)
                analyzer->analyze(music.data() + (delivered - delivered % uint64_t(d) - w), out);
            const auto &got = framed.rawBands();
            for (std::size_t b = 0; b < got.size(); ++b) {
                const float expected = whole.at(factors[b])->rawBands()[b];
                if (factors[b] == 1)
                    QCOMPARE(got[b], expected);
                worstDb = std::max(worstDb, std::abs(20.0 * std::log10(double(got[b]) / double(expected))));
            }
            ++frames;
        });
        QVERIFY(frames > 20);
        QVERIFY2(worstDb < 0.01, qPrintable(QStringLiteral("%1 Hz: %2 dB").arg(rate).arg(worstDb)));
    }
}

QTEST_APPLESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
