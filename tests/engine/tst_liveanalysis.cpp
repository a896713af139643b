// The live hot path (LiveAnalysis, run on the thread that receives the audio): whatever fragment
// size a backend delivers, no frame is lost or repeated and the frames are the offline ones; silence
// stops and resumes frames with notices for the worker; nothing is allocated per packet.
#include "engine/analysispipeline.h"
#include "engine/liveanalysis.h"
#include "testsignals.h"

#include <QTest>

#include <thread>

#include "../support/allocationcounter.h"

using namespace spectray;

namespace {

constexpr int kRate = 44100;
constexpr int kFps = 60;
constexpr int kWindow = 1024; // the seed profile's FFT (docs/dsp.md)
constexpr int kHop = 735; // 44100 / 60: one frame per hop of samples

AnalysisConfig seedConfig()
{
    AnalysisConfig config;
    config.profile = u"seed"_qs;
    config.fftSize = kWindow;
    config.fps = kFps;
    return config;
}

class Recorder final : public LiveAnalysis::Output
{
public:
    bool keep = true;
    QList<SpectrumFrame> frames;
    QList<LiveAnalysis::Notice> notices;
    QString detail;
    int layouts = 0;
    long seen = 0;
    qint64 checksum = 0;

    void liveFrame(const SpectrumFrame &frame) override
    {
        ++seen;
        checksum += frame.bands.isEmpty() ? 0 : frame.bands.first();
        if (keep)
            frames.append(frame);
    }
    void liveFeatures(const AudioFeatures &) override { }
    void liveLayout(const BandLayout &) override { ++layouts; }
    void liveNotice(LiveAnalysis::Notice notice, const QString &text) override
    {
        notices.append(notice);
        detail = text;
    }
};

// A FrameTap (what --print-frames sets): everything it gets, in arrival order.
class TapRecorder final : public FrameTap
{
public:
    QList<SpectrumFrame> frames;
    QList<int> order; // 0 = layout, 1 = frame
    BandLayout layout;
    void tapLayout(const BandLayout &l) override
    {
        layout = l;
        order.append(0);
    }
    void tapFrame(const SpectrumFrame &f) override
    {
        frames.append(f);
        order.append(1);
    }
};

void feedInFragments(LiveAnalysis &live, const std::vector<float> &samples, int channels, std::size_t fragment)
{
    const std::size_t total = samples.size() / std::size_t(channels);
    for (std::size_t at = 0; at < total; at += fragment) {
        const std::size_t n = std::min(fragment, total - at);
        live.feed(samples.data() + at * std::size_t(channels), n, { kRate, channels }, false);
    }
}

} // namespace

class TestLiveAnalysis final : public QObject
{
    Q_OBJECT

private slots:
    void everyFragmentSizeGivesTheOfflineFrames_data()
    {
        QTest::addColumn<int>("fragment");
        for (int n : { 1, 64, 367, kHop / 2, kHop, kHop + 1, 1024, 4410, 44100 })
            QTest::addRow("%d", n) << n;
    }

    void everyFragmentSizeGivesTheOfflineFrames()
    {
        QFETCH(int, fragment);
        const int channels = 2;
        const std::vector<float> samples = test::noise(0.4, kRate, 2.0, 7, channels);
        const std::size_t total = samples.size() / channels;

        // Offline: the whole file in one push, as `spectray --analyze` does.
        AnalysisPipeline offline;
        QVERIFY(offline.configure(seedConfig(), kRate, nullptr));
        QList<SpectrumFrame> reference;
        offline.push(samples.data(), total, channels, [&](const SpectrumFrame &f) { reference.append(f); });

        Recorder out;
        LiveAnalysis live(out, 2.0);
        QVERIFY(live.applyConfig(seedConfig(), nullptr));
        feedInFragments(live, samples, channels, std::size_t(fragment));

        // Frame k is due once W + k * hop samples are in: floor((N - W) / hop) + 1 frames.
        const qsizetype expected = qsizetype((total - kWindow) / kHop + 1);
        QCOMPARE(out.frames.size(), expected);
        QCOMPARE(reference.size(), expected);
        QCOMPARE(out.layouts, 1);
        for (qsizetype k = 0; k < expected; ++k) {
            const SpectrumFrame &f = out.frames[k];
            QCOMPARE(f.sequence, quint64(k));
            QCOMPARE(f.streamTime, double(kWindow + kHop * k) / kRate);
            QVERIFY(f.wallClockMs > 1600000000000); // live frames carry the wall clock
            QCOMPARE(f.bands, reference[k].bands);
            QCOMPARE(f.level, reference[k].level);
            QCOMPARE(f.bass, reference[k].bass);
        }
    }

