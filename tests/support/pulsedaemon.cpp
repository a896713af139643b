#include "pulsedaemon.h"
#include "toolprocess.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <csignal>
#include <fcntl.h>
#include <numbers>
#include <sys/wait.h>
#include <unistd.h>

namespace spectray::test {

namespace {

// fork/exec so we own the PID (QProcess::startDetached would orphan it). stdout/stderr go to
// /dev/null; if `stdinFd` is given, the child's stdin is a pipe whose write end is returned there.
pid_t spawn(const QStringList &args, int *stdinFd, const QByteArrayList &extraEnv = {})
{
    std::vector<QByteArray> storage;
    for (const QString &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    // The child's environment is built here: after fork() only async-signal-safe calls are allowed.
    QByteArrayList envStorage = extraEnv;
    for (char **e = environ; *e; ++e) {
        if (::strncmp(*e, "LD_PRELOAD=", 11) != 0) // the players are not ours (toolEnvironment())
            envStorage.append(QByteArray(*e));
    }
    std::vector<char *> envp;
    for (QByteArray &e : envStorage)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    int fds[2] = {-1, -1};
    if (stdinFd && ::pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_RDWR);
        ::dup2(stdinFd ? fds[0] : devnull, 0);
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
        ::execvpe(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    if (stdinFd) {
        ::close(fds[0]);
        if (pid < 0) {
            ::close(fds[1]);
            return -1;
        }
        *stdinFd = fds[1];
    }
    return pid;
}

// kill(pid, 0) also succeeds for a zombie, and a daemonized process may be left one when no
// subreaper collects it, so look at its state.
bool processAlive(pid_t pid)
{
    if (::kill(pid, 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren < 0 || paren + 2 >= text.size() || text.at(paren + 2) != 'Z';
}

void killAndReap(pid_t pid)
{
    if (pid <= 0)
        return;
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid)
            return;
        QThread::msleep(20);
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
}

} // namespace

PulseDaemon::PulseDaemon() = default;

PulseDaemon::~PulseDaemon() { stop(); }

bool PulseDaemon::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pulseaudio")).isEmpty()
           && !QStandardPaths::findExecutable(QStringLiteral("pactl")).isEmpty();
}

QString PulseDaemon::serverAddress() const { return QStringLiteral("unix:") + m_dir.path() + QStringLiteral("/native"); }

bool PulseDaemon::start(const QStringList &nullSinks)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary runtime directory");
        return false;
    }
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString dir = m_dir.path();

    QStringList args{QStringLiteral("-n"), QStringLiteral("--daemonize=yes"), QStringLiteral("--exit-idle-time=-1"),
                     QStringLiteral("--disallow-exit"), QStringLiteral("--use-pid-file=yes"),
                     QStringLiteral("--log-target=file:") + dir + QStringLiteral("/pa.log"),
                     QStringLiteral("-L"),
                     QStringLiteral("module-native-protocol-unix socket=") + dir
                         + QStringLiteral("/native auth-anonymous=1")};
    for (const QString &sink : nullSinks) {
        args << QStringLiteral("-L")
             << QStringLiteral("module-null-sink sink_name=%1 sink_properties=device.description=%1 rate=48000")
                    .arg(sink);
    }
    QProcess proc;
    QProcessEnvironment env = toolEnvironment(); // pulseaudio and pactl are not ours: no ASan preload
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir);
    env.remove(QStringLiteral("PULSE_SERVER"));
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral("pulseaudio"), args);
    if (!proc.waitForFinished(10000) || proc.exitCode() != 0) {
        QFile log(dir + QStringLiteral("/pa.log"));
        const QString tail = log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll().right(300)) : QString();
        m_error = QStringLiteral("pulseaudio did not start: ") + QString::fromLocal8Bit(proc.readAllStandardError())
                  + tail;
        proc.kill();
        return false;
    }
    QFile pidFile(dir + QStringLiteral("/pulse/pid"));
    if (!pidFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("pulseaudio wrote no pid file");
        return false;
    }
    m_pid = static_cast<pid_t>(pidFile.readAll().trimmed().toInt());
    // The daemon is not our child and outlives a crashed test; a tiny shell watches us instead.
    m_watchdog = spawn({QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 0.5; done; kill -9 %2")
                            .arg(::getpid())
                            .arg(m_pid)},
                       nullptr);
    qputenv("PULSE_SERVER", serverAddress().toLocal8Bit());

    const QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        bool ok = false;
        pactl({QStringLiteral("info")}, &ok);
        if (ok)
            return true;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("pulseaudio does not answer pactl info");
    stop(true);
    return false;
}

void PulseDaemon::stop(bool hard)
{
    for (pid_t helper : m_helpers)
        killAndReap(helper);
    m_helpers.clear();
    killAndReap(m_watchdog);
    m_watchdog = -1;
    if (m_pid <= 0)
        return;
    // The daemon is not our child (it daemonized), so poll for it to vanish instead of waitpid.
    ::kill(m_pid, hard ? SIGKILL : SIGTERM);
    const QDeadlineTimer deadline(5000);
    while (processAlive(m_pid) && !deadline.hasExpired())
        QThread::msleep(10);
    if (processAlive(m_pid)) {
        ::kill(m_pid, SIGKILL);
        QThread::msleep(100);
    }
    m_pid = -1;
    // A killed daemon leaves its pid file; if its pid lingers as a zombie, a new daemon in the
    // same runtime dir would think one is still running.
    QFile::remove(m_dir.path() + QStringLiteral("/pulse/pid"));
}

