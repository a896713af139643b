// hannPower (the periodic Hann window applied in frequency) against the definition: the DFT of the
// windowed samples summed directly in double, sample by sample, with no FFT and no frequency-domain
// shortcut; and the window's sums against direct summation.
#include "dsp/hannspectrum.h"
#include "dsp/realfft.h"

#include <QTest>

#include <algorithm>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <vector>

using namespace spectray::dsp;

namespace {

double hannAt(int i, int n)
{
    return 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / n);
}

// sum_i x[i] w[i] e^{-2 pi j k i / n}, with w = 1 (plain) or the periodic Hann window
std::complex<double> dftByDefinition(const std::vector<float> &x, int k, bool hann)
{
    const int n = int(x.size());
    std::complex<double> sum = 0.0;
    for (int i = 0; i < n; ++i)
        sum += double(x[std::size_t(i)]) * (hann ? hannAt(i, n) : 1.0)
            * std::polar(1.0, -2.0 * std::numbers::pi * double(k) * i / n);
    return sum;
}

double windowedPowerByDefinition(const std::vector<float> &x, int k)
{
    return std::norm(dftByDefinition(x, k, true));
}

// noise plus a DC offset and a tone at Nyquist: the edge bins are where the mirroring matters
std::vector<float> testSignal(int n, AlignedSamples &samples)
{
    std::mt19937 random(42);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    std::vector<float> x(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        x[std::size_t(i)] = 0.5f * uniform(random) + 0.2f + ((i % 2) ? -0.3f : 0.3f);
        samples.data()[i] = x[std::size_t(i)];
    }
    return x;
}

} // namespace

class TestHannSpectrum final : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheDefinition_data();
    void matchesTheDefinition();
    void halfComplexMatchesTheDefinition_data();
    void halfComplexMatchesTheDefinition();
    void sums();
    void poolSharesOneTransformPerSizeAndKind();
};

void TestHannSpectrum::matchesTheDefinition_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("bins");
    QTest::addColumn<int>("lowBins"); // RealFft's: 0 = the r2c plan, else the half-size complex one
    QTest::newRow("256, every bin") << 256 << 129 << 0;
    QTest::newRow("512, every bin") << 512 << 257 << 0;
    QTest::newRow("1024, the lowest 40") << 1024 << 40 << 0;
    QTest::newRow("1024 half-complex, the lowest 20") << 1024 << 20 << 21;
    QTest::newRow("2048 half-complex, the lowest 40") << 2048 << 40 << 41;
    QTest::newRow("8192 half-complex, the lowest 37") << 8192 << 37 << 38;
    QTest::newRow("8192 half-complex, the lowest 1023") << 8192 << 1023 << 1024;
}

void TestHannSpectrum::halfComplexMatchesTheDefinition_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("lowBins");
    QTest::newRow("1024, 8 bins") << 1024 << 8;
    QTest::newRow("2048, 256 bins (n/8)") << 2048 << 256;
    QTest::newRow("8192, 38 bins") << 8192 << 38;
}

// The unwindowed X[k] of the half-size complex path, k = 0 (E + O, real) to the last computed
// bin, against the DFT summed from the definition; and the r2c plan is kept above n/8.
void TestHannSpectrum::halfComplexMatchesTheDefinition()
{
    QFETCH(int, n);
    QFETCH(int, lowBins);
    AlignedSamples samples(n);
    const std::vector<float> x = testSignal(n, samples);
    RealFft fft(n, lowBins);
    QVERIFY(fft.halfComplex());
    QCOMPARE(fft.validBins(), lowBins);
    QVERIFY(!RealFft(n, n / 8 + 1).halfComplex());
    fft.execute(samples.data());
    // Read through an unaligned copy too: the same numbers through input().
    std::vector<float> shifted(std::size_t(n) + 1);
    std::copy(x.begin(), x.end(), shifted.begin() + 1);
    RealFft copied(n, lowBins);
    copied.execute(shifted.data() + 1);
    double scale = 0.0;
    for (float v : x)
        scale += std::abs(double(v)); // bounds every |X[k]|
    for (int k = 0; k < lowBins; ++k) {
        const std::complex<double> expected = dftByDefinition(x, k, false);
        const std::complex<double> got(fft.spectrum()[2 * k], fft.spectrum()[2 * k + 1]);
        QVERIFY2(std::abs(got - expected) <= 1e-5 * scale,
            qPrintable(QStringLiteral("bin %1: (%2, %3) vs (%4, %5)")
                           .arg(k)
                           .arg(got.real())
                           .arg(got.imag())
                           .arg(expected.real())
                           .arg(expected.imag())));
        QCOMPARE(copied.spectrum()[2 * k], fft.spectrum()[2 * k]);
        QCOMPARE(copied.spectrum()[2 * k + 1], fft.spectrum()[2 * k + 1]);
    }
    QCOMPARE(fft.spectrum()[1], 0.0f); // X[0] of a real input is real
}

