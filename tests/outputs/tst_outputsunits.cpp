// Unit rules of the outputs layer: the Audio Sync packet against the receiver's own struct, and the
// option parsers for --wled and --mqtt.
#include "outputs/mqttoptions.h"
#include "outputs/wledmapper.h"
#include "outputs/wledoptions.h"
#include "outputs/wledpacket.h"

#include <QTest>

#include <cstring>

using namespace spectray::outputs;

namespace {
// WLED's receiver definition (usermods/audioreactive/audio_reactive.h, struct audioSyncPacket),
// restated field by field from the protocol: NOT packed, so natural alignment decides the offsets.
// The receiver reinterpret_casts the datagram to this struct on a little-endian ESP32; this test
// runs on little-endian x86-64 and does the same with memcpy.
struct ReceiverPacket
{
    char header[6];
    float sampleRaw;
    float sampleSmth;
    uint8_t samplePeak;
    uint8_t reserved1;
    uint8_t fftResult[16];
    float FFT_Magnitude;
    float FFT_MajorPeak;
};
static_assert(sizeof(ReceiverPacket) == 44, "the receiver accepts exactly sizeof(audioSyncPacket) == 44 bytes");
} // namespace

class TestOutputsUnits final : public QObject
{
    Q_OBJECT

private slots:
    void packetMatchesReceiverStruct()
    {
        WledPacketFields f;
        f.sampleRaw = 123.5f;
        f.sampleSmth = 77.25f;
        f.samplePeak = 1;
        f.frameCounter = 200;
        for (int i = 0; i < 16; ++i)
            f.fftResult[std::size_t(i)] = quint8(i * 16);
        f.fftMagnitude = 512.0f;
        f.fftMajorPeak = 1000.5f;
        WledPacket bytes;
        encodeWledPacket(f, bytes);
        QCOMPARE(int(bytes.size()), 44);
        ReceiverPacket r;
        std::memcpy(&r, bytes.data(), sizeof r);
        QCOMPARE(std::strncmp(r.header, "00002", 6), 0); // isValidUdpSyncVersion(): strncmp over 6 bytes
        QCOMPARE(r.header[5], '\0');
        QCOMPARE(r.sampleRaw, 123.5f);
        QCOMPARE(r.sampleSmth, 77.25f);
        QCOMPARE(r.samplePeak, uint8_t(1));
        QCOMPARE(r.reserved1, uint8_t(200));
        for (int i = 0; i < 16; ++i)
            QCOMPARE(r.fftResult[i], uint8_t(i * 16));
        QCOMPARE(r.FFT_Magnitude, 512.0f);
        QCOMPARE(r.FFT_MajorPeak, 1000.5f);
        // The padding bytes are zero.
        QCOMPARE(bytes[6], '\0');
        QCOMPARE(bytes[7], '\0');
        QCOMPARE(bytes[34], '\0');
        QCOMPARE(bytes[35], '\0');
    }

    void silencePacket()
    {
        const WledPacketFields s = WledMapper::silence();
        QCOMPARE(s.sampleRaw, 0.0f);
        QCOMPARE(s.samplePeak, quint8(0));
        QCOMPARE(s.fftMagnitude, 0.0f);
        QCOMPARE(s.fftMajorPeak, 1.0f); // inside the receiver's 1..11025 clamp
        for (quint8 v : s.fftResult)
            QCOMPARE(v, quint8(0));
    }

    void mapperClampsToWledRanges()
    {
        WledMapper m(50);
        spectray::AudioFeatures f;
        f.level = 5.0f; // absurdly loud
        f.geq.fill(3.0f);
        f.peakHz = 20000.0f;
        f.peakMagnitude = 10.0f;
        const WledPacketFields p = m.map(f, true);
        QVERIFY(p.sampleRaw <= 255.0f);
        QCOMPARE(p.samplePeak, quint8(1));
        for (quint8 v : p.fftResult)
            QVERIFY(v <= 254);
        QCOMPARE(p.fftMajorPeak, 11025.0f);
        QVERIFY(p.fftMagnitude <= 1020.0f);
        f.level = std::numeric_limits<float>::quiet_NaN();
        const WledPacketFields q = m.map(f, false);
        QCOMPARE(q.sampleRaw, 0.0f);
    }

