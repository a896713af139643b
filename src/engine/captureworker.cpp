#include "captureworker.h"

#include "core/logging.h"
#include "sourceresolver.h"

#include <cmath>

namespace spectray {

namespace {
// Capture chunks of one frame hop (or an even part of it when the hop is long) complete one frame
// each, so a frame leaves as soon as its last samples arrive and nothing wakes in between. Longer
// chunks than this would delay frames at low frame rates more than they save.
constexpr double kLongestChunkSeconds = 0.020;

double chunkSecondsFor(int fps)
{
    if (fps <= 0)
        return 0.0;
    const double hop = 1.0 / fps;
    return hop / std::ceil(hop / kLongestChunkSeconds);
}
} // namespace

CaptureWorker::CaptureWorker(QObject *parent)
    : QObject(parent)
    , m_backends(*this)
    , m_retryTimer(this) // a child, so it moves to the worker thread with us
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_wantRunning && !m_active)
            openSelected(true);
    });
}

CaptureWorker::~CaptureWorker()
{
    shutdown();
}

void CaptureWorker::initialize()
{
    m_backends.initialize();
    refreshDevices();
}

void CaptureWorker::refreshDevices()
{
    publishDevices(m_backends.systemDevices());
}

void CaptureWorker::publishDevices(const AudioDeviceList &systemDevices)
{
    const AudioDeviceList all = selectableSources(systemDevices);
    if (all != m_devices) {
        m_devices = all;
        emit devicesChanged(m_devices);
    }
}

QString CaptureWorker::nameOf(const QString &id) const
{
    const SourceId source = SourceId::parse(id);
    // A listed application has its own name ("Firefox"); unlisted, it is named by its id.
    if (source.isSelfDescribing() && !source.isApplication())
        return source.displayName();
    for (const AudioDevice &d : m_devices) {
        if (d.id == id)
            return d.name;
        if (source.kind() == SourceId::Kind::AllExceptApplication
            && d.id == SourceId::application(source.argument()).toString())
            return SourceId::allExceptLabel(d.name);
    }
    return source.isSelfDescribing() ? source.displayName() : id;
}

void CaptureWorker::publish(bool statusChanged)
{
    if (statusChanged)
        emit this->statusChanged(m_status.status());
}

void CaptureWorker::start()
{
    m_wantRunning = true;
    m_backoff.reset();
    if (!m_active)
        openSelected();
}

void CaptureWorker::stop()
{
    m_wantRunning = false;
    m_retryTimer.stop();
    closeActive();
    publish(m_status.stopped());
}

void CaptureWorker::selectDevice(const QString &idOrName)
{
    if (m_devices.isEmpty())
        refreshDevices();
    const ResolvedSource resolved = resolveSource(idOrName, m_devices);
    m_sourceWarning = resolved.warning;
    if (!resolved.warning.isEmpty())
        qCWarning(lcEngine).noquote() << resolved.warning;
    const bool changed = resolved.id != m_selected;
    m_selected = resolved.id;
    m_backoff.reset();
    emit sourceSelected(m_selected.toString());
    if (m_wantRunning && (changed || !m_active)) {
        closeActive();
        openSelected();
    }
}

void CaptureWorker::applyConfig(const AnalysisConfig &config)
{
    if (config == m_config)
        return;
    QString error;
    if (!m_live.applyConfig(config, &error)) {
        publish(m_status.explain(tr("Analysis settings rejected: %1").arg(error)));
        return; // the running analysis goes on as it was
    }
    const bool newFps = config.fps != m_config.fps;
    m_config = config;
    if (newFps && m_active)
        applyChunkHint(m_active);
}

void CaptureWorker::setFeaturesEnabled(bool enabled)
{
    m_live.setFeaturesEnabled(enabled);
}

void CaptureWorker::applyChunkHint(capture::AudioBackend *backend) const
{
    backend->setPreferredChunk(chunkSecondsFor(m_config.fps));
}

void CaptureWorker::openSelected(bool retry)
{
    closeActive();
    m_retryTimer.stop();
    const QString id = m_selected.toString();
    capture::AudioBackend *backend = m_backends.backendFor(m_selected);
    if (!backend) {
        const bool opened = m_status.opening(id, nameOf(id), m_sourceWarning);
        const bool failed = m_status.failed(tr("No system audio capture on this platform — choose the demo or a file"));
        publish(opened || failed);
        return;
    }
    // A timed retry says nothing until it succeeds or fails differently: the same failure every
    // few seconds is not news (a machine without an audio server logs it once).
    if (!retry)
        publish(m_status.opening(id, nameOf(id), m_sourceWarning));
    m_live.wantAudioNotice();
    applyChunkHint(backend);
    // A new source starts without a figure until its backend reports one (during or after open).
    m_latencyReported = false;
    m_live.setOutputLatencyMs(std::nullopt);
    std::string error;
    if (!backend->open(id.toStdString(), error)) {
        m_backends.releaseVirtual();
        publish(m_status.failed(QString::fromStdString(error)));
        scheduleRetry();
        return;
    }
    if (retry)
        publish(m_status.back(id, nameOf(id), m_sourceWarning));
    m_active = backend;
}

