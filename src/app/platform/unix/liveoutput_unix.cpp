// POSIX side of platform.h for the console modes' live output: NoWaitWriter (stdout writes that
// never wait for the reader) and wakeWithoutPreempting (the main thread's scheduling).
#include "app/platform/platform.h"

#include <cerrno>
#include <poll.h>
#include <sched.h>
#include <sys/uio.h>
#include <unistd.h>

namespace spectray::platform {

namespace {

// -1 with errno set, as write() does.
ssize_t writeNoWait(int fd, const char *data, qint64 size, bool &pollFirst)
{
#if defined(RWF_NOWAIT)
    if (!pollFirst) {
        // Not O_NONBLOCK on the descriptor: that flag belongs to the open file, which stdout shares
        // with the shell or whoever else holds it, and would make their writes fail too.
        iovec part { const_cast<char *>(data), std::size_t(size) };
        const ssize_t n = ::pwritev2(fd, &part, 1, -1, RWF_NOWAIT);
        if (n >= 0 || (errno != EOPNOTSUPP && errno != EINVAL && errno != ENOSYS))
            return n;
        pollFirst = true; // a regular file or a terminal: asked once, not per line
    }
#else
    pollFirst = true;
#endif
    pollfd p { fd, POLLOUT, 0 };
    const int ready = ::poll(&p, 1, 0);
    if (ready <= 0) {
        if (ready == 0)
            errno = EAGAIN;
        return -1;
    }
    return ::write(fd, data, std::size_t(size)); // POLLERR/POLLHUP: the write says which error
}

} // namespace

qint64 NoWaitWriter::write(const char *data, qint64 size)
{
    for (;;) {
        const ssize_t n = writeNoWait(m_fd, data, size, m_pollFirst);
        if (n >= 0)
            return qint64(n);
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
    }
}

void wakeWithoutPreempting()
{
#if defined(SCHED_BATCH)
    // Linux's fair scheduler lets a woken SCHED_BATCH thread wait for the next tick or for the
    // running one to sleep, instead of preempting it: the audio thread finishes its packet first.
    const sched_param normal {};
    ::sched_setscheduler(0, SCHED_BATCH, &normal); // failure only costs the extra switch
#endif
}

int stdoutDescriptor()
{
    return STDOUT_FILENO;
}

} // namespace spectray::platform
