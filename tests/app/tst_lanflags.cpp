// --port/--bind run as a user runs them: they say where the LAN server listens in this run, in the
// headless and the desktop mode alike, and are never written to the settings file.
#include "toolprocess.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// The status line of GET /api/info; empty when nothing listens there.
QByteArray getInfo(const QHostAddress &host, quint16 port)
{
    QTcpSocket s;
    s.connectToHost(host, port);
    if (!s.waitForConnected(3000))
        return {};
    s.write("GET /api/info HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray out;
    (void)QTest::qWaitFor([&] {
        out += s.readAll();
        return out.contains("\r\n") || s.state() == QAbstractSocket::UnconnectedState;
    }, 5000);
    return out.left(out.indexOf("\r\n"));
}

} // namespace

class TestLanFlags final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    // A settings file that already says where the server should listen (a port that is free, so a
    // server wrongly using the stored value would be reachable there).
    QString seededIni(quint16 storedPort)
    {
        const QString ini = m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_files));
        QSettings s(ini, QSettings::IniFormat);
        s.setValue(QStringLiteral("server/port"), storedPort);
        s.setValue(QStringLiteral("server/bind"), QString());
        s.setValue(QStringLiteral("server/lanAccess"), true);
        return ini;
    }

    static void checkUntouched(const QString &ini, quint16 storedPort)
    {
        QSettings s(ini, QSettings::IniFormat);
        QCOMPARE(s.value(QStringLiteral("server/port")).toInt(), int(storedPort));
        QCOMPARE(s.value(QStringLiteral("server/bind")).toString(), QString());
        QCOMPARE(s.value(QStringLiteral("server/lanAccess")).toBool(), true);
    }

    // Starts `spectray --headless ARGS` and waits for the "Press Ctrl+C" line; returns its stdout.
    static QByteArray startHeadless(QProcess &p, const QStringList &args)
    {
        p.start(QStringLiteral(SPECTRAY_BINARY), QStringList{QStringLiteral("--headless"), QStringLiteral("--source"),
                                                             QStringLiteral("demo")} + args);
        QByteArray out;
        (void)QTest::qWaitFor([&] {
            out += p.readAllStandardOutput();
            return out.contains("Ctrl+C") || p.state() == QProcess::NotRunning;
        }, 30000);
        return out;
    }

private slots:
    void headlessListensWhereAsked()
    {
        const quint16 stored = freeLoopbackPort();
        const QString ini = seededIni(stored);
        QProcess p;
        const QByteArray out = startHeadless(p, {QStringLiteral("--config"), ini, QStringLiteral("--port"), QStringLiteral("0"),
                                                 QStringLiteral("--bind"), QStringLiteral("127.0.0.1")});
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^  http://127\\.0\\.0\\.1:(\\d+)/#t=[0-9a-f]{32}$"), QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        const quint16 port = quint16(m.captured(1).toUInt());
        QVERIFY(port != 0 && port != stored);
        // Loopback only: no URL for other devices is printed.
        QCOMPARE(out.count("  http://"), 1);
        QCOMPARE(getInfo(QHostAddress::LocalHost, port), QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(getInfo(QHostAddress::LocalHost, stored).isEmpty()); // not on the stored port
        QCOMPARE(spectray::test::terminateAndWait(p), 0);
        checkUntouched(ini, stored);
    }

    void headlessUsesTheStoredSettingsWithoutFlags()
    {
        const quint16 stored = freeLoopbackPort();
        const QString ini = seededIni(stored);
        {
            QSettings s(ini, QSettings::IniFormat);
            s.setValue(QStringLiteral("server/lanAccess"), false); // loopback, so nothing else is exposed
        }
        QProcess p;
        const QByteArray out = startHeadless(p, {QStringLiteral("--config"), ini});
        QVERIFY2(out.contains(QStringLiteral("  http://127.0.0.1:%1/#t=").arg(stored).toUtf8()), out.constData());
        QCOMPARE(getInfo(QHostAddress::LocalHost, stored), QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(spectray::test::terminateAndWait(p), 0);
    }

    void headlessIPv6Loopback()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
            QSKIP("no IPv6 loopback here");
        probe.close();
        const quint16 stored = freeLoopbackPort();
        const QString ini = seededIni(stored);
        QProcess p;
        const QByteArray out = startHeadless(p, {QStringLiteral("--config"), ini, QStringLiteral("--port"), QStringLiteral("0"),
                                                 QStringLiteral("--bind"), QStringLiteral("::1")});
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("  http://\\[::1\\]:(\\d+)/#t=[0-9a-f]{32}\n")).match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        QCOMPARE(getInfo(QHostAddress::LocalHostIPv6, quint16(m.captured(1).toUInt())), QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(spectray::test::terminateAndWait(p), 0);
        checkUntouched(ini, stored);
    }

    // The desktop mode (offscreen, painter instead of GL) gives the flags the same meaning.
    void desktopListensWhereAskedAndStoresNothing()
    {
        const quint16 stored = freeLoopbackPort();
        const quint16 asked = freeLoopbackPort();
        const QString ini = seededIni(stored);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SPECTRAY_NO_GL"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg"))); // autostart entry
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SPECTRAY_BINARY),
                {QStringLiteral("--config"), ini, QStringLiteral("--no-capture"), QStringLiteral("--source"), QStringLiteral("demo"),
                 QStringLiteral("--port"), QString::number(asked), QStringLiteral("--bind"), QStringLiteral("127.0.0.1")});
        QVERIFY(p.waitForStarted());
        QByteArray status;
        (void)QTest::qWaitFor([&] {
            status = getInfo(QHostAddress::LocalHost, asked);
            return !status.isEmpty() || p.state() == QProcess::NotRunning;
        }, 30000);
        QCOMPARE(status, QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(getInfo(QHostAddress::LocalHost, stored).isEmpty());
        QCOMPARE(spectray::test::terminateAndWait(p), 0); // SIGTERM quits like the Quit item: settings saved on the way
        checkUntouched(ini, stored);
        QVERIFY(QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("server/token")));
    }

    void badValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("bind text") << QStringList{QStringLiteral("--bind"), QStringLiteral("lan")} << QByteArray("--bind");
        QTest::newRow("bind 999") << QStringList{QStringLiteral("--bind"), QStringLiteral("999.1.1.1")} << QByteArray("--bind");
        QTest::newRow("port big") << QStringList{QStringLiteral("--port"), QStringLiteral("65536")} << QByteArray("--port");
        QTest::newRow("port neg") << QStringList{QStringLiteral("--port"), QStringLiteral("-1")} << QByteArray("--port");
    }

    void badValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const QString ini = m_dir.filePath(QStringLiteral("bad.ini"));
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY), QStringList{QStringLiteral("--headless"), QStringLiteral("--config"), ini} + args);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains(mentions), err.constData());
        QVERIFY(!QFile::exists(ini)); // refused before anything was opened
    }

    void helpSaysWhatTheFlagsMean()
    {
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(20000));
        const QString help = QString::fromUtf8(p.readAllStandardOutput()).simplified();
        QVERIFY2(help.contains(QStringLiteral("--port <PORT> LAN server port for this run")), qPrintable(help));
        QVERIFY(help.contains(QStringLiteral("without changing them")));
    }
};

QTEST_GUILESS_MAIN(TestLanFlags)
#include "tst_lanflags.moc"
