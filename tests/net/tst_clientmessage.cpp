// Client message rules (issue #9 item 7): `rate` is a finite number clamped to 1..240, the highest
// frame rate the engine allows (docs/protocol.md); the stream's own rate is applied when sending.
#include "net/clientmessage.h"

#include <QTest>

using namespace spectray::net;

class TestClientMessage final : public QObject
{
    Q_OBJECT

private slots:
    void rate_data()
    {
        QTest::addColumn<QByteArray>("rate");
        QTest::addColumn<int>("expected"); // -1 = bad_rate
        // Expected values worked out by hand from "clamp to 1..240, whole frames".
        QTest::newRow("15") << QByteArray("15") << 15;
        QTest::newRow("60") << QByteArray("60") << 60;
        QTest::newRow("61") << QByteArray("61") << 61;
        QTest::newRow("240") << QByteArray("240") << 240;
        QTest::newRow("240.4") << QByteArray("240.4") << 240;
        QTest::newRow("241") << QByteArray("241") << 240;
        QTest::newRow("1e308") << QByteArray("1e308") << 240;
        QTest::newRow("0.0001") << QByteArray("0.0001") << 1;
        QTest::newRow("0") << QByteArray("0") << 1;
        QTest::newRow("1.5") << QByteArray("1.5") << 2;
        QTest::newRow("1.49") << QByteArray("1.49") << 1;
        QTest::newRow("29.6") << QByteArray("29.6") << 30;
        QTest::newRow("-1") << QByteArray("-1") << 1;
        QTest::newRow("-1e308") << QByteArray("-1e308") << 1;
        QTest::newRow("string") << QByteArray("\"15\"") << -1;
        QTest::newRow("NaN string") << QByteArray("\"NaN\"") << -1;
        QTest::newRow("null") << QByteArray("null") << -1;
        QTest::newRow("true") << QByteArray("true") << -1;
        QTest::newRow("array") << QByteArray("[15]") << -1;
        QTest::newRow("object") << QByteArray("{}") << -1;
    }
    void rate()
    {
        QFETCH(QByteArray, rate);
        QFETCH(int, expected);
        const ClientRequest r = parseClientMessage(R"({"type":"subscribe","rate":)" + rate + "}");
        if (expected < 0) {
            QCOMPARE(r.kind, ClientRequest::Kind::Invalid);
            QCOMPARE(r.errorCode, QByteArray("bad_rate"));
            QVERIFY(!r.errorMessage.isEmpty());
        } else {
            QCOMPARE(r.kind, ClientRequest::Kind::Subscribe);
            QCOMPARE(r.rate.value_or(-2), expected);
        }
    }

    // JSON has no NaN/Infinity literals, and an overflowing exponent is not a finite number.
    void nonFiniteNeverBecomesARate()
    {
        for (const QByteArray &v : {QByteArray("NaN"), QByteArray("Infinity"), QByteArray("-Infinity"), QByteArray("1e400")}) {
            const ClientRequest r = parseClientMessage(R"({"type":"subscribe","rate":)" + v + "}");
            QVERIFY2(r.kind == ClientRequest::Kind::Invalid, v.constData());
            QVERIFY2(r.errorCode == "bad_rate" || r.errorCode == "bad_json", v.constData());
        }
    }

    void formatAndAbsentRate()
    {
        ClientRequest r = parseClientMessage(R"({"type":"subscribe","format":"binary"})");
        QCOMPARE(r.kind, ClientRequest::Kind::Subscribe);
        QCOMPARE(r.binary, std::optional<bool>(true));
        QVERIFY(!r.rate);
        r = parseClientMessage(R"({"type":"subscribe","format":"xml","rate":5})");
        QCOMPARE(r.errorCode, QByteArray("bad_format"));
    }

    void otherMessages()
    {
        ClientRequest r = parseClientMessage(R"({"type":"ping","id":[1,"a"]})");
        QCOMPARE(r.kind, ClientRequest::Kind::Ping);
        QVERIFY(r.id.isArray());
        QCOMPARE(parseClientMessage("{not json").errorCode, QByteArray("bad_json"));
        QCOMPARE(parseClientMessage("[1]").errorCode, QByteArray("bad_json"));
        QCOMPARE(parseClientMessage(R"({"type":"nope"})").errorCode, QByteArray("unknown_type"));
    }
};

QTEST_GUILESS_MAIN(TestClientMessage)
#include "tst_clientmessage.moc"
