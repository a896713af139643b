#include "session.h"

#include "app/memorytrimmer.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "engine/frametap.h"
#include "net/lanservice.h"
#include "net/streamserver.h"
#include "outputs/outputservice.h"

namespace spectray {

namespace {
// The engine's frames, on the audio thread, straight into the server's fanout (thread-safe).
class LanFrameTap final : public FrameTap
{
public:
    explicit LanFrameTap(net::FrameFanout &fanout) : m_fanout(fanout) {}
    void tapLayout(const BandLayout &layout) override { m_fanout.layoutComing(layout); }
    void tapFrame(const SpectrumFrame &frame) override { m_fanout.publish(frame); }

private:
    net::FrameFanout &m_fanout;
};
} // namespace

Session::Session(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_engine(std::make_unique<Engine>())
    , m_lan(std::make_unique<net::LanService>(settings))
    , m_outputs(std::make_unique<outputs::OutputService>(settings))
{
    wireLan();
    wireOutputs();
}

Session::~Session()
{
    m_lanTapWanted = false;
    updateFrameTap(); // the audio thread lets go of the server before it goes
    m_outputs.reset(); // MQTT says "offline" while the engine still exists
    m_lan.reset(); // clients get "going away" while the engine still exists
}

// Engine -> LAN server: frames, layouts and status, connected once for every front-end. Values, not
// pointers, cross here, so either side could move to another thread without a data race.
void Session::wireLan()
{
    net::StreamServer &server = m_lan->server();
    connect(m_engine.get(), &Engine::frameReady, &server, &net::StreamServer::publishFrame);
    connect(m_engine.get(), &Engine::layoutChanged, &server, &net::StreamServer::publishLayout);
    connect(m_engine.get(), &Engine::statusChanged, &server, &net::StreamServer::setEngineStatus);
    connect(m_engine.get(), &Engine::statusChanged, &server,
        [&server](const EngineStatus &s) { server.setSourceName(s.deviceName); });
    // Client churn and audio-server restarts leave the heap fragmented; give it back after a pause
    // (and, the first time, the pages only start-up used).
    auto *trimmer = new MemoryTrimmer({}, this);
    connect(m_lan.get(), &net::LanService::stateChanged, trimmer, &MemoryTrimmer::request);
    connect(m_engine.get(), &Engine::statusChanged, trimmer, &MemoryTrimmer::request);
    if (m_engine->layout().isValid())
        server.publishLayout(m_engine->layout());
    server.setEngineStatus(m_engine->status());
}

// Engine -> LED sync and MQTT, as wireLan() does for the server: MQTT gets the very frames the
// WebSocket clients get (same sequence numbers), both get the AudioFeatures, which the engine makes
// only while one of them runs.
void Session::wireOutputs()
{
    outputs::WledSender &wled = m_outputs->wled();
    outputs::MqttPublisher &mqtt = m_outputs->mqtt();
    Engine *engine = m_engine.get();
    connect(engine, &Engine::featuresReady, &wled, &outputs::WledSender::setFeatures);
    connect(engine, &Engine::featuresReady, &mqtt, &outputs::MqttPublisher::publishFeatures);
    connect(engine, &Engine::frameReady, &mqtt, &outputs::MqttPublisher::publishFrame);
    connect(engine, &Engine::layoutChanged, &mqtt, &outputs::MqttPublisher::publishLayout);
    connect(engine, &Engine::statusChanged, &mqtt, &outputs::MqttPublisher::publishStatus);
    // Capture stopped or failed: the LED zero tail starts now rather than after the stale timeout.
    connect(engine, &Engine::statusChanged, &wled, [&wled](const EngineStatus &s) {
        wled.setCaptureActive(s.state == EngineStatus::State::Running || s.state == EngineStatus::State::Silent);
    });
    connect(m_outputs.get(), &outputs::OutputService::featuresWantedChanged, engine, &Engine::setFeaturesEnabled);
    // The publisher keeps the newest layout and status and retains them on every (re)connect.
    if (m_engine->layout().isValid())
        mqtt.publishLayout(m_engine->layout());
    mqtt.publishStatus(m_engine->status());
}

void Session::startEngine(const QString &source, const AnalysisConfig &config, bool capture)
{
    m_outputs->apply();
    m_engine->applyConfig(config);
    m_engine->selectDevice(source);
    m_engine->refreshDevices();
    if (capture)
        m_engine->start();
}

void Session::sendFramesFromAudioThread()
{
    if (!net::FrameFanout::publishesFromAnyThread())
        return; // Windows: frames stay on this thread (net/socketsend.h)
    if (!m_lanTap) {
        m_lanTap = std::make_unique<LanFrameTap>(m_lan->server().fanout());
        connect(&m_outputs->mqtt(), &outputs::MqttPublisher::stateChanged, this, &Session::updateFrameTap);
    }
    m_lanTapWanted = true;
    updateFrameTap();
}

// MQTT publishes the very frames the clients get, from frameReady on this thread: while it runs,
// the frames come here as before.
void Session::updateFrameTap()
{
    const bool on = m_lanTapWanted && m_outputs && m_outputs->mqtt().state() == outputs::MqttPublisher::State::Off;
    if (on == m_lanTapOn)
        return;
    m_engine->setFrameTap(on ? m_lanTap.get() : nullptr);
    m_lanTapOn = on;
}

void Session::shutdown()
{
    m_lanTapWanted = false;
    updateFrameTap();
    m_outputs->shutdown();
    m_lan->shutdown();
    m_engine->stop();
}

} // namespace spectray
