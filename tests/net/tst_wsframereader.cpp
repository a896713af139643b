// WsFrameReader against RFC 6455's own examples (section 5.7) and UTF-8 sequences from
// Unicode's table 3-7 (well-formed byte sequences).
#include "net/wsframereader.h"

#include <QTest>

using namespace spectray::net;
using Kind = WsFrameReader::Event::Kind;

namespace {
QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

// Masks `payload` with a fixed key into a frame (RFC 6455 5.2), independent of the reader.
QByteArray frame(quint8 first, const QByteArray &payload)
{
    const char key[4] = {'\x37', '\xfa', '\x21', '\x3d'};
    QByteArray f;
    f += char(first);
    if (payload.size() < 126) {
        f += char(0x80 | payload.size());
    } else {
        f += char(0x80 | 126);
        f += char(payload.size() >> 8);
        f += char(payload.size() & 0xff);
    }
    f.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f += char(payload[i] ^ key[i % 4]);
    return f;
}

QList<WsFrameReader::Event> read(const QByteArray &bytes, qsizetype max = 4096, int chunk = 0)
{
    WsFrameReader r(max);
    QList<WsFrameReader::Event> out;
    if (chunk <= 0) {
        r.feed(bytes, out);
        return out;
    }
    for (qsizetype i = 0; i < bytes.size(); i += chunk)
        r.feed(QByteArrayView(bytes).sliced(i, std::min<qsizetype>(chunk, bytes.size() - i)), out);
    return out;
}
} // namespace

class TestWsFrameReader final : public QObject
{
    Q_OBJECT

private slots:
    void rfcMaskedHello()
    {
        // RFC 6455 5.7: "A single-frame masked text message" containing "Hello".
        for (int chunk : {0, 1, 3}) {
            const auto e = read(hex("818537fa213d7f9f4d5158"), 4096, chunk);
            QCOMPARE(e.size(), 1);
            QCOMPARE(e[0].kind, Kind::Text);
            QCOMPARE(e[0].payload, QByteArray("Hello"));
        }
    }

    void rfcUnmaskedHelloIsRefused()
    {
        // RFC 6455 5.7: the unmasked form, which only a server may send.
        const auto e = read(hex("810548656c6c6f"));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, Kind::Error);
        QCOMPARE(e[0].code, 1002);
    }

    void rfcMaskedPong()
    {
        const auto e = read(hex("8a8537fa213d7f9f4d5158"));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, Kind::Pong);
        QCOMPARE(e[0].payload, QByteArray("Hello"));
    }

    void fragmentsWithPingBetween()
    {
        // RFC 6455 5.4: control frames may come between the fragments of a message.
        const QByteArray bytes = frame(0x01, "Hel") + frame(0x89, "p") + frame(0x80, "lo");
        const auto e = read(bytes, 4096, 2);
        QCOMPARE(e.size(), 2);
        QCOMPARE(e[0].kind, Kind::Ping);
        QCOMPARE(e[1].kind, Kind::Text);
        QCOMPARE(e[1].payload, QByteArray("Hello"));
    }

    void utf8SplitAcrossFragments()
    {
        // U+1D11E (musical symbol G clef) = F0 9D 84 9E, split after every byte.
        const QByteArray bytes = frame(0x01, "\xF0") + frame(0x00, "\x9D") + frame(0x00, "\x84") + frame(0x80, "\x9E!");
        const auto e = read(bytes);
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, Kind::Text);
        QCOMPARE(e[0].payload, QByteArray("\xF0\x9D\x84\x9E!"));
    }

    void utf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("abc") << true;
        QTest::newRow("e acute") << QByteArray("\xC3\xA9") << true;
        QTest::newRow("euro") << QByteArray("\xE2\x82\xAC") << true;
        QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << true;
        QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
        QTest::newRow("overlong /") << QByteArray("\xC0\xAF") << false;
        QTest::newRow("overlong 3") << QByteArray("\xE0\x80\xAF") << false;
        QTest::newRow("overlong 4") << QByteArray("\xF0\x80\x80\xAF") << false;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
        QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
        QTest::newRow("F5") << QByteArray("\xF5\x80\x80\x80") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("truncated") << QByteArray("\xE2\x82") << false;
        QTest::newRow("C3 28") << QByteArray("\xC3\x28") << false;
    }
    void utf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        const auto e = read(frame(0x81, bytes));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, valid ? Kind::Text : Kind::Error);
        if (!valid)
            QCOMPARE(e[0].code, 1007);
    }

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("continuation first") << frame(0x80, "x") << 1002;
        QTest::newRow("text inside text") << frame(0x01, "a") + frame(0x81, "b") << 1002;
        QTest::newRow("fragmented ping") << frame(0x09, "x") << 1002;
        QTest::newRow("long ping") << frame(0x89, QByteArray(126, 'x')) << 1002;
        QTest::newRow("reserved bit") << frame(0xC1, "x") << 1002;
        QTest::newRow("opcode 3") << frame(0x83, "x") << 1002;
        QTest::newRow("opcode B") << frame(0x8B, "") << 1002;
        QTest::newRow("close 1 byte") << frame(0x88, "\x03") << 1002;
        QTest::newRow("close code 1005") << frame(0x88, hex("03ed")) << 1002;
        QTest::newRow("close code 999") << frame(0x88, hex("03e7")) << 1002;
        QTest::newRow("close reason not UTF-8") << frame(0x88, hex("03e8ff")) << 1007;
        QTest::newRow("frame over limit") << frame(0x81, QByteArray(200, 'x')) << 1009;
        QTest::newRow("message over limit") << frame(0x01, QByteArray(100, 'x')) + frame(0x80, QByteArray(100, 'x')) << 1009;
        // A 64-bit length of 2^63: refused from the header alone, nothing is buffered.
        QTest::newRow("huge length") << hex("81ff8000000000000000") << 1009;
    }
    void protocolErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const auto e = read(bytes, 150);
        QVERIFY(!e.isEmpty());
        QCOMPARE(e.last().kind, Kind::Error);
        QCOMPARE(e.last().code, code);
    }

    void closeFrames()
    {
        auto e = read(frame(0x88, ""));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, Kind::Close);
        QCOMPARE(e[0].code, 1005);
        e = read(frame(0x88, hex("03e8") + "bye") + frame(0x81, "ignored"));
        QCOMPARE(e.size(), 1); // nothing is read after a close
        QCOMPARE(e[0].code, 1000);
        QCOMPARE(e[0].payload, QByteArray("bye"));
    }

    void sixteenBitLength()
    {
        const QByteArray text(300, 'a');
        const auto e = read(frame(0x81, text), 4096, 7);
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].payload, text);
    }
};

QTEST_GUILESS_MAIN(TestWsFrameReader)
#include "tst_wsframereader.moc"
