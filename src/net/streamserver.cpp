#include "streamserver.h"

#include "httpfront.h"
#include "httprequest.h"
#include "netsettings.h"
#include "binaryframe.h"
#include "core/wireformat.h"

#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtEndian>

#include <cstring>

namespace spectray::net {

namespace {
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}
} // namespace

StreamServer::StreamServer(QObject *parent)
    : QObject(parent)
    , m_front(new HttpFront(this))
    , m_wsServer(new QWebSocketServer(QStringLiteral("Spectray"), QWebSocketServer::NonSecureMode, this))
    , m_pingTimer(new QTimer(this))
    , m_fanout([this] { QMetaObject::invokeMethod(this, &StreamServer::onFanoutWork, Qt::QueuedConnection); })
{
    m_clock.start();
    connect(m_front, &HttpFront::upgradeReady, this, &StreamServer::onUpgradeReady);
    connect(m_wsServer, &QWebSocketServer::newConnection, this, &StreamServer::onNewWebSocket);
    connect(m_pingTimer, &QTimer::timeout, this, &StreamServer::onPingTimer);
    m_front->setApiInfo([this] { return infoJson(); });
    m_front->setAdmission([this](QTcpSocket *socket, const HttpRequestHead &head) -> HttpFront::Refusal {
        const QString token = head.query.queryItemValue(QStringLiteral("t"), QUrl::FullyDecoded);
        const auto verdict = m_guard.check(socket->peerAddress(), token, QString::fromUtf8(head.header("origin")),
                                           QString::fromUtf8(head.header("host")), m_clock.elapsed());
        switch (verdict) {
        case AccessGuard::Verdict::LockedOut:
            return {429, tr("Too many failed attempts from this address; try again later.").toUtf8()};
        case AccessGuard::Verdict::BadOrigin:
            return {403, tr("This page's origin may not connect.").toUtf8()};
        case AccessGuard::Verdict::BadToken:
            qCInfo(lcNet).noquote() << "Refused" << socket->peerAddress().toString() << ": missing or wrong token";
            return {401, tr("Missing or wrong access token: open the URL Spectray prints, with its #t=... part.").toUtf8()};
        case AccessGuard::Verdict::Allowed:
            break;
        }
        if (clientCount() + handshakingCount() >= m_options.maxClients)
            return {503, tr("Server full: at most %1 clients.").arg(m_options.maxClients).toUtf8()};
        m_handshakeUsedToken.insert(peerKey(socket->peerAddress(), socket->peerPort()), !token.isEmpty());
        return {};
    });
}

StreamServer::~StreamServer()
{
    close(true);
}

bool StreamServer::listen(const ServerOptions &options, QString *error)
{
    m_options = options;
    m_guard.setConfig({options.token, options.requireTokenOnLoopback, options.allowedOrigins,
                       options.lockoutFailures, options.lockoutWindowMs, options.lockoutMs});
    HttpFront::Limits limits;
    limits.maxHeaderBytes = options.maxHeaderBytes;
    limits.headerTimeoutMs = options.headerTimeoutMs;
    limits.maxPending = options.maxPendingHttp;
    // One machine may hold every client slot (many tabs, or NAT) and still open new requests.
    limits.maxConnectionsPerAddress = std::max(limits.maxConnectionsPerAddress,
                                               options.maxClients + limits.maxPendingPerAddress);
    m_front->setLimits(limits);
    m_front->setAllowedHosts(options.allowedHosts);
    m_wsServer->setHandshakeTimeout(std::chrono::milliseconds(options.headerTimeoutMs));
    m_fanout.setLimits({options.backlogBytes, options.hardBacklogBytes, options.stallTimeoutMs});
    if (!m_front->listen(options.bindAddress, options.port, error))
        return false;
    m_pingTimer->start(options.pingIntervalMs);
    qCInfo(lcNet).noquote() << "Listening on" << options.bindAddress.toString() << "port" << port();
    return true;
}

void StreamServer::close(bool goingAway)
{
    m_pingTimer->stop();
    m_front->close();
    const auto code = goingAway ? QWebSocketProtocol::CloseCodeGoingAway : QWebSocketProtocol::CloseCodeNormal;
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *ws : sockets) {
        closeClient(ws, code, tr("Spectray is shutting down."));
        removeClient(ws);
    }
}

bool StreamServer::isListening() const
{
    return m_front->isListening();
}

quint16 StreamServer::port() const
{
    return m_front->port();
}

