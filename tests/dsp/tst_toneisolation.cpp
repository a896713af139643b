// The default profile's promise: a steady tone at a band's centre peaks in that band, and its
// neighbours read >= 20 dB lower from 100 Hz up, >= 6 dB lower below.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace spectray::dsp;

class TestToneIsolation final : public QObject
{
    Q_OBJECT

private slots:
    void toneStaysInItsBand_data();
    void toneStaysInItsBand();
};

void TestToneIsolation::toneStaysInItsBand_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("layout");
    QTest::newRow("log, 44.1 kHz") << 44100 << int(Layout::Log);
    QTest::newRow("log, 48 kHz") << 48000 << int(Layout::Log);
    QTest::newRow("1/3 octave, 44.1 kHz") << 44100 << int(Layout::Octave);
    QTest::newRow("1/3 octave, 48 kHz") << 48000 << int(Layout::Octave);
}

void TestToneIsolation::toneStaysInItsBand()
{
    QFETCH(int, rate);
    QFETCH(int, layout);
    AnalyzerConfig config;
    config.sampleRate = rate;
    config.layout = Layout(layout);
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    config = analyzer.config();
    QCOMPARE(config.bands, config.layout == Layout::Log ? 32 : 30);
    const auto &edges = analyzer.edgesHz();
    int checked = 0;
    double worstAbove100 = 1e9;
    double worstBelow100 = 1e9;
    for (int b = 0; b < config.bands; ++b) {
        const double centre = std::sqrt(edges[std::size_t(b)] * edges[std::size_t(b) + 1]);
        // Octave layout: the bands named 40 Hz .. 12.5 kHz (exact centres 39.8 .. 12 589 Hz).
        const bool octave = config.layout == Layout::Octave;
        if (centre < (octave ? 39.0 : 40.0) || centre > (octave ? 12600.0 : 12000.0))
            continue;
        framer.reset();
        analyzer.resetGain();
        // Long enough for the longest window to hold only the tone and the dB reference to settle.
        const double seconds = double(analyzer.windowSize()) / rate + 3.0;
        const auto tone = spectray::test::sine(centre, 0.5, rate, seconds);
        FrameValues last;
        framer.push(tone.data(), tone.size(), 1, [&last](const FrameValues &f, uint64_t) { last = f; });

        const auto &raw = analyzer.rawBands();
        const auto peak = int(std::max_element(raw.begin(), raw.end()) - raw.begin());
        QVERIFY2(peak == b, qPrintable(QStringLiteral("%1 Hz peaks in band %2, not %3").arg(centre).arg(peak).arg(b)));
        // On the wire too (it may share the top with clipped neighbours while the gain settles).
        QCOMPARE(last.bands[std::size_t(b)], *std::max_element(last.bands.begin(), last.bands.end()));
        const double own = raw[std::size_t(b)];
        auto dbBelow = [&](int n) {
            if (n < 0 || n >= config.bands)
                return 999.0;
            return 20.0 * std::log10(own / std::max(double(raw[std::size_t(n)]), 1e-30));
        };
        const double margin = std::min(dbBelow(b - 1), dbBelow(b + 1));
        const double required = centre >= 100.0 ? 20.0 : 6.0;
        qInfo("band %2d %8.1f Hz  FFT %5d  neighbours -%.1f / -%.1f dB", b, centre,
              analyzer.bandFftSizes()[std::size_t(b)], dbBelow(b - 1), dbBelow(b + 1));
        QVERIFY2(margin >= required, qPrintable(QStringLiteral("band %1 (%2 Hz): neighbour only %3 dB lower")
                                                    .arg(b).arg(centre).arg(margin)));
        // In `db` on the wire: the neighbours' values, converted back to dB through the scale's span,
        // lie at least as far below (a neighbour under the scale's bottom reads 0, which is further).
        const double span = std::min(config.rangeDb, analyzer.gainReferenceDb() - SpectrumAnalyzer::kGateDbfs);
        for (int n : {b - 1, b + 1}) {
            if (n < 0 || n >= config.bands)
                continue;
            const double wireDb = (last.bands[std::size_t(b)] - last.bands[std::size_t(n)]) / 1000.0 * span;
            QVERIFY2(wireDb >= std::min(required, dbBelow(n)) - 0.1,
                     qPrintable(QStringLiteral("band %1: neighbour %2 on the wire only %3 dB lower").arg(b).arg(n).arg(wireDb)));
        }
        double &worst = centre >= 100.0 ? worstAbove100 : worstBelow100;
        worst = std::min(worst, margin);
        ++checked;
    }
    QVERIFY(checked >= (config.layout == Layout::Octave ? 26 : 27));
    qInfo("%d bands checked; worst neighbour margin below 100 Hz %.1f dB (need 6), from 100 Hz %.1f dB (need 20)",
          checked, worstBelow100, worstAbove100);
}

QTEST_APPLESS_MAIN(TestToneIsolation)
#include "tst_toneisolation.moc"
