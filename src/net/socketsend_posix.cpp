#include "socketsend.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace spectray::net {

qint64 sendNow(qintptr descriptor, const char *data, qint64 size)
{
    for (;;) {
        // MSG_NOSIGNAL: a peer that went away is an error to return, not a SIGPIPE.
        const ssize_t n = ::send(int(descriptor), data, std::size_t(size), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n >= 0)
            return qint64(n);
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
    }
}

qintptr duplicateSocket(qintptr descriptor)
{
    // Close-on-exec like Qt's own: a helper the app starts must not keep a client connected.
    return qintptr(::fcntl(int(descriptor), F_DUPFD_CLOEXEC, 0));
}

void closeDuplicate(qintptr descriptor)
{
    if (descriptor != -1)
        ::close(int(descriptor));
}

bool duplicatesAllowAnyThread()
{
    return true;
}

} // namespace spectray::net
