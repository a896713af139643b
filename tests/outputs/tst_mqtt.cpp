// The MQTT publisher against a real mosquitto broker on a loopback port this test starts.
// Frames are decoded here from docs/protocol.md ("Binary frames"), not with Spectray's decoder.
#include "mosquittobroker.h"
#include "outputs/mqttpublisher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

using namespace spectray;
using namespace spectray::testmqtt;
using outputs::MqttPublisher;

namespace {

// docs/protocol.md: "SPTR", u8 version 1, u8 flags, u16 N, u64 sequence, ..., i16 bands[N] from byte 40.
bool frameSequence(const QByteArray &data, quint64 *sequence, int *bands)
{
    if (data.size() < 40 || !data.startsWith("SPTR") || quint8(data[4]) != 1)
        return false;
    const int n = qFromLittleEndian<quint16>(data.constData() + 6);
    if (data.size() != 40 + 2 * n)
        return false;
    *sequence = qFromLittleEndian<quint64>(data.constData() + 8);
    *bands = n;
    return true;
}

outputs::MqttOptions optionsFor(quint16 port, const QString &prefix)
{
    outputs::MqttOptions o;
    QString error;
    outputs::parseMqttUrl(QStringLiteral("mqtt://127.0.0.1:%1/%2").arg(port).arg(prefix), &o, &error);
    return o;
}

BandLayout layout(int bands)
{
    BandLayout l;
    for (int i = 0; i <= bands; ++i)
        l.edgesHz.append(20.0 * std::pow(800.0, double(i) / bands));
    l.bandLatencyMs = QList<double>(bands, 10.0);
    l.profile = QStringLiteral("default");
    return l;
}

SpectrumFrame frame(quint64 sequence, int bands)
{
    SpectrumFrame f;
    f.sequence = sequence;
    f.bands = spectray::BandValues(bands, qint16(sequence % 1000));
    return f;
}

} // namespace

