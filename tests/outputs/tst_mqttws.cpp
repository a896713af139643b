// One frame stream to both outputs, as the session wires it: the WebSocket server and the MQTT
// publisher get the same SpectrumFrames; a WebSocket client (binary format) and an MQTT subscriber
// must see the same sequence numbers and byte-identical binary frames.
#include "mosquittobroker.h"
#include "netclient.h"
#include "outputs/mqttpublisher.h"

#include <QTest>
#include <QtEndian>

using namespace spectray;
using namespace spectray::net::test;

class TestMqttWs final : public QObject
{
    Q_OBJECT

private slots:
    void sameFramesOnWebSocketAndMqtt()
    {
        if (!testmqtt::Broker::available())
            QSKIP("mosquitto / mosquitto_sub not installed (scripts/install-deps.sh --test)");
        testmqtt::Broker broker;
        QVERIFY(broker.start());
        net::StreamServer server;
        QString error;
        QVERIFY2(server.listen(testOptions(), &error), qPrintable(error));
        server.publishLayout(testLayout());
        Client ws;
        ws.open(server.port());
        QVERIFY(ws.waitHello());
        ws.send("{\"type\":\"subscribe\",\"format\":\"binary\"}");
        QTRY_COMPARE(ws.count(QStringLiteral("subscribed")), 1);

        testmqtt::Subscriber sub(broker.port(), QStringLiteral("tws/frame"));
        outputs::MqttOptions o;
        QVERIFY(outputs::parseMqttUrl(QStringLiteral("mqtt://127.0.0.1:%1/tws").arg(broker.port()), &o, &error));
        o.frameRate = 60; // the 30 fps below all pass
        outputs::MqttPublisher mqtt;
        QVERIFY(mqtt.start(o, &error));
        QTRY_COMPARE_WITH_TIMEOUT(mqtt.state(), outputs::MqttPublisher::State::Connected, 10000);
        QTest::qWait(500); // mosquitto_sub has subscribed

        for (quint64 seq = 500; seq < 530; ++seq) {
            const SpectrumFrame f = testFrame(seq);
            server.publishFrame(f);
            mqtt.publishFrame(f);
            QTest::qWait(33);
        }
        QTRY_VERIFY_WITH_TIMEOUT(ws.binaries.size() >= 30 && sub.on("tws/frame").size() >= 30, 5000);
        const QList<testmqtt::Message> viaMqtt = sub.on("tws/frame");
        QCOMPARE(viaMqtt.size(), ws.binaries.size());
        for (qsizetype i = 0; i < viaMqtt.size(); ++i) {
            QCOMPARE(viaMqtt[i].payload, ws.binaries[i]); // one codec: byte for byte the same frame
            QCOMPARE(qFromLittleEndian<quint64>(viaMqtt[i].payload.constData() + 8), quint64(500 + i));
        }
    }
};

QTEST_GUILESS_MAIN(TestMqttWs)
#include "tst_mqttws.moc"
