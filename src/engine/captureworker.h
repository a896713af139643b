#pragma once

#include "capture/audiobackend.h"
#include "core/analysisconfig.h"
#include "core/audiodevice.h"
#include "core/bandlayout.h"
#include "core/enginestatus.h"
#include "core/sourceid.h"
#include "core/spectrumframe.h"
#include "liveanalysis.h"
#include "retrybackoff.h"
#include "sourcebackends.h"
#include "statusmachine.h"

#include <QObject>
#include <QTimer>

#include <atomic>

namespace spectray {

// Orchestrates capture on the engine's thread: opens the chosen source (SourceBackends), hands its
// audio to LiveAnalysis, and reports through StatusMachine. Backends call the CaptureSink methods
// on their own threads: audio is analysed right there (LiveAnalysis; frameReady, featuresReady and
// layoutChanged are emitted from that thread, so connect them queued or to an object on another
// thread; frames go to a FrameTap instead while one is set), device lists and stream events are
// posted to this object. Everything else happens on
// the worker thread, which sleeps while audio flows. Reached only through queued calls (see Engine).
class CaptureWorker final : public QObject, private capture::CaptureSink, private LiveAnalysis::Output
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureWorker)

public:
    explicit CaptureWorker(QObject *parent = nullptr);
    ~CaptureWorker() override;

    // How long the source must be digital silence before frames stop (see docs/engine.md).
    static constexpr double kSilenceSeconds = 2.0;

    // Frames to `tap` on the audio thread instead of frameReady (see Engine::setFrameTap).
    void setFrameTap(FrameTap *tap) { m_live.setTap(tap); }

public slots:
    void initialize(); // creates the system backend and publishes the first device list
    void start();
    void stop();
    void selectDevice(const QString &idOrName);
    void applyConfig(const spectray::AnalysisConfig &config);
    void refreshDevices();
    void shutdown(); // closes everything; called before the thread quits
    // LAN outputs on: featuresReady() follows every frame. Off: no feature analysis at all.
    void setFeaturesEnabled(bool enabled);

signals:
    void frameReady(const spectray::SpectrumFrame &frame);
    void featuresReady(const spectray::AudioFeatures &features);
    void layoutChanged(const spectray::BandLayout &layout);
    void devicesChanged(const spectray::AudioDeviceList &devices);
    void statusChanged(const spectray::EngineStatus &status);
    void sourceSelected(const QString &id); // the resolved id actually chosen

private:
    // capture::CaptureSink — called on backend threads.
    void onAudio(const float *interleaved, std::size_t frames, const capture::StreamFormat &format,
                 bool silentHint) override;
    void onDevicesChanged(const std::vector<capture::DeviceInfo> &devices) override;
    void onStreamEvent(capture::StreamEvent event, const std::string &message, const std::string &deviceId,
                       const std::string &deviceName) override;
    void onOutputLatency(std::optional<double> latencyMs) override;

    // LiveAnalysis::Output — called on the audio thread.
    void liveFrame(const SpectrumFrame &frame) override { emit frameReady(frame); } // not while a tap is set
    void liveFeatures(const AudioFeatures &features) override { emit featuresReady(features); }
    void liveLayout(const BandLayout &layout) override { emit layoutChanged(layout); }
    void liveNotice(LiveAnalysis::Notice notice, const QString &detail) override;

    // Worker thread.
    void handleNotice(LiveAnalysis::Notice notice, const QString &detail);
    void applyChunkHint(capture::AudioBackend *backend) const;
    void openSelected(bool retry = false); // retry: a timed attempt after a failure
    void scheduleRetry();
    void closeActive();
    void publishDevices(const AudioDeviceList &systemDevices);
    void handleStreamEvent(capture::StreamEvent event, const QString &message, const QString &deviceId,
                           const QString &deviceName);
    void publish(bool statusChanged);
    QString nameOf(const QString &id) const;

    SourceBackends m_backends;
    capture::AudioBackend *m_active = nullptr; // the one streaming, if any

    LiveAnalysis m_live{*this, kSilenceSeconds};
    // Counts opened sources, so a notice posted for a source already closed is ignored.
    std::atomic<unsigned> m_session{0};
    AnalysisConfig m_config;
    StatusMachine m_status;

    AudioDeviceList m_devices;
    SourceId m_selected;
    QString m_sourceWarning;

    bool m_wantRunning = false;
    bool m_latencyReported = false; // the open source said whether it has an output latency figure
    QTimer m_retryTimer;
    RetryBackoff m_backoff;
};

} // namespace spectray
