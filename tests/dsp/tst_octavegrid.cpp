// The octave layouts against IEC 61260-1 / ANSI S1.11: base-10 ratio G = 10^(3/10), exact centres
// 1000 G^(x/b) (odd b) or 1000 G^((2x+1)/(2b)) (even b), edges at centre G^(+-1/(2b)), and the
// standard's nominal third-octave frequencies as the labels an axis shows.
#include "dsp/bandplan.h"
#include "dsp/spectrumanalyzer.h"

#include <QTest>

#include <cmath>

using namespace spectray::dsp;

class TestOctaveGrid final : public QObject
{
    Q_OBJECT

private slots:
    void thirdOctaveRtaIs31Bands();
    void edgesAndCentresFollowTheFormulas_data();
    void edgesAndCentresFollowTheFormulas();
    void octaveLabels();
    void bandsAreContiguousRms();
};

void TestOctaveGrid::thirdOctaveRtaIs31Bands()
{
    // The nominal third-octave frequencies 20 Hz .. 20 kHz (IEC 61260-1 annex E, ISO 266).
    const QStringList nominal = { QStringLiteral("20"), QStringLiteral("25"), QStringLiteral("31.5"),
        QStringLiteral("40"), QStringLiteral("50"), QStringLiteral("63"), QStringLiteral("80"), QStringLiteral("100"),
        QStringLiteral("125"), QStringLiteral("160"), QStringLiteral("200"), QStringLiteral("250"),
        QStringLiteral("315"), QStringLiteral("400"), QStringLiteral("500"), QStringLiteral("630"),
        QStringLiteral("800"), QStringLiteral("1k"), QStringLiteral("1.25k"), QStringLiteral("1.6k"),
        QStringLiteral("2k"), QStringLiteral("2.5k"), QStringLiteral("3.15k"), QStringLiteral("4k"),
        QStringLiteral("5k"), QStringLiteral("6.3k"), QStringLiteral("8k"), QStringLiteral("10k"),
        QStringLiteral("12.5k"), QStringLiteral("16k"), QStringLiteral("20k") };
    AnalyzerConfig c;
    c.sampleRate = 48000;
    c.layout = Layout::Octave;
    c.bandsPerOctave = 3;
    c.minHz = 20;
    c.maxHz = 20000;
    SpectrumAnalyzer analyzer(c);
    QCOMPARE(analyzer.config().bands, 31);
    QStringList labels;
    for (const std::string &l : analyzer.labels())
        labels << QString::fromStdString(l);
    QCOMPARE(labels, nominal);
    QCOMPARE(int(analyzer.centresHz().size()), 31);
    QCOMPARE(int(analyzer.edgesHz().size()), 32);
}

void TestOctaveGrid::edgesAndCentresFollowTheFormulas_data()
{
    QTest::addColumn<int>("b");
    for (int b : { 1, 2, 3, 6, 12, 24 })
        QTest::newRow(qPrintable(QStringLiteral("1/%1").arg(b))) << b;
}

void TestOctaveGrid::edgesAndCentresFollowTheFormulas()
{
    QFETCH(int, b);
    AnalyzerConfig c;
    c.layout = Layout::Octave;
    c.bandsPerOctave = b;
    c.sampleRate = 48000;
    SpectrumAnalyzer analyzer(c);
    const auto &centres = analyzer.centresHz();
    const auto &edges = analyzer.edgesHz();
    QVERIFY(!centres.empty());
    const double G = std::pow(10.0, 0.3);
    for (std::size_t i = 0; i < centres.size(); ++i) {
        // Recover x from the centre and check it is an integer of the grid.
        const double e = std::log(centres[i] / 1000.0) / std::log(G) * b; // x (odd b) or x + 1/2 (even b)
        const double x = b % 2 ? e : e - 0.5;
        QVERIFY2(std::abs(x - std::round(x)) < 1e-9, qPrintable(QStringLiteral("centre %1").arg(centres[i])));
        const double xi = std::round(x);
        const double exact = b % 2 ? 1000.0 * std::pow(G, xi / b) : 1000.0 * std::pow(G, (2 * xi + 1) / (2.0 * b));
        QVERIFY(std::abs(centres[i] / exact - 1.0) < 1e-12);
        QVERIFY(std::abs(edges[i] / (exact * std::pow(G, -1.0 / (2 * b))) - 1.0) < 1e-12);
        if (i + 1 < centres.size()) // the last edge may be capped at Nyquist
            QVERIFY(std::abs(edges[i + 1] / (exact * std::pow(G, 1.0 / (2 * b))) - 1.0) < 1e-12);
        if (i > 0) // consecutive grid bands
            QVERIFY(std::abs(centres[i] / centres[i - 1] - std::pow(G, 1.0 / b)) < 1e-12);
    }
    // The defaults' range, 20 Hz .. 16 kHz by nominal centre.
    QVERIFY(nominalCentreHz(centres.front(), b) >= 20.0);
    QVERIFY(nominalCentreHz(centres.back(), b) <= 16000.0);
    QVERIFY(nominalCentreHz(centres.front() / std::pow(G, 1.0 / b), b) < 20.0);
    QVERIFY(nominalCentreHz(centres.back() * std::pow(G, 1.0 / b), b) > 16000.0);
}

void TestOctaveGrid::octaveLabels()
{
    const double G = std::pow(10.0, 0.3);
    QCOMPARE(frequencyLabel(nominalCentreHz(1000.0 * std::pow(G, -5.0), 1)), std::string("31.5"));
    QCOMPARE(frequencyLabel(nominalCentreHz(1000.0 * std::pow(G, 4.0), 1)), std::string("16k"));
    // Other fractions: three significant digits (leading digit 1..4), else two.
    QCOMPARE(nominalCentreHz(1000.0 * std::pow(G, 1.0 / 4.0), 2), 1190.0); // 1188.5
    QCOMPARE(nominalCentreHz(1000.0 * std::pow(G, -1.0 / 4.0), 2), 840.0); // 841.4
}

void TestOctaveGrid::bandsAreContiguousRms()
{
    // Octave bands still integrate the fractional-bin ladder: a tone between two third-octave
    // centres splits its power between them, and the sum of the two band powers is the tone's.
    AnalyzerConfig c;
    c.layout = Layout::Octave;
    c.weighting = Weighting::Flat;
    SpectrumAnalyzer analyzer(c);
    const double hz = std::sqrt(1000.0 * 1000.0 * std::pow(10.0, 0.1)); // the 1 k / 1.25 k edge
    std::vector<float> tone(std::size_t(analyzer.windowSize()));
    for (std::size_t i = 0; i < tone.size(); ++i)
        tone[i] = float(0.5 * std::sin(2.0 * 3.14159265358979 * hz * double(i) / 44100.0));
    FrameValues f;
    analyzer.analyze(tone.data(), f);
    double power = 0.0;
    for (float r : analyzer.rawBands())
        power += double(r) * r;
    const double expected = 256.0 * 0.5; // the seed's units: a sine of amplitude A reads 256 A
    QVERIFY(std::abs(10.0 * std::log10(power) - 20.0 * std::log10(expected)) < 0.2);
}

QTEST_APPLESS_MAIN(TestOctaveGrid)
#include "tst_octavegrid.moc"
