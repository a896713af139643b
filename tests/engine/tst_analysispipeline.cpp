// The analysis pipeline on its own: the one config conversion, frames independent of chunking,
// a stream clock that keeps counting, muting, and no heap allocation per frame.
#include "dsp/spectrumanalyzer.h"
#include "engine/analysispipeline.h"
#include "testsignals.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>

#include "../support/allocationcounter.h"

using namespace spectray;

namespace {

QList<SpectrumFrame> runWhole(const AnalysisConfig &config, const std::vector<float> &samples, int rate, int channels)
{
    AnalysisPipeline p;
    QString error;
    if (!p.configure(config, rate, &error))
        qFatal("configure: %s", qPrintable(error));
    QList<SpectrumFrame> out;
    p.push(samples.data(), samples.size() / std::size_t(channels), channels,
           [&out](const SpectrumFrame &f) { out.append(f); });
    return out;
}

} // namespace

class TestAnalysisPipeline final : public QObject
{
    Q_OBJECT

private slots:
    void conversionCapsMaxHzAtNyquist()
    {
        AnalysisConfig config;
        config.maxHz = 24000.0;
        config.bands = 48;
        config.fps = 60;
        config.fftSize = 2048;
        config.profile = u"seed"_qs;
        dsp::AnalyzerConfig out;
        QVERIFY(toAnalyzerConfig(config, 44100, out).isEmpty());
        QCOMPARE(out.maxHz, 22050.0);
        QCOMPARE(out.sampleRate, 44100);
        QCOMPARE(out.bands, 48);
        QCOMPARE(out.fps, 60);
        QCOMPARE(out.fftSize, 2048);
        QCOMPARE(out.profile, dsp::Profile::Seed);
        QVERIFY(toAnalyzerConfig(config, 96000, out).isEmpty());
        QCOMPARE(out.maxHz, 24000.0); // below Nyquist: the user's value
    }