class TestMqtt final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (!Broker::available())
            QSKIP("mosquitto / mosquitto_sub not installed (scripts/install-deps.sh --test)");
    }

    void retainedLayoutAndStatusSeenByLateSubscriber()
    {
        Broker broker;
        QVERIFY(broker.start());
        MqttPublisher pub;
        QVERIFY(pub.start(optionsFor(broker.port(), QStringLiteral("t1/spectray"))));
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), MqttPublisher::State::Connected, 10000);
        pub.publishLayout(layout(16));
        pub.publishStatus(
            EngineStatus { EngineStatus::State::Running, QString(), QStringLiteral("dev"), QStringLiteral("Device"),
                           std::nullopt, QString() });
        QTest::qWait(300);
        Subscriber late(broker.port(), QStringLiteral("t1/spectray/#"));
        QTRY_VERIFY_WITH_TIMEOUT(late.messages.size() >= 3, 5000);
        QCOMPARE(late.on("t1/spectray/availability").constFirst().payload, QByteArray("online"));
        const QJsonObject l = QJsonDocument::fromJson(late.on("t1/spectray/layout").constFirst().payload).object();
        QCOMPARE(l.value(QLatin1String("type")).toString(), QStringLiteral("layout"));
        QCOMPARE(l.value(QLatin1String("bands")).toInt(), 16);
        const QJsonObject s = QJsonDocument::fromJson(late.on("t1/spectray/status").constFirst().payload).object();
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(s.value(QLatin1String("device")).toString(), QStringLiteral("Device"));
    }

    void framesArriveDecodedInOrder()
    {
        Broker broker;
        QVERIFY(broker.start());
        Subscriber sub(broker.port(), QStringLiteral("t2/frame"));
        outputs::MqttOptions o = optionsFor(broker.port(), QStringLiteral("t2"));
        o.frameRate = 60; // above the 30 fps fed below: every frame goes out
        MqttPublisher pub;
        QVERIFY(pub.start(o));
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), MqttPublisher::State::Connected, 10000);
        QTest::qWait(500); // mosquitto_sub has subscribed by now
        const quint64 first = 1000;
        const int count = 60;
        for (int i = 0; i < count; ++i) {
            pub.publishFrame(frame(first + quint64(i), 32));
            QTest::qWait(33);
        }
        QTRY_VERIFY_WITH_TIMEOUT(sub.on("t2/frame").size() >= count, 5000);
        quint64 expected = first;
        for (const Message &m : sub.on("t2/frame")) {
            quint64 seq = 0;
            int bands = 0;
            QVERIFY(frameSequence(m.payload, &seq, &bands));
            QCOMPARE(bands, 32);
            QCOMPARE(seq, expected++);
            QCOMPARE(qFromLittleEndian<qint16>(m.payload.constData() + 40), qint16(seq % 1000));
        }
        QCOMPARE(pub.framesPublished(), quint64(count));
    }

    void frameRateIsLimited()
    {
        Broker broker;
        QVERIFY(broker.start());
        MqttPublisher pub;
        QVERIFY(pub.start(optionsFor(broker.port(), QStringLiteral("t3")))); // default 30/s
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), MqttPublisher::State::Connected, 10000);
        QElapsedTimer t;
        t.start();
        quint64 seq = 0;
        while (t.elapsed() < 2000) { // a 100 fps engine
            pub.publishFrame(frame(seq++, 8));
            QTest::qWait(10);
        }
        const double rate = double(pub.framesPublished()) * 1000.0 / double(t.elapsed());
        qInfo("%llu frames offered, %llu published: %.1f/s at a 30/s limit", qulonglong(seq),
            qulonglong(pub.framesPublished()), rate);
        QVERIFY2(rate >= 24.0 && rate <= 33.0, qPrintable(QString::number(rate)));
    }

    void lastWillOnKill()
    {
        Broker broker;
        QVERIFY(broker.start());
        Subscriber sub(broker.port(), QStringLiteral("t4/availability"));
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QStringLiteral(SPECTRAY_OUTPUTS_DEMO),
            { QStringLiteral("--mqtt"), QStringLiteral("mqtt://127.0.0.1:%1/t4").arg(broker.port()) });
        QVERIFY(child.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(
            !sub.on("t4/availability").isEmpty() && sub.on("t4/availability").constLast().payload == "online", 10000);
        child.kill(); // SIGKILL: no clean "offline" from the publisher, only the broker's last will
        child.waitForFinished(3000);
        QTRY_VERIFY_WITH_TIMEOUT(sub.on("t4/availability").constLast().payload == "offline", 10000);
        // Retained: a subscriber arriving now sees "offline" too.
        Subscriber late(broker.port(), QStringLiteral("t4/availability"));
        QTRY_VERIFY_WITH_TIMEOUT(!late.messages.isEmpty(), 5000);
        QCOMPARE(late.messages.constFirst().payload, QByteArray("offline"));
    }

    void brokerRestartSurvived()
    {
        auto broker = std::make_unique<Broker>();
        QVERIFY(broker->start());
        const quint16 port = broker->port();
        MqttPublisher pub;
        QSignalSpy states(&pub, &MqttPublisher::stateChanged);
        QVERIFY(pub.start(optionsFor(port, QStringLiteral("t5"))));
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), MqttPublisher::State::Connected, 10000);
        pub.publishLayout(layout(8));
        broker.reset(); // broker goes away (its retained store with it: no persistence configured)
        QTRY_VERIFY_WITH_TIMEOUT(pub.state() != MqttPublisher::State::Connected, 10000);
        for (int i = 0; i < 20; ++i) { // frames while the broker is down cost nothing and go nowhere
            pub.publishFrame(frame(quint64(i), 8));
            QTest::qWait(20);
        }
        broker = std::make_unique<Broker>(port);
        QVERIFY(broker->start());
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), MqttPublisher::State::Connected, 40000);
        // Re-published on reconnect: the new broker knows layout and availability again.
        Subscriber late(port, QStringLiteral("t5/#"));
        QTRY_VERIFY_WITH_TIMEOUT(!late.on("t5/layout").isEmpty() && !late.on("t5/availability").isEmpty(), 5000);
        QCOMPARE(late.on("t5/availability").constFirst().payload, QByteArray("online"));
        QTest::qWait(300);
        for (int i = 0; i < 10; ++i) {
            pub.publishFrame(frame(quint64(100 + i), 8));
            QTest::qWait(40);
        }
        QTRY_VERIFY_WITH_TIMEOUT(late.on("t5/frame").size() >= 8, 5000);
        for (const auto &s : std::as_const(states))
            qInfo("state: %s", qPrintable(s.at(1).toString()));
    }

    void brokerDownIsOneStatusLine()
    {
        const quint16 port = freeLoopbackPort(); // nothing listens there
        MqttPublisher pub;
        QSignalSpy states(&pub, &MqttPublisher::stateChanged);
        QVERIFY(pub.start(optionsFor(port, QStringLiteral("t6"))));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 7000) {
            pub.publishFrame(frame(quint64(t.elapsed()), 8)); // returns at once while disconnected
            QTest::qWait(30);
        }
        int unreachable = 0;
        for (const auto &s : std::as_const(states))
            unreachable += s.at(0).value<MqttPublisher::State>() == MqttPublisher::State::Unreachable ? 1 : 0;
        qInfo("broker down for 7 s: %lld state message(s), last: %s", qlonglong(states.count()),
            qPrintable(pub.statusText()));
        QCOMPARE(unreachable, 1);
        QCOMPARE(states.count(), 2); // "connecting", then the one "cannot reach" line
        QCOMPARE(pub.state(), MqttPublisher::State::Unreachable);
        QCOMPARE(pub.framesPublished(), quint64(0));

        // The broker comes up: the backoff (1, 2, 4, 8, 16 s, at most 30 s) finds it.
        Broker broker(port);
        QVERIFY(broker.start());
        QElapsedTimer up;
        up.start();
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), MqttPublisher::State::Connected, 40000);
        qInfo("connected %.1f s after the broker came up", double(up.elapsed()) / 1000.0);
    }

    void stopWhileBrokerDownDoesNotHang()
    {
        MqttPublisher pub;
        QVERIFY(pub.start(optionsFor(freeLoopbackPort(), QStringLiteral("t8"))));
        QTest::qWait(3500); // into the backoff sleep
        QElapsedTimer t;
        t.start();
        pub.stop();
        qInfo("stop() with the broker down took %lld ms", qlonglong(t.elapsed()));
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(pub.state(), MqttPublisher::State::Off);
    }

    void badConfigurationIsAClearError()
    {
        MqttPublisher pub;
        outputs::MqttOptions o = optionsFor(1883, QStringLiteral("t7"));
        o.tls = true;
        o.caFile = QStringLiteral("/nonexistent/ca.pem");
        QString error;
        QVERIFY(!pub.start(o, &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent/ca.pem")));
        QCOMPARE(pub.state(), MqttPublisher::State::Off);
    }
};

QTEST_GUILESS_MAIN(TestMqtt)
#include "tst_mqtt.moc"
