// Single-instance forwarding: in process (a client thread) and with two real processes.
#include "gui/singleinstance.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
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

    // The real desktop program twice: the second launch exits at once with 0 and the first keeps
    // running. The first one's LAN server listens on loopback on a free port, never on all
    // interfaces or the default 8737 (a temp config and --port/--bind say so).
    void twoProcesses()
    {
        const QString demo = QStringLiteral(SPECTRAY_BINARY);
        if (!QFile::exists(demo) || qEnvironmentVariableIsEmpty("DISPLAY"))
            QSKIP("needs the spectray binary and an X display (run under run-under-xvfb.sh)");
        QTemporaryDir dir;
        const QString config = dir.filePath(u"s.ini"_qs);
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        {
            QSettings ini(config, QSettings::IniFormat);
            ini.setValue(u"server/bind"_qs, u"127.0.0.1"_qs);
            ini.setValue(u"server/port"_qs, port);
            ini.setValue(u"server/lanAccess"_qs, false);
        }
        QProcess first;
        first.setProcessChannelMode(QProcess::ForwardedChannels);
        first.start(demo, {u"--config"_qs, config, u"--no-capture"_qs, u"--source"_qs, u"demo"_qs, u"--port"_qs,
                           QString::number(port), u"--bind"_qs, u"127.0.0.1"_qs});
        QVERIFY(first.waitForStarted());
        // Its server answers once it holds the instance socket (acquired before the server starts).
        QElapsedTimer up;
        up.start();
        QVERIFY2(QTest::qWaitFor([&] { return answers(port); }, 30000), "the first instance never listened on 127.0.0.1");
        qInfo("first instance listening after %lld ms", up.elapsed());

        QProcess second;
        QElapsedTimer t;
        t.start();
        second.start(demo, {u"--config"_qs, config, u"--show"_qs, u"--source"_qs, u"demo"_qs});
        QVERIFY(second.waitForFinished(30000)); // a hang guard: it typically exits within a second
        qInfo("second instance exited after %lld ms", t.elapsed());
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running); // the first one is untouched
        first.terminate();
        QVERIFY(first.waitForFinished(30000));
    }

private:
    static quint16 freeLoopbackPort()
    {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
    }
    static bool answers(quint16 port)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        return s.waitForConnected(200);
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
