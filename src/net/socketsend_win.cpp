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

// Winsock's documented way to a second descriptor of a socket, also within one process.
qintptr duplicateSocket(qintptr descriptor)
{
    WSAPROTOCOL_INFOW info;
    if (::WSADuplicateSocketW(SOCKET(descriptor), ::GetCurrentProcessId(), &info) != 0)
        return -1;
    const SOCKET copy = ::WSASocketW(info.iAddressFamily, info.iSocketType, info.iProtocol, &info, 0, 0);
    return copy == INVALID_SOCKET ? -1 : qintptr(copy);
}

void closeDuplicate(qintptr descriptor)
{
    if (descriptor != -1)
        ::closesocket(SOCKET(descriptor));
}

} // namespace spectray::net
