#include "core/wireformat.h"
#include "dsp/quantize.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace spectray;

class TestWireFormat final : public QObject
{
    Q_OBJECT

private slots:
    void frameKeepsTheSeedFields()
    {
        SpectrumFrame f;
        f.bands = {0, 1, 1000, 1500, 42};
        f.bass = 1234;
        f.level = 999;
        f.sequence = 77;
        f.streamTime = 2.5;
        f.wallClockMs = 1700000000123;
        const QByteArray json = wire::frameJson(f);
        QJsonParseError err;
        const QJsonObject o = QJsonDocument::fromJson(json, &err).object();
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(o.value(u"type").toString(), QStringLiteral("frame"));
        QCOMPARE(o.value(u"seq").toInteger(), 77);
        QCOMPARE(o.value(u"t").toDouble(), 2.5);
        QCOMPARE(o.value(u"ts").toInteger(), 1700000000123);
        QCOMPARE(o.value(u"bass").toInt(), 1234);
        QCOMPARE(o.value(u"level").toInt(), 999);
        QCOMPARE(o.value(u"scale").toInt(), 1000);
        const QJsonArray bands = o.value(u"frequencies").toArray();
        QCOMPARE(bands.size(), 5);
        QCOMPARE(bands.at(3).toInt(), 1500);
        QCOMPARE(bands.at(4).toInt(), 42);
    }

    void offlineFrameHasNoWallClock()
    {
        SpectrumFrame f;
        f.bands = {};
        const QJsonObject o = QJsonDocument::fromJson(wire::frameJson(f)).object();
        QVERIFY(!o.contains(u"ts"));
        QVERIFY(o.value(u"frequencies").isArray());
        QCOMPARE(o.value(u"frequencies").toArray().size(), 0);
    }

    void layoutObject()
    {
        BandLayout l;
        l.edgesHz = {20, 40, 80};
        l.bandLatencyMs = {90, 12};
        l.fps = 60;
        l.sampleRate = 48000;
        l.profile = QStringLiteral("default");
        l.fftSize = 2048;
        l.bassFftSize = 16384;
        const QJsonObject o = QJsonDocument::fromJson(wire::layoutJson(l)).object();
        QCOMPARE(o.value(u"type").toString(), QStringLiteral("layout"));
        QCOMPARE(o.value(u"bands").toInt(), 2);
        QCOMPARE(o.value(u"edges").toArray().size(), 3);
        QCOMPARE(o.value(u"rate").toInt(), 48000);
        QCOMPARE(o.value(u"fps").toInt(), 60);
        QCOMPARE(o.value(u"bass_fft_size").toInt(), 16384);
        QCOMPARE(o.value(u"scale").toInt(), 1000);
    }

    void oneScaleEverywhere()
    {
        // The protocol's full scale is 1000 (the seed's "scale"); the analyzer's quantizer, a fresh
        // frame and the layout must all say the same.
        QCOMPARE(wire::kScale, 1000);
        QCOMPARE(SpectrumFrame{}.scale, 1000);
        QCOMPARE(wire::layoutObject(BandLayout{}).value(u"scale").toInt(), 1000);
        QCOMPARE(int(dsp::quantizeBand(1.0f)), 1000);
        QCOMPARE(dsp::quantizeScalar(1.0), 1000);
    }
};

QTEST_GUILESS_MAIN(TestWireFormat)
#include "tst_wireformat.moc"
