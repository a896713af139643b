// The console modes run in the console helper (issue 11, RSS): `spectray --print-frames`,
// `--headless`, `--list-devices` and `--analyze` replace the process with spectray-cli (same PID), a
// program image in which Qt Widgets and Qt Gui are not mapped; without the helper, or with
// SPECTRAY_NO_REEXEC set, the same run works in-process.
//
// The child is caught while it is alive and has done its work: its stdout is a pipe the test has
// filled beforehand, so its first write blocks (the kernel says so in /proc/PID/wchan). Then its
// /proc/PID/maps and /proc/PID/exe are read; no timing is involved. `--print-frames` never waits
// for its reader (it drops the frames that do not fit, docs/engine.md), so for it the test takes
// its own bytes back out and waits for the child's first output instead; it keeps running.
#include "hangguard.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char **environ;

namespace {

QString readProc(pid_t pid, const char *entry)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1StringView(entry)));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// A running spectray whose first write to stdout blocks on a full pipe.
struct StalledRun
{
    pid_t pid = -1;
    int readFd = -1;
    qint64 prefill = 0; // the test's own bytes ahead of the child's output in the pipe
    QByteArray early; // the child's output waitUntilWriting() read

    ~StalledRun()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        if (readFd >= 0)
            ::close(readFd);
    }

    // Blocked writing to stdout, i.e. past its work. False if it exited or never got there.
    bool waitUntilBlocked()
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < spectray::test::kHangGuardMs) {
            if (::waitpid(pid, nullptr, WNOHANG) == pid) {
                pid = -1;
                return false;
            }
            // "pipe_write" (older kernels) or "anon_pipe_write"; or the write(1, ...) syscall itself.
            if (readProc(pid, "wchan").contains(QLatin1StringView("pipe_write"))
                || readProc(pid, "syscall").startsWith(QLatin1StringView("1 0x1 ")))
                return true;
            QThread::msleep(20);
        }
        return false;
    }

    // For a writer that never blocks: drains the test's bytes and waits for the child's first
    // bytes (kept for firstOutput()). False if it exited or wrote nothing.
    bool waitUntilWriting()
    {
        early = firstOutput(1);
        if (early.isEmpty() || ::waitpid(pid, nullptr, WNOHANG) == pid)
            return false;
        return true;
    }

    // Drains the test's bytes, then returns the child's first output: at least `atLeast` bytes
    // of it (less only if it stops writing for the hang guard's time or closes stdout).
    QByteArray firstOutput(qsizetype atLeast)
    {
        QByteArray out = std::exchange(early, {});
        char buf[4096];
        qint64 &skip = prefill; // what is read of the test's bytes is not skipped again
        while (skip > 0 || out.size() < atLeast) {
            pollfd p { readFd, POLLIN, 0 };
            if (::poll(&p, 1, spectray::test::kHangGuardMs) <= 0)
                break;
            const ssize_t n = ::read(readFd, buf, sizeof buf);
            if (n <= 0)
                break;
            const qint64 own = std::min<qint64>(skip, n);
            skip -= own;
            out.append(buf + own, qsizetype(n - own));
        }
        return out;
    }
};

std::unique_ptr<StalledRun> startStalled(const QStringList &args, const QStringList &env)
{
    auto run = std::make_unique<StalledRun>();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return nullptr;
    run->readFd = fds[0];
    ::fcntl(fds[1], F_SETFL, O_NONBLOCK);
    const char block[4096] = {};
    for (ssize_t n; (n = ::write(fds[1], block, sizeof block)) > 0;)
        run->prefill += n;
    for (ssize_t n; (n = ::write(fds[1], block, 1)) > 0;)
        run->prefill += n;
    ::fcntl(fds[1], F_SETFL, 0);

    // Everything exec needs is built before fork: the child only calls async-signal-safe functions.
    QList<QByteArray> argStore { QByteArrayLiteral(SPECTRAY_BINARY) };
    for (const QString &a : args)
        argStore.append(a.toLocal8Bit());
    QList<QByteArray> envStore;
    for (char **e = environ; *e; ++e)
        if (!QByteArrayView(*e).startsWith("SPECTRAY_NO_REEXEC=")) // a developer's setting
            envStore.append(*e);
    for (const QString &e : env)
        envStore.append(e.toLocal8Bit());
    std::vector<char *> argv, envp;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);

    run->pid = ::fork();
    if (run->pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(devNull, STDERR_FILENO);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    ::close(devNull);
    return run->pid > 0 ? std::move(run) : nullptr;
}

