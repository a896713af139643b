#pragma once

#include "audioqueue.h"
#include "capture/audiobackend.h"
#include "core/analysisconfig.h"
#include "core/audiodevice.h"
#include "core/bandlayout.h"
#include "core/enginestatus.h"
#include "core/spectrumframe.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace spectray::dsp {
class SpectrumAnalyzer;
class StreamFramer;
struct FrameValues;
} // namespace spectray::dsp

namespace spectray {

// Owns the capture backend and the analyzer on the engine's thread. Backends call the CaptureSink
// methods on their own threads; those only copy into the AudioQueue (or post a value) and wake this
// object, so all analysis and every signal happen on the worker thread. Reached only through queued
// calls (see Engine).
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

signals:
    void frameReady(const spectray::SpectrumFrame &frame);
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

    // Worker thread.
    void drainAudio();
    void processSegment(const float *samples, std::size_t frames, const capture::StreamFormat &format,
                        bool silentHint);
    void emitFrame(const dsp::FrameValues &values, std::uint64_t samplesDelivered);
    bool rebuildAnalyzer(int sampleRate, QString *error);
    void openSelected();
    void closeActive();
    void retireFramer(); // folds the framer's delivered time into m_streamTimeBase, drops it
    void publishDevices(const AudioDeviceList &systemDevices);
    void handleStreamEvent(capture::StreamEvent event, const QString &message, const QString &deviceId,
                           const QString &deviceName);
    void setStatus(EngineStatus::State state, const QString &reason);
    QString nameOf(const QString &id) const;

    std::unique_ptr<capture::AudioBackend> m_system;  // platform backend, kept for device notifications
    std::unique_ptr<capture::AudioBackend> m_qtInputs; // Qt Multimedia inputs, listed where there is no system backend
    std::unique_ptr<capture::AudioBackend> m_virtual; // demo / file backend when one is selected
    capture::AudioBackend *m_active = nullptr;        // the one streaming, if any

    AudioQueue m_queue;
    std::vector<float> m_takeBuffer;
    std::vector<AudioQueue::Segment> m_takeSegments;

    std::unique_ptr<dsp::SpectrumAnalyzer> m_analyzer;
    std::unique_ptr<dsp::StreamFramer> m_framer;
    capture::StreamFormat m_format;
    int m_framerRate = 0;
    AnalysisConfig m_config;
    BandLayout m_layout;

    AudioDeviceList m_systemDevices;
    AudioDeviceList m_devices;
    QString m_requestedSource = defaultOutputDeviceId();
    QString m_selectedId = defaultOutputDeviceId();
    QString m_sourceWarning;
    EngineStatus m_status;

    bool m_wantRunning = false;
    bool m_receivedAudio = false;
    bool m_silent = false;
    std::uint64_t m_silentRunFrames = 0;
    std::uint64_t m_sequence = 0;
    double m_streamTimeBase = 0.0; // seconds from earlier formats/streams in this run
    QTimer m_retryTimer;
};

} // namespace spectray
