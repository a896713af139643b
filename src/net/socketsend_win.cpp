#include "socketsend.h"

#include <winsock2.h>

#include <algorithm>

namespace spectray::net {

qint64 sendNow(qintptr descriptor, const char *data, qint64 size)
{
    // Qt keeps its sockets non-blocking, so send() never waits.
    const int n = ::send(SOCKET(descriptor), data, int(std::min<qint64>(size, 1 << 30)), 0);
    if (n != SOCKET_ERROR)
        return qint64(n);
    return ::WSAGetLastError() == WSAEWOULDBLOCK ? 0 : -1;
}

// Not duplicated (see socketsend.h): the fanout writes Qt's own socket, on the GUI thread only.
qintptr duplicateSocket(qintptr descriptor)
{
    return descriptor;
}

void closeDuplicate(qintptr)
{
}

bool duplicatesAllowAnyThread()
{
    return false;
}

} // namespace spectray::net