    void silenceStopsAndResumesFrames()
    {
        const int channels = 1;
        std::vector<float> samples = test::noise(0.3, kRate, 1.0, 3, channels);
        const std::vector<float> quiet = test::silence(kRate, 3.0, channels);
        samples.insert(samples.end(), quiet.begin(), quiet.end());
        const std::vector<float> more = test::noise(0.3, kRate, 1.0, 4, channels);
        samples.insert(samples.end(), more.begin(), more.end());

        Recorder out;
        LiveAnalysis live(out, 2.0);
        QVERIFY(live.applyConfig(seedConfig(), nullptr));
        live.wantAudioNotice();
        feedInFragments(live, samples, channels, kHop);

        using N = LiveAnalysis::Notice;
        QCOMPARE(out.notices, (QList<N> { N::AudioArrived, N::BecameSilent, N::SoundReturned }));
        // Sequences have no gap; the stream clock shows the silent stretch that was not sent:
        // frames stop ~2 s into the 3 s of silence and resume when sound is back at 4 s.
        QVERIFY(!out.frames.isEmpty());
        double gapStart = 0, gapEnd = 0;
        for (qsizetype k = 1; k < out.frames.size(); ++k) {
            QCOMPARE(out.frames[k].sequence, out.frames[k - 1].sequence + 1);
            if (out.frames[k].streamTime - out.frames[k - 1].streamTime > 0.5) {
                gapStart = out.frames[k - 1].streamTime;
                gapEnd = out.frames[k].streamTime;
            }
        }
        QVERIFY2(gapStart > 2.9 && gapStart < 3.1, qPrintable(QString::number(gapStart)));
        QVERIFY2(gapEnd >= 4.0 && gapEnd < 4.0 + double(kHop) / kRate + 0.001, qPrintable(QString::number(gapEnd)));
    }

    void aTapTakesTheFramesInsteadOfTheOutput()
    {
        const std::vector<float> samples = test::noise(0.4, kRate, 1.0, 9, 2);
        AnalysisPipeline offline;
        QVERIFY(offline.configure(seedConfig(), kRate, nullptr));
        QList<SpectrumFrame> reference;
        offline.push(samples.data(), samples.size() / 2, 2, [&](const SpectrumFrame &f) { reference.append(f); });

        Recorder out;
        TapRecorder tap;
        LiveAnalysis live(out, 2.0);
        QVERIFY(live.applyConfig(seedConfig(), nullptr));
        live.setTap(&tap); // before the stream: its layout comes with the first packet
        feedInFragments(live, samples, 2, kHop / 2);
        QVERIFY(out.frames.isEmpty()); // no queued signal per frame while a tap is set
        QCOMPARE(out.layouts, 1); // layouts still reach the output (the engine caches them)
        QCOMPARE(tap.frames.size(), reference.size());
        QCOMPARE(tap.order.first(), 0); // the layout before any frame
        QCOMPARE(tap.order.count(0), 1);
        QCOMPARE(tap.layout.fftSize, kWindow);
        for (qsizetype k = 0; k < reference.size(); ++k) {
            QCOMPARE(tap.frames[k].sequence, quint64(k));
            QCOMPARE(tap.frames[k].bands, reference[k].bands);
        }

        // Set on a running analysis, a tap gets the current layout at once; removed, frames go
        // back to the output, numbered on.
        TapRecorder late;
        live.setTap(&late);
        QCOMPARE(late.order, QList<int> { 0 });
        live.setTap(nullptr);
        feedInFragments(live, samples, 2, kHop);
        QVERIFY(!out.frames.isEmpty());
        QCOMPARE(out.frames.first().sequence, quint64(reference.size()));
        QCOMPARE(late.frames.size(), 0);
    }

