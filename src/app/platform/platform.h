#pragma once

#include <QObject>
#include <QString>

#include <cstdio>
#include <memory>

// The app layer's only operating-system dependencies, behind one interface. Exactly one of
// platform/unix/ or platform/win/ is compiled (src/app/CMakeLists.txt picks it), so call sites have
// no #ifdef and no POSIX or Win32 header.
namespace spectray::platform {

// Turns the system's "please stop" (Unix: SIGINT/SIGTERM; Windows: Ctrl+C, Ctrl+Break, console
// close) into a Qt signal on the thread that created the watcher, so shutdown runs as ordinary code:
// clients get a going-away close, capture is released, settings are saved. One watcher at a time;
// while none exists the system's default action applies.
class TerminationWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationWatcher)

public:
    explicit TerminationWatcher(QObject *parent = nullptr);
    ~TerminationWatcher() override;

signals:
    void terminationRequested();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A closed pipe on stdout/a socket must show up as a failed write, not kill the process (Unix
// SIGPIPE). No-op where writes never raise a signal.
void ignoreBrokenPipe();

// Writes to a descriptor without ever waiting for its reader: `spectray --print-frames` writes on
// the audio thread, which must not stall behind a slow or stopped reader of its stdout.
class NoWaitWriter final
{
public:
    explicit NoWaitWriter(int descriptor)
        : m_fd(descriptor)
    {
    }
    // The bytes taken: 0 when the pipe (or terminal) has no room now, -1 on an error (a closed
    // pipe: EPIPE; with ignoreBrokenPipe() no signal). A pipe takes a write of up to PIPE_BUF
    // (4096) bytes whole or not at all. Linux: one pwritev2(RWF_NOWAIT) on pipes and sockets; where
    // the kernel refuses that (regular files, terminals) poll() for room, then write(). Windows: an
    // ordinary write, which may wait.
    qint64 write(const char *data, qint64 size);

private:
    int m_fd = -1;
    bool m_pollFirst = false; // RWF_NOWAIT was refused for this descriptor
};
// The descriptor of stdout (1 on both systems; named so call sites say what they mean).
int stdoutDescriptor();

// Asks the scheduler not to let the calling thread preempt a running thread when it is woken
// (Linux: SCHED_BATCH, which any user may choose; its nice level and CPU share stay as they were).
// The console modes' main thread is woken once per frame by the audio thread; without this it
// preempts the audio thread right at the wake-up, a second context switch for both (issue 11).
// No-op where there is no such policy.
void wakeWithoutPreempting();

// True when `stream` is a terminal (then a QR code or a progress line is worth printing).
bool isTerminal(std::FILE *stream);
inline bool isStdoutTerminal()
{
    return isTerminal(stdout);
}

// Hands heap memory that the allocator holds free back to the system. A long run with many
// short-lived clients fragments the heap: glibc keeps freed chunks inside its arenas, so RSS creeps
// up while the live heap stays flat (bench/soak: +1.2 MB after 25,000 client sessions with 4-5 MB
// live; malloc_trim gave back 3 MB). No-op where the allocator returns such memory by itself.
void releaseFreeHeap();

// Lets the pages of the program's own files go that only start-up needed. A console run keeps about
// 9 MB of library and program pages resident that it touched once and never again: the dynamic
// linker's symbol and relocation tables, FFTW's planner registering every codelet it has, Qt's and
// libpulse's initialisation, option parsing (bench/rss, issue 11). Linux: madvise(MADV_PAGEOUT) on
// every private, read-only, file-backed mapping that holds no page the process wrote (so nothing is
// ever swapped); the kernel skips pages other processes map, and what the program still uses comes
// back on first touch, once (a few dozen page faults). Returns the bytes advised, or -1 where there
// is no such call (then nothing happened).
qint64 releaseStartupPages();

// True when a GUI can be shown: a display server to talk to, or a platform forced by the user.
bool haveDisplay();

// Picks Qt's platform plugin for the desktop before QApplication exists, and returns a sentence
// for the log saying which and why. In a Wayland session with XWayland (WAYLAND_DISPLAY and DISPLAY
// both set) it is xcb: Wayland lets no client keep a window on top, place it, or reserve a screen
// edge for the docked strip, and XWayland does. QT_QPA_PLATFORM set by the user always wins.
QString chooseGuiPlatform();

// Replaces this process with the console helper (spectray-cli, built on Linux only), run with the
// same argv: the same PID, but a program image without the GUI libraries. The helper is looked for
// next to this executable, then in the installed libexec directory. Returns only when it did not
// happen, with the reason for the log: no helper in this build or on disk, exec failed, or the
// environment variable SPECTRAY_NO_REEXEC is set (for debugging the console modes in-process).
QString execConsoleHelper(char **argv);

// Gives the process the short name of `argv0` (what `pgrep -x`, `top` and `kill %` see), so the
// helper started by spectray is still called "spectray". No-op where there is no such name.
void nameProcess(const char *argv0);

} // namespace spectray::platform
