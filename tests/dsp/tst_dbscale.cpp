// The `db` amplitude scale: a band reads (level_dB - bottom) / (ref_dB - bottom) with bottom =
// ref - range (never below the gate), checked with plain dB arithmetic on tones of known level;
// digital silence reads 0; a steady -80 dBFS noise floor reads 0 once the gain has settled.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <cmath>

using namespace spectray::dsp;

class TestDbScale final : public QObject
{
    Q_OBJECT

private slots:
    void toneLevelsInDb_data();
    void toneLevelsInDb();
    void silenceReadsZero();
    void noiseFloorReadsZero();
};

namespace {

int bandOf(const SpectrumAnalyzer &analyzer, double hz)
{
    const auto &e = analyzer.edgesHz();
    for (std::size_t b = 0; b + 1 < e.size(); ++b)
        if (hz >= e[b] && hz < e[b + 1])
            return int(b);
    return -1;
}

} // namespace

void TestDbScale::toneLevelsInDb_data()
{
    QTest::addColumn<double>("range");
    QTest::addColumn<double>("quietDb");
    QTest::newRow("65 dB range, -20 dB tone") << 65.0 << -20.0;
    QTest::newRow("40 dB range, -20 dB tone") << 40.0 << -20.0;
    QTest::newRow("90 dB range, -30 dB tone") << 90.0 << -30.0;
    QTest::newRow("60 dB range, -70 dB tone (below the range)") << 60.0 << -70.0;
}

void TestDbScale::toneLevelsInDb()
{
    // A loud tone (-6 dBFS, sets the reference) and a quieter one `quietDb` below it in another band.
    QFETCH(double, range);
    QFETCH(double, quietDb);
    const int rate = 44100;
    AnalyzerConfig c;
    c.weighting = Weighting::Flat;
    c.rangeDb = range;
    SpectrumAnalyzer analyzer(c);
    StreamFramer framer(analyzer);
    // Each tone at its band's centre, so neither leaks measurably into a neighbour.
    const int lb = bandOf(analyzer, 1000.0), qb = bandOf(analyzer, 4000.0);
    const double loudHz = analyzer.centresHz()[std::size_t(lb)], quietHz = analyzer.centresHz()[std::size_t(qb)];
    auto loud = spectray::test::sine(loudHz, 0.5, rate, 12.0);
    const auto quiet = spectray::test::sine(quietHz, 0.5 * std::pow(10.0, quietDb / 20.0), rate, 12.0);
    for (std::size_t i = 0; i < loud.size(); ++i)
        loud[i] += quiet[i];
    FrameValues last;
    framer.push(loud.data(), loud.size(), 1, [&](const FrameValues &f, uint64_t) { last = f; });
    // Settled: the reference is the loud band's level (-6.02 dBFS), so the loud band reads full scale.
    const double loudDbfs = 20.0 * std::log10(0.5);
    QVERIFY(std::abs(analyzer.gainReferenceDb() - loudDbfs) < 0.2);
    QVERIFY(last.bands[std::size_t(lb)] >= 998);
    // The scale spans `span` dB below the reference: the range, or down to the gate if that is higher.
    const double span = std::min(range, loudDbfs - SpectrumAnalyzer::kGateDbfs);
    const double value = last.bands[std::size_t(qb)] / 1000.0;
    qInfo("quiet band reads %.3f (span %.1f dB)", value, span);
    if (quietDb <= -span) {
        QCOMPARE(last.bands[std::size_t(qb)], int16_t(0));
    } else {
        const double readDb = value * span - span; // relative to the loud tone
        QVERIFY2(std::abs(readDb - quietDb) <= 0.3, qPrintable(QStringLiteral("reads %1 dB").arg(readDb)));
    }
}

void TestDbScale::silenceReadsZero()
{
    for (Weighting w : { Weighting::Flat, Weighting::A, Weighting::Tilt3, Weighting::Tilt4_5 }) {
        AnalyzerConfig c;
        c.weighting = w;
        SpectrumAnalyzer analyzer(c);
        StreamFramer framer(analyzer);
        const auto silence = spectray::test::silence(44100, 3.0, 2);
        int nonZero = 0;
        framer.push(silence.data(), silence.size() / 2, 2, [&](const FrameValues &f, uint64_t) {
            nonZero += f.bass != 0 || f.level != 0 ? 1 : 0;
            for (int16_t v : f.bands)
                nonZero += v != 0 ? 1 : 0;
        });
        QCOMPARE(nonZero, 0);
    }
}

void TestDbScale::noiseFloorReadsZero()
{
    // White noise at -80 dBFS RMS (uniform in +-a has RMS a / sqrt(3)), after 20 s of music-free
    // settling: the reference sinks to its floor and every band is under the scale's bottom.
    const int rate = 44100;
    AnalyzerConfig c; // defaults
    for (Layout layout : { Layout::Log, Layout::Octave }) {
        c.layout = layout;
        SpectrumAnalyzer analyzer(c);
        StreamFramer framer(analyzer);
        const auto noise = spectray::test::noise(1e-4 * std::sqrt(3.0), rate, 25.0, 5);
        int lateNonZero = 0, highest = 0;
        framer.push(noise.data(), noise.size(), 1, [&](const FrameValues &f, uint64_t at) {
            if (at < uint64_t(20 * rate))
                return;
            for (int16_t v : f.bands) {
                lateNonZero += v != 0 ? 1 : 0;
                highest = std::max(highest, int(v));
            }
        });
        qInfo("%s: -80 dBFS noise, last 5 s: %d nonzero band values, highest %d", layoutName(layout), lateNonZero,
            highest);
        QCOMPARE(lateNonZero, 0);
    }
}

QTEST_APPLESS_MAIN(TestDbScale)
#include "tst_dbscale.moc"
