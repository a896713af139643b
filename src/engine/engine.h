#pragma once

#include "core/analysisconfig.h"
#include "core/audiodevice.h"
#include "core/audiofeatures.h"
#include "core/bandlayout.h"
#include "core/enginestatus.h"
#include "core/spectrumframe.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace spectray {

class CaptureWorker;
class FrameTap;

// The GUI-thread face of the capture engine. Owns the worker thread: the CaptureWorker (backend +
// analyzer) lives there and is reached only through queued calls; everything it reports comes back
// as value-type signals. Slots may be called from any thread.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override; // stops capture, quits and joins the worker thread

    // Cached copies of what the worker last reported (GUI thread).
    EngineStatus status() const { return m_status; }
    BandLayout layout() const { return m_layout; }
    AudioDeviceList devices() const { return m_devices; }
    QString selectedDeviceId() const { return m_selectedDeviceId; }
    AnalysisConfig config() const { return m_config; }

    // Frames go to `tap` on the thread that makes them instead of frameReady(), which is then not
    // emitted (no queued event, so no thread is woken per frame); the tap gets every layout too
    // (layoutChanged() is still emitted). nullptr restores frameReady(). Blocks until the worker
    // has it: once this returns, the previous tap is called no more, so it may be destroyed.
    void setFrameTap(FrameTap *tap);

public slots:
    void start();
    void stop();
    // A source id (see SourceId: "default-output", "pulse:…", "demo", "file:PATH", "qt:…") or a
    // case-insensitive name substring (an unknown one falls back to the default output with a
    // warning status).
    void selectDevice(const QString &idOrName);
    void applyConfig(const spectray::AnalysisConfig &config);
    void refreshDevices();
    // While a LAN output (WLED, MQTT) runs: featuresReady() follows every frameReady() with the
    // analysis of the same samples and the frame's sequence. Off by default; off costs nothing.
    void setFeaturesEnabled(bool enabled);

signals:
    void frameReady(const spectray::SpectrumFrame &frame);
    void featuresReady(const spectray::AudioFeatures &features);
    void layoutChanged(const spectray::BandLayout &layout);
    void devicesChanged(const spectray::AudioDeviceList &devices);
    void statusChanged(const spectray::EngineStatus &status);

private:
    QThread *m_thread = nullptr;
    QPointer<CaptureWorker> m_worker;
    EngineStatus m_status;
    BandLayout m_layout;
    AudioDeviceList m_devices;
    QString m_selectedDeviceId;
    AnalysisConfig m_config;
};

} // namespace spectray
