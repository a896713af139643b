#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace spectray::net {

// Everything the stream server needs to know before listen(). Built from Settings by
// serverOptionsFrom() (netsettings.h) and overridden by --bind/--port; tests fill it directly.
struct ServerOptions
{
    QHostAddress bindAddress = QHostAddress::Any; // Any = all interfaces (IPv4 and IPv6)
    quint16 port = 8737;                          // 0 = let the OS pick (tests)
    QString token;                                // 32 hex digits; required from non-loopback peers
    bool requireTokenOnLoopback = false;
    QStringList allowedOrigins;                   // exact "scheme://host[:port]" strings
    int maxClients = 32;

    // Limits. The defaults are meant for real use; tests shorten the timeouts.
    int maxHeaderBytes = 8192;
    int headerTimeoutMs = 5000;
    int maxPendingHttp = 256;           // connections still sending their request head
    int maxIncomingMessageBytes = 4096; // larger client messages are closed with 1009
    int garbageLimit = 5;               // consecutive bad messages before a 1008 close
    qint64 backlogBytes = 64 * 1024;    // unsent bytes past which a client skips frames
    qint64 hardBacklogBytes = 1024 * 1024; // unsent bytes past which a client is dropped at once
    int socketSendBufferBytes = 64 * 1024; // kernel send buffer per client (bounds memory, 0 = OS)
    int stallTimeoutMs = 10000;         // continuously over backlogBytes this long: dropped
    int pingIntervalMs = 5000;          // WebSocket pings
    int peerTimeoutMs = 20000;          // no pong nor message this long: dropped
    int lockoutFailures = 5;            // bad tokens from one address within lockoutWindowMs ...
    int lockoutWindowMs = 60000;
    int lockoutMs = 60000;              // ... lock that address out this long
    QStringList allowedHosts;
};

} // namespace spectray::net
