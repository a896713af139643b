// The engine end to end with the sources that need no audio server: the demo generator and a file.
#include "engine/engine.h"
#include "testsignals.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

namespace {

// Records everything the engine says, in order, as the GUI would see it.
struct Recorder
{
    explicit Recorder(Engine &engine)
    {
        QObject::connect(&engine, &Engine::frameReady, [this](const SpectrumFrame &f) {
            frames.append(f);
            order.append(QStringLiteral("frame:%1").arg(f.bands.size()));
        });
        QObject::connect(&engine, &Engine::layoutChanged, [this](const BandLayout &l) {
            layouts.append(l);
            order.append(QStringLiteral("layout:%1").arg(l.bandCount()));
        });
        QObject::connect(&engine, &Engine::statusChanged, [this](const EngineStatus &s) { statuses.append(s); });
    }
    bool sawState(EngineStatus::State state) const
    {
        return std::any_of(statuses.begin(), statuses.end(), [&](const EngineStatus &s) { return s.state == state; });
    }
    QList<SpectrumFrame> frames;
    QList<BandLayout> layouts;
    QList<EngineStatus> statuses;
    QStringList order;
};

} // namespace

class TestCaptureWorker final : public QObject
{
    Q_OBJECT

private slots:
    void demoFramesFlowAtTheFrameRate()
    {
        Engine engine;
        Recorder rec(engine);
        engine.selectDevice(QStringLiteral("demo"));
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() >= 5, 10000);
        // The layout always comes before the first frame.
        QVERIFY(rec.order.first().startsWith(QStringLiteral("layout:")));
        const int first = int(rec.frames.size());
        QTest::qWait(2000);
        const int perTwoSeconds = int(rec.frames.size()) - first;
        QVERIFY2(perTwoSeconds >= 45 && perTwoSeconds <= 75, qPrintable(QString::number(perTwoSeconds)));
        for (qsizetype i = 1; i < rec.frames.size(); ++i) {
            QCOMPARE(rec.frames[i].sequence, rec.frames[i - 1].sequence + 1);
            QVERIFY(rec.frames[i].streamTime > rec.frames[i - 1].streamTime);
        }
        const SpectrumFrame &last = rec.frames.last();
        QCOMPARE(last.bands.size(), 32);
        QCOMPARE(last.scale, 1000);
        QVERIFY(last.level > 0);
        QVERIFY(std::any_of(last.bands.begin(), last.bands.end(), [](qint16 v) { return v > 0; }));
        QCOMPARE(engine.status().state, EngineStatus::State::Running);
        QCOMPARE(engine.layout().bandCount(), 32);
        QCOMPARE(engine.layout().fps, 30);

        engine.stop();
        QTRY_COMPARE(engine.status().state, EngineStatus::State::Stopped);
        const auto stoppedAt = rec.frames.size();
        QTest::qWait(300);
        QCOMPARE(rec.frames.size(), stoppedAt);
    }

    void configChangeSendsLayoutBeforeFrames()
    {
        Engine engine;
        Recorder rec(engine);
        engine.selectDevice(QStringLiteral("demo"));
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() >= 3, 10000);
        AnalysisConfig config;
        config.bands = 64;
        config.fps = 60;
        engine.applyConfig(config);
        QTRY_VERIFY_WITH_TIMEOUT(!rec.frames.isEmpty() && rec.frames.last().bands.size() == 64, 10000);
        const qsizetype firstNew = rec.order.indexOf(QStringLiteral("frame:64"));
        QVERIFY(firstNew > 0);
        QCOMPARE(rec.order.lastIndexOf(QStringLiteral("layout:64"), firstNew) >= 0, true);
        QCOMPARE(rec.order.mid(firstNew).count(QStringLiteral("frame:32")), 0);
        QCOMPARE(engine.layout().fps, 60);
    }

    void silenceStopsFramesUntilSoundReturns()
    {
        // A looping file: 1 s of tone, then 3 s of digital silence.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tone-then-silence.wav"));
        std::vector<float> samples = test::sine(440, 0.5, 48000, 1.0);
        const std::vector<float> quiet = test::silence(48000, 3.0);
        samples.insert(samples.end(), quiet.begin(), quiet.end());
        QVERIFY(test::writeAudioFile(path, samples, 48000, 1));

        Engine engine;
        Recorder rec(engine);
        engine.selectDevice(QStringLiteral("file:") + path);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(rec.sawState(EngineStatus::State::Silent), 8000);
        const auto atSilence = rec.frames.size();
        QTest::qWait(500);
        QCOMPARE(rec.frames.size(), atSilence); // no frames while silent
        // The loop brings the tone back: frames resume and the state says running again.
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() > atSilence, 5000);
        QCOMPARE(engine.status().state, EngineStatus::State::Running);
    }

    void unknownSourceFallsBackWithAReason()
    {
        Engine engine;
        Recorder rec(engine);
        engine.selectDevice(QStringLiteral("No Such Card"));
        engine.start();
        // With no audio server the default output cannot open either: the reason says why.
        QTRY_VERIFY_WITH_TIMEOUT(rec.sawState(EngineStatus::State::Error), 10000);
        const bool warned = std::any_of(rec.statuses.begin(), rec.statuses.end(), [](const EngineStatus &s) {
            return s.reason.contains(QStringLiteral("No Such Card"));
        });
        QVERIFY(warned);
        QVERIFY(!engine.status().reason.isEmpty());
        QCOMPARE(rec.frames.size(), 0);
        // Switching to the demo works at once, without restarting anything.
        engine.selectDevice(QStringLiteral("demo"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() >= 3, 10000);
    }

    void destroyWhileRunningIsPrompt()
    {
        QElapsedTimer t;
        t.start();
        {
            Engine engine;
            engine.selectDevice(QStringLiteral("demo"));
            engine.start();
            QTest::qWait(300);
        }
        QVERIFY2(t.elapsed() < 5000, "engine shutdown hung");
    }
};

QTEST_GUILESS_MAIN(TestCaptureWorker)
#include "tst_captureworker.moc"
