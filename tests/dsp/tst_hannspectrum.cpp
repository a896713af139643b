// hannPower (the periodic Hann window applied in frequency) against the definition: the DFT of the
// windowed samples summed directly in double, sample by sample, with no FFT and no frequency-domain
// shortcut; and the window's sums against direct summation.
#include "dsp/hannspectrum.h"
#include "dsp/realfft.h"

#include <QTest>

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

// |sum_i x[i] w[i] e^{-2 pi j k i / n}|^2
double windowedPowerByDefinition(const std::vector<float> &x, int k)
{
    const int n = int(x.size());
    std::complex<double> sum = 0.0;
    for (int i = 0; i < n; ++i)
        sum += double(x[std::size_t(i)]) * hannAt(i, n) * std::polar(1.0, -2.0 * std::numbers::pi * k * i / n);
    return std::norm(sum);
}

} // namespace

class TestHannSpectrum final : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheDefinition_data();
    void matchesTheDefinition();
    void sums();
};

void TestHannSpectrum::matchesTheDefinition_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("bins");
    QTest::newRow("256, every bin") << 256 << 129;
    QTest::newRow("512, every bin") << 512 << 257;
    QTest::newRow("1024, the lowest 40") << 1024 << 40;
}

void TestHannSpectrum::matchesTheDefinition()
{
    QFETCH(int, n);
    QFETCH(int, bins);
    std::mt19937 random(42);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    AlignedSamples samples(n);
    std::vector<float> x(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        // noise plus a DC offset and a tone at Nyquist: the edge bins are where the mirroring matters
        x[std::size_t(i)] = 0.5f * uniform(random) + 0.2f + ((i % 2) ? -0.3f : 0.3f);
        samples.data()[i] = x[std::size_t(i)];
    }
    RealFft fft(n);
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
