// The multi-resolution promise at every rate and layout: each band reads the shortest window that
// keeps a tone at its centre out of its neighbours (issue #11: neighbours >= 20 dB lower from 100 Hz
// up, >= 6 dB below). The band edges come from their definitions here (geometric; the IEC 61260-1
// base-10 grid), not from the analyser; the tones are real sines through analyze().
#include "dsp/spectrumanalyzer.h"
#include "dsp/windowchoice.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace spectray::dsp;

namespace {

constexpr int kRates[] = { 8000, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 176400, 192000, 384000 };

struct LayoutCase
{
    Layout layout;
    int count; // log: bands; octave: bands per octave
};
constexpr LayoutCase kLayouts[] = { { Layout::Log, 8 }, { Layout::Log, 32 }, { Layout::Log, 64 }, { Layout::Log, 128 },
    { Layout::Log, 256 }, { Layout::Octave, 1 }, { Layout::Octave, 2 }, { Layout::Octave, 3 }, { Layout::Octave, 6 },
    { Layout::Octave, 12 }, { Layout::Octave, 24 } };

// Geometric edges 20 Hz .. min(16 kHz, Nyquist), by the definition.
std::vector<double> logEdges(int bands, int rate)
{
    const double top = std::min(16000.0, rate / 2.0);
    std::vector<double> e;
    for (int i = 0; i <= bands; ++i)
        e.push_back(20.0 * std::pow(top / 20.0, double(i) / bands));
    return e;
}

// True when fc is an exact centre of the 1/b-octave base-10 grid: 1000 G^(x/b) (odd b) or
// 1000 G^((2x+1)/(2b)) (even b), G = 10^(3/10).
bool onOctaveGrid(double fc, int b)
{
    const double e = b * std::log10(fc / 1000.0) / 0.3;
    const double x = b % 2 == 1 ? e : (e - 0.5);
    return std::abs(x - std::round(x)) < 1e-9;
}

std::vector<float> tone(double hz, int rate, int samples)
{
    std::vector<float> s(std::size_t(samples), 0.0f);
    for (int i = 0; i < samples; ++i)
        s[std::size_t(i)] = float(0.5 * std::sin(2.0 * std::numbers::pi * hz * i / rate + 0.3));
    return s;
}

} // namespace

class TestIsolationSweep final : public QObject
{
    Q_OBJECT

private slots:
    void leakageModelMatchesADirectDft();
    void everyRateAndLayout_data();
    void everyRateAndLayout();
};

// The window choice's closed-form Hann leakage against a plain DFT of a windowed real sine, summed
// over fractional bins by their definition (bin k covers [k - 1/2, k + 1/2]).
void TestIsolationSweep::leakageModelMatchesADirectDft()
{
    const int rate = 44100;
    for (int n : { 256, 1024 }) {
        for (double hz : { 1000.0, 3217.0, 9000.0 }) {
            std::vector<double> power(std::size_t(n / 2 + 1), 0.0);
            double total = 0.0;
            for (int k = 0; k <= n / 2; ++k) {
                double re = 0.0;
                double im = 0.0;
                for (int i = 0; i < n; ++i) {
                    const double w = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / n);
                    const double x = w * std::sin(2.0 * std::numbers::pi * hz * i / rate);
                    re += x * std::cos(2.0 * std::numbers::pi * k * i / n);
                    im -= x * std::sin(2.0 * std::numbers::pi * k * i / n);
                }
                power[std::size_t(k)] = re * re + im * im;
                total += power[std::size_t(k)];
            }
            for (const auto &[lo, hi] : { std::pair { hz / 1.12, hz * 1.12 }, std::pair { hz * 1.12, hz * 1.4 },
                     std::pair { hz / 1.4, hz / 1.12 } }) {
                const double a = lo * n / rate;
                const double z = hi * n / rate;
                double share = 0.0;
                for (int k = 0; k <= n / 2; ++k)
                    share += std::clamp(std::min(k + 0.5, z) - std::max(k - 0.5, a), 0.0, 1.0) * power[std::size_t(k)];
                share /= total;
                const double model = hannBandShare(hz, lo, hi, n, rate);
                QVERIFY2(std::abs(10.0 * std::log10(model / share)) < 0.1,
                    qPrintable(QStringLiteral("N %1, %2 Hz in %3..%4 Hz: model %5, DFT %6")
                                   .arg(n)
                                   .arg(hz)
                                   .arg(lo)
                                   .arg(hi)
                                   .arg(model)
                                   .arg(share)));
            }
        }
    }
}

void TestIsolationSweep::everyRateAndLayout_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("layout");
    QTest::addColumn<int>("count");
    for (int rate : kRates)
        for (const LayoutCase &l : kLayouts)
            QTest::addRow("%d Hz, %s %d", rate, layoutName(l.layout), l.count) << rate << int(l.layout) << l.count;
}

