// Win32 side of platform.h. Not built on the Linux CI (no Qt for MinGW in Debian): keep it small
// and read it twice. Console control events arrive on a thread the system creates for the handler.
#include "app/platform/platform.h"

#include <QMetaObject>

#include <cstdio>
#include <io.h>
#include <mutex>
#include <windows.h>

namespace spectray::platform {

namespace {
// Guards g_watcher against the watcher being destroyed while the handler thread posts to it.
std::mutex g_mutex;
TerminationWatcher *g_watcher = nullptr;
HANDLE g_finished = nullptr; // set when the watcher is gone, i.e. the app has shut down

BOOL WINAPI onConsoleControl(DWORD type)
{
    {
        const std::lock_guard lock(g_mutex);
        if (!g_watcher)
            return FALSE; // default action: exit
        // Queued: the signal is emitted on the watcher's thread, never on this one.
        QMetaObject::invokeMethod(g_watcher, &TerminationWatcher::terminationRequested, Qt::QueuedConnection);
    }
    // For a closed console, logoff or shutdown the process ends as soon as this returns (and at the
    // latest after ~5 s): give the orderly shutdown that much time.
    if (type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT)
        WaitForSingleObject(g_finished, 4500);
    return TRUE;
}
} // namespace

struct TerminationWatcher::Impl
{
    bool installed = false;
};

TerminationWatcher::TerminationWatcher(QObject *parent)
    : QObject(parent)
    , m_impl(std::make_unique<Impl>())
{
    const std::lock_guard lock(g_mutex);
    if (g_watcher)
        return; // one watcher at a time, as on Unix
    if (!g_finished)
        g_finished = CreateEventW(nullptr, TRUE, FALSE, nullptr); // manual reset, kept for the process
    else
        ResetEvent(g_finished);
    g_watcher = this;
    m_impl->installed = SetConsoleCtrlHandler(onConsoleControl, TRUE) != 0;
}

TerminationWatcher::~TerminationWatcher()
{
    const std::lock_guard lock(g_mutex);
    if (g_watcher != this)
        return;
    if (m_impl->installed)
        SetConsoleCtrlHandler(onConsoleControl, FALSE);
    g_watcher = nullptr;
    // A handler waiting for a close event may now let the process end. The handle stays open: a
    // handler thread may still be waiting on it.
    if (g_finished)
        SetEvent(g_finished);
}

void ignoreBrokenPipe()
{
    // Windows raises no signal on a broken pipe: the write fails with an error, as wanted.
}

qint64 NoWaitWriter::write(const char *data, qint64 size)
{
    // A console or pipe handle has no "write only if there is room" here; --print-frames on Windows
    // may wait for its reader, as it always did.
    const int n = _write(m_fd, data, unsigned(size));
    return n < 0 ? -1 : qint64(n);
}

void wakeWithoutPreempting()
{
    // Windows' scheduler has no such policy; nothing to ask for.
}

int stdoutDescriptor()
{
    return _fileno(stdout);
}

bool isTerminal(std::FILE *stream)
{
    return _isatty(_fileno(stream)) != 0;
}

void releaseFreeHeap()
{
    // The Windows heap decommits free pages by itself (its decommit threshold), so nothing to do.
}

qint64 releaseStartupPages()
{
    // EmptyWorkingSet would trim private pages too (the heap, the stacks), not only the files'.
    return -1;
}

bool haveDisplay()
{
    return true; // a Windows session always has a desktop
}

QString chooseGuiPlatform()
{
    return {}; // one platform plugin (windows)
}

QString execConsoleHelper(char **)
{
    return QStringLiteral("Windows ships one executable"); // a console child would be a second PID
}

void nameProcess(const char *)
{
}

} // namespace spectray::platform
