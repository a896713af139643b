#pragma once

#include "core/analysisconfig.h"

#include <QObject>
#include <QString>

#include <memory>

namespace spectray {

class Engine;
class FrameTap;
class Settings;

namespace net {
class LanService;
}
namespace outputs {
class OutputService;
}

// One running Spectray: the capture engine and everything fed from it (the LAN service, and the
// LED sync and MQTT outputs of the OutputService). Both front-ends — desktop (tray, window, dialogs) and
// headless (console) — are thin layers on it, so which server runs, which URL is "the LAN URL" and
// what --port/--bind mean are decided here and in LanService, once. Lives in the GUI thread; the
// engine's worker thread reaches it only through the engine's value-type signals.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(Settings &settings, QObject *parent = nullptr);
    ~Session() override; // the LAN service closes its clients before the engine stops

    Settings &settings() const { return m_settings; }
    Engine &engine() const { return *m_engine; }
    net::LanService &lan() const { return *m_lan; }
    outputs::OutputService &outputs() const { return *m_outputs; }

    // Starts the LED sync and MQTT outputs as the settings (and outputs().setOverrides()) say — their
    // problems are reported, never fatal — then configures the engine for `source` with `config`,
    // asks for the device list, and starts capturing when `capture`. The LAN server is started
    // separately (lan().apply()), because the front-ends report a busy port differently (tray
    // notification vs. exit status).
    void startEngine(const QString &source, const AnalysisConfig &config, bool capture);
    // The orderly end: every LAN client gets "going away", the capture stream is released. Let the
    // event loop run briefly afterwards so the close frames leave.
    void shutdown();
    // For a front-end with no window (`--headless`): while nothing else in this process needs the
    // frames on the GUI thread (MQTT off), they go to the LAN clients right on the audio thread
    // that makes them (StreamServer::fanout()), so the GUI thread is not woken 60 times a second.
    // Decided again whenever MQTT starts or stops.
    void sendFramesFromAudioThread();

private:
    void wireLan();
    void wireOutputs();
    void updateFrameTap();

    Settings &m_settings;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<net::LanService> m_lan;
    std::unique_ptr<outputs::OutputService> m_outputs;
    std::unique_ptr<FrameTap> m_lanTap; // set on the engine while m_lanTapOn
    bool m_lanTapWanted = false;
    bool m_lanTapOn = false;
};

} // namespace spectray