QString PulseDaemon::pactl(const QStringList &args, bool *ok) const
{
    QProcess proc;
    QProcessEnvironment env = toolEnvironment(); // pulseaudio and pactl are not ours: no ASan preload
    env.insert(QStringLiteral("PULSE_SERVER"), serverAddress());
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral("pactl"), args);
    const bool finished = proc.waitForFinished(5000);
    if (!finished)
        proc.kill();
    if (ok)
        *ok = finished && proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
    return QString::fromLocal8Bit(proc.readAllStandardOutput()).trimmed();
}

int PulseDaemon::loadNullSink(const QString &name, const QString &description)
{
    bool ok = false;
    const QString out = pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                               QStringLiteral("sink_name=") + name,
                               QStringLiteral("sink_properties=device.description=")
                                   + (description.isEmpty() ? name : description),
                               QStringLiteral("rate=48000")},
                              &ok);
    return ok ? out.toInt() : -1;
}

bool PulseDaemon::unloadModule(int index)
{
    bool ok = false;
    pactl({QStringLiteral("unload-module"), QString::number(index)}, &ok);
    return ok;
}

bool PulseDaemon::setDefaultSink(const QString &name)
{
    bool ok = false;
    pactl({QStringLiteral("set-default-sink"), name}, &ok);
    return ok;
}

bool PulseDaemon::attachLowLatencyReader(const QString &source)
{
    const pid_t pid = spawn({QStringLiteral("parec"), QStringLiteral("-d"), source,
                             QStringLiteral("--latency-msec=10"), QStringLiteral("--raw")},
                            nullptr);
    if (pid <= 0)
        return false;
    m_helpers.push_back(pid);
    return true;
}

bool PulseDaemon::primeLowLatency(const QString &sink)
{
    const QStringList listOutputs{QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("source-outputs")};
    const auto count = [&] { return pactl(listOutputs).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(); };
    const qsizetype before = count();
    if (!attachLowLatencyReader(sink + QStringLiteral(".monitor")))
        return false;
    // Wait until the reader's stream exists, so the resumed sink picks up its latency.
    const QDeadlineTimer deadline(3000);
    while (!deadline.hasExpired() && count() <= before)
        QThread::msleep(10);
    bool ok1 = false;
    bool ok2 = false;
    pactl({QStringLiteral("suspend-sink"), sink, QStringLiteral("1")}, &ok1);
    pactl({QStringLiteral("suspend-sink"), sink, QStringLiteral("0")}, &ok2);
    return ok1 && ok2;
}

TonePlayer::~TonePlayer() { stop(); }

bool TonePlayer::start(const QString &sink, double hz, double amplitude, const QString &appName,
                       const QString &appBinary)
{
    stop();
    ::signal(SIGPIPE, SIG_IGN); // pacat may die under us (daemon killed); write() then fails with EPIPE
    m_hz = hz;
    m_amplitude = amplitude;
    QStringList args{QStringLiteral("pacat"), QStringLiteral("--playback"), QStringLiteral("-d"), sink,
                     QStringLiteral("--raw"), QStringLiteral("--format=float32le"), QStringLiteral("--rate=48000"),
                     QStringLiteral("--channels=2"), QStringLiteral("--latency-msec=10")};
    QByteArrayList env;
    // pacat names its client itself (overriding PULSE_PROP's application.name), so the name goes
    // through --client-name; the binary and icon through PULSE_PROP, as libpulse reads them.
    if (!appName.isEmpty())
        args << QStringLiteral("--client-name=") + appName;
    if (!appBinary.isEmpty())
        env << "PULSE_PROP=application.process.binary=" + appBinary.toUtf8() + " application.icon_name=" + appBinary.toUtf8();
    m_pid = spawn(args, &m_fd, env);
    if (m_pid <= 0)
        return false;
    ::fcntl(m_fd, F_SETPIPE_SZ, 4096); // small pipe: a click reaches pacat within ~10 ms
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void TonePlayer::stop()
{
    if (m_pid <= 0)
        return;
    m_stop = true;
    ::kill(m_pid, SIGTERM); // unblocks a write() stuck on a full pipe
    if (m_thread.joinable())
        m_thread.join();
    ::close(m_fd);
    m_fd = -1;
    killAndReap(m_pid);
    m_pid = -1;
}

void TonePlayer::setTone(double hz, double amplitude)
{
    m_hz = hz;
    m_amplitude = amplitude;
}

void TonePlayer::run()
{
    constexpr int kRate = 48000;
    constexpr int kBlock = 480;
    std::vector<float> block(kBlock * 2);
    double phase = 0.0;
    while (!m_stop) {
        const double step = 2.0 * std::numbers::pi * m_hz.load() / kRate;
        const double amp = m_amplitude.load();
        const bool click = m_clickPending.exchange(false);
        for (int i = 0; i < kBlock; ++i) {
            float v = static_cast<float>(amp * std::sin(phase));
            if (click && i < kRate / 1000)
                v = 1.0f;
            block[2 * i] = block[2 * i + 1] = v;
            phase = std::fmod(phase + step, 2.0 * std::numbers::pi);
        }
        const char *p = reinterpret_cast<const char *>(block.data());
        size_t left = block.size() * sizeof(float);
        while (left > 0 && !m_stop) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return;
            }
            p += n;
            left -= static_cast<size_t>(n);
        }
    }
}

} // namespace spectray::test
