// Single-instance forwarding: in process (a client thread) and with two real processes.
#include "gui/singleinstance.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

using spectray::gui::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void noInstanceRunning()
    {
        SingleInstance second(QUuid::createUuid().toString());
        QVERIFY(!second.forwardToRunning({u"spectray"_qs}, 300));
    }

    void secondInstanceForwardsArguments()
    {
        const QString key = QUuid::createUuid().toString();
        SingleInstance first(key);
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);

        bool forwarded = false;
        const QStringList args{u"spectray"_qs, u"--source"_qs, u"pulse:hdmi.monitor"_qs, u"--show"_qs};
        // The client blocks while the server needs this thread's event loop: run it beside.
        QThread *client = QThread::create([&] {
            SingleInstance second(key);
            forwarded = second.forwardToRunning(args, 3000);
        });
        client->start();
        QTRY_VERIFY_WITH_TIMEOUT(client->isFinished(), 5000);
        delete client;
        QVERIFY(forwarded);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), args);
    }

    void staleSocketIsReplaced()
    {
        const QString key = QUuid::createUuid().toString();
        {
            SingleInstance dead(key);
            QVERIFY(dead.listen());
        } // a crashed instance may leave its socket file; listen() must still succeed
        SingleInstance next(key);
        QVERIFY(next.listen());
    }

    // The real desktop program twice: the second launch exits at once with 0 and the first shows
    // its window (the demo program prints nothing; we check the exit and the timing).
    void twoProcesses()
    {
        const QString demo = QStringLiteral(SPECTRAY_BINARY);
        if (!QFile::exists(demo) || qEnvironmentVariableIsEmpty("DISPLAY"))
            QSKIP("needs the spectray binary and an X display (run under run-under-xvfb.sh)");
        QTemporaryDir dir;
        const QString config = dir.filePath(u"s.ini"_qs);
        QProcess first;
        first.setProcessChannelMode(QProcess::ForwardedChannels);
        first.start(demo, {u"--config"_qs, config, u"--no-capture"_qs, u"--source"_qs, u"demo"_qs});
        QVERIFY(first.waitForStarted());
        QTest::qWait(1500); // let it listen

        QProcess second;
        QElapsedTimer t;
        t.start();
        second.start(demo, {u"--config"_qs, config, u"--show"_qs, u"--source"_qs, u"demo"_qs});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(first.state(), QProcess::Running); // the first one is untouched
        first.terminate();
        QVERIFY(first.waitForFinished(5000));
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
