// How often each window of the default profile's FFT ladder is recomputed (docs/dsp.md): every
// frame while the window spans fewer than 8 hops; a longer one every (window / 4 hops)-th frame, so
// it still advances by at most a quarter of its length. The expected schedule and latencies are
// worked out here from the window and hop sizes, not read from the analyzer.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <vector>

using namespace spectray::dsp;

namespace {

struct Run
{
    std::vector<int> fftOfBand;
    std::vector<std::vector<float>> raw; // per frame: the bands before the scale
};

// White noise (a new spectrum every hop) through the framer; the raw bands of every frame.
Run analyseNoise(int rate, int fps, double seconds)
{
    AnalyzerConfig config;
    config.sampleRate = rate;
    config.fps = fps;
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    Run run;
    run.fftOfBand = analyzer.bandFftSizes();
    const auto noise = spectray::test::noise(0.3, rate, seconds, 7);
    framer.push(noise.data(), noise.size(), 1,
                [&](const FrameValues &, uint64_t) { run.raw.push_back(analyzer.rawBands()); });
    return run;
}

} // namespace

class TestTierSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void schedule_data();
    void schedule();
    void latencyCountsTheWait();
    void restartRunsEveryWindow();
};

void TestTierSchedule::schedule_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("fps");
    QTest::addColumn<int>("longWindow"); // windows of at least this many points wait; 0: none
    // 44.1 kHz, 60 fps: hop 735; 8 hops = 5880, so the 6144- and 8192-point windows wait, every
    // other frame (6144 / 2940 = 2, 8192 / 2940 = 2).
    QTest::newRow("44.1 kHz, 60 fps") << 44100 << 60 << 5880;
    // 48 kHz, 60 fps: hop 800; 8 hops = 6400: only 8192 waits (8192 / 3200 = 2).
    QTest::newRow("48 kHz, 60 fps") << 48000 << 60 << 6400;
    // 30 fps: hop 1470, 8 hops = 11760 > 8192: every window every frame.
    QTest::newRow("44.1 kHz, 30 fps") << 44100 << 30 << 0;
}

void TestTierSchedule::schedule()
{
    QFETCH(int, rate);
    QFETCH(int, fps);
    QFETCH(int, longWindow);
    const Run run = analyseNoise(rate, fps, 1.5);
    QVERIFY(run.raw.size() > 20);
    int longBands = 0;
    for (std::size_t b = 0; b < run.fftOfBand.size(); ++b) {
        const bool waits = longWindow > 0 && run.fftOfBand[b] >= longWindow;
        longBands += waits ? 1 : 0;
        int changed = 0;
        int steps = 0;
        for (std::size_t f = 1; f < run.raw.size(); ++f, ++steps)
            changed += run.raw[f][b] != run.raw[f - 1][b] ? 1 : 0;
        if (!waits) {
            QVERIFY2(changed == steps, qPrintable(QStringLiteral("band %1 (%2 points) kept a value")
                                                      .arg(b).arg(run.fftOfBand[b])));
            continue;
        }
        // Frames 0 and 1 both run it (a fresh start); after that every other frame: a frame
        // that keeps the value is followed by one that changes it, and the other way round.
        for (std::size_t f = 3; f < run.raw.size(); ++f) {
            const bool same = run.raw[f][b] == run.raw[f - 1][b];
            const bool sameBefore = run.raw[f - 1][b] == run.raw[f - 2][b];
            QVERIFY2(same != sameBefore, qPrintable(QStringLiteral("band %1, frame %2").arg(b).arg(f)));
        }
    }
    QCOMPARE(longBands > 0, longWindow > 0);
}

void TestTierSchedule::latencyCountsTheWait()
{
    AnalyzerConfig config;
    config.sampleRate = 44100;
    config.fps = 60;
    SpectrumAnalyzer analyzer(config);
    const auto &sizes = analyzer.bandFftSizes();
    const auto &factors = analyzer.bandDecimation();
    const auto &latency = analyzer.bandLatencyMs();
    for (std::size_t b = 0; b < sizes.size(); ++b) {
        // Half the window, plus half a hop (735 samples) on average for the ones computed every
        // other frame (>= 8 hops). A window read at 1 / D of the rate (docs/dsp.md) is later still:
        // each halving's 7-tap symmetric filter delays by 3 samples at its input rate, 3 (D - 1)
        // in all, and the last decimated sample trails the newest input by (D - 1) / 2 on average
        // (the hop, 735, is odd, so every offset occurs). The long rungs are divided, down to no
        // fewer than 256 points.
        const int factor = factors[b];
        QVERIFY(factor >= 1 && (factor & (factor - 1)) == 0 && sizes[b] / factor >= 256);
        if (sizes[b] >= 1024)
            QVERIFY(factor > 1);
        const double samples = sizes[b] / 2.0 + (sizes[b] >= 5880 ? 735 / 2.0 : 0.0) + 3.5 * (factor - 1);
        QCOMPARE(latency[b], samples / 44100.0 * 1000.0);
    }
}

void TestTierSchedule::restartRunsEveryWindow()
{
    AnalyzerConfig config;
    config.sampleRate = 44100;
    config.fps = 60;
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    // A tone, then a restart and a different tone: the first frame after the restart must not
    // show the old tone's long-window bands (they are recomputed on that frame).
    // An even number of frames before the restart: without it the next frame would keep the
    // 8192-point window's old values (it runs on odd frames, see schedule()).
    const auto low = spectray::test::sine(40.0, 0.5, 44100, 1.0);
    int before = 0;
    const auto count = [&before](const FrameValues &, uint64_t) { ++before; };
    framer.push(low.data(), low.size(), 1, count);
    if (before % 2 == 1)
        framer.push(low.data(), 735, 1, count);
    QCOMPARE(before % 2, 0);
    const auto &edges = analyzer.edgesHz();
    std::size_t toneBand = 0;
    while (edges[toneBand + 1] <= 40.0)
        ++toneBand;
    QCOMPARE(analyzer.bandFftSizes()[toneBand], 8192);
    QVERIFY(analyzer.rawBands()[toneBand] > 50.0f); // 256 * 0.5 in its band, before the restart
    framer.reset();
    const auto high = spectray::test::sine(2000.0, 0.5, 44100, double(analyzer.windowSize()) / 44100 + 0.001);
    std::vector<float> first;
    framer.push(high.data(), high.size(), 1, [&](const FrameValues &, uint64_t) {
        if (first.empty())
            first = analyzer.rawBands();
    });
    QVERIFY(!first.empty());
    for (std::size_t b = 0; b < first.size(); ++b) {
        if (edges[b + 1] < 60.0) // the 40 Hz tone's band and its neighbours: nothing left of it
            QVERIFY2(first[b] < 1.0f, qPrintable(QStringLiteral("band %1 reads %2").arg(b).arg(first[b])));
    }
}

QTEST_GUILESS_MAIN(TestTierSchedule)
#include "tst_tierschedule.moc"