QList<QUrl> StreamServer::clientUrls() const
{
    QList<QHostAddress> hosts;
    const QHostAddress bind = m_options.bindAddress;
    const bool any = bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4 || bind == QHostAddress::AnyIPv6;
    if (any || AccessGuard::isLoopback(bind))
        hosts << QHostAddress(QHostAddress::LocalHost);
    if (any) {
        for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
                hosts << a;
        }
    } else if (!AccessGuard::isLoopback(bind)) {
        hosts << bind;
    }
    QList<QUrl> urls;
    for (const QHostAddress &h : hosts) {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(h.toString());
        url.setPort(port());
        url.setPath(QStringLiteral("/"));
        url.setFragment(QStringLiteral("t=") + m_options.token);
        urls << url;
    }
    return urls;
}

void StreamServer::regenerateToken()
{
    m_options.token = generateToken();
    m_guard.setToken(m_options.token);
    QList<QWebSocket *> stale;
    for (const Client &c : m_clients) {
        if (c.usedToken)
            stale << c.ws;
    }
    for (QWebSocket *ws : stale) {
        closeClient(ws, QWebSocketProtocol::CloseCodePolicyViolated, tr("The access token was changed."));
        removeClient(ws);
    }
    emit tokenChanged(m_options.token);
}

StreamServer::Stats StreamServer::stats() const
{
    const FrameFanout::Counters c = m_fanout.counters();
    return {c.framesPublished, c.framesSent, c.framesSkipped, m_clientsDropped, c.bufferedBytes, c.maxBufferedBytes};
}

int StreamServer::handshakingCount()
{
    for (auto it = m_handshaking.begin(); it != m_handshaking.end();)
        it = it->isNull() ? m_handshaking.erase(it) : std::next(it);
    // Failed handshakes never reach onNewWebSocket: forget their bookkeeping here.
    for (auto it = m_handshakeUsedToken.begin(); it != m_handshakeUsedToken.end();)
        it = m_handshaking.contains(it.key()) ? std::next(it) : m_handshakeUsedToken.erase(it);
    return int(m_handshaking.size());
}

void StreamServer::onUpgradeReady(QTcpSocket *socket)
{
    m_handshaking.insert(peerKey(socket->peerAddress(), socket->peerPort()), socket);

    // A fixed kernel buffer (no autotuning to megabytes) keeps per-client memory small and lets a
    // stalled reader show up as a Qt-side backlog quickly.
    if (m_options.socketSendBufferBytes > 0)
        socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, m_options.socketSendBufferBytes);
    m_wsServer->handleConnection(socket);
}

void StreamServer::onNewWebSocket()
{
    while (QWebSocket *ws = m_wsServer->nextPendingConnection()) {
        const QString key = peerKey(ws->peerAddress(), ws->peerPort());
        Client c;
        c.ws = ws;
        c.tcp = m_handshaking.take(key);
        if (!c.tcp)
            c.tcp = ws->findChild<QTcpSocket *>();
        c.usedToken = m_handshakeUsedToken.take(key);
        // QWebSocket does not delete the socket it was upgraded from: without this every
        // connection left a closed QTcpSocket behind (memory, and HttpFront's per-address count).
        if (c.tcp)
            connect(c.tcp, &QAbstractSocket::disconnected, c.tcp, &QObject::deleteLater);
        // The handshake's answer, which Qt wrote, leaves first: on a fresh socket the kernel takes
        // it whole, and from here on only the fanout writes.
        if (c.tcp)
            c.tcp->flush();
        c.out = c.tcp && c.tcp->bytesToWrite() == 0 ? m_fanout.add(c.tcp->socketDescriptor()) : nullptr;
        if (!c.out) {
            // Not reachable short of a full socket buffer or no file descriptors left.
            qCWarning(lcNet).noquote() << "Refused" << ws->peerAddress().toString() << ": cannot write to its socket";
            ws->abort();
            ws->deleteLater();
            continue;
        }
        c.writable = new QSocketNotifier(m_fanout.descriptor(c.out), QSocketNotifier::Write, ws);
        c.writable->setEnabled(false);
        connect(c.writable, &QSocketNotifier::activated, this, [this, ws] {
            const auto it = m_clients.find(ws);
            if (it != m_clients.end())
                it->writable->setEnabled(m_fanout.flush(it->out));
        });
        c.lastSeenMs = m_clock.elapsed();
        c.reader = WsFrameReader(m_options.maxIncomingMessageBytes);
        connect(ws, &QWebSocket::disconnected, this, [this, ws] { removeClient(ws); });
        takeOverReading(*m_clients.insert(ws, c));
        sendText(ws, helloJson(c));
        qCInfo(lcNet).noquote() << "Client connected from" << ws->peerAddress().toString() << "-" << m_clients.size() << "clients";
        emit clientCountChanged(clientCount());
    }
}

