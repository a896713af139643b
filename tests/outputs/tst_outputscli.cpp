// The LAN outputs through the real `spectray` binary, as a user runs it: --wled to a receiver
// written from the WLED protocol (wledreceiver.h), --mqtt to a real mosquitto broker the test starts
// (mosquittobroker.h), both on loopback with ports the kernel picked. The audio is a 1 kHz tone in a
// WAV file this test writes (the file source loops it in real time).
#include "mosquittobroker.h"
#include "wledreceiver.h"

#include "toolprocess.h"

#include <QDataStream>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <map>

using namespace spectray;

namespace {

// 2 s of a 0.5 FS sine at `hz`, 48 kHz mono 16-bit PCM (RIFF/WAVE as the format defines it): a whole
// number of cycles, so the looped file has no click.
bool writeTone(const QString &path, double hz)
{
    constexpr int rate = 48000;
    constexpr int frames = 2 * rate;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&f);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + frames * 2);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1) << quint32(rate) << quint32(rate * 2) << quint16(2) << quint16(16);
    out.writeRawData("data", 4);
    out << quint32(frames * 2);
    for (int i = 0; i < frames; ++i)
        out << qint16(std::lround(0.5 * 32767.0 * std::sin(2.0 * M_PI * hz * i / rate)));
    return out.status() == QDataStream::Ok;
}

} // namespace

class TestOutputsCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_tone;
    int m_runs = 0;

    // spectray --headless on loopback with its own settings file, the tone as the source.
    QString start(QProcess &p, const QStringList &args)
    {
        const QString ini = m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_runs));
        p.start(QStringLiteral(SPECTRAY_BINARY),
            QStringList { QStringLiteral("--headless"), QStringLiteral("--config"), ini, QStringLiteral("--port"),
                QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--source"),
                QStringLiteral("file:") + m_tone }
                + args);
        return ini;
    }

    static bool waitFor(QProcess &p, QByteArray &err, const QByteArray &needle, int ms)
    {
        return QTest::qWaitFor(
                   [&] {
                       err += p.readAllStandardError();
                       return err.contains(needle) || p.state() == QProcess::NotRunning;
                   },
                   ms)
            && err.contains(needle);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tone = m_dir.filePath(QStringLiteral("tone1k.wav"));
        QVERIFY(writeTone(m_tone, 1000.0));
    }

    // WLED's acceptance rules, the counter, ~50 packets/s, and a 1 kHz tone in channel 7 (818-1120 Hz).
    void wledReceivesTone()
    {
        testwled::Receiver rx;
        QProcess p;
        const QString ini = start(p, { QStringLiteral("--wled"), QStringLiteral("127.0.0.1:%1").arg(rx.port()) });
        QVERIFY(p.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return rx.packets.size() >= 200 || p.state() == QProcess::NotRunning; }, 30000));
        QByteArray err;
        QVERIFY2(
            waitFor(p, err, "LED sync: sending to 127.0.0.1:" + QByteArray::number(rx.port()), 10000), err.constData());
        QCOMPARE(p.state(), QProcess::Running);
        QCOMPARE(test::terminateAndWait(p), 0);

        QCOMPARE(rx.rejected, 0);
        QCOMPARE(rx.counterBreaks, 0);
        const qint64 from = rx.packets[50].atMs, to = rx.packets.back().atMs; // after start-up
        const double rate = 1000.0 * double(rx.countBetween(from, to)) / double(to - from);
        qInfo("WLED packets: %zu, %.1f packets/s over %lld ms", rx.packets.size(), rate, to - from);
        QVERIFY2(rate > 35.0 && rate < 65.0, qPrintable(QString::number(rate)));
        const testwled::AudioSyncPacket &last = rx.packets[rx.packets.size() - 2].packet;
        QCOMPARE(testwled::loudest(last), 7);
        QVERIFY2(std::abs(last.FFT_MajorPeak - 1000.0f) < 25.0f, qPrintable(QString::number(last.FFT_MajorPeak)));
        QVERIFY(!QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("ledSync/enabled"))); // per run only
    }

    // A host that cannot be found: one clear line, the other target keeps its packets, the app runs on.
    void wledUnknownHostKeepsRunning()
    {
        testwled::Receiver rx;
        QProcess p;
        start(p,
            { QStringLiteral("--wled"), QStringLiteral("no-such-wled.invalid"),
                QStringLiteral("127.0.0.1:%1").arg(rx.port()) });
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QVERIFY2(waitFor(p, err, "no-such-wled.invalid", 30000), err.constData());
        QVERIFY(QTest::qWaitFor([&] { return rx.packets.size() >= 100; }, 30000));
        QTest::qWait(1000);
        err += p.readAllStandardError();
        QCOMPARE(p.state(), QProcess::Running);
        QCOMPARE(test::terminateAndWait(p), 0);
        err += p.readAllStandardError();
        // One error line; the status line lists the target among the others.
        const QList<QByteArray> lines = err.split('\n');
        const auto errors = std::count_if(lines.begin(), lines.end(),
            [](const QByteArray &l) { return l.contains("no-such-wled.invalid") && !l.contains("sending to"); });
        QVERIFY2(errors == 1, err.constData());
        QCOMPARE(rx.rejected, 0);
    }

    // Retained layout / status / availability reach a late subscriber; the frames on PREFIX/frame
    // are byte for byte the WebSocket server's frames with the same sequence numbers.
    void mqttRetainedAndSameFramesAsWebSocket()
    {
        if (!testmqtt::Broker::available())
            QSKIP("mosquitto / mosquitto_sub not installed (scripts/install-deps.sh --test)");
        testmqtt::Broker broker;
        QVERIFY(broker.start());
        QProcess p;
        start(p, { QStringLiteral("--mqtt"), QStringLiteral("mqtt://127.0.0.1:%1/e2e/spectray").arg(broker.port()) });
        QVERIFY(p.waitForStarted());
        QByteArray out, err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += p.readAllStandardOutput();
                return out.contains("Ctrl+C") || p.state() == QProcess::NotRunning;
            },
            30000));
        const auto port
            = QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/")).match(QString::fromUtf8(out));
        QVERIFY2(port.hasMatch(), out.constData());
        QVERIFY2(waitFor(p, err, "MQTT: connected", 20000), err.constData());

        std::map<quint64, QByteArray> viaWs;
        QWebSocket ws;
        connect(&ws, &QWebSocket::binaryMessageReceived, this, [&](const QByteArray &m) {
            if (m.size() >= 40 && m.startsWith("SPTR"))
                viaWs[qFromLittleEndian<quint64>(m.constData() + 8)] = m;
        });
        connect(&ws, &QWebSocket::connected, this,
            [&] { ws.sendTextMessage(QStringLiteral("{\"type\":\"subscribe\",\"format\":\"binary\"}")); });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port.captured(1))));
        QVERIFY(QTest::qWaitFor([&] { return viaWs.size() >= 10; }, 20000));

        QProcess sub; // joins late: only retained messages tell it the layout and status
        sub.start(QStringLiteral("mosquitto_sub"),
            { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(broker.port()),
                QStringLiteral("-t"), QStringLiteral("e2e/spectray/#"), QStringLiteral("-F"),
                QStringLiteral("%t %r %x"), QStringLiteral("-W"), QStringLiteral("3") });
        QVERIFY(sub.waitForStarted());
        // The event loop runs meanwhile, so the WebSocket keeps collecting frames.
        QVERIFY(QTest::qWaitFor([&] { return sub.state() == QProcess::NotRunning; }, 15000));
        ws.close();
        QCOMPARE(test::terminateAndWait(p), 0);

        QMap<QByteArray, QByteArray> retained;
        int frames = 0, matched = 0;
        const quint64 first = viaWs.begin()->first, last = viaWs.rbegin()->first;
        for (const QByteArray &line : sub.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() != 3)
                continue;
            const QByteArray payload = QByteArray::fromHex(f[2]);
            if (f[1] == "1")
                retained[f[0]] = payload;
            if (f[0] != "e2e/spectray/frame")
                continue;
            QVERIFY(payload.startsWith("SPTR"));
            ++frames;
            const quint64 seq = qFromLittleEndian<quint64>(payload.constData() + 8);
            if (seq < first || seq > last)
                continue;
            QVERIFY2(
                viaWs.count(seq) == 1, qPrintable(QStringLiteral("MQTT frame %1 not sent over WebSocket").arg(seq)));
            QCOMPARE(payload, viaWs[seq]);
            ++matched;
        }
        qInfo("MQTT: %d frames in 3 s, %d matched WebSocket frames (%zu WebSocket frames)", frames, matched,
            viaWs.size());
        QVERIFY2(frames >= 30, qPrintable(QString::number(frames)));
        QVERIFY(matched >= 10);
        QCOMPARE(retained.value("e2e/spectray/availability"), QByteArray("online"));
        const QJsonObject layout = QJsonDocument::fromJson(retained.value("e2e/spectray/layout")).object();
        QCOMPARE(layout.value(QStringLiteral("type")).toString(), QStringLiteral("layout"));
        QVERIFY(layout.value(QStringLiteral("bands")).toInt() > 0 || layout.contains(QStringLiteral("edges")));
        const QJsonObject status = QJsonDocument::fromJson(retained.value("e2e/spectray/status")).object();
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    }

    void badValuesExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("wled port") << QStringList { QStringLiteral("--wled"), QStringLiteral("10.0.0.1:70000") };
        QTest::newRow("wled target") << QStringList { QStringLiteral("--wled"), QStringLiteral("bad_host!") };
        QTest::newRow("wled ttl") << QStringList { QStringLiteral("--wled-ttl"), QStringLiteral("0") };
        QTest::newRow("wled interface") << QStringList { QStringLiteral("--wled-interface"),
            QStringLiteral("nosuchif9") };
        QTest::newRow("mqtt scheme") << QStringList { QStringLiteral("--mqtt"), QStringLiteral("http://broker") };
        QTest::newRow("mqtt no host") << QStringList { QStringLiteral("--mqtt"), QStringLiteral("mqtt://") };
        QTest::newRow("mqtt ca") << QStringList { QStringLiteral("--mqtt-ca"), QStringLiteral("/nonexistent/ca.pem") };
        QTest::newRow("mqtt rate") << QStringList { QStringLiteral("--mqtt-rate"), QStringLiteral("61") };
    }

    void badValuesExit2()
    {
        QFETCH(QStringList, args);
        QProcess p;
        start(p, args);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError().trimmed();
        QVERIFY2(err.startsWith("spectray: ") && !err.contains('\n'), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestOutputsCli)
#include "tst_outputscli.moc"
