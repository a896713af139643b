// spectray_outputs_demo: the outputs layer alone, fed by synthetic audio through the real dsp path
// (the engine's stand-in). Used by the network-namespace test, the MQTT last-will test and
// bench/mqtt. Prints one line per sender/publisher state change, and a JSON summary at exit.
#include "featurefeeder.h"
#include "outputs/mqttpublisher.h"
#include "outputs/wledsender.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace spectray;
using testsignals::SignalGen;

namespace {
[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "spectray_outputs_demo: %s\n", qPrintable(message));
    std::exit(2);
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("wled"), QStringLiteral("WLED target (repeatable)"), QStringLiteral("target")});
    p.addOption({QStringLiteral("wled-ttl"), QStringLiteral("multicast TTL"), QStringLiteral("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("wled-interface"), QStringLiteral("multicast interface"), QStringLiteral("name")});
    p.addOption({QStringLiteral("mqtt"), QStringLiteral("broker URL"), QStringLiteral("url")});
    p.addOption({QStringLiteral("mqtt-ca"), QStringLiteral("CA file"), QStringLiteral("file")});
    p.addOption({QStringLiteral("mqtt-rate"), QStringLiteral("frames/s"), QStringLiteral("n"), QStringLiteral("30")});
    p.addOption({QStringLiteral("signal"), QStringLiteral("tone|kick|noise|silence"), QStringLiteral("kind"),
                 QStringLiteral("tone")});
    p.addOption({QStringLiteral("freq"), QStringLiteral("tone Hz"), QStringLiteral("hz"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("fps"), QStringLiteral("frames/s made"), QStringLiteral("n"), QStringLiteral("30")});
    p.addOption({QStringLiteral("bands"), QStringLiteral("bands per frame"), QStringLiteral("n"), QStringLiteral("64")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("run time, 0 = until killed"), QStringLiteral("s"),
                 QStringLiteral("0")});
    p.process(app);

    SignalGen gen;
    const QString kind = p.value(QStringLiteral("signal"));
    if (kind == QLatin1String("tone"))
        gen.kind = SignalGen::Kind::Tone;
    else if (kind == QLatin1String("kick"))
        gen.kind = SignalGen::Kind::Kick;
    else if (kind == QLatin1String("noise"))
        gen.kind = SignalGen::Kind::Noise;
    else if (kind == QLatin1String("silence"))
        gen.kind = SignalGen::Kind::Silence;
    else
        fail(QStringLiteral("unknown --signal '%1'").arg(kind));
    gen.freq = p.value(QStringLiteral("freq")).toDouble();
    const int fps = std::clamp(p.value(QStringLiteral("fps")).toInt(), 1, 240);
    const int bands = std::clamp(p.value(QStringLiteral("bands")).toInt(), 1, 1024);
    const double seconds = p.value(QStringLiteral("seconds")).toDouble();

    testwled::FeatureFeeder feeder(gen);
    outputs::WledSender wled;
    outputs::MqttPublisher mqtt;
    QString error;
    if (p.isSet(QStringLiteral("wled"))) {
        outputs::WledOptions o;
        o.enabled = true;
        if (!outputs::parseWledTargets(p.values(QStringLiteral("wled")), &o.targets, &error)
            || !outputs::parseWledTtl(p.value(QStringLiteral("wled-ttl")), &o.ttl, &error))
            fail(error);
        o.interfaceName = p.value(QStringLiteral("wled-interface"));
        QObject::connect(&wled, &outputs::WledSender::errorOccurred, [](const QString &m) { say(QStringLiteral("wled: ") + m); });
        QObject::connect(&wled, &outputs::WledSender::sendingChanged,
                         [](bool on) { say(on ? QStringLiteral("wled: sending") : QStringLiteral("wled: idle")); });
        QObject::connect(&feeder, &testwled::FeatureFeeder::features, &wled, &outputs::WledSender::setFeatures);
        if (!wled.start(o, &error))
            fail(error);
    }
    if (p.isSet(QStringLiteral("mqtt"))) {
        outputs::MqttOptions o;
        o.caFile = p.value(QStringLiteral("mqtt-ca"));
        o.frameRate = p.value(QStringLiteral("mqtt-rate")).toInt();
        if (!outputs::parseMqttUrl(p.value(QStringLiteral("mqtt")), &o, &error))
            fail(error);
        QObject::connect(&mqtt, &outputs::MqttPublisher::stateChanged,
                         [](outputs::MqttPublisher::State, const QString &m) { say(m); });
        QObject::connect(&feeder, &testwled::FeatureFeeder::features, &mqtt, &outputs::MqttPublisher::publishFeatures);
        if (!mqtt.start(o, &error))
            fail(error);
        BandLayout layout;
        for (int i = 0; i <= bands; ++i)
            layout.edgesHz.append(20.0 * std::pow(800.0, double(i) / bands));
        layout.bandLatencyMs = QList<double>(bands, 20.0);
        layout.fps = fps;
        layout.profile = QStringLiteral("default");
        mqtt.publishLayout(layout);
        mqtt.publishStatus(EngineStatus{EngineStatus::State::Running, QString(), QStringLiteral("demo"),
                                        QStringLiteral("Synthetic signal")});
    }

    // Synthetic frames at --fps for the MQTT "frame" topic (values from the newest features).
    AudioFeatures latest;
    QObject::connect(&feeder, &testwled::FeatureFeeder::features, [&latest](const AudioFeatures &f) { latest = f; });
    SpectrumFrame frame;
    frame.bands = QList<qint16>(bands, 0);
    QTimer frames;
    frames.setTimerType(Qt::PreciseTimer);
    QElapsedTimer frameClock;
    frameClock.start();
    // Frames due by the clock (a late timer on a loaded machine is caught up), as an engine makes
    // them from audio time rather than from timer events.
    QObject::connect(&frames, &QTimer::timeout, [&] {
        if (qint64(frame.sequence) >= frameClock.elapsed() * fps / 1000 + 1)
            return;
        for (int i = 0; i < bands; ++i)
            frame.bands[i] = qint16(latest.geq[std::size_t(i * 16 / bands)] * 1000.0f);
        frame.level = int(latest.level * 1000.0f);
        frame.streamTime = latest.streamTime;
        frame.wallClockMs = QDateTime::currentMSecsSinceEpoch();
        mqtt.publishFrame(frame);
        ++frame.sequence;
    });
    frames.start(std::max(1, 1000 / fps / 3));
    feeder.start();

    const double cpuAtStart = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    if (seconds > 0)
        QTimer::singleShot(int(seconds * 1000), &app, &QCoreApplication::quit);
    const int rc = app.exec();
    QJsonObject summary;
    summary[QLatin1String("seconds")] = double(wall.elapsed()) / 1000.0;
    summary[QLatin1String("cpu_s")] = cpuSeconds() - cpuAtStart;
    summary[QLatin1String("wled_packets")] = double(wled.packetsSent());
    summary[QLatin1String("mqtt_frames")] = double(mqtt.framesPublished());
    summary[QLatin1String("frames_made")] = double(frame.sequence);
    say(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    mqtt.stop();
    wled.stop();
    return rc;
}