// One second of a 1 kHz sine, 48 kHz mono 16-bit PCM: a canonical 44-byte RIFF/WAVE header.
bool writeToneWav(const QString &path)
{
    const quint32 rate = 48000, frames = 48000;
    QByteArray data;
    for (quint32 n = 0; n < frames; ++n) {
        const auto s = qint16(std::lround(12000 * std::sin(2 * M_PI * 1000 * n / rate)));
        data.append(char(s & 0xff)).append(char((s >> 8) & 0xff));
    }
    auto le = [](quint32 v, int bytes) {
        QByteArray b;
        for (int i = 0; i < bytes; ++i)
            b.append(char((v >> (8 * i)) & 0xff));
        return b;
    };
    auto u32 = [&](quint32 v) { return le(v, 4); };
    auto u16 = [&](quint32 v) { return le(v, 2); };
    const QByteArray wav = "RIFF" + u32(36 + quint32(data.size())) + "WAVEfmt " + u32(16) + u16(1) + u16(1) + u32(rate)
        + u32(rate * 2) + u16(2) + u16(16) + "data" + u32(quint32(data.size())) + data;
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(wav) == wav.size();
}

const QStringList kNoAudioServer { QStringLiteral("PULSE_SERVER=unix:/nonexistent/spectray-test-socket") };

} // namespace

class TestConsoleHelper final : public QObject
{
    Q_OBJECT

private:
    // Runs `--print-frames --source demo` until its RssFile is under 3/4 of what it was once frames
    // came, or `limitMs` passed; checks frames still come. Returns when it fell (ms), or -1.
    // The resident pages of the process's file mappings that no other process maps (smaps'
    // Private_Clean + Private_Dirty of mappings backed by a file): what the release can let go. The
    // pages it shares, with this test process too (Qt, libc), stay resident whatever it does.
    static qint64 privateFileKb(pid_t pid)
    {
        qint64 kb = 0;
        bool fileBacked = false;
        const QRegularExpression header(QStringLiteral("^[0-9a-f]+-[0-9a-f]+ \\S+ \\S+ \\S+ \\S+\\s+(\\S*)"));
        const QRegularExpression privatePages(QStringLiteral("^Private_(Clean|Dirty):\\s+(\\d+) kB"));
        const QStringList lines = readProc(pid, "smaps").split(u'\n');
        for (const QString &line : lines) {
            if (const auto h = header.match(line); h.hasMatch())
                fileBacked = h.captured(1).startsWith(u'/');
            else if (const auto m = privatePages.match(line); m.hasMatch() && fileBacked)
                kb += m.captured(2).toLongLong();
        }
        return kb;
    }

    qint64 fileResidentDrop(const QStringList &env, qint64 limitMs = spectray::test::kHangGuardMs)
    {
        QProcess p;
        QProcessEnvironment penv = QProcessEnvironment::systemEnvironment();
        penv.remove(u"SPECTRAY_NO_REEXEC"_qs);
        penv.remove(u"SPECTRAY_KEEP_STARTUP_PAGES"_qs);
        for (const QString &e : env)
            penv.insert(e.section(u'=', 0, 0), e.section(u'=', 1));
        p.setProcessEnvironment(penv);
        p.start(QStringLiteral(SPECTRAY_BINARY),
            { u"--print-frames"_qs, u"--source"_qs, u"demo"_qs, u"--config"_qs, m_config });
        const auto stop = qScopeGuard([&p] {
            p.terminate();
            if (!p.waitForFinished(spectray::test::kHangGuardMs))
                p.kill();
        });
        if (!p.waitForStarted(spectray::test::kHangGuardMs) || !p.waitForReadyRead(spectray::test::kHangGuardMs))
            return -2;
        const pid_t pid = pid_t(p.processId());
        const qint64 first = privateFileKb(pid);
        QElapsedTimer timer;
        timer.start();
        qint64 fellAfter = -1;
        while (timer.elapsed() < limitMs && p.state() == QProcess::Running) {
            p.readAllStandardOutput();
            if (first > 0 && privateFileKb(pid) * 2 < first) {
                fellAfter = timer.elapsed();
                break;
            }
            QTest::qWait(100);
        }
        p.readAllStandardOutput();
        const bool framesKeepComing = p.waitForReadyRead(spectray::test::kHangGuardMs)
            && p.readAllStandardOutput().contains("\"type\":\"frame\"");
        return framesKeepComing ? fellAfter : -3;
    }

