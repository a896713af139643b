#pragma once

#include "analysispipeline.h"
#include "audioqueue.h"
#include "capture/audiobackend.h"
#include "core/analysisconfig.h"
#include "core/audiodevice.h"
#include "core/bandlayout.h"
#include "core/enginestatus.h"
#include "core/sourceid.h"
#include "core/spectrumframe.h"
#include "retrybackoff.h"
#include "silencedetector.h"
#include "sourcebackends.h"
#include "statusmachine.h"

#include <QObject>
#include <QTimer>

namespace spectray {

// Orchestrates capture on the engine's thread: opens the chosen source (SourceBackends), moves its
// audio from the AudioQueue into the AnalysisPipeline, and reports through StatusMachine and
// SilenceDetector. Backends call the CaptureSink methods on their own threads; those only copy into
// the AudioQueue (or post a value) and wake this object, so all analysis and every signal happen
// on the worker thread. Reached only through queued calls (see Engine).
class CaptureWorker final : public QObject, private capture::CaptureSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureWorker)

public:
    explicit CaptureWorker(QObject *parent = nullptr);
    ~CaptureWorker() override;

    // How long the source must be digital silence before frames stop (see docs/engine.md).
    static constexpr double kSilenceSeconds = 2.0;

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

    // Worker thread.
    void drainAudio();
    void processSegment(const float *samples, std::size_t frames, const capture::StreamFormat &format,
                        bool silentHint);
    bool followFormat(const capture::StreamFormat &format);
    bool rebuildPipeline(int sampleRate, QString *error);
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

    AudioQueue m_queue;
    std::vector<float> m_takeBuffer;
    std::vector<AudioQueue::Segment> m_takeSegments;

    AnalysisPipeline m_pipeline{AnalysisPipeline::Clock::Wall};
    AnalysisPipeline::FrameSink m_emitFrame; // made once, not per chunk
    AnalysisPipeline::FeatureSink m_emitFeatures;
    capture::StreamFormat m_format;
    AnalysisConfig m_config;
    SilenceDetector m_silence{kSilenceSeconds};
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