// Qt 6.4's QWebSocket accepts unmasked frames and rejects UTF-8 split across fragments: its
// reading slot is cut off and WsFrameReader reads instead. It writes only the close frame
// (closeClient), once the fanout has stopped writing; everything else goes through the fanout.
void StreamServer::takeOverReading(Client &client)
{
    QObject::disconnect(client.tcp, &QIODevice::readyRead, client.ws, nullptr);
    QWebSocket *ws = client.ws;
    connect(client.tcp, &QIODevice::readyRead, this, [this, ws] { onClientBytes(ws); });
    if (client.tcp->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, [this, ws] { onClientBytes(ws); }, Qt::QueuedConnection);
}

void StreamServer::onClientBytes(QWebSocket *ws)
{
    const auto it = m_clients.find(ws);
    if (it == m_clients.end() || !it->tcp)
        return;
    QList<WsFrameReader::Event> events;
    it->reader.feed(it->tcp->readAll(), events);
    for (const WsFrameReader::Event &e : std::as_const(events)) {
        const auto c = m_clients.find(ws); // a handler may have removed the client
        if (c == m_clients.end())
            return;
        switch (e.kind) {
        case WsFrameReader::Event::Kind::Text:
            onText(ws, QString::fromUtf8(e.payload));
            break;
        case WsFrameReader::Event::Kind::Binary:
            onGarbage(*c, "binary_not_accepted", tr("Binary messages are not accepted; send JSON text."));
            break;
        case WsFrameReader::Event::Kind::Ping: {
            QByteArray pong;
            buildWsFrame(0xA, e.payload, pong);
            writeTo(*c, pong);
            c->lastSeenMs = m_clock.elapsed();
            break;
        }
        case WsFrameReader::Event::Kind::Pong:
            c->lastSeenMs = m_clock.elapsed();
            break;
        case WsFrameReader::Event::Kind::Close:
            // Echo the peer's code (RFC 6455 5.5.1); QWebSocket sends the frame and closes.
            closeClient(ws, e.code == 1005 ? QWebSocketProtocol::CloseCodeNormal : QWebSocketProtocol::CloseCode(e.code));
            return;
        case WsFrameReader::Event::Kind::Error:
            closeClient(ws, QWebSocketProtocol::CloseCode(e.code), QString::fromLatin1(e.payload));
            return;
        }
    }
}

void StreamServer::removeClient(QWebSocket *ws)
{
    const auto it = m_clients.find(ws);
    if (it == m_clients.end())
        return;
    m_fanout.remove(it->out);
    // Off before the fanout's descriptor closes with the last reference, below: a notifier left on
    // would poll a closed (or reused) number until the deferred delete.
    it->writable->setEnabled(false);
    m_clients.erase(it);
    ws->disconnect(this);
    ws->deleteLater(); // and with it the write notifier
    emit clientCountChanged(clientCount());
}

void StreamServer::closeClient(QWebSocket *ws, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    const auto it = m_clients.find(ws);
    if (it == m_clients.end() || m_fanout.remove(it->out))
        ws->close(code, reason); // the stream is between messages: the close frame may follow
    else
        ws->abort(); // part of a frame is unsent: a close frame now would corrupt the stream
}

void StreamServer::drop(QWebSocket *ws)
{
    ++m_clientsDropped;
    qCInfo(lcNet).noquote() << "Dropping client" << ws->peerAddress().toString() << "(stalled or not answering)";
    removeClient(ws); // the fanout lets go of it first; the object itself is deleted later
    ws->abort();
}

void StreamServer::writeTo(Client &client, QByteArrayView bytes)
{
    if (m_fanout.write(client.out, bytes))
        client.writable->setEnabled(true);
}

void StreamServer::onFanoutWork()
{
    for (Client &c : m_clients) {
        if (m_fanout.wantsDrop(c.out))
            m_toDrop << c.ws;
        else if (m_fanout.wantsFlush(c.out))
            c.writable->setEnabled(true);
    }
    const QList<QWebSocket *> dropping = std::exchange(m_toDrop, {});
    for (QWebSocket *ws : dropping)
        drop(ws);
}

void StreamServer::publishFrame(const SpectrumFrame &frame)
{
    m_fanout.publish(frame);
}

void StreamServer::onPingTimer()
{
    const qint64 now = m_clock.elapsed();
    QByteArray ping;
    buildWsFrame(0x9, {}, ping);
    for (Client &c : m_clients) {
        if (now - c.lastSeenMs > m_options.peerTimeoutMs)
            m_toDrop << c.ws;
        else
            writeTo(c, ping);
    }
    const QList<QWebSocket *> dropping = std::exchange(m_toDrop, {});
    for (QWebSocket *ws : dropping)
        drop(ws);
}

} // namespace spectray::net
