// Slow clients must not crowd out real ones (issue #9 item 5). Hostile peers hold connections open
// with one byte a second from one or twenty loopback addresses; probes from a clean address must
// still be answered and a streaming client must keep its frames. The pass bounds here are generous
// (a loaded 2-core CI machine); the real figures are printed, and bench/slowclients runs it longer.
#include "netclient.h"
#include "slowpeers.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <future>

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {
int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}
} // namespace

class TestSlowClients final : public QObject
{
    Q_OBJECT

    void attack(const char *label, const std::vector<std::string> &sources, int perAddress)
    {
        ServerOptions o = testOptions();
        o.headerTimeoutMs = 5000; // the shipped default: the slow peers must not need a short one
        StreamServer server;
        QVERIFY(server.listen(o));
        server.publishLayout(testLayout(8, 60));
        Client stream;
        stream.open(server.port());
        QVERIFY(stream.waitHello());

        // Frames at 60 fps by the clock, as the engine produces them.
        QElapsedTimer clock;
        clock.start();
        quint64 published = 0;
        QTimer pump;
        pump.setTimerType(Qt::PreciseTimer);
        connect(&pump, &QTimer::timeout, this, [&] {
            while (published < quint64(clock.elapsed() * 60 / 1000))
                server.publishFrame(testFrame(published++));
        });
        pump.start(4);

        SlowPeers peers(server.port(), sources, perAddress);
        peers.start();
        QTest::qWait(2000); // let the flood build up
        const int framesBefore = stream.count(QStringLiteral("frame"));
        const quint64 publishedBefore = quint64(clock.elapsed() * 60 / 1000);
        const int probes = envInt("SPECTRAY_SLOW_PROBES", 30);
        auto result = std::async(std::launch::async, [&] { return runProbes(server.port(), "127.0.0.99", probes, 200); });
        QVERIFY(QTest::qWaitFor([&] { return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
                                probes * 6000));
        const ProbeResult r = result.get();
        const int frames = stream.count(QStringLiteral("frame")) - framesBefore;
        const quint64 due = quint64(clock.elapsed() * 60 / 1000) - publishedBefore;
        const int openPeers = peers.open();
        const long long connects = peers.connects();
        peers.stop();
        pump.stop();

        std::vector<double> answered;
        for (double l : r.latenciesMs) {
            if (l >= 0)
                answered.push_back(l);
        }
        const double framePct = due ? 100.0 * frames / double(due) : 0;
        qInfo("%s: probes answered within 1 s: %d/%d (%.0f %%), median %.0f ms, p95 %.0f ms; "
              "streaming client got %d of %llu frames due (%.1f %%); slow peers open at the end %d, "
              "connections made %lld",
              label, r.answeredWithin1s, r.sent, 100.0 * r.answeredWithin1s / r.sent, percentile(answered, 0.5),
              percentile(answered, 0.95), frames, static_cast<unsigned long long>(due), framePct, openPeers, connects);
        // Behaviour, not timing: the clean client is served at all (the 1 s target is a figure, printed
        // above and by bench/slowclients; under ASan on a loaded machine the median alone nears 1 s).
        QVERIFY2(qsizetype(answered.size()) * 10 >= qsizetype(r.sent) * 9, "clean probes were crowded out");
        QVERIFY2(framePct >= 70.0, "the streaming client lost its frames");
        QVERIFY2(openPeers > 0, "the slow peers never got in: the test did not test anything");
    }

private slots:
    // The per-address count must come back down when connections end, whoever closes them; else
    // after max(64, maxClients + 8) connections in a row one address is locked out for good.
    void perAddressCountComesBack()
    {
        ServerOptions o = testOptions();
        o.maxClients = 4;
        StreamServer server;
        QVERIFY(server.listen(o));
        server.publishLayout(testLayout());
        for (int i = 0; i < 80; ++i) {
            Client c;
            c.open(server.port());
            QVERIFY2(c.waitHello(), qPrintable(QStringLiteral("connection %1 refused").arg(i)));
            if (i % 2)
                c.ws.close();
            else
                c.ws.abort();
            QTRY_COMPARE(server.clientCount(), 0);
            const QByteArray info = rawExchange(server.port(), "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            QVERIFY2(info.startsWith("HTTP/1.1 200"), qPrintable(QStringLiteral("request %1: ").arg(i) + QString::fromLatin1(info.left(60))));
        }
    }

    void oneAddress300() { attack("300 slow from 127.0.0.2", {"127.0.0.2"}, 300); }

    void twentyAddresses50Each()
    {
        std::vector<std::string> sources;
        for (int i = 2; i <= 21; ++i)
            sources.push_back("127.0.0." + std::to_string(i));
        attack("50 slow from each of 127.0.0.2..21", sources, 50);
    }
};

QTEST_GUILESS_MAIN(TestSlowClients)
#include "tst_slowclients.moc"
