#include "httpfront.h"

#include "webassets.h"
#include "webi18n.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace spectray::net {

namespace {
constexpr int kLingerMs = 5000; // a refused peer that will not read its answer is cut off after this
const QByteArray kText = "text/plain; charset=utf-8";

QByteArray trBytes(const char *text)
{
    return QCoreApplication::translate("spectray::net::HttpFront", text).toUtf8() + '\n';
}
} // namespace

HttpFront::HttpFront(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpFront::onNewConnection);
}

HttpFront::~HttpFront() = default;

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
    const QSet<QTcpSocket *> pending = m_pending;
    m_pending.clear();
    for (QTcpSocket *s : pending) {
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

void HttpFront::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_pending.size() >= m_limits.maxPending) {
            // A flood of half-open requests must not grow memory: drop the newest at once.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_pending.insert(socket);
        // Qt stops reading from the kernel once this much is buffered: a peer cannot make us hold
        // more than one header's worth of bytes.
        socket->setReadBufferSize(m_limits.maxHeaderBytes + 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            socket->deleteLater();
        });
        QTimer::singleShot(m_limits.headerTimeoutMs, socket, [self = QPointer<HttpFront>(this), socket] {
            if (self && self->m_pending.contains(socket))
                self->respond(socket, httpResponse(408, kText, trBytes("Request header not received in time."), false));
        });
        if (socket->bytesAvailable() > 0)
            onReadable(socket);
    }
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

void HttpFront::serve(QTcpSocket *socket, const HttpRequestHead &head)
{
    const bool isHead = head.method == "HEAD";
    if (head.method != "GET" && !isHead) {
        respond(socket, httpResponse(405, kText, trBytes("Only GET and HEAD are served."), false,
                                     "Allow: GET, HEAD\r\n"));
        return;
    }
    if (head.path == "/ws") {
        if (!head.isWebSocketUpgrade() || isHead) {
            respond(socket, httpResponse(426, kText, trBytes("WebSocket only."), isHead, "Upgrade: websocket\r\n"));
            return;
        }
        const Refusal refusal = m_admit ? m_admit(socket, head) : Refusal{};
        if (refusal.status != 0) {
            respond(socket, httpResponse(refusal.status, kText, refusal.reason + '\n', false));
            return;
        }
        // Hand over with the handshake unread: QWebSocketServer re-reads it from the socket.
        m_pending.remove(socket);
        socket->disconnect(this);
        socket->setReadBufferSize(0);
        emit upgradeReady(socket);
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
    respond(socket, httpResponse(200, asset.contentType, asset.body, isHead));
}

void HttpFront::respond(QTcpSocket *socket, const QByteArray &response)
{
    // Answered: from here on incoming bytes are discarded (closing with unread data would reset
    // the connection and could lose the answer), and the socket goes once it is written.
    m_pending.remove(socket);
    socket->disconnect(this);
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->readAll();
    socket->write(response);
    socket->disconnectFromHost();
    QTimer::singleShot(kLingerMs, socket, [socket] { socket->abort(); });
}

} // namespace spectray::net
