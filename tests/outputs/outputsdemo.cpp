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
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}
void addOptions(QCommandLineParser &p)
{
    auto add = [&p](const char *name, const char *help, const char *value = nullptr, const char *def = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
        if (value)
            o.setValueName(QString::fromLatin1(value));
        if (def)
            o.setDefaultValue(QString::fromLatin1(def));
        p.addOption(o);
    };
    add("wled", "WLED target (repeatable)", "target");
    add("wled-ttl", "multicast TTL", "n", "1");
    add("wled-interface", "multicast interface", "name");
    add("mqtt", "broker URL", "url");
    add("mqtt-ca", "CA file", "file");
    add("mqtt-rate", "frames/s", "n", "30");
    add("signal", "tone|kick|noise|silence", "kind", "tone");
    add("freq", "tone Hz", "hz", "1000");
    add("fps", "frames/s made", "n", "30");
    add("bands", "bands per frame", "n", "64");
    add("seconds", "run time, 0 = until killed", "s", "0");
}

SignalGen signalFrom(const QCommandLineParser &p)
{
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
    return gen;
}

void startWled(const QCommandLineParser &p, testwled::FeatureFeeder &feeder, outputs::WledSender &wled)
{
    outputs::WledOptions o;
    o.enabled = true;
    QString error;
    if (!outputs::parseWledTargets(p.values(QStringLiteral("wled")), &o.targets, &error)
        || !outputs::parseWledTtl(p.value(QStringLiteral("wled-ttl")), &o.ttl, &error))
        fail(error);
    o.interfaceName = p.value(QStringLiteral("wled-interface"));
    QObject::connect(
        &wled, &outputs::WledSender::errorOccurred, [](const QString &m) { say(QStringLiteral("wled: ") + m); });
    QObject::connect(&wled, &outputs::WledSender::sendingChanged,
        [](bool on) { say(on ? QStringLiteral("wled: sending") : QStringLiteral("wled: idle")); });
    QObject::connect(&feeder, &testwled::FeatureFeeder::features, &wled, &outputs::WledSender::setFeatures);
    if (!wled.start(o, &error))
        fail(error);
}

void startMqtt(
    const QCommandLineParser &p, testwled::FeatureFeeder &feeder, outputs::MqttPublisher &mqtt, int bands, int fps)
{
    outputs::MqttOptions o;
    o.caFile = p.value(QStringLiteral("mqtt-ca"));
    o.frameRate = p.value(QStringLiteral("mqtt-rate")).toInt();
    QString error;
    if (!outputs::parseMqttUrl(p.value(QStringLiteral("mqtt")), &o, &error))
        fail(error);
    QObject::connect(
        &mqtt, &outputs::MqttPublisher::stateChanged, [](outputs::MqttPublisher::State, const QString &m) { say(m); });
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
    EngineStatus status;
    status.state = EngineStatus::State::Running;
    status.deviceId = QStringLiteral("demo");
    status.deviceName = QStringLiteral("Synthetic signal");
    mqtt.publishStatus(status);
}

// Synthetic frames at `fps` for the MQTT "frame" topic, values from the newest features. Frames are
// due by the clock (a late timer on a loaded machine is caught up), as an engine makes them from
// audio time rather than from timer events.
class FrameMaker final
{
public:
    FrameMaker(testwled::FeatureFeeder &feeder, outputs::MqttPublisher &mqtt, int bands, int fps)
        : m_fps(fps)
    {
        m_frame.bands = spectray::BandValues(bands, 0);
        QObject::connect(&feeder, &testwled::FeatureFeeder::features, [this](const AudioFeatures &f) { m_latest = f; });
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this, &mqtt] { make(mqtt); });
        m_clock.start();
        m_timer.start(std::max(1, 1000 / fps / 3));
    }
    quint64 made() const { return m_frame.sequence; }

private:
    void make(outputs::MqttPublisher &mqtt)
    {
        if (qint64(m_frame.sequence) >= m_clock.elapsed() * m_fps / 1000 + 1)
            return;
        const int bands = int(m_frame.bands.size());
        for (int i = 0; i < bands; ++i)
            m_frame.bands[i] = qint16(m_latest.geq[std::size_t(i * 16 / bands)] * 1000.0f);
        m_frame.level = int(m_latest.level * 1000.0f);
        m_frame.streamTime = m_latest.streamTime;
        m_frame.wallClockMs = QDateTime::currentMSecsSinceEpoch();
        mqtt.publishFrame(m_frame);
        ++m_frame.sequence;
    }
    int m_fps;
    SpectrumFrame m_frame;
    AudioFeatures m_latest;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    addOptions(p);
    p.process(app);
    const int fps = std::clamp(p.value(QStringLiteral("fps")).toInt(), 1, 240);
    const int bands = std::clamp(p.value(QStringLiteral("bands")).toInt(), 1, 1024);
    const double seconds = p.value(QStringLiteral("seconds")).toDouble();

    testwled::FeatureFeeder feeder(signalFrom(p));
    outputs::WledSender wled;
    outputs::MqttPublisher mqtt;
    if (p.isSet(QStringLiteral("wled")))
        startWled(p, feeder, wled);
    if (p.isSet(QStringLiteral("mqtt")))
        startMqtt(p, feeder, mqtt, bands, fps);
    FrameMaker frames(feeder, mqtt, bands, fps);
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
    summary[QLatin1String("frames_made")] = double(frames.made());
    say(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    mqtt.stop();
    wled.stop();
    return rc;
}
