// End-to-end over loopback: a real StreamServer and QWebSocket clients in one process.
// (No raw string literals in this file: moc 6.4 silently skips the class when they contain braces.)
#include "netclient.h"

#include "net/binaryframe.h"

#include "core/wireformat.h"
#include "wiredecoder.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {

// The HTTP status a refused WebSocket upgrade gets, from a handshake written by hand (RFC 6455
// 4.1), so the code is read off the wire rather than from what QWebSocket makes of it. Only for
// refusals: an accepted upgrade keeps the connection open until rawExchange gives up.
int upgradeStatus(quint16 port, const QByteArray &query = {}, const QByteArray &origin = {})
{
    QByteArray request = "GET /ws" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                         + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    if (!origin.isEmpty())
        request += "Origin: " + origin + "\r\n";
    const QByteArray reply = rawExchange(port, request + "\r\n");
    if (!reply.startsWith("HTTP/1.1 "))
        return -1;
    return reply.mid(9, 3).toInt();
}

} // namespace

class TestStreamServer final : public QObject
{
    Q_OBJECT

private slots:
    void hello()
    {
        auto server = startTestServer();
        EngineStatus st;
        st.state = EngineStatus::State::Running;
        st.deviceName = QStringLiteral("Speakers");
        server->setEngineStatus(st);
        Client c;
        c.open(server->port());
        QVERIFY(c.waitHello());
        const QJsonObject h = c.json(0);
        QCOMPARE(h.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(h.value(QStringLiteral("protocol")).toInt(), kProtocolVersion);
        QVERIFY(h.value(QStringLiteral("server")).toString().startsWith(QStringLiteral("Spectray ")));
        QCOMPARE(h.value(QStringLiteral("bands")).toInt(), 8);
        QCOMPARE(h.value(QStringLiteral("edges")).toArray().size(), 9);
        QCOMPARE(h.value(QStringLiteral("edges")).toArray().at(1).toDouble(), 40.0);
        QCOMPARE(h.value(QStringLiteral("fps")).toInt(), 30);
        QCOMPARE(h.value(QStringLiteral("rate")).toInt(), 48000);
        QCOMPARE(h.value(QStringLiteral("profile")).toString(), QStringLiteral("default"));
        QCOMPARE(h.value(QStringLiteral("scale")).toInt(), 1000);
        QCOMPARE(h.value(QStringLiteral("device")).toString(), QStringLiteral("Speakers"));
        QCOMPARE(h.value(QStringLiteral("formats")).toArray(), (QJsonArray{QStringLiteral("json"), QStringLiteral("binary")}));
        QCOMPARE(server->clientCount(), 1);
    }

    void jsonAndBinaryCarrySameValues()
    {
        auto server = startTestServer();
        Client j, b;
        j.open(server->port());
        b.open(server->port());
        QVERIFY(j.waitHello() && b.waitHello());
        b.send("{\"type\":\"subscribe\",\"format\":\"binary\"}");
        QTRY_COMPARE(b.count(QStringLiteral("subscribed")), 1);
        SpectrumFrame f = testFrame(42);
        f.playTsMs = f.wallClockMs + 180; // the output's latency plus the user's offset
        server->publishFrame(f);
        QTRY_COMPARE(j.texts.size(), 2);
        QTRY_COMPARE(b.binaries.size(), 1);
        QCOMPARE(j.texts.last(), wire::frameJson(f)); // the seed's fields, byte for byte the wire format
        const QJsonObject o = j.json(1);
        QCOMPARE(o.value(QStringLiteral("frequencies")).toArray().size(), 8);
        QCOMPARE(o.value(QStringLiteral("bass")).toInt(), f.bass);
        QCOMPARE(o.value(QStringLiteral("scale")).toInt(), 1000);
        QCOMPARE(o.value(QStringLiteral("ts")).toInteger(), f.wallClockMs);
        QCOMPARE(o.value(QStringLiteral("play_ts")).toInteger(), f.wallClockMs + 180);
        // The binary message read as docs/protocol.md describes it, not with the server's decoder.
        const auto d = spectray::test::decodeWireFrame(b.binaries.first());
        QVERIFY(d);
        QCOMPARE(d->sequence, quint64(42));
        QCOMPARE(d->wallClockMs, f.wallClockMs);
        QVERIFY(d->hasPlayTime());
        QCOMPARE(d->playTsMs(), f.wallClockMs + 180);
        QCOMPARE(d->bass, f.bass);
        QCOMPARE(d->level, f.level);
        QCOMPARE(int(d->bands.size()), 8);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(d->bands[std::size_t(i)], int(f.bands[i]));
        SpectrumFrame decoded;
        QVERIFY(decodeBinaryFrame(b.binaries.first(), &decoded));
        QCOMPARE(decoded, f);
    }

    void layoutPrecedesNextFrame()
    {
        auto server = startTestServer();
        Client c;
        c.open(server->port());
        QVERIFY(c.waitHello());
        server->publishLayout(testLayout(16, 60));
        server->publishFrame(testFrame(1, 16));
        QTRY_COMPARE(c.texts.size(), 3);
        QCOMPARE(c.json(1).value(QStringLiteral("type")).toString(), QStringLiteral("layout"));
        QCOMPARE(c.json(1).value(QStringLiteral("bands")).toInt(), 16);
        QCOMPARE(c.json(2).value(QStringLiteral("type")).toString(), QStringLiteral("frame"));
    }

    void perClientRate()
    {
        auto server = startTestServer(); // 30 fps layout
        Client full, slow, clamped;
        for (Client *c : {&full, &slow, &clamped})
            c->open(server->port());
        QVERIFY(full.waitHello() && slow.waitHello() && clamped.waitHello());
        slow.send("{\"type\":\"subscribe\",\"rate\":10}");
        clamped.send("{\"type\":\"subscribe\",\"rate\":500}");
        QTRY_COMPARE(slow.count(QStringLiteral("subscribed")), 1);
        QTRY_COMPARE(clamped.count(QStringLiteral("subscribed")), 1);
        QCOMPARE(clamped.texts.last(), QByteArray("{\"format\":\"json\",\"rate\":30,\"type\":\"subscribed\"}"));
        for (int i = 0; i < 30; ++i)
            server->publishFrame(testFrame(quint64(i)));
        QTRY_COMPARE(full.count(QStringLiteral("frame")), 30);
        QTRY_COMPARE(clamped.count(QStringLiteral("frame")), 30);
        QTRY_COMPARE(slow.count(QStringLiteral("frame")), 10);
        QTest::qWait(100);
        QCOMPARE(slow.count(QStringLiteral("frame")), 10);
    }

    // A client that asked for 60 while the stream ran at 30 (it subscribed before the engine's
    // layout came, or the user raised the rate later) gets every frame once the stream runs at 60:
    // found with `spectray --headless` and clients connecting at start-up, who got every other one.
    void rateAskedAboveTheStreamHoldsWhenTheStreamSpeedsUp()
    {
        auto server = startTestServer(); // 30 fps layout
        Client early;
        early.open(server->port());
        QVERIFY(early.waitHello());
        early.send("{\"type\":\"subscribe\",\"rate\":60}");
        QTRY_COMPARE(early.count(QStringLiteral("subscribed")), 1);
        QCOMPARE(early.texts.last(), QByteArray("{\"format\":\"json\",\"rate\":30,\"type\":\"subscribed\"}"));
        server->publishLayout(testLayout(8, 60));
        for (int i = 0; i < 60; ++i)
            server->publishFrame(testFrame(quint64(i)));
        QTRY_COMPARE(early.count(QStringLiteral("frame")), 60);
    }

    void tokenOnLoopback()
    {
        ServerOptions o = testOptions();
        o.requireTokenOnLoopback = true;
        auto server = startTestServer(o);
        Client none, wrong, right;
        none.open(server->port());
        wrong.open(server->port(), QStringLiteral("?t=ffffffffffffffffffffffffffffffff"));
        right.open(server->port(), QStringLiteral("?t=") + o.token);
        QVERIFY(right.waitHello());
        for (int i = 0; i < 5; ++i)
            server->publishFrame(testFrame(quint64(i)));
        QTRY_COMPARE(right.count(QStringLiteral("frame")), 5);
        QTRY_VERIFY(none.closeCode != -1 && wrong.closeCode != -1);
        QVERIFY(!none.connected && !wrong.connected);
        QCOMPARE(none.texts.size() + none.binaries.size() + wrong.texts.size() + wrong.binaries.size(), 0);
        QCOMPARE(server->clientCount(), 1);
        // Refused before the upgrade, with 401: no token, a wrong token.
        QCOMPARE(upgradeStatus(server->port()), 401);
        QCOMPARE(upgradeStatus(server->port(), "?t=ffffffffffffffffffffffffffffffff"), 401);
    }

    void lockout()
    {
        ServerOptions o = testOptions();
        o.requireTokenOnLoopback = true;
        o.lockoutFailures = 3;
        o.lockoutMs = 1000;
        auto server = startTestServer(o);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(upgradeStatus(server->port(), "?t=bad"), 401);
        // Locked out: even the right token gets 429 before the upgrade, for a WebSocket client too.
        QCOMPARE(upgradeStatus(server->port(), "?t=" + o.token.toLatin1()), 429);
        Client locked;
        locked.open(server->port(), QStringLiteral("?t=") + o.token);
        QTRY_VERIFY(locked.closeCode != -1);
        QVERIFY(!locked.connected);
        QCOMPARE(locked.texts.size() + locked.binaries.size(), 0);
        QTest::qWait(1100); // lockoutMs (1 s) passes: a lower bound, not a timing check
        Client later;
        later.open(server->port(), QStringLiteral("?t=") + o.token);
        QVERIFY(later.waitHello());
    }

    void origins()
    {
        ServerOptions o = testOptions();
        o.allowedOrigins = {QStringLiteral("http://dash.example:8080")};
        auto server = startTestServer(o);
        const QByteArray own = "http://127.0.0.1:" + QByteArray::number(server->port());
        Client evil, mine, listed;
        evil.open(server->port(), {}, "http://evil.example");
        mine.open(server->port(), {}, own);
        listed.open(server->port(), {}, "http://dash.example:8080");
        QVERIFY(mine.waitHello() && listed.waitHello());
        QTRY_VERIFY(evil.closeCode != -1);
        QVERIFY(!evil.connected);
        QCOMPARE(evil.texts.size() + evil.binaries.size(), 0);
        QCOMPARE(upgradeStatus(server->port(), {}, "http://evil.example"), 403);
    }

    void clientCap()
    {
        ServerOptions o = testOptions();
        o.maxClients = 2;
        auto server = startTestServer(o);
        Client a, b, c;
        a.open(server->port());
        b.open(server->port());
        QVERIFY(a.waitHello() && b.waitHello());
        c.open(server->port());
        QTRY_VERIFY(c.closeCode != -1);
        QVERIFY(!c.connected);
        QCOMPARE(c.texts.size() + c.binaries.size(), 0);
        QCOMPARE(upgradeStatus(server->port()), 503);
        const QByteArray reply = rawExchange(server->port(), "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                                              "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                                                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        QVERIFY2(reply.contains("at most 2 clients"), reply.constData());
    }

    void badMessages()
    {
        auto server = startTestServer();
        Client c;
        c.open(server->port());
        QVERIFY(c.waitHello());
        c.send("{not json");
        c.send("{\"type\":\"dance\"}");
        c.send("{\"type\":\"ping\",\"id\":7}");
        QTRY_COMPARE(c.texts.size(), 4);
        QCOMPARE(c.json(1).value(QStringLiteral("code")).toString(), QStringLiteral("bad_json"));
        QCOMPARE(c.json(2).value(QStringLiteral("code")).toString(), QStringLiteral("unknown_type"));
        QCOMPARE(c.json(3).value(QStringLiteral("type")).toString(), QStringLiteral("pong"));
        QCOMPARE(c.json(3).value(QStringLiteral("id")).toInt(), 7);
        for (int i = 0; i < 5; ++i)
            c.send("garbage");
        QTRY_COMPARE(c.closeCode, 1008); // RFC 6455 7.4.1: policy violation
    }

    void oversizedMessage()
    {
        auto server = startTestServer();
        Client c;
        c.open(server->port());
        QVERIFY(c.waitHello());
        c.send("{\"type\":\"ping\",\"pad\":\"" + QByteArray(10000, 'x') + "\"}");
        QTRY_COMPARE(c.closeCode, 1009); // RFC 6455 7.4.1: message too big
    }

    void goingAwayAndToken()
    {
        ServerOptions o = testOptions();
        auto server = startTestServer(o);
        Client withToken, plain;
        withToken.open(server->port(), QStringLiteral("?t=") + o.token);
        plain.open(server->port());
        QVERIFY(withToken.waitHello() && plain.waitHello());
        QSignalSpy changed(server.get(), &StreamServer::tokenChanged);
        server->regenerateToken();
        QCOMPARE(changed.size(), 1);
        QVERIFY(server->token() != o.token);
        QTRY_COMPARE(withToken.closeCode, 1008); // RFC 6455 7.4.1: policy violation
        server->close(true);
        QTRY_COMPARE(plain.closeCode, 1001); // RFC 6455 7.4.1: going away
        QVERIFY(!server->isListening());
    }

    void busyPortNamesPortAndRemedy()
    {
        auto first = startTestServer();
        ServerOptions o = testOptions();
        o.port = first->port();
        StreamServer second;
        QString error;
        QVERIFY(!second.listen(o, &error));
        QVERIFY2(error.contains(QString::number(o.port)) && error.contains(QStringLiteral("--port")), qPrintable(error));
    }

    void urls()
    {
        // Loopback only (tests never listen on all interfaces): the one URL is the loopback one.
        ServerOptions o = testOptions();
        auto server = startTestServer(o);
        const QList<QUrl> urls = server->clientUrls();
        QCOMPARE(urls.size(), 1);
        QCOMPARE(urls.first().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(urls.first().port(), int(server->port()));
        QCOMPARE(urls.first().fragment(), QStringLiteral("t=") + o.token);
    }
};

QTEST_GUILESS_MAIN(TestStreamServer)
#include "tst_streamserver.moc"
