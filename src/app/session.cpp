#include "session.h"

#include "app/memorytrimmer.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "net/lanservice.h"
#include "net/streamserver.h"
#include "outputs/outputservice.h"

namespace spectray {

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

void Session::shutdown()
{
    m_outputs->shutdown();
    m_lan->shutdown();
    m_engine->stop();
}

} // namespace spectray
