#include "socketsend.h"

#include <QByteArray>
#include <QTcpSocket>

#include <algorithm>

namespace spectray::net {

void writeNow(QTcpSocket &socket, const QByteArray &bytes)
{
    qint64 sent = 0;
    const qintptr fd = socket.socketDescriptor();
    if (fd != -1 && socket.bytesToWrite() == 0)
        sent = std::max<qint64>(sendNow(fd, bytes.constData(), bytes.size()), 0);
    if (sent < bytes.size()) {
        socket.write(bytes.constData() + sent, bytes.size() - sent);
        socket.flush();
    }
}

} // namespace spectray::net
