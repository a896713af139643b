#include "core/binaryframe.h"
#include "core/wireformat.h"
#include "dsp/analyzerconfig.h"
#include "dsp/quantize.h"
#include "wiredecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

using namespace spectray;

class TestWireFormat final : public QObject
{
    Q_OBJECT

    // The frame of docs/protocol.md's example.
    static SpectrumFrame sampleFrame()
    {
        SpectrumFrame f;
        f.bands = {0, 1, 1000, 1500, 42};
        f.bass = 1234;
        f.level = 999;
        f.sequence = 77;
        f.streamTime = 2.5;
        f.wallClockMs = 1700000000123;
        return f;
    }

private slots:
    void frameKeepsTheSeedFields()
    {
        const QByteArray json = wire::frameJson(sampleFrame());
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

    void frameBytesAsDocumented()
    {
        // docs/protocol.md's frame object, key order and all, written out by hand.
        SpectrumFrame f = sampleFrame();
        f.playTsMs = 1700000000268;
        QCOMPARE(wire::frameJson(f),
                 QByteArray("{\"type\":\"frame\",\"seq\":77,\"t\":2.500000,\"ts\":1700000000123,"
                            "\"play_ts\":1700000000268,"
                            "\"frequencies\":[0,1,1000,1500,42],\"bass\":1234,\"level\":999,\"scale\":1000}"));
        f.playTsMs = 0; // unknown: the key is absent, the rest as before play time existed
        QCOMPARE(wire::frameJson(f),
                 QByteArray("{\"type\":\"frame\",\"seq\":77,\"t\":2.500000,\"ts\":1700000000123,"
                            "\"frequencies\":[0,1,1000,1500,42],\"bass\":1234,\"level\":999,\"scale\":1000}"));
    }

    void playTsIsAnInteger()
    {
        SpectrumFrame f;
        f.wallClockMs = 1700000000000;
        f.playTsMs = 1700000000350;
        const QJsonObject o = QJsonDocument::fromJson(wire::frameJson(f)).object();
        QCOMPARE(o.value(u"play_ts").toInteger(), 1700000000350);
        QCOMPARE(o.value(u"ts").toInteger(), 1700000000000);
    }

    void secondsAsPrintf_data()
    {
        QTest::addColumn<double>("t");
        for (double t : {0.0, 1e-7, 0.0000005, 0.1, 1.0 / 3.0, 2.5, 41.133333, 86400.123456789, 123456789.987654321})
            QTest::addRow("%.9g", t) << t;
    }
    void secondsAsPrintf()
    {
        // "t" keeps the six decimals of C's "%.6f" (what QByteArray::number(t, 'f', 6) wrote).
        QFETCH(double, t);
        SpectrumFrame f;
        f.streamTime = t;
        char expected[64];
        std::snprintf(expected, sizeof expected, "%.6f", t);
        const QByteArray json = wire::frameJson(f);
        const qsizetype at = json.indexOf("\"t\":") + 4;
        QCOMPARE(json.mid(at, json.indexOf(',', at) - at), QByteArray(expected));
    }

    void secondsAsPrintfAtSampleTimesAndHalves()
    {
        // Sample times at the common rates, values on and beside the half microsecond (where
        // rounding "%.6f" is decided by the double's exact value), negatives and the largest ones.
        std::vector<double> times;
        for (int rate : {22050, 44100, 48000, 88200, 96000, 192000})
            for (long long n = 0; n < 200000; n += 7)
                times.push_back(double(n) / rate);
        for (long long us = 0; us < 5000000; us += 997) {
            const double half = (double(us) + 0.5) / 1e6;
            times.insert(times.end(), { half, std::nextafter(half, 0.0), std::nextafter(half, 1e9), -half });
        }
        for (double t : { 4503599627.370495, 4503599627.3704955, 9.999999999e14, 123456789.0000005, 1e-300 })
            times.push_back(t);
        SpectrumFrame f;
        QByteArray json;
        char expected[64];
        for (double t : times) {
            f.streamTime = t;
            wire::writeFrameJson(f, json);
            std::snprintf(expected, sizeof expected, "%.6f", t);
            const qsizetype at = json.indexOf("\"t\":") + 4;
            if (json.mid(at, json.indexOf(',', at) - at) != QByteArray(expected))
                QFAIL(qPrintable(QStringLiteral("t = %1: %2, printf says %3")
                                     .arg(t, 0, 'g', 17)
                                     .arg(QString::fromLatin1(json.mid(at, json.indexOf(',', at) - at)), QString::fromLatin1(expected))));
        }
    }

    void extremesStayValidJson()
    {
        SpectrumFrame f;
        f.bands = BandValues(wire::kMaxBands, qint16(-32768));
        f.bands[1] = 32767;
        f.sequence = std::numeric_limits<quint64>::max();
        f.streamTime = 1e9;
        f.wallClockMs = std::numeric_limits<qint64>::min();
        f.playTsMs = std::numeric_limits<qint64>::max();
        f.bass = std::numeric_limits<int>::min();
        f.level = std::numeric_limits<int>::max();
        QByteArray json;
        wire::writeFrameJson(f, json);
        QJsonParseError err;
        const QJsonObject o = QJsonDocument::fromJson(json, &err).object();
        QCOMPARE(err.error, QJsonParseError::NoError);
        QVERIFY(json.contains("\"seq\":18446744073709551615,"));
        QVERIFY(json.contains("\"ts\":-9223372036854775808,"));
        QVERIFY(json.contains("\"play_ts\":9223372036854775807,"));
        QCOMPARE(o.value(u"frequencies").toArray().size(), qsizetype(wire::kMaxBands));
        QCOMPARE(o.value(u"frequencies").toArray().at(0).toInt(), -32768);
        QCOMPARE(o.value(u"frequencies").toArray().at(1).toInt(), 32767);
        QCOMPARE(o.value(u"bass").toInteger(), qint64(std::numeric_limits<int>::min()));
        QCOMPARE(o.value(u"level").toInteger(), qint64(std::numeric_limits<int>::max()));
        // The buffer is reused: a shorter frame afterwards leaves nothing of the longer one.
        wire::writeFrameJson(SpectrumFrame{}, json);
        QCOMPARE(json, QByteArray("{\"type\":\"frame\",\"seq\":0,\"t\":0.000000,\"frequencies\":[],"
                                  "\"bass\":0,\"level\":0,"
                                  "\"scale\":1000}"));
    }

    void binaryCarriesPlayDelay_data()
    {
        QTest::addColumn<qint64>("playMinusTs");
        QTest::addColumn<int>("wireDelay");
        QTest::newRow("sound card") << qint64(45) << 45;
        QTest::newRow("bluetooth") << qint64(280) << 280;
        QTest::newRow("negative offset wins") << qint64(-120) << -120;
        QTest::newRow("same instant") << qint64(0) << 0;
        QTest::newRow("clamped high") << qint64(40000) << 32767;
        QTest::newRow("clamped low") << qint64(-40000) << -32768;
    }
    void binaryCarriesPlayDelay()
    {
        QFETCH(qint64, playMinusTs);
        QFETCH(int, wireDelay);
        SpectrumFrame f;
        f.bands = {3, -4, 1500};
        f.sequence = 9;
        f.wallClockMs = 1700000000000;
        f.playTsMs = f.wallClockMs + playMinusTs;
        QByteArray bytes;
        wire::encodeBinaryFrame(f, bytes);
        const auto d = test::decodeWireFrame(bytes);
        QVERIFY(d);
        QCOMPARE(d->flags, std::uint8_t(0x01));
        QCOMPARE(d->playDelayMs, wireDelay);
        QCOMPARE(d->playTsMs(), f.wallClockMs + wireDelay);
        QCOMPARE(d->bands, (std::vector<int>{3, -4, 1500}));
        QCOMPARE(d->wallClockMs, f.wallClockMs);
    }

    void binaryWithoutPlayTimeKeepsTheOldBytes()
    {
        // No play time (offline, or none known): flags 0 and offset 38 zero, as version 1 always had.
        SpectrumFrame f;
        f.bands = {1, 2};
        f.wallClockMs = 1700000000000;
        QByteArray bytes;
        wire::encodeBinaryFrame(f, bytes);
        auto d = test::decodeWireFrame(bytes);
        QVERIFY(d);
        QCOMPARE(d->flags, std::uint8_t(0));
        QCOMPARE(bytes.mid(38, 2), QByteArray(2, '\0'));
        // Offline frames have no wall clock to be relative to: no play time either.
        f.wallClockMs = 0;
        f.playTsMs = 500;
        wire::encodeBinaryFrame(f, bytes);
        d = test::decodeWireFrame(bytes);
        QVERIFY(d);
        QCOMPARE(d->flags, std::uint8_t(0));
        QCOMPARE(d->playDelayMs, 0);
    }

    void binaryOfTheMostBands()
    {
        SpectrumFrame f;
        for (int i = 0; i < wire::kMaxBands; ++i)
            f.bands << qint16(i * 5);
        QByteArray bytes;
        wire::encodeBinaryFrame(f, bytes);
        QCOMPARE(bytes.size(), qsizetype(40 + 2 * wire::kMaxBands));
        const auto d = test::decodeWireFrame(bytes);
        QVERIFY(d);
        QCOMPARE(int(d->bands.size()), wire::kMaxBands);
        QCOMPARE(d->bands.back(), (wire::kMaxBands - 1) * 5);
        // One more band than a frame holds is not a frame this build can carry.
        QByteArray tooMany = bytes + QByteArray(2, '\0');
        tooMany[6] = char((wire::kMaxBands + 1) & 0xff);
        tooMany[7] = char((wire::kMaxBands + 1) >> 8);
        SpectrumFrame back;
        QVERIFY(!wire::decodeBinaryFrame(tooMany, &back));
    }

    void bandValuesAreAValue()
    {
        BandValues a{1, 2, 3};
        BandValues b = a;
        b[1] = 7;
        QCOMPARE(a[1], qint16(2)); // a copy, not a shared list
        QVERIFY(!(a == b));
        b.resize(1);
        b.resize(3); // grown values read 0, not what was there before
        QCOMPARE(b, (BandValues{1, 0, 0}));
        BandValues c(5, 9);
        c.resize(2);
        QCOMPARE(c, (BandValues{9, 9})); // values beyond size() are not part of the value
        QCOMPARE(c.value(4, -1), qint16(-1));
        c.resize(100000);
        QCOMPARE(c.size(), qsizetype(wire::kMaxBands)); // never more than a layout can have
        QCOMPARE(dsp::kMaxBands, wire::kMaxBands);
        SpectrumFrame f;
        f.bands = {4, 5};
        SpectrumFrame g = f;
        QCOMPARE(g, f);
        g.bands[0] = 6;
        QVERIFY(!(g == f));
    }

    void offlineFrameHasNoWallClock()
    {
        SpectrumFrame f;
        f.bands = {};
        const QJsonObject o = QJsonDocument::fromJson(wire::frameJson(f)).object();
        QVERIFY(!o.contains(u"ts"));
        QVERIFY(!o.contains(u"play_ts"));
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