    QTemporaryDir m_dir;
    QString m_config;
    QString m_wav;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("settings.ini"));
        m_wav = m_dir.filePath(QStringLiteral("tone.wav"));
        QVERIFY(writeToneWav(m_wav));
    }

    void consoleModesRunWithoutGuiLibraries_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("firstOutput"); // how the child's stdout starts
        QTest::newRow("print-frames") << QStringList { u"--print-frames"_qs, u"--source"_qs, u"demo"_qs } << u"{"_qs;
        QTest::newRow("headless") << QStringList { u"--headless"_qs, u"--source"_qs, u"demo"_qs, u"--port"_qs, u"0"_qs,
            u"--bind"_qs, u"127.0.0.1"_qs }
                                  << u"Spectray is streaming on port"_qs;
        QTest::newRow("list-devices") << QStringList { u"--list-devices"_qs, u"--json"_qs } << u"["_qs;
        QTest::newRow("analyze") << QStringList { u"--analyze"_qs, u"TONE"_qs } << u"{"_qs;
    }

    void consoleModesRunWithoutGuiLibraries()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, firstOutput);
        args.replaceInStrings(u"TONE"_qs, m_wav);
        args << u"--config"_qs << m_config;
        const auto run = startStalled(args, kNoAudioServer);
        QVERIFY(run);
        const pid_t pid = run->pid;
        const bool neverWaits = args.contains(u"--print-frames"_qs);
        QVERIFY2(
            neverWaits ? run->waitUntilWriting() : run->waitUntilBlocked(), "the run ended or never wrote to stdout");

        const QString maps = readProc(pid, "maps");
        QVERIFY2(maps.contains(u"libQt6Core"_qs), "maps not readable"); // the check below means something
        QVERIFY2(!maps.contains(u"libQt6Widgets"_qs), "Qt Widgets is mapped");
        QVERIFY2(!maps.contains(u"libQt6Gui"_qs), "Qt Gui is mapped");
        QVERIFY2(!maps.contains(u"libQt6Multimedia"_qs), "Qt Multimedia is mapped");
        QCOMPARE(
            QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid))).fileName(), u"spectray-cli"_qs);
        QCOMPARE(readProc(pid, "comm").trimmed(), u"spectray"_qs); // pgrep -x spectray still finds it
        const QString out = QString::fromUtf8(run->firstOutput(firstOutput.size()));
        QVERIFY2(out.startsWith(firstOutput), qPrintable(out));
    }

    // A WebSocket client must not make the helper load a TLS library: QWebSocket's constructor asks
    // for the default TLS configuration, which would load Qt's OpenSSL backend plugin (with libssl
    // and libcrypto, 4.3 MB resident) although the server speaks plain WebSocket only.
    void webSocketClientLoadsNoTls()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"SPECTRAY_NO_REEXEC"_qs);
        env.insert(u"PULSE_SERVER"_qs, u"unix:/nonexistent/spectray-test-socket"_qs);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SPECTRAY_BINARY),
            { u"--headless"_qs, u"--source"_qs, u"demo"_qs, u"--port"_qs, u"0"_qs, u"--bind"_qs, u"127.0.0.1"_qs,
                u"--config"_qs, m_config });
        QVERIFY(p.waitForStarted(spectray::test::kHangGuardMs));
        const auto stop = qScopeGuard([&p] {
            p.terminate();
            if (!p.waitForFinished(spectray::test::kHangGuardMs))
                p.kill();
        });
        QByteArray out;
        const QRegularExpression url(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/#t=([0-9a-f]{32})"));
        QRegularExpressionMatch m;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += p.readAllStandardOutput();
                         m = url.match(QString::fromUtf8(out));
                         return m.hasMatch() || p.state() == QProcess::NotRunning;
                     },
                     spectray::test::kHangGuardMs)
                && m.hasMatch(),
            out.constData());
        QWebSocket ws;
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?t=%2").arg(m.captured(1), m.captured(2))));
        // The server writes its handshake answer after it has built its QWebSocket, so once this
        // side is connected the server's socket exists and any plugin it loads is mapped.
        QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, spectray::test::kHangGuardMs);
        const pid_t pid = pid_t(p.processId());
        QCOMPARE(
            QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid))).fileName(), u"spectray-cli"_qs);
        const QString maps = readProc(pid, "maps");
        QVERIFY2(maps.contains(u"libQt6WebSockets"_qs), "maps not readable"); // the checks below mean something
        QVERIFY2(!maps.contains(u"/tls/"_qs), "a Qt TLS backend plugin is mapped");
        QVERIFY2(!maps.contains(u"libssl"_qs), "libssl is mapped");
        QVERIFY2(!maps.contains(u"libcrypto"_qs), "libcrypto is mapped");
        ws.close();
    }

    // A run lets go of the pages only its start touched, once, 3 s after the engine starts
    // (docs/app.md, "Start-up pages"): the resident pages of its file mappings that only it maps
    // (/proc/PID/smaps) fall by more than half while frames keep coming (measured: 11.3 -> 2.5 MB
    // with the plain build). The control run with SPECTRAY_KEEP_STARTUP_PAGES=1 keeps them for twice
    // as long as the release took. (The whole RssFile also counts the pages this test process maps
    // too, which the kernel leaves: with the plain build they are most of it.)
    void startupPagesGoWhileFramesKeepComing()
    {
        QElapsedTimer took;
        took.start();
        const qint64 releasedAfterMs = fileResidentDrop({});
        QVERIFY2(releasedAfterMs >= 0, qPrintable(u"private file-backed pages did not fall by half (%1: -1 no fall, -2 no start, -3 frames stopped)"_qs.arg(releasedAfterMs)));
        const qint64 controlMs = std::max<qint64>(5000, 2 * took.elapsed());
        QCOMPARE(fileResidentDrop({ u"SPECTRAY_KEEP_STARTUP_PAGES=1"_qs }, controlMs), qint64(-1));
    }

    // SPECTRAY_NO_REEXEC=1: the same run in spectray itself (Qt Widgets is linked, so it is mapped).
    void disabledByEnvironment()
    {
        const auto run = startStalled({ u"--print-frames"_qs, u"--source"_qs, u"demo"_qs, u"--config"_qs, m_config },
            kNoAudioServer + QStringList { u"SPECTRAY_NO_REEXEC=1"_qs });
        QVERIFY(run);
        QVERIFY(run->waitUntilWriting()); // --print-frames never waits for its reader
        QCOMPARE(QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(run->pid))).fileName(),
            QFileInfo(QStringLiteral(SPECTRAY_BINARY)).fileName());
        QVERIFY(readProc(run->pid, "maps").contains(u"libQt6Widgets"_qs));
        QVERIFY(run->firstOutput(1).startsWith('{'));
    }

    // spectray without its helper (copied alone elsewhere) says why in the debug log and does the
    // work itself, with the same output.
    void fallsBackWhenHelperMissing()
    {
        const QString lone = m_dir.filePath(u"lone/spectray"_qs);
        QVERIFY(QDir().mkpath(QFileInfo(lone).path()));
        QVERIFY(QFile::copy(QStringLiteral(SPECTRAY_BINARY), lone));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"SPECTRAY_NO_REEXEC"_qs);
        env.insert(u"PULSE_SERVER"_qs, u"unix:/nonexistent/spectray-test-socket"_qs);
        env.insert(u"QT_LOGGING_RULES"_qs, u"spectray.app.debug=true"_qs);
        p.setProcessEnvironment(env);
        p.start(lone,
            { u"--print-frames"_qs, u"--source"_qs, u"demo"_qs, u"--frames"_qs, u"3"_qs, u"--config"_qs, m_config });
        QVERIFY(p.waitForFinished(spectray::test::kHangGuardMs));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(u"in-process"_qs) && err.contains(u"not found"_qs), qPrintable(err));
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QVERIFY(lines.size() >= 4); // the layout, then the three frames asked for
        for (const QByteArray &line : lines)
            QVERIFY(line.startsWith('{'));
    }
};

QTEST_GUILESS_MAIN(TestConsoleHelper)
#include "tst_consolehelper.moc"