    void conversionRejectsWithAReason()
    {
        dsp::AnalyzerConfig out;
        out.bands = 7; // untouched on failure
        AnalysisConfig config;
        config.profile = u"loud"_qs;
        QVERIFY(toAnalyzerConfig(config, 48000, out).contains(u"loud"_qs));
        config = {};
        config.bands = 4;
        QVERIFY(!toAnalyzerConfig(config, 48000, out).isEmpty());
        QCOMPARE(out.bands, 7);

        AnalysisPipeline p;
        QString error;
        QVERIFY(!p.configure(config, 48000, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!p.isConfigured());
    }

    void layoutDescribesTheAnalyzer()
    {
        AnalysisPipeline p;
        AnalysisConfig config;
        config.bands = 40;
        config.fps = 50;
        QVERIFY(p.configure(config, 48000, nullptr));
        const BandLayout &l = p.layout();
        QCOMPARE(l.bandCount(), 40);
        QCOMPARE(l.bandLatencyMs.size(), 40);
        QCOMPARE(l.fps, 50);
        QCOMPARE(l.sampleRate, 48000);
        QCOMPARE(l.profile, u"default"_qs);
        QCOMPARE(l.edgesHz.first(), 20.0);
        QCOMPARE(l.edgesHz.last(), 16000.0);
    }

    void framesDoNotDependOnChunking()
    {
        const int rate = 44100;
        const int channels = 2;
        const std::vector<float> samples = test::noise(0.4, rate, 2.0, 11, channels);
        AnalysisConfig config;
        const QList<SpectrumFrame> whole = runWhole(config, samples, rate, channels);
        QVERIFY(whole.size() > 30);

        // Odd chunk sizes, as a backend may deliver them.
        AnalysisPipeline p;
        QVERIFY(p.configure(config, rate, nullptr));
        QList<SpectrumFrame> chunked;
        const AnalysisPipeline::FrameSink sink = [&chunked](const SpectrumFrame &f) { chunked.append(f); };
        const std::size_t sizes[] = {1, 7, 333, 1021, 4099, 97};
        const std::size_t total = samples.size() / channels;
        std::size_t at = 0;
        for (int i = 0; at < total; ++i) {
            const std::size_t n = std::min(sizes[i % 6], total - at);
            p.push(samples.data() + at * channels, n, channels, sink);
            at += n;
        }
        QCOMPARE(chunked.size(), whole.size());
        for (qsizetype k = 0; k < whole.size(); ++k)
            QCOMPARE(chunked[k], whole[k]);
    }

    void streamClockAndSequenceFollowTheFramer()
    {
        const int rate = 48000;
        AnalysisPipeline p;
        QVERIFY(p.configure({}, rate, nullptr));
        const std::vector<float> samples = test::sine(1000, 0.5, rate, 1.0);
        QList<SpectrumFrame> frames;
        p.push(samples.data(), samples.size(), 1, [&frames](const SpectrumFrame &f) { frames.append(f); });
        QVERIFY(frames.size() > 10);
        // Frame k is due when W + k * hop samples arrived (StreamFramer's contract); 30 fps at 48 kHz
        // is a hop of 1600.
        const double w = p.windowSize();
        for (qsizetype k = 0; k < frames.size(); ++k) {
            QCOMPARE(frames[k].sequence, quint64(k));
            QCOMPARE(frames[k].streamTime, (w + 1600.0 * double(k)) / rate);
            QCOMPARE(frames[k].wallClockMs, qint64(0)); // offline clock
        }
        // A new analyzer (options changed) keeps numbering and the clock: it starts where the
        // one-second stream stopped, plus its own window.
        QVERIFY(p.configure({}, rate, nullptr));
        QList<SpectrumFrame> after;
        p.push(samples.data(), samples.size(), 1, [&after](const SpectrumFrame &f) { after.append(f); });
        QCOMPARE(after.first().sequence, quint64(frames.size()));
        QCOMPARE(after.first().streamTime, 1.0 + w / rate);
        // Dropped audio moves the clock; a restarted history waits for a full window again.
        p.skip(rate / 2, rate);
        p.restartHistory();
        QList<SpectrumFrame> later;
        p.push(samples.data(), samples.size(), 1, [&later](const SpectrumFrame &f) { later.append(f); });
        QCOMPARE(later.first().streamTime, 2.5 + w / rate);
    }

    void mutedFramesAreNotHandedOutNorNumbered()
    {
        const int rate = 48000;
        AnalysisPipeline p;
        QVERIFY(p.configure({}, rate, nullptr));
        const std::vector<float> samples = test::sine(440, 0.5, rate, 1.0);
        int seen = 0;
        const AnalysisPipeline::FrameSink count = [&seen](const SpectrumFrame &) { ++seen; };
        p.setMuted(true);
        p.push(samples.data(), samples.size(), 1, count);
        QCOMPARE(seen, 0);
        QCOMPARE(p.framesMade(), std::uint64_t(0));
        p.setMuted(false);
        quint64 firstSeq = 99;
        p.push(samples.data(), 1600, 1, [&firstSeq](const SpectrumFrame &f) { firstSeq = f.sequence; });
        QCOMPARE(firstSeq, quint64(0)); // no gap in the numbering
    }

    void wallClockStampsLiveFrames()
    {
        AnalysisPipeline p(AnalysisPipeline::Clock::Wall);
        QVERIFY(p.configure({}, 48000, nullptr));
        const std::vector<float> samples = test::sine(440, 0.5, 48000, 0.5);
        qint64 ts = 0;
        p.push(samples.data(), samples.size(), 1, [&ts](const SpectrumFrame &f) { ts = f.wallClockMs; });
        QVERIFY(ts > 1600000000000); // after 2020: a real epoch time
    }

    void noAllocationPerFrame_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("seed") << u"seed"_qs;
        QTest::newRow("default") << u"default"_qs;
    }

    void noAllocationPerFrame()
    {
        QFETCH(QString, profile);
        AnalysisConfig config;
        config.profile = profile;
        AnalysisPipeline p(AnalysisPipeline::Clock::Wall);
        QVERIFY(p.configure(config, 44100, nullptr));
        const std::vector<float> samples = test::noise(0.3, 44100, 3.0, 5, 2);
        long frames = 0;
        qint64 checksum = 0;
        // A sink that reads the frame without keeping it (as --analyze's printer does).
        const AnalysisPipeline::FrameSink sink = [&](const SpectrumFrame &f) {
            ++frames;
            checksum += f.bands.isEmpty() ? 0 : f.bands.first();
        };
        const std::size_t quarter = samples.size() / 2 / 4;
        p.push(samples.data(), quarter, 2, sink); // warm-up: buffers get their size
        const long before = frames;
        QVERIFY(allocationCounterWorks());
        const long allocations = allocationsDuring([&] {
            for (std::size_t at = quarter; at + 331 <= 3 * quarter; at += 331)
                p.push(samples.data() + 2 * at, 331, 2, sink);
        });
        QVERIFY(frames - before > 20);
        QCOMPARE(allocations, 0L);
        QVERIFY(checksum >= 0);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisPipeline)
#include "tst_analysispipeline.moc"
