#include "httpfront.h"

#include "webassets.h"
#include "webi18n.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace spectray::net {

namespace {
constexpr int kLingerMs = 5000;     // a refused peer that will not read its answer is cut off after this
constexpr int kSweepMs = 100;       // how often unfinished request heads are checked for timeouts
constexpr int kHostsRefreshMs = 2000; // an unknown Host re-reads the interfaces at most this often
// The kernel's queue of connections not yet accepted. Qt's default (50) fills up under a flood of
// reconnecting slow peers, and a clean client's SYN is then dropped and retried only after 1 s.
// Linux caps it at net.core.somaxconn (4096 on current kernels).
constexpr int kListenBacklog = 1024;
const QByteArray kText = "text/plain; charset=utf-8";

QByteArray trBytes(const char *text)
{
    return QCoreApplication::translate("spectray::net::HttpFront", text).toUtf8() + '\n';
}

// RFC 6455 4.1: the key is 16 random bytes in base64, i.e. exactly 24 characters.
bool validWebSocketKey(const QByteArray &key)
{
    if (key.size() != 24)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && decoded.decoded.size() == 16;
}

bool hasToken(const QByteArray &headerValue, const QByteArray &token)
{
    for (const QByteArray &part : headerValue.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Why a WebSocket handshake is not one we can answer with 101, or nothing when it is.
const char *handshakeProblem(const HttpRequestHead &head)
{
    if (head.version == "HTTP/1.0")
        return QT_TRANSLATE_NOOP("spectray::net::HttpFront", "WebSocket needs HTTP/1.1.");
    if (head.header("host").isEmpty())
        return QT_TRANSLATE_NOOP("spectray::net::HttpFront", "Missing Host header.");
    if (!hasToken(head.header("connection"), "upgrade"))
        return QT_TRANSLATE_NOOP("spectray::net::HttpFront", "Missing \"Connection: Upgrade\".");
    if (!validWebSocketKey(head.header("sec-websocket-key")))
        return QT_TRANSLATE_NOOP("spectray::net::HttpFront",
                                 "Sec-WebSocket-Key must be 16 bytes in base64.");
    return nullptr;
}
} // namespace

HttpFront::HttpFront(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_sweep(new QTimer(this))
{
    m_clock.start();
    connect(m_server, &QTcpServer::newConnection, this, &HttpFront::onNewConnection);
    m_server->setListenBacklogSize(kListenBacklog);
    // Accepted but not yet taken by onNewConnection(); it takes them all at once anyway.
    m_server->setMaxPendingConnections(kListenBacklog);
    m_sweep->setInterval(kSweepMs);
    connect(m_sweep, &QTimer::timeout, this, &HttpFront::onSweep);
}

HttpFront::~HttpFront() = default;

void HttpFront::setAllowedHosts(const QStringList &hosts)
{
    m_allowedHosts = hosts;
    m_hostsReadMs = -1; // read the interfaces again on the next request
}

bool HttpFront::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error) {
        const QString why = m_server->serverError() == QAbstractSocket::AddressInUseError
                                ? tr("it is already in use by another program")
                                : m_server->errorString();
        *error = tr("Cannot listen on port %1 (%2): %3. Choose another port with --port N or in "
                    "Settings > LAN server.")
                     .arg(port)
                     .arg(address.toString(), why);
    }
    return false;
}

void HttpFront::close()
{
    m_server->close();
    m_sweep->stop();
    const QList<QTcpSocket *> pending = m_pending.keys();
    for (QTcpSocket *s : pending) {
        forget(s);
        s->abort();
        s->deleteLater();
    }
}

bool HttpFront::isListening() const
{
    return m_server->isListening();
}

quint16 HttpFront::port() const
{
    return m_server->serverPort();
}

// Room for one more unfinished head from `address`, or false. When the server is full, the oldest
// head of the address holding the most slots gives way, so a flood from a few addresses cannot
// starve a client that has only one connection.
bool HttpFront::makeRoomFor(const QString &address)
{
    if (m_openByAddress.value(address) >= m_limits.maxConnectionsPerAddress)
        return false;
    if (m_pendingByAddress.value(address).size() >= m_limits.maxPendingPerAddress)
        return false;
    if (m_pending.size() < m_limits.maxPending)
        return true;
    const QString *greedy = nullptr;
    qsizetype most = m_pendingByAddress.value(address).size() + 1;
    for (auto it = m_pendingByAddress.cbegin(); it != m_pendingByAddress.cend(); ++it) {
        if (it->size() > most) {
            most = it->size();
            greedy = &it.key();
        }
    }
    if (!greedy)
        return false;
    QTcpSocket *victim = m_pendingByAddress.value(*greedy).first();
    forget(victim);
    victim->abort();
    victim->deleteLater();
    return true;
}

void HttpFront::track(QTcpSocket *socket, const QString &address)
{
    m_pending.insert(socket, {address, m_clock.elapsed()});
    m_pendingByAddress[address].append(socket);
    ++m_openByAddress[address];
    // Counted until the socket is gone, whoever owns it by then (a QWebSocket after an upgrade).
    // Through a child object: QWebSocketServer drops every connection of the socket's own
    // signals during the handshake, a child's destroyed() it cannot touch.
    auto *lifetime = new QObject(socket);
    connect(lifetime, &QObject::destroyed, this, [this, address] {
        const auto it = m_openByAddress.find(address);
        if (it != m_openByAddress.end() && --*it <= 0)
            m_openByAddress.erase(it);
    });
    if (!m_sweep->isActive())
        m_sweep->start();
}

void HttpFront::forget(QTcpSocket *socket)
{
    const auto it = m_pending.find(socket);
    if (it == m_pending.end())
        return;
    const auto list = m_pendingByAddress.find(it->address);
    if (list != m_pendingByAddress.end()) {
        list->removeOne(socket);
        if (list->isEmpty())
            m_pendingByAddress.erase(list);
    }
    m_pending.erase(it);
}

void HttpFront::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const QString address = socket->peerAddress().toString();
        if (!makeRoomFor(address)) {
            // Refused without an answer: writing one would let a flood make us buffer output.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        track(socket, address);
        // Qt stops reading from the kernel once this much is buffered: a peer cannot make us hold
        // more than one header's worth of bytes.
        socket->setReadBufferSize(m_limits.maxHeaderBytes + 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            forget(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadable(socket);
    }
}

void HttpFront::onSweep()
{
    if (m_pending.isEmpty()) {
        m_sweep->stop();
        return;
    }
    // Under pressure every unfinished head gets the short timeout, old ones included.
    const bool busy = m_pending.size() * 2 > m_limits.maxPending;
    const qint64 limit = busy ? std::min(m_limits.busyHeaderTimeoutMs, m_limits.headerTimeoutMs)
                              : m_limits.headerTimeoutMs;
    const qint64 now = m_clock.elapsed();
    QList<QTcpSocket *> late;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (now - it->sinceMs >= limit)
            late << it.key();
    }
    for (QTcpSocket *socket : late)
        respond(socket, httpResponse(408, kText, trBytes("Request header not received in time."), false));
}

void HttpFront::onReadable(QTcpSocket *socket)
{
    if (!m_pending.contains(socket))
        return;
    HttpRequestHead head;
    const QByteArray seen = socket->peek(m_limits.maxHeaderBytes + 1);
    switch (parseRequestHead(seen, m_limits.maxHeaderBytes, &head)) {
    case HeadStatus::Incomplete:
        return;
    case HeadStatus::TooLarge:
        respond(socket, httpResponse(431, kText, trBytes("Request header too large."), false));
        return;
    case HeadStatus::Malformed:
        respond(socket, httpResponse(400, kText, trBytes("Malformed request."), false));
        return;
    case HeadStatus::Complete:
        serve(socket, head);
        return;
    }
}

bool HttpFront::hostAllowed(const QByteArray &host)
{
    const qint64 now = m_clock.elapsed();
    if (m_hostsReadMs < 0) {
        m_hosts.setConfig(HostCheck::localConfig(m_allowedHosts));
        m_hostsReadMs = now;
    }
    if (m_hosts.allows(host))
        return true;
    // The machine may have gained an address since (DHCP, a VPN): look again, but not per request.
    if (now - m_hostsReadMs < kHostsRefreshMs)
        return false;
    m_hosts.setConfig(HostCheck::localConfig(m_allowedHosts));
    m_hostsReadMs = now;
    return m_hosts.allows(host);
}

void HttpFront::serve(QTcpSocket *socket, const HttpRequestHead &head)
{
    const bool isHead = head.method == "HEAD";
    if (head.method != "GET" && !isHead) {
        respond(socket, httpResponse(405, kText, trBytes("Only GET and HEAD are served."), false,
                                     "Allow: GET, HEAD\r\n"));
        return;
    }
    if (head.path == "/ws" && head.isWebSocketUpgrade() && !isHead) {
        serveUpgrade(socket, head);
        return;
    }
    // Browsers always send Host, so a request without one is no DNS-rebinding page; any Host it
    // does send must be ours before a single byte of content goes out.
    const QByteArray host = head.header("host");
    if (!host.isEmpty() && !hostAllowed(host)) {
        respond(socket, httpResponse(421, kText, trBytes("This server does not answer to that host name; add it "
                                                         "to server/allowedHosts to allow it."), isHead));
        return;
    }
    if (head.path == "/ws") {
        respond(socket, httpResponse(426, kText, trBytes("WebSocket only."), isHead, "Upgrade: websocket\r\n"));
        return;
    }
    if (head.path == "/api/info") {
        respond(socket, httpResponse(200, "application/json", m_apiInfo ? m_apiInfo() : QByteArray("{}"), isHead));
        return;
    }
    if (head.path == "/i18n.json") { // the page's strings in the language it asks for
        const QString lang = head.query.queryItemValue(QStringLiteral("lang"));
        respond(socket, httpResponse(200, "application/json", webI18nJson(lang), isHead));
        return;
    }
    const WebAsset asset = webAsset(head.path);
    if (!asset.found) {
        respond(socket, httpResponse(404, kText, trBytes("Not found."), isHead));
        return;
    }
    // Cache-Control: no-cache plus the tag: a reload revalidates (the binary may have been updated)
    // and gets a 304 without the body when nothing changed.
    const QByteArray etagHeader = "ETag: " + asset.etag + "\r\n";
    if (hasToken(head.header("if-none-match"), asset.etag)) { // headOnly: the 200's length, no body
        respond(socket, httpResponse(304, asset.contentType, asset.body, true, etagHeader));
        return;
    }
    respond(socket, httpResponse(200, asset.contentType, asset.body, isHead, etagHeader));
}

// Checked here because QWebSocketServer drops these without an HTTP answer or accepts them.
// Host comes last among the refusals: token and origin answers carry no content either, and
// the stream is never upgraded for a Host that is not ours.
void HttpFront::serveUpgrade(QTcpSocket *socket, const HttpRequestHead &head)
{
    if (const char *problem = handshakeProblem(head)) {
        respond(socket, httpResponse(400, kText, trBytes(problem), false));
        return;
    }
    if (head.header("sec-websocket-version").trimmed() != "13") {
        respond(socket, httpResponse(426, kText, trBytes("Only WebSocket version 13 is supported."), false,
                                     "Sec-WebSocket-Version: 13\r\n"));
        return;
    }
    const Refusal refusal = m_admit ? m_admit(socket, head) : Refusal{};
    if (refusal.status != 0) {
        respond(socket, httpResponse(refusal.status, kText, refusal.reason + '\n', false));
        return;
    }
    if (!hostAllowed(head.header("host"))) {
        respond(socket, httpResponse(421, kText, trBytes("This server does not answer to that host name; add it "
                                                         "to server/allowedHosts to allow it."), false));
        return;
    }
    // Hand over with the handshake unread: QWebSocketServer re-reads it from the socket.
    forget(socket);
    stopListeningTo(socket);
    socket->setReadBufferSize(0);
    emit upgradeReady(socket);
}

// Not socket->disconnect(this): that would also cut the destroyed() connection that keeps the
// per-address count right.
void HttpFront::stopListeningTo(QTcpSocket *socket)
{
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    disconnect(socket, &QTcpSocket::disconnected, this, nullptr);
}

void HttpFront::respond(QTcpSocket *socket, const QByteArray &response)
{
    // Answered: from here on incoming bytes are discarded (closing with unread data would reset
    // the connection and could lose the answer), and the socket goes once it is written.
    forget(socket);
    stopListeningTo(socket);
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->readAll();
    socket->write(response);
    socket->disconnectFromHost();
    QTimer::singleShot(kLingerMs, socket, [socket] { socket->abort(); });
}

} // namespace spectray::net
