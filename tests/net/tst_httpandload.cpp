// HTTP side of the one port, and the server under misbehaving peers (stalled, silent).
#include "netclient.h"

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {
// A hand-made WebSocket client: completes the handshake and then does only what the test says
// (it never answers pings, and it can stop reading altogether).
std::unique_ptr<QTcpSocket> rawWebSocket(quint16 port)
{
    auto s = std::make_unique<QTcpSocket>();
    s->connectToHost(QHostAddress::LocalHost, port);
    if (!s->waitForConnected(2000))
        return {};
    s->write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    QByteArray got;
    (void)QTest::qWaitFor([&] {
        got += s->readAll();
        return got.contains("\r\n\r\n");
    }, 3000);
    if (!got.startsWith("HTTP/1.1 101"))
        return {};
    return s;
}
} // namespace

class TestHttpAndLoad final : public QObject
{
    Q_OBJECT

private slots:
    void servesPageAndInfo()
    {
        auto server = startTestServer();
        const QByteArray page = rawExchange(server->port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY2(page.startsWith("HTTP/1.1 200"), page.left(200).constData());
        QVERIFY(page.contains("Content-Type: text/html"));
        QVERIFY(page.contains("<canvas"));
        QVERIFY(rawExchange(server->port(), "GET /app.js HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 200"));
        const QByteArray head = rawExchange(server->port(), "HEAD / HTTP/1.1\r\n\r\n");
        QVERIFY(head.startsWith("HTTP/1.1 200"));
        QVERIFY(head.endsWith("\r\n\r\n")); // headers only
        const QByteArray info = rawExchange(server->port(), "GET /api/info HTTP/1.1\r\n\r\n");
        const QJsonObject o = QJsonDocument::fromJson(info.mid(info.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(o.value(QStringLiteral("fps")).toInt(), 30);
        QCOMPARE(o.value(QStringLiteral("clients")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("layout")).toObject().value(QStringLiteral("bands")).toInt(), 8);
    }

    void refusesEverythingElse()
    {
        auto server = startTestServer();
        const auto status = [&](const QByteArray &req) {
            return rawExchange(server->port(), req).left(12);
        };
        QCOMPARE(status("GET /nope HTTP/1.1\r\n\r\n"), QByteArray("HTTP/1.1 404"));
        QCOMPARE(status("GET /../etc/passwd HTTP/1.1\r\n\r\n"), QByteArray("HTTP/1.1 404"));
        QCOMPARE(status("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n\r\n"), QByteArray("HTTP/1.1 404"));
        QCOMPARE(status("GET /web/index.html HTTP/1.1\r\n\r\n"), QByteArray("HTTP/1.1 404"));
        QCOMPARE(status("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"), QByteArray("HTTP/1.1 405"));
        QCOMPARE(status("GET /ws HTTP/1.1\r\n\r\n"), QByteArray("HTTP/1.1 426"));
        QCOMPARE(status("BLAH\r\n\r\n"), QByteArray("HTTP/1.1 400"));
        QCOMPARE(status("GET / HTTP/1.1\r\nX: " + QByteArray(10000, 'a') + "\r\n\r\n"), QByteArray("HTTP/1.1 431"));
    }

    void neverFinishedHeadersAreClosed()
    {
        auto server = startTestServer(); // headerTimeoutMs = 400
        QElapsedTimer t;
        t.start();
        const QByteArray reply = rawExchange(server->port(), "GET / HTTP/1.1\r\nHost: slow", 5000);
        QVERIFY2(reply.startsWith("HTTP/1.1 408"), reply.constData());
        qInfo("408 after %lld ms (header timeout 400 ms)", t.elapsed());
        QVERIFY(t.elapsed() < 5000); // a hang guard: the reply is due after 400 ms
    }

    void silentPeerIsDropped()
    {
        ServerOptions o = testOptions();
        o.pingIntervalMs = 50;
        o.peerTimeoutMs = 300;
        auto server = startTestServer(o);
        auto raw = rawWebSocket(server->port());
        QVERIFY(raw);
        Client live; // QWebSocket answers pings by itself
        live.open(server->port());
        QVERIFY(live.waitHello());
        QCOMPARE(server->clientCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(server->clientCount(), 1, 5000); // due after 300 ms
        QTest::qWait(500);
        QCOMPARE(server->clientCount(), 1);
        QVERIFY(live.ws.state() == QAbstractSocket::ConnectedState);
    }

    void stalledClientDoesNotHurtOthers()
    {
        ServerOptions o = testOptions();
        o.socketSendBufferBytes = 8192;
        o.stallTimeoutMs = 1500;
        auto server = startTestServer(o);
        server->publishLayout(testLayout(256, 240));
        auto stalled = rawWebSocket(server->port());
        QVERIFY(stalled);
        // Stop reading: Qt keeps at most 1 byte, then the kernel buffers fill up behind it.
        stalled->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        stalled->setReadBufferSize(1);
        Client reader;
        reader.open(server->port());
        QVERIFY(reader.waitHello());
        constexpr int kFrames = 600;
        qint64 maxBuffered = 0;
        for (int i = 0; i < kFrames; ++i) {
            server->publishFrame(testFrame(quint64(i), 256)); // ~1.3 kB of JSON each
            maxBuffered = std::max(maxBuffered, server->stats().bufferedBytes);
            QTest::qWait(2);
        }
        QTRY_VERIFY_WITH_TIMEOUT(reader.count(QStringLiteral("frame")) >= kFrames * 95 / 100, 20000);
        const StreamServer::Stats st = server->stats();
        qInfo() << "reader got" << reader.count(QStringLiteral("frame")) << "of" << kFrames << "skipped"
                << st.framesSkipped << "max buffered" << st.maxBufferedBytes << "dropped" << st.clientsDropped;
        QVERIFY(st.framesSkipped > 0);                 // backpressure did kick in for the stalled one
        // Newest frame wins: each client holds at most the backlog threshold plus one frame.
        const qint64 bound = 2 * (o.backlogBytes + 4096);
        QVERIFY2(maxBuffered <= bound, qPrintable(QString::number(maxBuffered)));
        QVERIFY(st.maxBufferedBytes <= bound);
        // Keep publishing so the stall timeout is observed, then only the reader is left.
        // The drop is due after stallTimeoutMs (1.5 s); 20 s is the hang guard.
        QTRY_VERIFY_WITH_TIMEOUT((server->publishFrame(testFrame(1, 256)), server->clientCount() == 1), 20000);
        QVERIFY(server->stats().clientsDropped >= 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpAndLoad)
#include "tst_httpandload.moc"