    void rejectedSettingsKeepTheRunningAnalysis()
    {
        Recorder out;
        LiveAnalysis live(out, 2.0);
        QVERIFY(live.applyConfig(seedConfig(), nullptr));
        const std::vector<float> samples = test::noise(0.3, kRate, 0.5, 5, 1);
        feedInFragments(live, samples, 1, kHop);
        const qsizetype before = out.frames.size();
        AnalysisConfig bad = seedConfig();
        bad.bands = 4;
        QString error;
        QVERIFY(!live.applyConfig(bad, &error));
        QVERIFY(!error.isEmpty());
        feedInFragments(live, samples, 1, kHop);
        QCOMPARE(out.frames.size(), 2 * before + 1); // same analyzer: no new window wait
        QCOMPARE(out.layouts, 1);
    }

    void aStreamThatCannotBeAnalysedIsReportedOnce()
    {
        Recorder out;
        LiveAnalysis live(out, 2.0);
        QVERIFY(live.applyConfig(seedConfig(), nullptr));
        const std::vector<float> samples(400, 0.1f);
        for (int i = 0; i < 3; ++i)
            live.feed(samples.data(), samples.size(), { 8, 1 }, false); // 8 Hz: nothing to show
        QCOMPARE(out.notices, QList<LiveAnalysis::Notice> { LiveAnalysis::Notice::CannotAnalyse });
        QVERIFY(!out.detail.isEmpty());
        QVERIFY(out.frames.isEmpty());
        live.reset(); // closed; a new stream is analysed again
        const std::vector<float> good = test::noise(0.3, kRate, 0.2, 6, 1);
        feedInFragments(live, good, 1, kHop);
        QVERIFY(!out.frames.isEmpty());
    }

    void settingsChangeWhileAnotherThreadFeeds()
    {
        Recorder out;
        out.keep = false;
        LiveAnalysis live(out, 2.0);
        QVERIFY(live.applyConfig(seedConfig(), nullptr));
        const std::vector<float> samples = test::noise(0.3, kRate, 1.0, 8, 2);
        std::thread audio([&] {
            for (int round = 0; round < 10; ++round)
                feedInFragments(live, samples, 2, kHop);
        });
        for (int i = 0; i < 50; ++i) {
            AnalysisConfig config = seedConfig();
            config.bands = 16 + i % 2 * 16;
            QVERIFY(live.applyConfig(config, nullptr));
            live.setFeaturesEnabled(i % 2 == 0);
            std::this_thread::yield();
        }
        audio.join();
        QVERIFY(out.seen > 100);
    }

    void noAllocationPerPacket_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<bool>("features");
        QTest::newRow("seed") << u"seed"_qs << false;
        QTest::newRow("default") << u"default"_qs << false;
        QTest::newRow("default+features") << u"default"_qs << true;
    }

    void noAllocationPerPacket()
    {
        QFETCH(QString, profile);
        QFETCH(bool, features);
        Recorder out;
        out.keep = false; // reads each frame without keeping it (as the stdout printer does)
        LiveAnalysis live(out, 2.0);
        AnalysisConfig config;
        config.profile = profile;
        config.fps = kFps;
        QVERIFY(live.applyConfig(config, nullptr));
        live.setFeaturesEnabled(features);
        const std::vector<float> samples = test::noise(0.3, kRate, 3.0, 5, 2);
        const std::size_t third = samples.size() / 2 / 3;
        live.feed(samples.data(), third, { kRate, 2 }, false); // warm-up: analyzer and buffers built
        const long before = out.seen;
        QVERIFY(allocationCounterWorks());
        const long allocations = allocationsDuring([&] {
            for (std::size_t at = third; at + kHop <= 3 * third; at += kHop)
                live.feed(samples.data() + 2 * at, kHop, { kRate, 2 }, false);
        });
        QVERIFY(out.seen - before > 100);
        QCOMPARE(allocations, 0L);
        QVERIFY(out.checksum >= 0);
    }
};

QTEST_GUILESS_MAIN(TestLiveAnalysis)
#include "tst_liveanalysis.moc"