void TestIsolationSweep::everyRateAndLayout()
{
    QFETCH(int, rate);
    QFETCH(int, layout);
    QFETCH(int, count);
    AnalyzerConfig config;
    config.sampleRate = rate;
    config.layout = Layout(layout);
    (config.layout == Layout::Log ? config.bands : config.bandsPerOctave) = count;
    SpectrumAnalyzer analyzer(config);
    const auto &edges = analyzer.edgesHz();
    const int bands = analyzer.config().bands;
    const int longest = analyzer.windowSize();
    const auto &sizes = analyzer.bandFftSizes();

    // The edges are the definition's.
    if (config.layout == Layout::Log) {
        const auto expected = logEdges(count, rate);
        QCOMPARE(int(edges.size()), int(expected.size()));
        for (std::size_t i = 0; i < edges.size(); ++i)
            QVERIFY(std::abs(edges[i] / expected[i] - 1.0) < 1e-12);
    } else {
        const double half = std::pow(10.0, 0.3 / (2.0 * count));
        for (int b = 0; b < bands; ++b) {
            const double fc = analyzer.centresHz()[std::size_t(b)];
            QVERIFY(onOctaveGrid(fc, count));
            QVERIFY(std::abs(edges[std::size_t(b)] / (fc / half) - 1.0) < 1e-12);
            if (b + 1 < bands)
                QVERIFY(std::abs(edges[std::size_t(b) + 1] / (fc * half) - 1.0) < 1e-12);
        }
    }

    // A steady tone filling the longest window, at each band's centre.
    int checked = 0;
    int resolved = 0;
    double worst = 1e9;
    FrameValues out;
    for (int b = 0; b < bands; ++b) {
        const double centre = std::sqrt(edges[std::size_t(b)] * edges[std::size_t(b) + 1]);
        const auto samples = tone(centre, rate, longest);
        analyzer.analyze(samples.data(), out);
        const auto &raw = analyzer.rawBands();
        const double required = centre >= 100.0 ? 20.0 : 6.0;
        for (int n : { b - 1, b + 1 }) {
            if (n < 0 || n >= bands)
                continue;
            const double below
                = 20.0 * std::log10(double(raw[std::size_t(b)]) / std::max(double(raw[std::size_t(n)]), 1e-30));
            ++checked;
            if (below >= required) {
                ++resolved;
                continue;
            }
            // Short of the requirement only where no window of the ladder could do better: the tone's
            // band and the neighbour both read the longest one (a band narrower than its bins).
            QVERIFY2(sizes[std::size_t(b)] == longest && sizes[std::size_t(n)] == longest,
                qPrintable(QStringLiteral("%1 Hz (band %2, FFT %3): band %4 (FFT %5) only %6 dB lower, need %7")
                               .arg(centre)
                               .arg(b)
                               .arg(sizes[std::size_t(b)])
                               .arg(n)
                               .arg(sizes[std::size_t(n)])
                               .arg(below)
                               .arg(required)));
            worst = std::min(worst, below);
        }
    }
    // The default layouts keep today's promise outright from 40 Hz to 12 kHz wherever the longest
    // window is at most 8192 points per 44.1 kHz (5.4 Hz bins; 768 kHz caps at 65536 points).
    const bool defaultLayout
        = (config.layout == Layout::Log && count == 32) || (config.layout == Layout::Octave && count == 3);
    if (defaultLayout) {
        for (int b = 0; b < bands; ++b) {
            const double centre = std::sqrt(edges[std::size_t(b)] * edges[std::size_t(b) + 1]);
            if (centre < 39.0 || centre > 12600.0)
                continue;
            const auto samples = tone(centre, rate, longest);
            analyzer.analyze(samples.data(), out);
            const auto &raw = analyzer.rawBands();
            const auto peak = int(std::max_element(raw.begin(), raw.end()) - raw.begin());
            QVERIFY2(
                peak == b, qPrintable(QStringLiteral("%1 Hz peaks in band %2, not %3").arg(centre).arg(peak).arg(b)));
            for (int n : { b - 1, b + 1 }) {
                if (n < 0 || n >= bands)
                    continue;
                const double below = 20.0 * std::log10(double(raw[std::size_t(b)]) / double(raw[std::size_t(n)]));
                QVERIFY2(below >= (centre >= 100.0 ? 20.0 : 6.0),
                    qPrintable(QStringLiteral("%1 Hz: band %2 only %3 dB lower").arg(centre).arg(n).arg(below)));
            }
        }
    }
    std::vector<int> ladder(sizes);
    std::sort(ladder.begin(), ladder.end());
    ladder.erase(std::unique(ladder.begin(), ladder.end()), ladder.end());
    QString used;
    for (int n : ladder)
        used += QString::number(n) + QLatin1Char(' ');
    qInfo("%d bands, FFTs %s: %d of %d neighbour pairs meet the requirement; the rest (both at the longest "
          "window) worst %.1f dB",
        bands, qPrintable(used), resolved, checked, worst > 1e8 ? 0.0 : worst);
}

QTEST_APPLESS_MAIN(TestIsolationSweep)
#include "tst_isolationsweep.moc"
