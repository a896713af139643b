// The Session's LAN outputs: the engine computes AudioFeatures only while an output runs (none at
// all otherwise), the ledSync/* keys start and stop the WLED sender live, a --wled override is
// dropped when the user turns LED sync off, and the packets reach a receiver written from the
// protocol (tests/outputs/wledreceiver.h). Demo source: no audio server needed.
#include "app/session.h"

#include "core/metatypes.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "outputs/outputservice.h"
#include "wledreceiver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

class TestSessionOutputs final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { registerMetaTypes(); }

    void featuresOnlyWhileAnOutputRuns()
    {
        Settings settings(m_dir.filePath(QStringLiteral("outputs.ini")));
        Session session(settings);
        QSignalSpy frames(&session.engine(), &Engine::frameReady);
        QSignalSpy features(&session.engine(), &Engine::featuresReady);
        session.startEngine(QStringLiteral("demo"), AnalysisConfig {}, true);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 30, 20000);
        QCOMPARE(features.count(), 0); // off by default: nothing computed
        QVERIFY(!session.outputs().wled().isRunning());

        testwled::Receiver rx;
        settings.setValue(keys::ledSyncTargets, QStringLiteral("127.0.0.1:%1").arg(rx.port()));
        settings.setValue(keys::ledSyncEnabled, true);
        QTRY_VERIFY_WITH_TIMEOUT(rx.packets.size() >= 50, 20000);
        QVERIFY(features.count() > 0);
        const auto last = features.last().first().value<AudioFeatures>();
        QVERIFY(last.sequence > 0);
        QCOMPARE(rx.rejected, 0);
        QCOMPARE(rx.counterBreaks, 0);

        settings.setValue(keys::ledSyncEnabled, false);
        QTRY_VERIFY_WITH_TIMEOUT(!session.outputs().wled().isRunning(), 5000);
        QTest::qWait(300); // features already queued arrive
        features.clear();
        frames.clear();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 20, 20000);
        QCOMPARE(features.count(), 0);
        session.shutdown();
    }

    void overrideEndsWhenTheUserTurnsItOff()
    {
        Settings settings(m_dir.filePath(QStringLiteral("override.ini")));
        Session session(settings);
        testwled::Receiver rx;
        outputs::OutputOverrides o;
        o.wledTargets = QList<outputs::WledTarget> { { outputs::WledTarget::Kind::Unicast, QStringLiteral("127.0.0.1"),
            rx.port() } };
        session.outputs().setOverrides(o);
        session.startEngine(QStringLiteral("demo"), AnalysisConfig {}, true);
        QTRY_VERIFY_WITH_TIMEOUT(rx.packets.size() >= 20, 20000);
        QCOMPARE(settings.value(keys::ledSyncEnabled), false); // the override is not stored
        session.outputs().setLedSyncEnabled(false); // the tray's toggle: stored value unchanged
        QTRY_VERIFY_WITH_TIMEOUT(!session.outputs().wled().isRunning(), 5000);
        session.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestSessionOutputs)
#include "tst_sessionoutputs.moc"
