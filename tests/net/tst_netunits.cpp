#include "net/accessguard.h"
#include "net/binaryframe.h"
#include "net/httprequest.h"
#include "net/netsettings.h"

#include "wiredecoder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spectray;
using namespace spectray::net;

class TestNetUnits final : public QObject
{
    Q_OBJECT

private slots:
    void binaryRoundTrip()
    {
        SpectrumFrame f;
        f.bands = {0, 1, 1500, -3, 32767};
        f.bass = 1200;
        f.level = 999;
        f.sequence = 0x0102030405060708ULL;
        f.streamTime = 12.5;
        f.wallClockMs = 1700000000123LL;
        f.playTsMs = f.wallClockMs + 210;
        QByteArray bytes;
        encodeBinaryFrame(f, bytes);
        QCOMPARE(bytes.size(), kBinaryHeaderBytes + 2 * 5);
        QCOMPARE(bytes.left(4), QByteArray("SPTR"));
        QCOMPARE(quint8(bytes[6]), quint8(5)); // little-endian band count
        QCOMPARE(quint8(bytes[8]), quint8(0x08)); // little-endian sequence
        // Every field as docs/protocol.md places it, read by the test's own decoder.
        const auto d = test::decodeWireFrame(bytes);
        QVERIFY(d);
        QCOMPARE(d->sequence, f.sequence);
        QCOMPARE(d->streamTime, 12.5);
        QCOMPARE(d->wallClockMs, f.wallClockMs);
        QCOMPARE(d->scale, 1000);
        QCOMPARE(d->bass, 1200);
        QCOMPARE(d->level, 999);
        QVERIFY(d->hasPlayTime());
        QCOMPARE(d->playDelayMs, 210);
        QCOMPARE(d->playTsMs(), f.playTsMs);
        QCOMPARE(d->bands, (std::vector<int>{0, 1, 1500, -3, 32767}));
        SpectrumFrame back;
        QVERIFY(decodeBinaryFrame(bytes, &back));
        QCOMPARE(back, f);
        QVERIFY(!decodeBinaryFrame(bytes.left(20), &back));
    }

    void requestHead()
    {
        HttpRequestHead h;
        int used = 0;
        QCOMPARE(parseRequestHead("GET /ws?t=ab%20c HTTP/1.1\r\nHost: x:1\r\nUpgrade: WebSocket\r\n\r\nrest", 8192, &h, &used),
                 HeadStatus::Complete);
        QCOMPARE(h.path, QByteArray("/ws"));
        QCOMPARE(h.query.queryItemValue(QStringLiteral("t"), QUrl::FullyDecoded), QStringLiteral("ab c"));
        QVERIFY(h.isWebSocketUpgrade());
        QCOMPARE(h.header("host"), QByteArray("x:1"));
        QCOMPARE(used, 60);
        QCOMPARE(parseRequestHead("GET / HTTP/1.1\r\nHost: x", 8192, &h), HeadStatus::Incomplete);
        QCOMPARE(parseRequestHead(QByteArray(9000, 'a'), 8192, &h), HeadStatus::TooLarge);
        QCOMPARE(parseRequestHead("garbage\r\n\r\n", 8192, &h), HeadStatus::Malformed);
        QCOMPARE(parseRequestHead("GET /%2e%2e/x HTTP/1.1\r\n\r\n", 8192, &h), HeadStatus::Complete);
        QCOMPARE(h.path, QByteArray("/../x")); // decoded, and then simply not in the asset table
    }

    void guardRules()
    {
        AccessGuard g;
        g.setConfig({QStringLiteral("t0k"), false, {QStringLiteral("http://ok.example")}, 3, 1000, 5000});
        const QHostAddress lan(QStringLiteral("192.168.1.20"));
        const QHostAddress lo(QHostAddress::LocalHost);
        using V = AccessGuard::Verdict;
        QCOMPARE(g.check(lo, {}, {}, {}, 0), V::Allowed);
        QCOMPARE(g.check(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), {}, {}, {}, 0), V::Allowed);
        QCOMPARE(g.check(lan, QStringLiteral("t0k"), {}, {}, 0), V::Allowed);
        QCOMPARE(g.check(lan, {}, {}, {}, 0), V::BadToken);
        QCOMPARE(g.check(lo, {}, QStringLiteral("http://evil.example"), QStringLiteral("h:1"), 0), V::BadOrigin);
        QCOMPARE(g.check(lo, {}, QStringLiteral("http://h:1"), QStringLiteral("h:1"), 0), V::Allowed);
        QCOMPARE(g.check(lo, {}, QStringLiteral("http://ok.example"), QStringLiteral("h:1"), 0), V::Allowed);
        QCOMPARE(g.check(lan, QStringLiteral("x"), {}, {}, 10), V::BadToken);
        QCOMPARE(g.check(lan, QStringLiteral("y"), {}, {}, 20), V::BadToken); // third failure: locked
        QCOMPARE(g.check(lan, QStringLiteral("t0k"), {}, {}, 30), V::LockedOut);
        QCOMPARE(g.check(lan, QStringLiteral("t0k"), {}, {}, 6000), V::Allowed);
    }

    void tokenSettings()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        const QString a = generateToken();
        QCOMPARE(a.size(), 32);
        QVERIFY(keys::isValidToken(a));
        QVERIFY(a != generateToken());
        const QString t = ensureToken(s);
        QCOMPARE(ensureToken(s), t); // persisted, not regenerated
        s.setValue(keys::serverLanAccess, false);
        const ServerOptions o = serverOptionsFrom(s);
        QCOMPARE(o.token, t);
        QCOMPARE(o.port, quint16(8737));
        QVERIFY(o.bindAddress.isLoopback());
        QVERIFY(!s.setValue(keys::serverBind, QStringLiteral("not-an-ip")));
        QVERIFY(!s.setValue(keys::serverAllowedOrigins, QStringLiteral("javascript:x")));
    }
};

QTEST_GUILESS_MAIN(TestNetUnits)
#include "tst_netunits.moc"
