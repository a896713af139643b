// Issue 11: the way out of a frame allocates nothing per frame once warmed up: the frame copy, the
// JSON and binary forms, the `--print-frames` line and the WebSocket fan-out to ten clients (JSON
// and binary, every rate). Also measures, and only reports, what Qt's own QWebSocket send calls
// allocate, which the server does not use for frames.
#include "netclient.h"

#include "core/binaryframe.h"
#include "core/framelinewriter.h"
#include "core/wireformat.h"

#include <QWebSocketServer>

#include <memory>

#include "malloccounter.h"

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {

constexpr int kFrames = 300;

SpectrumFrame liveFrame(quint64 seq, int bands)
{
    SpectrumFrame f = testFrame(seq, bands);
    f.playTsMs = f.wallClockMs + 120;
    return f;
}

// Heap allocations made by `work`, counted from the replaced operator new.
template<typename F> long allocationsDuring(F &&work)
{
    g_allocations = 0;
    g_counting = true;
    work();
    g_counting = false;
    return g_allocations.load();
}

} // namespace

class TestFanoutNoAlloc final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!kMallocCounted)
            QSKIP("malloc cannot be counted on this C library");
        // The counter must see a QByteArray's allocation (Qt takes it from malloc directly), or
        // every "0 allocations" below would pass without proving anything.
        g_allocations = 0;
        g_counting = true;
        QByteArray probe(4096, 'x');
        g_counting = false;
        QVERIFY2(g_allocations.load() >= 1, "the malloc counter sees nothing in this build");
        QCOMPARE(probe.size(), 4096);
    }

    void serialisationAllocatesNothing()
    {
        QByteArray json;
        QByteArray binary;
        wire::FrameLineWriter printer;
        // Warm-up: the buffers reach the size of the longest frame once.
        const SpectrumFrame widest = liveFrame(1, int(BandValues::kCapacity));
        wire::writeFrameJson(widest, json);
        wire::encodeBinaryFrame(widest, binary);
        QVERIFY(printer.frameLine(widest).endsWith('\n'));
        quint64 checksum = 0;
        const long n = allocationsDuring([&] {
            for (int i = 0; i < kFrames; ++i) {
                const SpectrumFrame f = liveFrame(quint64(i), 8 + i % 249); // every band count, copied
                SpectrumFrame copy = f;
                copy.sequence += 1;
                wire::writeFrameJson(copy, json);
                wire::encodeBinaryFrame(copy, binary);
                checksum += quint64(printer.frameLine(copy).size());
                checksum += quint64(json.size() + binary.size());
            }
        });
        QVERIFY(checksum > 0);
        QCOMPARE(n, 0L);
    }

    void fanOutToTenClientsAllocatesNothing()
    {
        StreamServer server;
        QVERIFY(server.listen(testOptions()));
        server.publishLayout(testLayout(32, 60));
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < 10; ++i) { // one at a time: one address may have only 8 handshakes under way
            clients.push_back(std::make_unique<Client>());
            clients.back()->open(server.port());
            QVERIFY(clients.back()->waitHello());
        }
        // Half binary, two of them at a lower rate: every branch of the fan-out runs.
        for (int i = 0; i < 5; ++i)
            clients[std::size_t(i)]->send(i < 2 ? "{\"type\":\"subscribe\",\"format\":\"binary\",\"rate\":20}"
                                                : "{\"type\":\"subscribe\",\"format\":\"binary\"}");
        for (int i = 0; i < 5; ++i)
            QTRY_COMPARE(clients[std::size_t(i)]->count(QStringLiteral("subscribed")), 1);

        auto drain = [&] {
            for (int k = 0; k < 3; ++k)
                QCoreApplication::processEvents();
            for (auto &c : clients) { // the readers' side, outside the count, keeps its lists short
                c->texts.erase(c->texts.begin() + std::min<qsizetype>(c->texts.size(), 1), c->texts.end());
                c->binaries.clear();
            }
        };
        for (int i = 0; i < 20; ++i) { // warm-up: buffers sized, sockets' write buffers allocated
            server.publishFrame(liveFrame(quint64(i), 32));
            drain();
        }
        long total = 0;
        int worst = 0;
        for (int i = 20; i < 20 + kFrames; ++i) {
            const SpectrumFrame f = liveFrame(quint64(i), 32);
            const long n = allocationsDuring([&] { server.publishFrame(f); });
            total += n;
            worst = std::max(worst, int(n));
            drain();
        }
        const StreamServer::Stats s = server.stats();
        qInfo("fan-out: %llu client-frames sent over %d frames, %ld allocations in all (worst frame %d)", s.framesSent,
            kFrames, total, worst);
        QVERIFY(s.framesSent >= quint64(kFrames) * 8);
        QCOMPARE(total, 0L);
    }

    // Not a rule of ours, a figure for docs/protocol.md: Qt's QWebSocket::send*Message allocate on
    // every call (frame header, a copy of the payload, the QString a text message needs), which is
    // why the server writes its prebuilt frames to the TCP socket itself.
    void measureQtWebSocketSends()
    {
        QWebSocketServer wsServer(QStringLiteral("t"), QWebSocketServer::NonSecureMode);
        QVERIFY(wsServer.listen(QHostAddress::LocalHost, 0));
        QWebSocket client;
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(wsServer.serverPort())));
        QTRY_VERIFY(wsServer.hasPendingConnections());
        std::unique_ptr<QWebSocket> peer(wsServer.nextPendingConnection());
        QTRY_VERIFY(client.state() == QAbstractSocket::ConnectedState);
        const SpectrumFrame f = liveFrame(7, 32);
        QByteArray json;
        QByteArray binary;
        wire::writeFrameJson(f, json);
        wire::encodeBinaryFrame(f, binary);
        const QString text = QString::fromLatin1(json);
        for (int i = 0; i < 5; ++i) { // warm-up
            peer->sendBinaryMessage(binary);
            peer->sendTextMessage(text);
            QCoreApplication::processEvents();
        }
        constexpr int kSends = 100;
        long bin = 0;
        long txt = 0;
        long txtWithConversion = 0;
        for (int i = 0; i < kSends; ++i) {
            bin += allocationsDuring([&] { peer->sendBinaryMessage(binary); });
            txt += allocationsDuring([&] { peer->sendTextMessage(text); });
            txtWithConversion += allocationsDuring([&] { peer->sendTextMessage(QString::fromLatin1(json)); });
            QCoreApplication::processEvents();
        }
        qInfo("QWebSocket (Qt %s) allocations per send: sendBinaryMessage %.1f, sendTextMessage %.1f, "
              "with the QString conversion %.1f",
            qVersion(), double(bin) / kSends, double(txt) / kSends, double(txtWithConversion) / kSends);
    }
};

QTEST_GUILESS_MAIN(TestFanoutNoAlloc)
#include "tst_fanoutnoalloc.moc"
