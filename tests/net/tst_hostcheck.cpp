// The Host rule against DNS rebinding (issue #9 item 4): pure HostCheck cases, then the server.
#include "net/hostcheck.h"

#include "netclient.h"

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {
const QByteArray kKey = "dGhlIHNhbXBsZSBub25jZQ=="; // RFC 6455 section 1.3's sample key

QByteArray upgrade(const QByteArray &host, const QByteArray &origin = {})
{
    QByteArray r = "GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + kKey + "\r\n";
    if (!origin.isEmpty())
        r += "Origin: " + origin + "\r\n";
    return r + "\r\n";
}
} // namespace

class TestHostCheck final : public QObject
{
    Q_OBJECT

    static HostCheck sample()
    {
        HostCheck c;
        c.setConfig({{QHostAddress(QStringLiteral("192.168.1.20")), QHostAddress(QStringLiteral("fe80::1%eth0")),
                      QHostAddress(QStringLiteral("2001:db8::20"))},
                     {QStringLiteral("studio"), QStringLiteral("studio.local")},
                     {QStringLiteral("dash.example"), QStringLiteral("203.0.113.7")}});
        return c;
    }

private slots:
    void hostPart_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QString>("part");
        QTest::newRow("name") << QByteArray("Studio.Local") << QStringLiteral("studio.local");
        QTest::newRow("name:port") << QByteArray("studio:8737") << QStringLiteral("studio");
        QTest::newRow("trailing dot") << QByteArray("localhost.:80") << QStringLiteral("localhost");
        QTest::newRow("v4") << QByteArray("127.0.0.1:8737") << QStringLiteral("127.0.0.1");
        QTest::newRow("v6") << QByteArray("[::1]:8737") << QStringLiteral("::1");
        QTest::newRow("v6 zone") << QByteArray("[fe80::1%25eth0]") << QStringLiteral("fe80::1");
        QTest::newRow("bad port") << QByteArray("studio:87x") << QString();
        QTest::newRow("port too big") << QByteArray("studio:65536") << QString();
        QTest::newRow("empty port") << QByteArray("studio:") << QString();
        QTest::newRow("bare v6") << QByteArray("::1") << QString();
        QTest::newRow("unclosed") << QByteArray("[::1") << QString();
        QTest::newRow("v4 in brackets") << QByteArray("[127.0.0.1]") << QString();
        QTest::newRow("userinfo") << QByteArray("evil@127.0.0.1") << QString();
        QTest::newRow("space") << QByteArray("a b") << QString();
        QTest::newRow("empty") << QByteArray("") << QString();
    }
    void hostPart()
    {
        QFETCH(QByteArray, host);
        QFETCH(QString, part);
        QCOMPARE(HostCheck::hostPart(host), part);
    }

    void allows_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("localhost") << QByteArray("localhost:8737") << true;
        QTest::newRow("LOCALHOST") << QByteArray("LOCALHOST") << true;
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:8737") << true;
        QTest::newRow("127.4.5.6") << QByteArray("127.4.5.6") << true;
        QTest::newRow("[::1]") << QByteArray("[::1]:8737") << true;
        QTest::newRow("[::ffff:127.0.0.1]") << QByteArray("[::ffff:127.0.0.1]") << true;
        QTest::newRow("own v4") << QByteArray("192.168.1.20:8737") << true;
        QTest::newRow("own v6") << QByteArray("[2001:db8::20]:8737") << true;
        QTest::newRow("own link-local") << QByteArray("[fe80::1%25eth0]:8737") << true;
        QTest::newRow("hostname") << QByteArray("studio:8737") << true;
        QTest::newRow("hostname.local") << QByteArray("Studio.local.") << true;
        QTest::newRow("allowed name") << QByteArray("dash.example:8080") << true;
        QTest::newRow("allowed address") << QByteArray("203.0.113.7") << true;
        QTest::newRow("rebind name") << QByteArray("rebind.example:8737") << false;
        QTest::newRow("suffix trick") << QByteArray("studio.local.evil.example") << false;
        QTest::newRow("prefix trick") << QByteArray("evilstudio") << false;
        QTest::newRow("other v4") << QByteArray("192.168.1.21:8737") << false;
        QTest::newRow("other v6") << QByteArray("[2001:db8::21]") << false;
        QTest::newRow("0.0.0.0") << QByteArray("0.0.0.0") << false;
        QTest::newRow("short v4") << QByteArray("127.1") << false;
        QTest::newRow("decimal v4") << QByteArray("2130706433") << false;
        QTest::newRow("sub.localhost") << QByteArray("evil.localhost") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("garbage") << QByteArray("\x01\xff") << false;
    }
    void allows()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        QCOMPARE(sample().allows(host), allowed);
    }

    void localConfigHasLoopbackAndName()
    {
        HostCheck c;
        c.setConfig(HostCheck::localConfig({QStringLiteral("extra.example")}));
        QVERIFY(c.allows("localhost"));
        QVERIFY(c.allows("extra.example:1"));
        QVERIFY(!c.allows("rebind.example"));
    }

    // The attack from issue #9: Host and Origin both name the rebinding domain.
    void rebindingIsRefusedBeforeContent()
    {
        StreamServer server;
        QVERIFY(server.listen(testOptions()));
        server.publishLayout(testLayout());
        const QByteArray port = QByteArray::number(server.port());
        const QByteArray evil = "rebind.example:" + port;
        const QByteArray info = rawExchange(server.port(), "GET /api/info HTTP/1.1\r\nHost: " + evil + "\r\n\r\n");
        QVERIFY2(info.startsWith("HTTP/1.1 421"), info.constData());
        QVERIFY(!info.contains("\"version\""));
        QVERIFY(rawExchange(server.port(), "GET / HTTP/1.1\r\nHost: " + evil + "\r\n\r\n").startsWith("HTTP/1.1 421"));
        const QByteArray ws = rawExchange(server.port(), upgrade(evil, "http://" + evil));
        QVERIFY2(ws.startsWith("HTTP/1.1 421"), ws.constData());
        QCOMPARE(server.clientCount(), 0);
    }

    void ownNamesAreServed()
    {
        ServerOptions o = testOptions();
        o.allowedHosts = {QStringLiteral("dash.example")};
        StreamServer server;
        QVERIFY(server.listen(o));
        server.publishLayout(testLayout());
        const QByteArray port = QByteArray::number(server.port());
        const QList<QByteArray> hosts{"localhost:" + port, "127.0.0.1:" + port, "dash.example:" + port};
        for (const QByteArray &host : hosts) {
            const QByteArray info = rawExchange(server.port(), "GET /api/info HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            QVERIFY2(info.startsWith("HTTP/1.1 200"), host.constData());
            const QByteArray ws = rawExchange(server.port(), upgrade(host), 500);
            QVERIFY2(ws.startsWith("HTTP/1.1 101"), QByteArray(host + ": " + ws).constData());
        }
        // The web client as a browser opens it: Host 127.0.0.1:PORT, its own origin.
        Client c;
        c.open(server.port(), {}, "http://127.0.0.1:" + port);
        QVERIFY(c.waitHello());
    }
};

QTEST_GUILESS_MAIN(TestHostCheck)
#include "tst_hostcheck.moc"
