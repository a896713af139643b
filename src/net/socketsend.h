#pragma once

#include <QtGlobal>

class QByteArray;
class QTcpSocket;

namespace spectray::net {

// Writes a whole WebSocket frame to a client's socket and hands it to the kernel now: one send()
// per client-frame. With nothing of Qt's own waiting on the socket the bytes go straight to the
// descriptor; what the kernel does not take, or anything queued behind bytes Qt still holds (a
// control frame QWebSocket wrote, an earlier remainder), goes through the socket's buffer, in order.
// Why not QTcpSocket::write alone: Qt arms and disarms the socket's write notifier around every
// buffered write, and registering it with the event dispatcher allocates, per client and frame.
void writeNow(QTcpSocket &socket, const QByteArray &bytes);

// One non-blocking send() on a connected TCP socket's descriptor: the bytes the kernel took (0 when
// its buffer is full), or -1 on an error (left for Qt to find and report). One file per platform.
qint64 sendNow(qintptr descriptor, const char *data, qint64 size);

} // namespace spectray::net
