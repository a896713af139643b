// WebSocket conformance for what the server accepts (issue #9 item 6): handshakes it must answer
// with 400 (RFC 6455 4.2.1), and client frames (masking, UTF-8 across fragments). Frames are built
// here from RFC 6455 section 5, independently of the server's code.
#include "netclient.h"

#include <QRandomGenerator>

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {
const QByteArray kKey = "dGhlIHNhbXBsZSBub25jZQ=="; // RFC 6455 1.3: base64 of 16 bytes

QByteArray handshake(const QByteArray &version, const QList<QByteArray> &headers)
{
    QByteArray r = "GET /ws " + version + "\r\n";
    for (const QByteArray &h : headers)
        r += h + "\r\n";
    return r + "\r\n";
}

QList<QByteArray> goodHeaders()
{
    return {"Host: 127.0.0.1", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: " + kKey};
}

// RFC 6455 5.2: FIN, opcode, MASK bit, 7/16-bit length, masking key, payload XOR key.
QByteArray clientFrame(bool fin, quint8 opcode, const QByteArray &payload, bool masked = true)
{
    QByteArray f;
    f += char((fin ? 0x80 : 0) | opcode);
    const quint8 maskBit = masked ? 0x80 : 0;
    if (payload.size() < 126) {
        f += char(maskBit | payload.size());
    } else {
        f += char(maskBit | 126);
        f += char(payload.size() >> 8);
        f += char(payload.size() & 0xff);
    }
    if (!masked)
        return f + payload;
    const quint32 key = QRandomGenerator::global()->generate();
    const char k[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
    f.append(k, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f += char(payload[i] ^ k[i % 4]);
    return f;
}

// Reads server frames (unmasked) from `buffer`: returns {opcode, payload} of each complete one.
QList<QPair<int, QByteArray>> serverFrames(QByteArray &buffer)
{
    QList<QPair<int, QByteArray>> out;
    for (;;) {
        if (buffer.size() < 2)
            return out;
        const int opcode = quint8(buffer[0]) & 0x0f;
        qsizetype len = quint8(buffer[1]) & 0x7f;
        qsizetype at = 2;
        if (len == 126) {
            if (buffer.size() < 4)
                return out;
            len = (qsizetype(quint8(buffer[2])) << 8) | quint8(buffer[3]);
            at = 4;
        } else if (len == 127) {
            if (buffer.size() < 10)
                return out;
            len = 0;
            for (int i = 2; i < 10; ++i)
                len = (len << 8) | quint8(buffer[i]);
            at = 10;
        }
        if (buffer.size() < at + len)
            return out;
        out.append({opcode, buffer.mid(at, len)});
        buffer.remove(0, at + len);
    }
}

struct RawSession
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray pending;
    QList<QPair<int, QByteArray>> frames;

    bool open(quint16 port)
    {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        if (!socket->waitForConnected(2000))
            return false;
        socket->write(handshake("HTTP/1.1", goodHeaders()));
        if (!QTest::qWaitFor([&] { pending += socket->readAll(); return pending.contains("\r\n\r\n"); }, 3000))
            return false;
        if (!pending.startsWith("HTTP/1.1 101"))
            return false;
        pending.remove(0, pending.indexOf("\r\n\r\n") + 4);
        return true;
    }
    // Waits until a frame with `opcode` arrives (or the connection ends); returns its payload.
    std::optional<QByteArray> waitFor(int opcode, int ms = 3000)
    {
        std::optional<QByteArray> found;
        (void)QTest::qWaitFor([&] {
            pending += socket->readAll();
            frames += serverFrames(pending);
            for (const auto &f : std::as_const(frames)) {
                if (f.first == opcode) {
                    found = f.second;
                    return true;
                }
            }
            return socket->state() == QAbstractSocket::UnconnectedState;
        }, ms);
        return found;
    }
    int closeCode()
    {
        const auto payload = waitFor(0x8);
        if (!payload || payload->size() < 2)
            return -1;
        return (quint8((*payload)[0]) << 8) | quint8((*payload)[1]);
    }
};
} // namespace

class TestWsConformance final : public QObject
{
    Q_OBJECT

    std::unique_ptr<StreamServer> m_server;

private slots:
    void init()
    {
        m_server = std::make_unique<StreamServer>();
        QVERIFY(m_server->listen(testOptions()));
        m_server->publishLayout(testLayout());
    }
    void cleanup() { m_server.reset(); }

    void badHandshakes_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("reason");
        auto without = [](const QByteArray &prefix) {
            QList<QByteArray> h = goodHeaders();
            h.removeIf([&](const QByteArray &l) { return l.startsWith(prefix); });
            return h;
        };
        auto replaced = [](const QByteArray &prefix, const QByteArray &line) {
            QList<QByteArray> h = goodHeaders();
            for (QByteArray &l : h) {
                if (l.startsWith(prefix))
                    l = line;
            }
            return h;
        };
        QTest::newRow("no Host") << handshake("HTTP/1.1", without("Host")) << QByteArray("Host");
        QTest::newRow("no key") << handshake("HTTP/1.1", without("Sec-WebSocket-Key")) << QByteArray("Sec-WebSocket-Key");
        QTest::newRow("short key") << handshake("HTTP/1.1", replaced("Sec-WebSocket-Key", "Sec-WebSocket-Key: short"))
                                   << QByteArray("Sec-WebSocket-Key");
        // 15 and 17 bytes once decoded (base64 of "0123456789abcde" / "0123456789abcdefg").
        QTest::newRow("15-byte key") << handshake("HTTP/1.1", replaced("Sec-WebSocket-Key", "Sec-WebSocket-Key: MDEyMzQ1Njc4OWFiY2Rl"))
                                     << QByteArray("Sec-WebSocket-Key");
        QTest::newRow("17-byte key") << handshake("HTTP/1.1", replaced("Sec-WebSocket-Key", "Sec-WebSocket-Key: MDEyMzQ1Njc4OWFiY2RlZmc="))
                                     << QByteArray("Sec-WebSocket-Key");
        QTest::newRow("not base64") << handshake("HTTP/1.1", replaced("Sec-WebSocket-Key", "Sec-WebSocket-Key: !!!!!!!!!!!!!!!!!!!!!!==")) << QByteArray("Sec-WebSocket-Key");
        QTest::newRow("no Connection") << handshake("HTTP/1.1", without("Connection")) << QByteArray("Connection");
        QTest::newRow("Connection: close") << handshake("HTTP/1.1", replaced("Connection", "Connection: close"))
                                           << QByteArray("Connection");
        QTest::newRow("HTTP/1.0") << handshake("HTTP/1.0", goodHeaders()) << QByteArray("HTTP/1.1");
    }
    void badHandshakes()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, reason);
        const QByteArray reply = rawExchange(m_server->port(), request);
        QVERIFY2(reply.startsWith("HTTP/1.1 400 "), reply.constData());
        QVERIFY2(reply.mid(reply.indexOf("\r\n\r\n")).contains(reason), reply.constData());
        QCOMPARE(m_server->clientCount(), 0);
    }

    void goodHandshakeVariants()
    {
        // "Connection: keep-alive, Upgrade" is what Firefox sends.
        QList<QByteArray> h = goodHeaders();
        h[2] = "Connection: keep-alive, Upgrade";
        const QByteArray reply = rawExchange(m_server->port(), handshake("HTTP/1.1", h), 500);
        QVERIFY2(reply.startsWith("HTTP/1.1 101"), reply.constData());
        // RFC 6455 1.3's worked example: this key's accept value.
        QVERIFY(reply.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void wrongVersionGets426()
    {
        QList<QByteArray> h = goodHeaders();
        h[3] = "Sec-WebSocket-Version: 8";
        const QByteArray reply = rawExchange(m_server->port(), handshake("HTTP/1.1", h));
        QVERIFY2(reply.startsWith("HTTP/1.1 426") && reply.contains("Sec-WebSocket-Version: 13"), reply.constData());
    }

    void maskedMessageIsAnswered()
    {
        RawSession s;
        QVERIFY(s.open(m_server->port()));
        QVERIFY(s.waitFor(0x1)); // hello
        s.frames.clear();
        s.socket->write(clientFrame(true, 0x1, R"({"type":"ping","id":7})"));
        const auto pong = s.waitFor(0x1);
        QVERIFY(pong && pong->contains("\"pong\""));
    }

    // RFC 6455 5.1: "The server MUST close the connection upon receiving a frame that is not masked"
    // (status 1002, protocol error, per 7.4.1).
    void unmaskedFrameFailsTheConnection()
    {
        RawSession s;
        QVERIFY(s.open(m_server->port()));
        QVERIFY(s.waitFor(0x1));
        s.frames.clear();
        s.socket->write(clientFrame(true, 0x1, R"({"type":"ping","id":7})", false));
        QCOMPARE(s.closeCode(), 1002);
        for (const auto &f : std::as_const(s.frames))
            QVERIFY2(!f.second.contains("\"pong\""), "an unmasked message was processed");
    }

    // "é" is C3 A9 in UTF-8; RFC 6455 8.1 validates the whole message, not each fragment.
    void utf8SplitAcrossFragmentsIsAccepted()
    {
        RawSession s;
        QVERIFY(s.open(m_server->port()));
        QVERIFY(s.waitFor(0x1));
        s.frames.clear();
        const QByteArray message = "{\"type\":\"ping\",\"id\":\"caf\xC3\xA9\"}";
        const qsizetype split = message.indexOf('\xC3') + 1;
        s.socket->write(clientFrame(false, 0x1, message.left(split)));
        s.socket->write(clientFrame(true, 0x0, message.mid(split)));
        const auto pong = s.waitFor(0x1);
        QVERIFY2(pong && pong->contains("caf\xC3\xA9"), pong ? pong->constData() : "closed");
    }

    void invalidUtf8IsClosedWith1007()
    {
        RawSession s;
        QVERIFY(s.open(m_server->port()));
        QVERIFY(s.waitFor(0x1));
        s.frames.clear();
        s.socket->write(clientFrame(false, 0x1, "{\"type\":\"ping\",\"id\":\"\xC3"));
        s.socket->write(clientFrame(true, 0x0, "(\"}")); // C3 28: not a continuation byte
        QCOMPARE(s.closeCode(), 1007);
    }
};

QTEST_GUILESS_MAIN(TestWsConformance)
#include "tst_wsconformance.moc"
