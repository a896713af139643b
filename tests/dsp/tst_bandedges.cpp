#include "dsp/bandplan.h"
#include "dsp/spectrumanalyzer.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace spectray::dsp;

class TestBandEdges final : public QObject
{
    Q_OBJECT

private slots:
    void seedEdgesEqualTheSeeds_data();
    void seedEdgesEqualTheSeeds();
    void seedEdgesHzAreTheBins();
    void defaultEdgesAreGeometric();
    void defaultBandsEachHaveTheirOwnBins();
    void defaultBassBandsAreInside20To200Hz();
};

void TestBandEdges::seedEdgesEqualTheSeeds_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("bands");
    QTest::addColumn<std::vector<int>>("expected");
    // Printed by the seed's own _compute_bin_edges (tests/dsp/seed_reference.py, numpy 1.24).
    QTest::newRow("44100/32") << 44100 << 32
                              << std::vector<int>{0,  0,  0,  0,  1,  1,  1,  2,   2,   3,   3,   4,   5,   7,   8,   10, 13,
                                                  16, 19, 24, 30, 37, 46, 56, 69, 86, 106, 130, 161, 198, 244, 301, 371};
    QTest::newRow("48000/32") << 48000 << 32
                              << std::vector<int>{0,  0,  0,  0,  0,  1,  1,  1,  2,  2,  3,   4,   5,   6,   7,   9,  12,
                                                  14, 18, 22, 27, 34, 42, 52, 64, 79, 97, 120, 148, 182, 224, 276, 341};
    QTest::newRow("22050/16: capped at the last bin")
        << 22050 << 16 << std::vector<int>{0, 1, 2, 3, 4, 6, 9, 14, 21, 32, 48, 71, 105, 156, 232, 345, 512};
}

void TestBandEdges::seedEdgesEqualTheSeeds()
{
    QFETCH(int, rate);
    QFETCH(int, bands);
    QFETCH(std::vector<int>, expected);
    AnalyzerConfig c;
    c.profile = Profile::Seed;
    c.sampleRate = rate;
    c.bands = bands;
    const SpectrumAnalyzer analyzer(c);
    QCOMPARE(analyzer.fftSize(), 1024);
    QCOMPARE(analyzer.bassFftSize(), 0);
    QCOMPARE(analyzer.seedBinEdges(), expected);
}

void TestBandEdges::seedEdgesHzAreTheBins()
{
    AnalyzerConfig c;
    c.profile = Profile::Seed;
    const SpectrumAnalyzer analyzer(c);
    QCOMPARE(int(analyzer.edgesHz().size()), 33);
    for (std::size_t i = 0; i < 33; ++i)
        QCOMPARE(analyzer.edgesHz()[i], analyzer.seedBinEdges()[i] * 44100.0 / 1024.0);
}

void TestBandEdges::defaultEdgesAreGeometric()
{
    for (int rate : {44100, 48000}) {
        AnalyzerConfig c;
        c.sampleRate = rate;
        const SpectrumAnalyzer analyzer(c);
        const auto &e = analyzer.edgesHz();
        QCOMPARE(int(e.size()), 33);
        QCOMPARE(e.front(), 20.0);
        QCOMPARE(e.back(), 16000.0);
        const double ratio = e[1] / e[0];
        for (std::size_t i = 1; i < e.size(); ++i)
            QVERIFY(qAbs(e[i] / e[i - 1] - ratio) < 1e-9);
    }
    AnalyzerConfig low;
    low.sampleRate = 22050;
    QCOMPARE(SpectrumAnalyzer(low).edgesHz().back(), 11025.0); // capped at Nyquist
}

void TestBandEdges::defaultBandsEachHaveTheirOwnBins()
{
    // The seed's flaw: several bands read the very same bins. Here no two bands share a weighting.
    for (int rate : {44100, 48000}) {
        AnalyzerConfig c;
        c.sampleRate = rate;
        const SpectrumAnalyzer analyzer(c);
        const BandPlan plan = fractionalBandPlan(analyzer.edgesHz(), rate, analyzer.bandFftSizes());
        std::set<std::vector<float>> seen;
        for (const BandSpan &s : plan.spans) {
            QVERIFY(s.count > 0);
            std::vector<float> key{float(s.fft), float(s.firstBin)};
            key.insert(key.end(), plan.weights.begin() + s.weightOffset,
                       plan.weights.begin() + s.weightOffset + s.count);
            QVERIFY2(seen.insert(key).second, "two bands integrate the same bins");
        }
        QCOMPARE(analyzer.bandFftSizes().front(), analyzer.bassFftSize()); // 20 Hz: the long FFT
        QCOMPARE(analyzer.bandFftSizes().back(), analyzer.fftSize());      // treble: the short one
        QVERIFY(std::is_sorted(analyzer.bandFftSizes().rbegin(), analyzer.bandFftSizes().rend()));
    }
}

void TestBandEdges::defaultBassBandsAreInside20To200Hz()
{
    const SpectrumAnalyzer analyzer{AnalyzerConfig{}};
    QVERIFY(!analyzer.bassBands().empty());
    for (int b : analyzer.bassBands()) {
        QVERIFY(analyzer.edgesHz()[std::size_t(b)] >= 20.0);
        QVERIFY(analyzer.edgesHz()[std::size_t(b) + 1] <= 200.0 + 1e-6);
    }
    const int next = analyzer.bassBands().back() + 1;
    QVERIFY(analyzer.edgesHz()[std::size_t(next) + 1] > 200.0);

    AnalyzerConfig seed;
    seed.profile = Profile::Seed;
    QCOMPARE(SpectrumAnalyzer(seed).bassBands(), (std::vector<int>{0, 1, 2, 3}));
}

QTEST_APPLESS_MAIN(TestBandEdges)
#include "tst_bandedges.moc"
