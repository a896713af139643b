#pragma once

#include "net/streamserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace spectray::net::test {

// Options for an in-process server on a free loopback port with short test timeouts.
inline ServerOptions testOptions()
{
    ServerOptions o;
    o.bindAddress = QHostAddress(QHostAddress::LocalHost);
    o.port = 0;
    o.token = QStringLiteral("0123456789abcdef0123456789abcdef");
    o.headerTimeoutMs = 400;
    return o;
}

inline BandLayout testLayout(int bands = 8, int fps = 30)
{
    BandLayout l;
    for (int i = 0; i <= bands; ++i)
        l.edgesHz << 20.0 * std::pow(2.0, i);
    l.bandLatencyMs = QList<double>(bands, 10.0);
    l.fps = fps;
    l.sampleRate = 48000;
    l.profile = QStringLiteral("default");
    return l;
}

// A server listening with `o` and the test layout published; a test cannot go on without it.
inline std::unique_ptr<StreamServer> startTestServer(const ServerOptions &o = testOptions())
{
    auto s = std::make_unique<StreamServer>();
    QString error;
    if (!s->listen(o, &error))
        qFatal("listen failed: %s", qPrintable(error));
    s->publishLayout(testLayout());
    return s;
}

inline SpectrumFrame testFrame(quint64 seq, int bands = 8)
{
    SpectrumFrame f;
    for (int i = 0; i < bands; ++i)
        f.bands << qint16((i * 97 + int(seq) * 13) % 1500);
    f.bass = 700 + int(seq % 100);
    f.level = 400;
    f.sequence = seq;
    f.streamTime = double(seq) / 30.0;
    f.wallClockMs = 1700000000000LL + qint64(seq);
    return f;
}

// A QWebSocket that records everything it receives.
class Client final : public QObject
{
public:
    QWebSocket ws;
    QList<QByteArray> texts;
    QList<QByteArray> binaries;
    int closeCode = -1;
    bool connected = false;

    Client()
    {
        connect(&ws, &QWebSocket::textMessageReceived, this, [this](const QString &m) { texts << m.toUtf8(); });
        connect(&ws, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &m) { binaries << m; });
        connect(&ws, &QWebSocket::connected, this, [this] { connected = true; });
        connect(&ws, &QWebSocket::disconnected, this, [this] { closeCode = int(ws.closeCode()); });
    }
    void open(quint16 port, const QString &query = {}, const QByteArray &origin = {})
    {
        QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws%2").arg(port).arg(query)));
        if (!origin.isEmpty())
            req.setRawHeader("Origin", origin);
        ws.open(req);
    }
    bool waitHello() { return QTest::qWaitFor([this] { return !texts.isEmpty(); }, 5000); }
    QJsonObject json(qsizetype i) const { return QJsonDocument::fromJson(texts.value(i)).object(); }
    int count(const QString &type) const
    {
        int n = 0;
        for (const QByteArray &t : texts)
            n += QJsonDocument::fromJson(t).object().value(QStringLiteral("type")).toString() == type;
        return n;
    }
    void send(const QByteArray &json) { ws.sendTextMessage(QString::fromUtf8(json)); }
};

// Sends raw bytes and returns everything the server answers until it closes.
inline QByteArray rawExchange(quint16 port, const QByteArray &request, int waitMs = 3000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(2000))
        return {};
    s.write(request);
    QByteArray out;
    (void)QTest::qWaitFor([&] {
        out += s.readAll();
        return s.state() == QAbstractSocket::UnconnectedState;
    }, waitMs);
    out += s.readAll();
    return out;
}

} // namespace spectray::net::test
