// A start without an audio server, run as a user runs it (issue 11): `spectray --headless` says
// "no audio server" once (suggesting --source demo), retries quietly with a growing wait, and says
// when the server is back. The server is a private PulseAudio that appears at the very socket path
// spectray was pointed at ten seconds after it started.
#include "hangguard.h"
#include "pulsedaemon.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace spectray;

namespace {

// Ends a running spectray as a service manager would; -1 if it crashed or hung.
int terminate(QProcess &p)
{
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(test::kHangGuardMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// A status line saying the source is back ("spectray: starting: Source is back (...)"); the first
// error's hint also promises to say so, but it is not a status line.
bool isBackLine(const QString &line)
{
    return line.startsWith(QStringLiteral("spectray: starting:")) && line.contains(QStringLiteral("back"));
}

int countLines(const QStringList &lines, const QString &needle)
{
    int n = 0;
    for (const QString &line : lines)
        n += line.contains(needle, Qt::CaseInsensitive) ? 1 : 0;
    return n;
}

} // namespace

class TestQuietStart final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_lines; // stderr of the running spectray, line by line
    QByteArray m_partial;

    void collect(QProcess &p)
    {
        m_partial += p.readAllStandardError();
        int nl;
        while ((nl = int(m_partial.indexOf('\n'))) >= 0) {
            m_lines.append(QString::fromUtf8(m_partial.left(nl)));
            m_partial.remove(0, nl + 1);
        }
    }

private slots:
    void oneLinePerOutageAndTheReturnIsSaid()
    {
        if (!test::PulseDaemon::available())
            QSKIP("pulseaudio/pactl not installed (scripts/install-deps.sh --test)");
        test::PulseDaemon daemon; // not started yet: its socket path does not exist
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PULSE_SERVER"), daemon.serverAddress());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SPECTRAY_BINARY),
            { QStringLiteral("--headless"), QStringLiteral("--config"), m_dir.filePath(QStringLiteral("s.ini")),
                QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1") });
        QVERIFY(p.waitForStarted());

        // Ten seconds without a server: at 2 s, then doubling, that is three or four attempts.
        QElapsedTimer outage;
        outage.start();
        while (outage.elapsed() < 10000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            collect(p);
        }
        QCOMPARE(p.state(), QProcess::Running);
        qInfo().noquote() << "stderr without a server:\n" << m_lines.join(u'\n');
        QCOMPARE(countLines(m_lines, QStringLiteral("no audio server")), 1);
        QCOMPARE(countLines(m_lines, QStringLiteral("--source demo")), 1);
        QCOMPARE(countLines(m_lines, QStringLiteral("spectray: starting")), 1);
        QVERIFY(std::none_of(m_lines.cbegin(), m_lines.cend(), isBackLine));

        QVERIFY2(daemon.start(), qPrintable(daemon.error()));
        QElapsedTimer sinceServer;
        sinceServer.start();
        const qsizetype before = m_lines.size();
        // The longest wait between attempts is 30 s; the guard leaves room for a loaded machine.
        const qint64 guardMs = 30000 + test::kHangGuardMs;
        qint64 backAfter = -1;
        while (backAfter < 0 && sinceServer.elapsed() < guardMs && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            collect(p);
            for (qsizetype i = before; i < m_lines.size(); ++i) {
                if (isBackLine(m_lines.at(i)))
                    backAfter = sinceServer.elapsed();
            }
        }
        qInfo().noquote() << "stderr after the server started:\n" << m_lines.mid(before).join(u'\n');
        QVERIFY2(backAfter >= 0, "no line saying the audio server is back");
        qInfo() << "the return was said" << backAfter << "ms after the server started";
        // Capture really resumes: the null sink's monitor delivers (silent) audio.
        const auto resumed = [&] {
            collect(p);
            const QStringList after = m_lines.mid(before);
            return countLines(after, QStringLiteral("spectray: running"))
                + countLines(after, QStringLiteral("spectray: silent"))
                > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(resumed(), test::kHangGuardMs);
        QCOMPARE(countLines(m_lines, QStringLiteral("no audio server")), 1);
        QCOMPARE(terminate(p), 0);
    }
};

QTEST_GUILESS_MAIN(TestQuietStart)
#include "tst_quietstart.moc"
