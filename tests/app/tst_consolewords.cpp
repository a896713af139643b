// What the real binary says to people on the console (issue 15): `--help` names the program as it
// was started, and log lines read as sentences, without debug quoting of plain values
// (`Listening on 127.0.0.1 port 8737`, not `Listening on "127.0.0.1" port 8737`).
#include "hangguard.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>

using namespace spectray;

class TestConsoleWords final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QByteArray helpOf(const QString &program)
    {
        QProcess p;
        p.start(program, {QStringLiteral("--help")});
        if (!p.waitForFinished(test::kHangGuardMs) || p.exitCode() != 0)
            return {};
        return p.readAllStandardOutput();
    }

private slots:
    void helpNamesTheProgram()
    {
        const QByteArray help = helpOf(QStringLiteral(SPECTRAY_BINARY));
        QVERIFY2(help.startsWith("Usage: spectray [options]\n"), help.left(80).constData());
        QVERIFY(!help.contains("<executable_name>"));
        // Started under another name (a distribution's wrapper, a symlink): that name.
        const QString link = m_dir.filePath(QStringLiteral("my-visualizer"));
        QVERIFY(QFile::link(QStringLiteral(SPECTRAY_BINARY), link));
        QVERIFY(helpOf(link).startsWith("Usage: my-visualizer [options]\n"));
    }

    void logLinesHaveNoDebugQuoting()
    {
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY),
                {QStringLiteral("--headless"), QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--config"),
                 m_dir.filePath(QStringLiteral("s.ini")), QStringLiteral("--port"), QStringLiteral("0"),
                 QStringLiteral("--bind"), QStringLiteral("127.0.0.1")});
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] {
            out += p.readAllStandardOutput();
            return out.contains("Ctrl+C") || p.state() == QProcess::NotRunning;
        }, test::kHangGuardMs));
        const QRegularExpressionMatch url =
            QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/#t=([0-9a-f]{32})")).match(QString::fromUtf8(out));
        QVERIFY2(url.hasMatch(), out.constData());

        // A client comes and goes, so the server logs about it too.
        QWebSocket ws;
        QSignalSpy connected(&ws, &QWebSocket::connected);
        QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?t=%2").arg(url.captured(1), url.captured(2))));
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), test::kHangGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), test::kHangGuardMs);
        ws.close();

        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(test::kHangGuardMs));
        const QStringList lines = QString::fromUtf8(p.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
        // Log lines carry their category ("spectray.net: ..."); status lines ("spectray: ...") may
        // quote a name the user typed, which is a different thing.
        const QRegularExpression logLine(QStringLiteral("^spectray\\.[a-z]+: "));
        int logLines = 0;
        for (const QString &line : lines) {
            if (!logLine.match(line).hasMatch())
                continue;
            ++logLines;
            QVERIFY2(!line.contains(u'"'), qPrintable(line));
        }
        qInfo().noquote() << "stderr:\n" << lines.join(u'\n');
        QVERIFY2(logLines >= 3, "expected the listening, client and stop lines"); // the walk is not vacuous
        QVERIFY(lines.contains(QStringLiteral("spectray.net: Listening on 127.0.0.1 port %1").arg(url.captured(1))));
    }
};

QTEST_GUILESS_MAIN(TestConsoleWords)
#include "tst_consolewords.moc"
