// The engine end to end with the sources that need no audio server: the demo generator and a file.
#include "engine/engine.h"
#include "hangguard.h"
#include "testsignals.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

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
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() >= 5, test::kHangGuardMs);
        // The layout always comes before the first frame.
        QVERIFY(rec.order.first().startsWith(QStringLiteral("layout:")));
        const int first = int(rec.frames.size());
        QElapsedTimer clock;
        clock.start();
        QTest::qWait(2000);
        // The wall-clock rate is a figure (a loaded machine delays the event loop); the frame rate
        // itself is asserted in stream time: consecutive frames are exactly 1/30 s of audio apart.
        const double seconds = double(clock.elapsed()) / 1000.0;
        qInfo("demo: %.1f frames per wall-clock second", double(int(rec.frames.size()) - first) / seconds);
        QVERIFY(int(rec.frames.size()) > first);
        for (qsizetype i = 1; i < rec.frames.size(); ++i) {
            QCOMPARE(rec.frames[i].sequence, rec.frames[i - 1].sequence + 1);
            const double step = rec.frames[i].streamTime - rec.frames[i - 1].streamTime;
            QVERIFY2(std::abs(step - 1.0 / 30.0) < 1e-3, qPrintable(QString::number(step)));
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
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() >= 3, test::kHangGuardMs);
        AnalysisConfig config;
        config.bands = 64;
        config.fps = 60;
        engine.applyConfig(config);
        QTRY_VERIFY_WITH_TIMEOUT(!rec.frames.isEmpty() && rec.frames.last().bands.size() == 64, test::kHangGuardMs);
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
        // Typically 3 s: 1 s of tone, then kSilenceSeconds (2 s) of silence.
        QTRY_VERIFY_WITH_TIMEOUT(rec.sawState(EngineStatus::State::Silent), test::kHangGuardMs);
        const auto atSilence = rec.frames.size();
        QTest::qWait(500);
        QCOMPARE(rec.frames.size(), atSilence); // no frames while silent
        // The loop brings the tone back: frames resume and the state says running again.
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() > atSilence, test::kHangGuardMs);
        QCOMPARE(engine.status().state, EngineStatus::State::Running);
    }

    void unknownSourceFallsBackWithAReason()
    {
        Engine engine;
        Recorder rec(engine);
        engine.selectDevice(QStringLiteral("No Such Card"));
        engine.start();
        // With no audio server the default output cannot open either: the reason says why.
        QTRY_VERIFY_WITH_TIMEOUT(rec.sawState(EngineStatus::State::Error), test::kHangGuardMs);
        const bool warned = std::any_of(rec.statuses.begin(), rec.statuses.end(), [](const EngineStatus &s) {
            return s.reason.contains(QStringLiteral("No Such Card"));
        });
        QVERIFY(warned);
        QVERIFY(!engine.status().reason.isEmpty());
        QCOMPARE(rec.frames.size(), 0);
        // Switching to the demo works at once, without restarting anything.
        engine.selectDevice(QStringLiteral("demo"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames.size() >= 3, test::kHangGuardMs);
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
        qInfo("start, 300 ms of frames and shutdown: %lld ms", t.elapsed());
        QVERIFY2(t.elapsed() < test::kHangGuardMs, "engine shutdown hung");
    }
};

QTEST_GUILESS_MAIN(TestCaptureWorker)
#include "tst_captureworker.moc"
