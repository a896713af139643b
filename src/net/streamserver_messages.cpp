// StreamServer: the text messages (hello, layout, status, replies to client requests).
#include "streamserver.h"

#include "clientmessage.h"
#include "core/wireformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

namespace spectray::net {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray errorJson(const QByteArray &code, const QString &message)
{
    return compact({{QStringLiteral("type"), QStringLiteral("error")},
                    {QStringLiteral("code"), QString::fromLatin1(code)},
                    {QStringLiteral("message"), message}});
}
} // namespace

// A/V sync (docs/protocol.md): what the audio server reports for the monitored device, null when
// it gives no figure; and the A/V offset a page starts from (the web output's setting).
void StreamServer::insertSyncFields(QJsonObject &o) const
{
    o.insert(QStringLiteral("output_latency_ms"),
             m_status.outputLatencyMs ? QJsonValue(*m_status.outputLatencyMs) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("av_offset_ms"), m_avOffsetMs);
}

QByteArray StreamServer::helloJson(const Client &client) const
{
    QJsonObject o = wire::layoutObject(m_layout);
    o.insert(QStringLiteral("type"), QStringLiteral("hello"));
    o.insert(QStringLiteral("protocol"), kProtocolVersion);
    o.insert(QStringLiteral("server"), QStringLiteral("Spectray " SPECTRAY_VERSION));
    o.insert(QStringLiteral("device"), m_sourceName.isEmpty() ? m_status.deviceName : m_sourceName);
    o.insert(QStringLiteral("state"), stateName(m_status.state));
    o.insert(QStringLiteral("formats"), QJsonArray{QStringLiteral("json"), QStringLiteral("binary")});
    o.insert(QStringLiteral("format"),
             m_fanout.subscription(client.out).binary ? QStringLiteral("binary") : QStringLiteral("json"));
    if (!m_desktopStyle.isEmpty())
        o.insert(QStringLiteral("desktop_style"), m_desktopStyle);
    insertSyncFields(o);
    return compact(o);
}

QByteArray StreamServer::statusJson() const
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("status")},
                  {QStringLiteral("state"), stateName(m_status.state)},
                  {QStringLiteral("device"), m_sourceName.isEmpty() ? m_status.deviceName : m_sourceName},
                  {QStringLiteral("reason"), m_status.reason}};
    insertSyncFields(o);
    return compact(o);
}

QByteArray StreamServer::infoJson() const
{
    return compact({{QStringLiteral("name"), QStringLiteral("Spectray")},
                    {QStringLiteral("version"), QStringLiteral(SPECTRAY_VERSION)},
                    {QStringLiteral("protocol"), kProtocolVersion},
                    {QStringLiteral("clients"), clientCount()},
                    {QStringLiteral("max_clients"), m_options.maxClients},
                    {QStringLiteral("fps"), m_layout.fps},
                    {QStringLiteral("device"), m_sourceName.isEmpty() ? m_status.deviceName : m_sourceName},
                    {QStringLiteral("state"), stateName(m_status.state)},
                    {QStringLiteral("layout"), wire::layoutObject(m_layout)}});
}

void StreamServer::sendText(QWebSocket *ws, const QByteArray &message)
{
    const auto it = m_clients.find(ws);
    if (it == m_clients.end())
        return;
    QByteArray frame;
    buildWsFrame(0x1, message, frame);
    writeTo(*it, frame);
}

void StreamServer::broadcastText(const QByteArray &message)
{
    QByteArray frame;
    buildWsFrame(0x1, message, frame);
    for (Client &c : m_clients)
        writeTo(c, frame);
}

void StreamServer::publishLayout(const BandLayout &layout)
{
    if (layout != m_layout) {
        m_layout = layout;
        QJsonObject o = wire::layoutObject(layout);
        insertSyncFields(o);
        broadcastText(compact(o));
    }
    // Only now may frames of this layout go out (the fanout holds back those published on the
    // audio thread before this message was written).
    m_fanout.layoutSent(layout);
}

void StreamServer::setSourceName(const QString &name)
{
    if (name == m_sourceName)
        return;
    m_sourceName = name;
    broadcastText(statusJson());
}

void StreamServer::setDesktopStyle(const QString &styleId)
{
    if (styleId == m_desktopStyle)
        return;
    m_desktopStyle = styleId;
    broadcastText(compact({{QStringLiteral("type"), QStringLiteral("display")}, {QStringLiteral("style"), styleId}}));
}

void StreamServer::setAvOffsetMs(int offsetMs)
{
    if (offsetMs == m_avOffsetMs)
        return;
    m_avOffsetMs = offsetMs;
    broadcastText(statusJson()); // pages still on the server's default move with it
}

void StreamServer::setEngineStatus(const EngineStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    broadcastText(statusJson());
}

void StreamServer::onGarbage(Client &client, const QByteArray &code, const QString &message)
{
    ++client.garbage;
    sendText(client.ws, errorJson(code, message));
    if (client.garbage >= m_options.garbageLimit)
        closeClient(client.ws, QWebSocketProtocol::CloseCodePolicyViolated, tr("Too many invalid messages."));
}

void StreamServer::onText(QWebSocket *ws, const QString &message)
{
    const auto it = m_clients.find(ws);
    if (it == m_clients.end())
        return;
    Client &c = *it;
    c.lastSeenMs = m_clock.elapsed();
    const int fps = m_layout.fps > 0 ? m_layout.fps : kFpsBeforeLayout;
    const ClientRequest request = parseClientMessage(message.toUtf8());
    switch (request.kind) {
    case ClientRequest::Kind::Invalid:
        onGarbage(c, request.errorCode, request.errorMessage);
        return;
    case ClientRequest::Kind::Subscribe: {
        const FrameFanout::Subscription s = m_fanout.subscribe(c.out, request.binary, request.rate);
        c.garbage = 0;
        sendText(ws, compact({{QStringLiteral("type"), QStringLiteral("subscribed")},
                              {QStringLiteral("format"), s.binary ? QStringLiteral("binary") : QStringLiteral("json")},
                              {QStringLiteral("rate"), s.rate > 0 ? std::min(s.rate, fps) : fps}}));
        return;
    }
    case ClientRequest::Kind::Ping: {
        c.garbage = 0;
        QJsonObject pong{{QStringLiteral("type"), QStringLiteral("pong")},
                         {QStringLiteral("ts"), QDateTime::currentMSecsSinceEpoch()}};
        if (!request.id.isUndefined())
            pong.insert(QStringLiteral("id"), request.id);
        sendText(ws, compact(pong));
        return;
    }
    }
}

} // namespace spectray::net
