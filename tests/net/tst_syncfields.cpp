// A/V sync fields of the text messages (docs/protocol.md): hello, layout and status carry
// "output_latency_ms" (the audio server's figure, or null) and "av_offset_ms" (the web pages'
// default offset); a change of either reaches connected pages.
#include "netclient.h"

#include <QJsonValue>

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

class TestSyncFields final : public QObject
{
    Q_OBJECT

private slots:
    void noFigureIsNull()
    {
        auto server = startTestServer();
        Client c;
        c.open(server->port());
        QVERIFY(c.waitHello());
        const QJsonObject h = c.json(0);
        QVERIFY(h.contains(QStringLiteral("output_latency_ms")));
        QVERIFY(h.value(QStringLiteral("output_latency_ms")).isNull());
        QCOMPARE(h.value(QStringLiteral("av_offset_ms")).toInt(-1), 0);
    }

    void figureAndOffsetInHelloStatusAndLayout()
    {
        auto server = startTestServer();
        server->setAvOffsetMs(-120);
        EngineStatus st;
        st.state = EngineStatus::State::Running;
        st.outputLatencyMs = 187.0;
        server->setEngineStatus(st);
        Client c;
        c.open(server->port());
        QVERIFY(c.waitHello());
        QCOMPARE(c.json(0).value(QStringLiteral("output_latency_ms")).toDouble(), 187.0);
        QCOMPARE(c.json(0).value(QStringLiteral("av_offset_ms")).toInt(), -120);

        st.outputLatencyMs = 42.0; // e.g. the user switched from Bluetooth to the sound card
        server->setEngineStatus(st);
        QTRY_COMPARE(c.texts.size(), 2);
        QCOMPARE(c.json(1).value(QStringLiteral("type")).toString(), QStringLiteral("status"));
        QCOMPARE(c.json(1).value(QStringLiteral("output_latency_ms")).toDouble(), 42.0);

        server->setAvOffsetMs(60);
        QTRY_COMPARE(c.texts.size(), 3);
        QCOMPARE(c.json(2).value(QStringLiteral("av_offset_ms")).toInt(), 60);

        server->publishLayout(testLayout(16, 60));
        QTRY_COMPARE(c.texts.size(), 4);
        QCOMPARE(c.json(3).value(QStringLiteral("type")).toString(), QStringLiteral("layout"));
        QCOMPARE(c.json(3).value(QStringLiteral("output_latency_ms")).toDouble(), 42.0);
        QCOMPARE(c.json(3).value(QStringLiteral("av_offset_ms")).toInt(), 60);
    }
};

QTEST_MAIN(TestSyncFields)
#include "tst_syncfields.moc"
