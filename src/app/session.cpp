#include "session.h"

#include "app/heaptrimmer.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "net/lanservice.h"
#include "net/streamserver.h"

namespace spectray {

Session::Session(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_engine(std::make_unique<Engine>())
    , m_lan(std::make_unique<net::LanService>(settings))
{
    wireLan();
    wireOutputs();
}

Session::~Session()
{
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
    // Client churn and audio-server restarts leave the heap fragmented; give it back after a pause.
    auto *trimmer = new HeapTrimmer(std::chrono::seconds(10), this);
    connect(m_lan.get(), &net::LanService::stateChanged, trimmer, &HeapTrimmer::request);
    connect(m_engine.get(), &Engine::statusChanged, trimmer, &HeapTrimmer::request);
    if (m_engine->layout().isValid())
        server.publishLayout(m_engine->layout());
    server.setEngineStatus(m_engine->status());
}

// Where the other outputs get what the engine produces: connect each output's frame / layout /
// status slots to Engine::frameReady / layoutChanged / statusChanged here, exactly as wireLan()
// does, and let it configure itself from its own settings (as LanService does). Outputs are owned
// by the session (a std::unique_ptr member each) and destroyed before the engine.
void Session::wireOutputs() { }

void Session::startEngine(const QString &source, const AnalysisConfig &config, bool capture)
{
    m_engine->applyConfig(config);
    m_engine->selectDevice(source);
    m_engine->refreshDevices();
    if (capture)
        m_engine->start();
}

void Session::shutdown()
{
    m_lan->shutdown();
    m_engine->stop();
}

} // namespace spectray
