#pragma once

#include "net/hostcheck.h"
#include "net/httprequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace spectray::net {

// The one listening port. Reads each request head with bounded size and time, answers GET/HEAD for
// the embedded files and /api/info itself, and hands WebSocket upgrades on /ws that `admit`
// accepts to upgradeReady() with the handshake bytes still unread.
// Slow or flooding peers are contained per address (see Limits), so one address cannot use up
// the slots other clients need.
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
        int maxPending = 64;             // request heads in progress, all addresses
        int maxPendingPerAddress = 8;    // ... from one address
        int maxConnectionsPerAddress = 64; // every open connection from one address
        int busyHeaderTimeoutMs = 1000;  // the head timeout while over half of maxPending
    };

    explicit HttpFront(QObject *parent = nullptr);
    ~HttpFront() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    void setApiInfo(std::function<QByteArray()> apiInfo) { m_apiInfo = std::move(apiInfo); }
    void setAdmission(std::function<Refusal(QTcpSocket *, const HttpRequestHead &)> admit)
    {
        m_admit = std::move(admit);
    }
    // Names beyond the machine's own this server answers to (server/allowedHosts).
    void setAllowedHosts(const QStringList &hosts);

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isListening() const;
    quint16 port() const;
    int pendingCount() const { return int(m_pending.size()); }

signals:
    void upgradeReady(QTcpSocket *socket);

private:
    struct Pending
    {
        QString address;
        qint64 sinceMs = 0;
    };

    void onNewConnection();
    bool makeRoomFor(const QString &address);
    void track(QTcpSocket *socket, const QString &address);
    void forget(QTcpSocket *socket);
    void onReadable(QTcpSocket *socket);
    void onSweep();
    void stopListeningTo(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &response);
    void serve(QTcpSocket *socket, const HttpRequestHead &head);
    void serveUpgrade(QTcpSocket *socket, const HttpRequestHead &head);
    bool hostAllowed(const QByteArray &host);

    QTcpServer *m_server = nullptr;
    QTimer *m_sweep = nullptr;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, Pending> m_pending;
    QHash<QString, QList<QTcpSocket *>> m_pendingByAddress; // oldest first
    QHash<QString, int> m_openByAddress;                    // every live socket we accepted
    Limits m_limits;
    HostCheck m_hosts;
    QStringList m_allowedHosts;
    qint64 m_hostsReadMs = -1;
    std::function<QByteArray()> m_apiInfo;
    std::function<Refusal(QTcpSocket *, const HttpRequestHead &)> m_admit;
};

} // namespace spectray::net
