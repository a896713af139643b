#pragma once

#include "net/accessguard.h"
#include "net/framefanout.h"
#include "net/serveroptions.h"
#include "net/wsframereader.h"

#include "core/bandlayout.h"
#include "core/enginestatus.h"
#include "core/spectrumframe.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QWebSocketProtocol>

class QSocketNotifier;
class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace spectray::net {

class HttpFront;
struct HttpRequestHead;

inline constexpr int kProtocolVersion = 1;

// The LAN server: one port for the web client (HTTP) and the frame stream (WebSocket at /ws).
// It never sees the engine: the app connects Engine signals to the public slots, tests call them.
// Lives in one thread (the GUI thread), except that its FrameFanout, which writes every byte to
// the clients, may also be given frames on the thread that makes them (fanout()); every frame is
// encoded once per format and the same bytes go to every client that wants it.
class StreamServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamServer)

public:
    struct Stats
    {
        quint64 framesPublished = 0;
        quint64 framesSent = 0;      // summed over clients
        quint64 framesSkipped = 0;   // not sent because the client was behind
        quint64 clientsDropped = 0;  // stalled, dead or over the hard backlog
        qint64 bufferedBytes = 0;    // unsent bytes over all clients right now
        qint64 maxBufferedBytes = 0; // the most seen at any frame
    };

    explicit StreamServer(QObject *parent = nullptr);
    ~StreamServer() override;

    // Starts listening. On failure returns false and `error` names the port and how to change it.
    bool listen(const ServerOptions &options, QString *error = nullptr);
    // Closes every client (1001 "going away" when `goingAway`, else 1000) and stops listening.
    // The close frames are flushed by the event loop; let it run briefly before exiting.
    void close(bool goingAway = true);
    bool isListening() const;
    quint16 port() const;
    // URLs to open: loopback first, then each LAN address, each with "#t=TOKEN".
    QList<QUrl> clientUrls() const;
    int clientCount() const { return int(m_clients.size()); }
    QString token() const { return m_options.token; }
    // A fresh random token; clients that needed the old one are closed. tokenChanged() tells the
    // app to persist it.
    void regenerateToken();
    Stats stats() const;
    QByteArray infoJson() const; // the /api/info body
    // For publishing frames on another thread instead of publishFrame() (FrameFanout::publish,
    // after FrameFanout::layoutComing for each new layout); layouts still come to publishLayout().
    FrameFanout &fanout() { return m_fanout; }

public slots:
    void publishFrame(const spectray::SpectrumFrame &frame);
    void publishLayout(const spectray::BandLayout &layout);
    void setSourceName(const QString &name);
    void setEngineStatus(const spectray::EngineStatus &status);
    // The style the desktop window shows (a StyleDefs id). Pages that follow the desktop learn it
    // from hello's "desktop_style" and from a {"type":"display","style":ID} message on each change.
    void setDesktopStyle(const QString &styleId);
    // The web output's A/V offset (ms, the `server/avOffsetMs` setting): sent as "av_offset_ms" in
    // hello and status, the offset a page adds to play_ts until its user picks one of its own.
    void setAvOffsetMs(int offsetMs);

signals:
    void clientCountChanged(int count);
    void tokenChanged(const QString &token);

private:
    struct Client
    {
        QWebSocket *ws = nullptr;
        QPointer<QTcpSocket> tcp; // the socket under the WebSocket, read here
        FrameFanout::ClientRef out; // writes to it: every byte after the handshake goes here
        QSocketNotifier *writable = nullptr; // on while `out` holds bytes the socket did not take
        bool usedToken = false;
        int garbage = 0;
        qint64 lastSeenMs = 0;
        WsFrameReader reader;     // reads the client's frames (Qt's parser is bypassed, see .cpp)
    };

    HttpFront *m_front = nullptr;
    QWebSocketServer *m_wsServer = nullptr;
    QTimer *m_pingTimer = nullptr;
    ServerOptions m_options;
    AccessGuard m_guard;
    QElapsedTimer m_clock;
    QHash<QWebSocket *, Client> m_clients;
    QHash<QString, QPointer<QTcpSocket>> m_handshaking; // "addr|port" -> socket in the WS handshake
    QHash<QString, bool> m_handshakeUsedToken;
    QList<QWebSocket *> m_toDrop;
    FrameFanout m_fanout;
    BandLayout m_layout;
    EngineStatus m_status;
    QString m_sourceName;
    QString m_desktopStyle;
    int m_avOffsetMs = 0;
    quint64 m_clientsDropped = 0;

    void onUpgradeReady(QTcpSocket *socket);
    void onNewWebSocket();
    void takeOverReading(Client &client);
    void onClientBytes(QWebSocket *ws);
    void onText(QWebSocket *ws, const QString &message);
    void onGarbage(Client &client, const QByteArray &code, const QString &message);
    void onPingTimer();
    void removeClient(QWebSocket *ws);
    void drop(QWebSocket *ws);
    // Ends the stream to the client: a close frame when it is between messages, else an abort.
    void closeClient(QWebSocket *ws, QWebSocketProtocol::CloseCode code, const QString &reason = {});
    void writeTo(Client &client, QByteArrayView bytes);
    void onFanoutWork(); // a client fell behind: drop it, or flush when its socket can take more
    void broadcastText(const QByteArray &message);
    void sendText(QWebSocket *ws, const QByteArray &message);
    QByteArray helloJson(const Client &client) const;
    QByteArray statusJson() const;
    void insertSyncFields(QJsonObject &o) const;
    int handshakingCount();
};

} // namespace spectray::net