void CaptureWorker::scheduleRetry()
{
    if (!m_wantRunning)
        return;
    const std::chrono::milliseconds delay = m_backoff.next();
    qCDebug(lcEngine) << "next attempt in" << delay.count() << "ms";
    m_retryTimer.start(delay);
}

void CaptureWorker::closeActive()
{
    if (m_active) {
        m_active->close(); // after this no more sink calls from it
        m_active = nullptr;
    }
    m_backends.releaseVirtual();
    ++m_session; // notices still queued for the closed source are ignored
    m_live.reset();
}

void CaptureWorker::shutdown()
{
    m_wantRunning = false;
    m_retryTimer.stop();
    closeActive();
    m_backends.shutdown();
}

// ---- backend threads -------------------------------------------------------------------------

void CaptureWorker::onAudio(const float *interleaved, std::size_t frames, const capture::StreamFormat &format,
                            bool silentHint)
{
    m_live.feed(interleaved, frames, format, silentHint);
}

void CaptureWorker::liveNotice(LiveAnalysis::Notice notice, const QString &detail)
{
    // Rare (state changes only), so a queued call per notice is fine.
    QMetaObject::invokeMethod(
        this,
        [this, notice, detail, session = m_session.load()] {
            if (session == m_session.load() && m_active)
                handleNotice(notice, detail);
        },
        Qt::QueuedConnection);
}

void CaptureWorker::onOutputLatency(std::optional<double> latencyMs)
{
    // The pipeline's figure is atomic, so frames analysed from now on (on the audio thread) carry
    // it; the status (what people read) changes on the worker thread.
    m_live.setOutputLatencyMs(latencyMs);
    QMetaObject::invokeMethod(
        this,
        [this, latencyMs] {
            m_latencyReported = true;
            publish(m_status.outputLatency(latencyMs));
        },
        Qt::QueuedConnection);
}

void CaptureWorker::onDevicesChanged(const std::vector<capture::DeviceInfo> &devices)
{
    QMetaObject::invokeMethod(this, [this, list = toDeviceList(devices)] { publishDevices(list); },
                              Qt::QueuedConnection);
}

void CaptureWorker::onStreamEvent(capture::StreamEvent event, const std::string &message, const std::string &deviceId,
                                  const std::string &deviceName)
{
    QMetaObject::invokeMethod(
        this,
        [this, event, msg = QString::fromStdString(message), id = QString::fromStdString(deviceId),
         name = QString::fromStdString(deviceName)] { handleStreamEvent(event, msg, id, name); },
        Qt::QueuedConnection);
}

// ---- worker thread ---------------------------------------------------------------------------

void CaptureWorker::handleStreamEvent(capture::StreamEvent event, const QString &message, const QString &deviceId,
                                      const QString &deviceName)
{
    if (!m_active)
        return; // a late event from a stream already closed
    // The demo and files are named by us, translated; a device keeps the name its backend reports
    // (for the default output that is the device actually followed).
    const SourceId source = SourceId::parse(deviceId);
    const bool allExcept = source.kind() == SourceId::Kind::AllExceptApplication;
    // An application backend names the application; the exclusion's label is said here.
    const QString name = source.isVirtual() ? source.displayName()
                         : allExcept && !deviceName.isEmpty() ? SourceId::allExceptLabel(deviceName)
                                                              : deviceName;
    if (event == capture::StreamEvent::Waiting) {
        // The app's streams ended: start afresh when its next one comes (no stale silence state,
        // no idle-sized chunks from the backend).
        m_live.restartSilence();
        m_active->setIdle(false);
        m_status.setWaitingReason(StatusMachine::notPlayingReason(
            deviceName.isEmpty() ? source.argument() : deviceName, allExcept));
    }
    const bool changed = m_status.streamEvent(event, message, deviceId, name);
    m_live.wantAudioNotice(); // the status may wait for audio again (Starting after ServerBack)
    if (event == capture::StreamEvent::Failed) {
        closeActive();
        scheduleRetry();
    }
    publish(changed);
}

void CaptureWorker::handleNotice(LiveAnalysis::Notice notice, const QString &detail)
{
    switch (notice) {
    case LiveAnalysis::Notice::AudioArrived:
        if (m_status.audioArrived()) {
            m_backoff.reset(); // it works: a later failure is retried soon again
            if (!m_latencyReported) // the demo, a file, a backend that has no figure: say so once
                m_status.outputLatency(std::nullopt);
            m_latencyReported = true;
            publish(true);
        }
        break;
    case LiveAnalysis::Notice::SoundReturned:
        m_active->setIdle(false);
        publish(m_status.soundReturned());
        break;
    case LiveAnalysis::Notice::BecameSilent:
        m_active->setIdle(true);
        publish(m_status.silenceBegan());
        break;
    case LiveAnalysis::Notice::CannotAnalyse:
        closeActive();
        m_wantRunning = false;
        publish(m_status.failed(tr("Cannot analyse this stream: %1").arg(detail)));
        break;
    }
}

} // namespace spectray
