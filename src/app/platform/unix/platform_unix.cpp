// POSIX side of platform.h: the self-pipe trick for termination signals, SIGPIPE, isatty.
#include "app/platform/platform.h"

#include <QSocketNotifier>
#include <QtGlobal>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace spectray::platform {

namespace {
// The handler may only do async-signal-safe work: it writes one byte; the notifier reads it on the
// watcher's thread. A socketpair rather than pipe() because Qt's notifier handles both the same.
int g_pipe[2] = { -1, -1 };

extern "C" void onTerminationSignal(int)
{
    const char byte = 1;
    // If the pipe is full a shutdown is already pending; errno is saved because write may change it.
    const int savedErrno = errno;
    [[maybe_unused]] const auto n = ::write(g_pipe[1], &byte, 1);
    errno = savedErrno;
}
} // namespace

struct TerminationWatcher::Impl
{
    QSocketNotifier *notifier = nullptr;
};

TerminationWatcher::TerminationWatcher(QObject *parent)
    : QObject(parent)
    , m_impl(std::make_unique<Impl>())
{
    if (g_pipe[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pipe) != 0) {
        qWarning("spectray: cannot watch for SIGINT/SIGTERM (a watcher exists already or socketpair failed)");
        return;
    }
    m_impl->notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_impl->notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(g_pipe[0], &byte, 1) == 1)
            emit terminationRequested();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

TerminationWatcher::~TerminationWatcher()
{
    if (!m_impl->notifier)
        return;
    // Back to the default first, so no handler writes into a closed descriptor.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    delete m_impl->notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void ignoreBrokenPipe()
{
    std::signal(SIGPIPE, SIG_IGN);
}

bool isTerminal(std::FILE *stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

bool haveDisplay()
{
#if defined(Q_OS_MACOS)
    return true; // Cocoa needs no display variable
#else
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#endif
}

void releaseFreeHeap()
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

QString chooseGuiPlatform()
{
#if defined(Q_OS_MACOS)
    return {};
#else
    const QString forced = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (!forced.isEmpty())
        return QStringLiteral("GUI platform %1, as QT_QPA_PLATFORM asks").arg(forced);
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    const bool x11 = !qEnvironmentVariableIsEmpty("DISPLAY");
    if (wayland && x11) {
        qputenv("QT_QPA_PLATFORM", "xcb");
        return QStringLiteral("Wayland session: using XWayland (xcb) so the spectrum window can stay on top, keep its "
                              "place and dock to a screen edge; QT_QPA_PLATFORM=wayland runs on Wayland directly");
    }
    if (wayland)
        return QStringLiteral("Wayland session without XWayland: the spectrum window cannot stay on top, keep its "
                              "place or reserve a screen edge (Wayland leaves these to the compositor)");
    return QStringLiteral("X11 session");
#endif
}

} // namespace spectray::platform