    void wledTargets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        using K = WledTarget::Kind;
        QTest::newRow("multicast") << "multicast" << int(K::Multicast) << "239.0.0.1" << 11988;
        QTest::newRow("multicast port") << "multicast:12000" << int(K::Multicast) << "239.0.0.1" << 12000;
        QTest::newRow("group") << "239.0.0.1:11988" << int(K::Multicast) << "239.0.0.1" << 11988;
        QTest::newRow("other group") << "239.255.1.2" << int(K::Multicast) << "239.255.1.2" << 11988;
        QTest::newRow("broadcast") << "broadcast" << int(K::Broadcast) << "255.255.255.255" << 11988;
        QTest::newRow("broadcast addr") << "255.255.255.255:5000" << int(K::Broadcast) << "255.255.255.255" << 5000;
        QTest::newRow("unicast ip") << "192.168.1.50" << int(K::Unicast) << "192.168.1.50" << 11988;
        QTest::newRow("unicast port") << "127.0.0.1:4000" << int(K::Unicast) << "127.0.0.1" << 4000;
        QTest::newRow("host") << "wled-kitchen.local" << int(K::Unicast) << "wled-kitchen.local" << 11988;
        QTest::newRow("host port") << "wled:1" << int(K::Unicast) << "wled" << 1;
        QTest::newRow("ipv6") << "[::1]:11988" << int(K::Unicast) << "::1" << 11988;
    }
    void wledTargets()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, host);
        QFETCH(int, port);
        WledTarget t;
        QString error;
        QVERIFY2(parseWledTarget(text, &t, &error), qPrintable(error));
        QCOMPARE(int(t.kind), kind);
        QCOMPARE(t.host, host);
        QCOMPARE(int(t.port), port);
        // The printed form parses back to the same target.
        WledTarget again;
        QVERIFY(parseWledTarget(t.toString(), &again, &error));
        QCOMPARE(again, t);
    }

    void badWledTargets_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : { "", "multicast:0", "multicast:65536", "host:port", "a b", "host:", "::1", "[::1",
                 "0.0.0.0", "-bad-.example", "wled:1:2" })
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void badWledTargets()
    {
        QFETCH(QString, text);
        WledTarget t;
        QString error;
        QVERIFY(!parseWledTarget(text, &t, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(u'\n'));
    }

    void wledTargetList()
    {
        QList<WledTarget> targets;
        QString error;
        QVERIFY(parseWledTargets({}, &targets, &error));
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets[0].toString(), QStringLiteral("239.0.0.1:11988"));
        QVERIFY(parseWledTargets(
            { QStringLiteral("127.0.0.1:1,127.0.0.1:2"), QStringLiteral("multicast"), QStringLiteral("239.0.0.1") },
            &targets, &error));
        QCOMPARE(targets.size(), 3); // the duplicate group is dropped
        QVERIFY(!parseWledTargets({ QStringLiteral("ok.example"), QStringLiteral("bad host") }, &targets, &error));
        int ttl = 0;
        QVERIFY(parseWledTtl(QStringLiteral("1"), &ttl, &error));
        QCOMPARE(ttl, 1);
        QVERIFY(!parseWledTtl(QStringLiteral("0"), &ttl, &error));
        QVERIFY(!parseWledTtl(QStringLiteral("256"), &ttl, &error));
    }

    void mqttUrls()
    {
        MqttOptions o;
        QString error;
        QVERIFY2(parseMqttUrl(QStringLiteral("mqtt://user:p%40ss@broker.lan:1884/home/spectrum"), &o, &error),
            qPrintable(error));
        QVERIFY(o.enabled);
        QCOMPARE(o.host, QStringLiteral("broker.lan"));
        QCOMPARE(int(o.port), 1884);
        QVERIFY(!o.tls);
        QCOMPARE(o.username, QStringLiteral("user"));
        QCOMPARE(o.password, QStringLiteral("p@ss"));
        QCOMPARE(o.prefix, QStringLiteral("home/spectrum"));

        MqttOptions t;
        t.caFile = QStringLiteral("/etc/ca.pem"); // kept: the URL does not carry it
        QVERIFY(parseMqttUrl(QStringLiteral("mqtts://10.0.0.2"), &t, &error));
        QVERIFY(t.tls);
        QCOMPARE(int(t.port), 8883);
        QCOMPARE(t.caFile, QStringLiteral("/etc/ca.pem"));
        QVERIFY(t.prefix.startsWith(QStringLiteral("spectray/")));
        QCOMPARE(t.prefix, defaultMqttPrefix());
        QVERIFY(validMqttPrefix(defaultMqttPrefix()));

        for (const char *bad : { "http://broker", "mqtt://", "mqtt://host:0", "mqtt://host:99999", "mqtt://host/a/+/b",
                 "mqtt://host/a?x=1", "mqtt://host/a#", "broker:1883" }) {
            MqttOptions b;
            QVERIFY2(!parseMqttUrl(QString::fromLatin1(bad), &b, &error), bad);
            QVERIFY(!error.isEmpty());
            QVERIFY(!b.enabled);
        }
    }
};

QTEST_GUILESS_MAIN(TestOutputsUnits)
#include "tst_outputsunits.moc"
