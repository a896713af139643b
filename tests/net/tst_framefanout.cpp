// Issue 11: `spectray --headless` publishes frames on the audio thread (FrameFanout), while the GUI
// thread writes its own messages to the same clients. Checked with Qt's own WebSocket client as
// the decoder (an independent parser: one misplaced byte and it fails the connection): every
// stream stays whole and in order, also when the kernel takes frames in pieces, and no client sees
// a frame before the layout it uses.
#include "netclient.h"

#include <QJsonArray>

#include <atomic>
#include <thread>

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {
// Frames of many bands (about 1.3 KB of JSON each), so that a small kernel buffer takes them in pieces.
constexpr int kWideBands = 256; // the most a frame carries

quint64 seqOf(const QByteArray &text)
{
    return quint64(QJsonDocument::fromJson(text).object().value(QStringLiteral("seq")).toInteger(-1));
}
} // namespace

class TestFrameFanout final : public QObject
{
    Q_OBJECT

    // Frames from a second thread while this one broadcasts status messages; returns once the
    // publisher has finished and the clients have had time to read everything.
    void publishFromAnotherThread(StreamServer &server, int frames, int statusMessages)
    {
        std::atomic<bool> done{false};
        std::thread audio([&] {
            for (int i = 0; i < frames; ++i) {
                server.fanout().publish(testFrame(quint64(i + 1), kWideBands));
                std::this_thread::sleep_for(std::chrono::microseconds(500));
            }
            done = true;
        });
        for (int i = 0; i < statusMessages; ++i) {
            server.setSourceName(QStringLiteral("source %1").arg(i));
            QTest::qWait(2);
        }
        QVERIFY(QTest::qWaitFor([&] { return done.load(); }, 30000));
        audio.join();
    }

private slots:
    void streamsStayWholeWhileTwoThreadsWrite_data()
    {
        QTest::addColumn<int>("sendBuffer");
        QTest::newRow("kernel takes whole frames") << 0;
        QTest::newRow("kernel takes frames in pieces") << 4608; // Linux's smallest send buffer
    }
    void streamsStayWholeWhileTwoThreadsWrite()
    {
        QFETCH(int, sendBuffer);
        ServerOptions o = testOptions();
        o.socketSendBufferBytes = sendBuffer;
        auto server = startTestServer(o);
        server->publishLayout(testLayout(kWideBands, 60));
        Client a, b, c;
        for (Client *x : {&a, &b, &c})
            x->open(server->port());
        QVERIFY(a.waitHello() && b.waitHello() && c.waitHello());
        constexpr int kFrames = 400, kStatus = 60;
        publishFromAnotherThread(*server, kFrames, kStatus);
        QTRY_VERIFY_WITH_TIMEOUT(a.count(QStringLiteral("status")) == kStatus && b.count(QStringLiteral("status")) == kStatus
                                     && c.count(QStringLiteral("status")) == kStatus, 10000);
        QTest::qWait(200); // frames still in flight
        const StreamServer::Stats stats = server->stats();
        for (Client *x : {&a, &b, &c}) {
            QVERIFY(x->connected);
            QCOMPARE(x->closeCode, -1); // Qt's parser found nothing wrong
            quint64 last = 0;
            int frames = 0;
            for (const QByteArray &t : std::as_const(x->texts)) {
                if (!t.startsWith("{\"type\":\"frame\""))
                    continue;
                const quint64 seq = seqOf(t);
                QVERIFY2(seq > last, "frames out of order");
                QCOMPARE(QJsonDocument::fromJson(t).object().value(QStringLiteral("frequencies")).toArray().size(), kWideBands);
                last = seq;
                ++frames;
            }
            // Skipped frames are allowed (newest wins when a client is behind), lost messages are not.
            QVERIFY2(frames > 0, "no frame arrived");
            if (sendBuffer == 0)
                QCOMPARE(frames, kFrames);
        }
        if (sendBuffer > 0)
            QVERIFY2(stats.maxBufferedBytes > 0, "the kernel took every frame whole: the case was not exercised");
        QCOMPARE(stats.framesPublished, quint64(kFrames));
        QCOMPARE(stats.framesSent + stats.framesSkipped, quint64(3 * kFrames));
        qInfo("send buffer %d: %llu frames sent, %llu skipped, %lld bytes at most waiting", sendBuffer,
              stats.framesSent, stats.framesSkipped, stats.maxBufferedBytes);
    }

    // A layout the audio thread announces holds its frames back until the server has sent it.
    void noFrameBeforeItsLayout()
    {
        auto server = startTestServer(); // 8 bands, 30 fps, sent
        Client client;
        client.open(server->port());
        QVERIFY(client.waitHello());
        const BandLayout wider = testLayout(16, 60);
        server->fanout().layoutComing(wider);
        for (int i = 1; i <= 3; ++i)
            server->fanout().publish(testFrame(quint64(i), 16));
        QTest::qWait(100);
        QCOMPARE(client.count(QStringLiteral("frame")), 0);
        server->publishLayout(wider);
        server->fanout().publish(testFrame(4, 16));
        QTRY_COMPARE(client.count(QStringLiteral("frame")), 1);
        const qsizetype layoutAt = client.texts.size() - 2;
        QCOMPARE(client.json(layoutAt).value(QStringLiteral("type")).toString(), QStringLiteral("layout"));
        QCOMPARE(client.json(layoutAt).value(QStringLiteral("bands")).toInt(), 16);
        QCOMPARE(seqOf(client.texts.last()), quint64(4));
        // The same layout announced again (a restart with unchanged settings) holds nothing back.
        server->fanout().layoutComing(wider);
        server->fanout().publish(testFrame(5, 16));
        QTRY_COMPARE(client.count(QStringLiteral("frame")), 2);
    }
};

QTEST_GUILESS_MAIN(TestFrameFanout)
#include "tst_framefanout.moc"
