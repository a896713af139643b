#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace spectray::test {

// A private PulseAudio daemon for integration tests: own runtime dir and socket, no config files
// (-n), so it never touches a user's or another test's server. Sets PULSE_SERVER in this process's
// environment while it runs; restarting keeps the same socket path, so clients can reconnect.
class PulseDaemon final
{
public:
    PulseDaemon();
    ~PulseDaemon();
    PulseDaemon(const PulseDaemon &) = delete;
    PulseDaemon &operator=(const PulseDaemon &) = delete;

    // True if the pulseaudio and pactl binaries are installed.
    static bool available();

    // Starts the daemon with the given null sinks (sink names, 48 kHz) and waits until
    // `pactl info` answers. Returns false with `error()` set on failure.
    bool start(const QStringList &nullSinks = {QStringLiteral("test_sink")});
    // Kills the daemon by PID (SIGTERM, or SIGKILL if `hard`) and waits until it is gone.
    void stop(bool hard = false);
    bool isRunning() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    QString error() const { return m_error; }
    QString serverAddress() const; // "unix:/.../native"
    QString runtimeDir() const { return m_dir.path(); }

    // Runs pactl against this daemon; returns its stdout (trimmed), sets `ok`.
    QString pactl(const QStringList &args, bool *ok = nullptr) const;
    // Loads module-null-sink; returns the module index or -1.
    int loadNullSink(const QString &name, const QString &description = {});
    bool unloadModule(int index);
    bool setDefaultSink(const QString &name);

    // Keeps a `parec --latency-msec=10` attached to `source` so an idle null sink runs at low
    // latency (otherwise new streams wait ~2 s for their first data). Stopped by stop().
    bool attachLowLatencyReader(const QString &source);
    // Makes a null sink cycle at 10 ms right away: a null sink only applies a new latency after
    // its current (up to 2 s) cycle ends, so attach the reader and restart the cycle by
    // suspending and resuming the sink. Afterwards new streams get data within ~20 ms.
    bool primeLowLatency(const QString &sink);

private:
    QTemporaryDir m_dir;
    pid_t m_pid = -1;
    pid_t m_watchdog = -1; // kills the daemon if this process dies without stop() (crash, abort)
    QString m_error;
    std::vector<pid_t> m_helpers; // parec readers
};

// Plays a continuous signal into a sink through `pacat` fed from a thread over a small pipe, so
// the tone can be changed and a click injected while it plays (the pipe's back-pressure paces the
// thread in real time). Float32 stereo 48 kHz, 10 ms writes.
class TonePlayer final
{
public:
    TonePlayer() = default;
    ~TonePlayer();
    TonePlayer(const TonePlayer &) = delete;
    TonePlayer &operator=(const TonePlayer &) = delete;

    // Starts playing a sine of `hz` at `amplitude` into `sink` (amplitude 0 = silence).
    // With `appName`/`appBinary` the stream poses as that application (application.name,
    // application.process.binary and application.icon_name = the binary), as a real player's would.
    bool start(const QString &sink, double hz, double amplitude, const QString &appName = {},
               const QString &appBinary = {});
    void stop();
    void setTone(double hz, double amplitude);
    // The next block written starts with a full-scale 1 ms click (on top of the tone).
    void click() { m_clickPending = true; }
    bool isRunning() const { return m_pid > 0; }

private:
    void run();

    pid_t m_pid = -1;
    int m_fd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_clickPending{false};
    std::atomic<double> m_hz{1000.0};
    std::atomic<double> m_amplitude{0.5};
};

} // namespace spectray::test