void TestHannSpectrum::matchesTheDefinition()
{
    QFETCH(int, n);
    QFETCH(int, bins);
    QFETCH(int, lowBins);
    AlignedSamples samples(n);
    const std::vector<float> x = testSignal(n, samples);
    RealFft fft(n, lowBins);
    QCOMPARE(fft.halfComplex(), lowBins > 0); // the rows' lowBins are all <= n/8
    fft.execute(samples.data());
    std::vector<float> power(std::size_t(bins), -1.0f);
    hannPower(fft, bins, power.data());
    double peak = 0.0;
    std::vector<double> expected(static_cast<std::size_t>(bins));
    for (int k = 0; k < bins; ++k) {
        expected[std::size_t(k)] = windowedPowerByDefinition(x, k);
        peak = std::max(peak, expected[std::size_t(k)]);
    }
    for (int k = 0; k < bins; ++k) // float32 FFT: agreement to ~1e-5 of the strongest bin
        QVERIFY2(std::abs(power[std::size_t(k)] - expected[std::size_t(k)]) <= 1e-5 * peak,
                 qPrintable(QStringLiteral("bin %1: %2 vs %3").arg(k).arg(power[std::size_t(k)]).arg(expected[std::size_t(k)])));
}

void TestHannSpectrum::poolSharesOneTransformPerSizeAndKind()
{
    // Several rungs of 256 points reading 20, 31 and 9 bins, one reading 100 (the r2c plan), one of
    // 384: one half-complex transform unpacking 31 bins serves the first three, and it computes
    // what the definition gives for every one of them whichever runs last.
    RealFftPool pool;
    const int requests[][2] = { { 256, 20 }, { 256, 31 }, { 256, 9 }, { 256, 100 }, { 384, 20 } };
    for (const auto &r : requests)
        pool.reserve(r[0], r[1]);
    const auto a = pool.get(256, 20);
    const auto b = pool.get(256, 31);
    const auto c = pool.get(256, 9);
    const auto full = pool.get(256, 100);
    const auto other = pool.get(384, 20);
    QCOMPARE(a.get(), b.get());
    QCOMPARE(a.get(), c.get());
    QVERIFY(a.get() != full.get() && a.get() != other.get());
    QVERIFY(a->halfComplex());
    QCOMPARE(a->validBins(), 31);
    QVERIFY(!full->halfComplex());
    QCOMPARE(full->validBins(), 129);
    QCOMPARE(other->size(), 384);
    for (int seed : { 1, 2 }) {
        AlignedSamples samples(256);
        std::vector<float> x = testSignal(256, samples);
        for (int i = 0; i < 256; ++i)
            samples.data()[i] = x[std::size_t(i)] *= float(seed);
        full->execute(samples.data()); // another transform in between changes nothing of this one
        a->execute(samples.data());
        double scale = 0.0;
        for (float v : x)
            scale += std::abs(double(v));
        for (int k = 0; k < 31; ++k) {
            const std::complex<double> expected = dftByDefinition(x, k, false);
            const std::complex<double> got(a->spectrum()[2 * k], a->spectrum()[2 * k + 1]);
            QVERIFY2(std::abs(got - expected) <= 1e-5 * scale, qPrintable(QStringLiteral("bin %1").arg(k)));
        }
    }
}

void TestHannSpectrum::sums()
{
    for (int n : { 256, 1000, 1024, 8192 }) {
        double sum = 0.0;
        double squares = 0.0;
        for (int i = 0; i < n; ++i) {
            sum += hannAt(i, n);
            squares += hannAt(i, n) * hannAt(i, n);
        }
        QVERIFY(std::abs(hannSum(n) - sum) < 1e-9 * n);
        QVERIFY(std::abs(hannSumOfSquares(n) - squares) < 1e-9 * n);
    }
}

QTEST_GUILESS_MAIN(TestHannSpectrum)
#include "tst_hannspectrum.moc"
