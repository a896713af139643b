// Live capture and `spectray --analyze` promise the same frames for the same samples. The same file
// goes through the live path (Engine -> file backend in 10 ms packets -> LiveAnalysis on its thread ->
// pipeline, across threads) and through the offline path analyzeFile() that --analyze prints, read
// in odd-sized chunks; every frame must be identical.
#include "engine/engine.h"
#include "engine/fileanalysis.h"
#include "testsignals.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

namespace {

// What both paths agree on; the live path also stamps the wall clock, which a file has not.
void compareFrames(const SpectrumFrame &live, const SpectrumFrame &offline)
{
    QCOMPARE(live.sequence, offline.sequence);
    QCOMPARE(live.bands, offline.bands);
    QCOMPARE(live.bass, offline.bass);
    QCOMPARE(live.level, offline.level);
    QCOMPARE(live.scale, offline.scale);
    QCOMPARE(live.streamTime, offline.streamTime);
    QVERIFY(live.wallClockMs > 0);
    QCOMPARE(offline.wallClockMs, qint64(0));
}

} // namespace

class TestAnalysisParity final : public QObject
{
    Q_OBJECT

private slots:
    void liveAndOfflineGiveTheSameFrames_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<qulonglong>("chunk");
        QTest::newRow("default 44.1k stereo") << u"default"_qs << 44100 << 2 << qulonglong(1237);
        QTest::newRow("seed 48k mono") << u"seed"_qs << 48000 << 1 << qulonglong(333);
    }

    void liveAndOfflineGiveTheSameFrames()
    {
        QFETCH(QString, profile);
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(qulonglong, chunk);
        // Music-like: a sweep over noise, never digital silence (which would pause live frames).
        std::vector<float> samples = test::sweep(40, 12000, 0.4, rate, 1.5, channels);
        const std::vector<float> hiss = test::noise(0.05, rate, 1.5, 3, channels);
        for (std::size_t i = 0; i < samples.size(); ++i)
            samples[i] += hiss[i];
        QTemporaryDir dir;
        const QString path = dir.filePath(u"parity.wav"_qs);
        QVERIFY(test::writeAudioFile(path, samples, rate, channels));

        AnalysisConfig config;
        config.profile = profile;
        QList<SpectrumFrame> offline;
        BandLayout offlineLayout;
        FileAnalysisSinks sinks;
        sinks.layout = [&offlineLayout](const BandLayout &l) { offlineLayout = l; };
        sinks.frame = [&offline](const SpectrumFrame &f) { offline.append(f); };
        const QString error = analyzeFile(path, config, sinks, std::size_t(chunk));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(offline.size() > 20);

        Engine engine;
        QList<SpectrumFrame> live;
        QList<BandLayout> liveLayouts;
        connect(&engine, &Engine::frameReady, this, [&live](const SpectrumFrame &f) { live.append(f); });
        connect(&engine, &Engine::layoutChanged, this, [&liveLayouts](const BandLayout &l) { liveLayouts.append(l); });
        engine.applyConfig(config);
        engine.selectDevice(u"file:"_qs + path);
        engine.start();
        // 1.5 s of real-time playback; the bound only guards against a hang.
        QTRY_VERIFY_WITH_TIMEOUT(live.size() >= offline.size(), 30000);
        engine.stop();

        QCOMPARE(liveLayouts.size(), 1);
        QCOMPARE(liveLayouts.first(), offlineLayout);
        // The file loops live; past its end the live frames see the start again, so compare the
        // frames the whole file gives offline.
        for (qsizetype k = 0; k < offline.size(); ++k)
            compareFrames(live[k], offline[k]);
        qInfo("%lld frames identical live and offline", qlonglong(offline.size()));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisParity)
#include "tst_analysisparity.moc"
