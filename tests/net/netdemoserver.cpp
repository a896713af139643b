// Test-only server: StreamServer fed with synthetic frames at a steady rate, no audio at all.
// Used by the browser test and the load benchmark (bench/load) to measure the fan-out alone.
//   spectray_net_demoserver [--port N] [--fps F] [--bands B] [--token T] [--require-token]
//                           [--max-clients N] [--desktop-style ID] [--pulse-hz F] [--play-delay-ms D]
// Lines on stdin drive the server like the app would: "style ID" calls setDesktopStyle(ID).
// --pulse-hz F replaces the waves with full-scale square bass pulses at F Hz (flash-guard test).
// --play-delay-ms D stamps every frame's playTsMs D ms after its wall clock (A/V sync, issue 11).
// Prints "PORT <n>" and the URLs on stdout; SIGINT/SIGTERM close clients with 1001 and exit 0.
#include "net/streamserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace spectray;

namespace {
int g_pipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    (void)!::write(g_pipe[1], &c, 1);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("port"), QStringLiteral("port"), QStringLiteral("N"), QStringLiteral("0")},
                  {QStringLiteral("fps"), QStringLiteral("fps"), QStringLiteral("F"), QStringLiteral("60")},
                  {QStringLiteral("bands"), QStringLiteral("bands"), QStringLiteral("B"), QStringLiteral("32")},
                  {QStringLiteral("token"), QStringLiteral("token"), QStringLiteral("T"),
                   QStringLiteral("0123456789abcdef0123456789abcdef")},
                  {QStringLiteral("require-token"), QStringLiteral("token on loopback too")},
                  {QStringLiteral("max-clients"), QStringLiteral("cap"), QStringLiteral("N"), QStringLiteral("1000")},
                  {QStringLiteral("desktop-style"), QStringLiteral("style id"), QStringLiteral("ID")},
                  {QStringLiteral("pulse-hz"), QStringLiteral("bass pulses"), QStringLiteral("F"), QStringLiteral("0")},
                  {QStringLiteral("amplitude"), QStringLiteral("layout amplitude"), QStringLiteral("db|linear"), QStringLiteral("db")},
                  {QStringLiteral("range-db"), QStringLiteral("layout dB span"), QStringLiteral("R"), QStringLiteral("60")},
                  {QStringLiteral("play-delay-ms"), QStringLiteral("play_ts - ts"), QStringLiteral("D"), QStringLiteral("0")}});
    p.process(app);
    const int fps = std::max(1, p.value(QStringLiteral("fps")).toInt());
    const int bands = std::max(1, p.value(QStringLiteral("bands")).toInt());

    net::ServerOptions o;
    o.bindAddress = QHostAddress(QHostAddress::LocalHost);
    o.port = quint16(p.value(QStringLiteral("port")).toUInt());
    o.token = p.value(QStringLiteral("token"));
    o.requireTokenOnLoopback = p.isSet(QStringLiteral("require-token"));
    o.maxClients = p.value(QStringLiteral("max-clients")).toInt();
    net::StreamServer server;
    QString error;
    if (!server.listen(o, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    BandLayout layout;
    for (int i = 0; i <= bands; ++i)
        layout.edgesHz << 20.0 * std::pow(800.0, double(i) / bands);
    layout.bandLatencyMs = QList<double>(bands, 20.0);
    layout.fps = fps;
    layout.sampleRate = 48000;
    layout.profile = QStringLiteral("default");
    layout.amplitude = p.value(QStringLiteral("amplitude"));
    layout.rangeDb = p.value(QStringLiteral("range-db")).toDouble();
    server.publishLayout(layout);
    server.setSourceName(QStringLiteral("Synthetic test source"));
    EngineStatus st;
    st.state = EngineStatus::State::Running;
    st.deviceName = QStringLiteral("Synthetic test source");
    server.setEngineStatus(st);
    if (p.isSet(QStringLiteral("desktop-style")))
        server.setDesktopStyle(p.value(QStringLiteral("desktop-style")));
    const double pulseHz = p.value(QStringLiteral("pulse-hz")).toDouble();
    const qint64 playDelayMs = p.value(QStringLiteral("play-delay-ms")).toLongLong();
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char line[256];
        const ssize_t n = ::read(STDIN_FILENO, line, sizeof line - 1);
        if (n <= 0) {
            input.setEnabled(false); // stdin closed: nothing more to drive
            return;
        }
        const QList<QByteArray> words = QByteArray(line, n).simplified().split(' ');
        if (words.size() == 2 && words[0] == "style")
            server.setDesktopStyle(QString::fromUtf8(words[1]));
    });

    std::printf("PORT %u\n", unsigned(server.port()));
    for (const QUrl &u : server.clientUrls())
        std::printf("URL %s\n", qPrintable(u.toString()));
    std::fflush(stdout);

    if (::pipe(g_pipe) != 0)
        return 1;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QSocketNotifier notifier(g_pipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        notifier.setEnabled(false);
        server.close(true);
        QTimer::singleShot(200, &app, &QCoreApplication::quit);
    });

    // Frames on a steady clock: a fine timer checks the due time, so the rate is exact on average.
    SpectrumFrame frame;
    frame.bands.resize(bands);
    QElapsedTimer clock;
    clock.start();
    quint64 seq = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        while (double(clock.nsecsElapsed()) / 1e9 >= double(seq) / fps) {
            const double t = double(seq) / fps;
            // Square pulses: full scale for the first half of each period, silence for the rest.
            const bool on = pulseHz > 0 && std::fmod(t * pulseHz, 1.0) < 0.5;
            for (int i = 0; i < bands; ++i)
                frame.bands[i] = pulseHz > 0 ? qint16(on ? 1000 : 0)
                                             : qint16(500 + 450 * std::sin(t * 3.0 + i * 0.35) * std::cos(t * 0.7 + i * 0.1));
            frame.bass = pulseHz > 0 ? (on ? 1500 : 0) : int(600 + 400 * std::sin(t * 8.0));
            frame.level = int(500 + 300 * std::sin(t));
            frame.sequence = seq;
            frame.streamTime = t;
            frame.wallClockMs = QDateTime::currentMSecsSinceEpoch();
            frame.playTsMs = playDelayMs != 0 ? frame.wallClockMs + playDelayMs : 0;
            server.publishFrame(frame);
            ++seq;
        }
    });
    tick.start(2);
    const int rc = app.exec();
    const auto s = server.stats();
    std::fprintf(stderr, "published %llu sent %llu skipped %llu dropped %llu\n",
                 static_cast<unsigned long long>(s.framesPublished), static_cast<unsigned long long>(s.framesSent),
                 static_cast<unsigned long long>(s.framesSkipped), static_cast<unsigned long long>(s.clientsDropped));
    return rc;
}
