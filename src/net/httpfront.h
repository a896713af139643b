#pragma once

#include "net/httprequest.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace spectray::net {

// The one listening port. Reads each request head with bounded size and time, answers GET/HEAD for
// the embedded files and /api/info itself, and hands WebSocket upgrades on /ws that `admit`
// accepts to upgradeReady() with the handshake bytes still unread.
class HttpFront final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFront)

public:
    struct Refusal
    {
        int status = 0;        // 0 = admitted
        QByteArray reason;     // short text body
    };
    struct Limits
    {
        int maxHeaderBytes = 8192;
        int headerTimeoutMs = 5000;
        int maxPending = 64;
    };

    explicit HttpFront(QObject *parent = nullptr);
    ~HttpFront() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    void setApiInfo(std::function<QByteArray()> apiInfo) { m_apiInfo = std::move(apiInfo); }
    void setAdmission(std::function<Refusal(QTcpSocket *, const HttpRequestHead &)> admit)
    {
        m_admit = std::move(admit);
    }

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isListening() const;
    quint16 port() const;
    int pendingCount() const { return int(m_pending.size()); }

signals:
    void upgradeReady(QTcpSocket *socket);

private:
    void onNewConnection();
    void onReadable(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &response);
    void serve(QTcpSocket *socket, const HttpRequestHead &head);

    QTcpServer *m_server = nullptr;
    QSet<QTcpSocket *> m_pending;
    Limits m_limits;
    std::function<QByteArray()> m_apiInfo;
    std::function<Refusal(QTcpSocket *, const HttpRequestHead &)> m_admit;
};

} // namespace spectray::net
