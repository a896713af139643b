#include "captureworker.h"

#include "capture/qtinputbackend.h"
#include "core/logging.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "engine/dspoptions.h"
#include "sourceresolver.h"

#include <QDateTime>

#include <algorithm>

namespace spectray {

namespace {

AudioDevice::Kind toKind(capture::DeviceKind kind)
{
    switch (kind) {
    case capture::DeviceKind::Loopback: return AudioDevice::Kind::Loopback;
    case capture::DeviceKind::Input: return AudioDevice::Kind::Input;
    case capture::DeviceKind::Virtual: return AudioDevice::Kind::Virtual;
    }
    return AudioDevice::Kind::Virtual;
}

AudioDeviceList toDeviceList(const std::vector<capture::DeviceInfo> &devices)
{
    AudioDeviceList out;
    out.reserve(qsizetype(devices.size()));
    for (const auto &d : devices)
        out.append({QString::fromStdString(d.id), QString::fromStdString(d.name), toKind(d.kind), d.isDefault});
    return out;
}

bool isSilent(const float *samples, std::size_t count, std::size_t *lastSoundIndex)
{
    // Digital silence means exact zeros (a paused player, a muted stream); dither or room noise is
    // still "sound" so the spectrum keeps moving with it.
    for (std::size_t i = count; i-- > 0;) {
        if (samples[i] != 0.0f) {
            *lastSoundIndex = i;
            return false;
        }
    }
    return true;
}

} // namespace

CaptureWorker::CaptureWorker(QObject *parent)
    : QObject(parent)
    , m_retryTimer(this) // a child, so it moves to the worker thread with us
{
    m_retryTimer.setInterval(2000);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_wantRunning && !m_active)
            openSelected();
    });
}

CaptureWorker::~CaptureWorker()
{
    shutdown();
}

void CaptureWorker::initialize()
{
    if (!m_system) {
        m_system = capture::createSystemBackend();
        if (m_system)
            m_system->setSink(this);
    }
    // Qt Multimedia's inputs are what a platform without a system backend (macOS) can offer, e.g.
    // a loopback driver such as BlackHole. Where PulseAudio or WASAPI exist they already list every
    // input, so Qt's list would only repeat it; "qt:" ids still open on demand there.
    if (!m_system && !m_qtInputs) {
        m_qtInputs = capture::createQtInputBackend();
        m_qtInputs->setSink(this);
    }
    refreshDevices();
}

void CaptureWorker::refreshDevices()
{
    AudioDeviceList devices = m_system ? toDeviceList(m_system->devices()) : AudioDeviceList{};
    if (m_qtInputs)
        devices += toDeviceList(m_qtInputs->devices());
    publishDevices(devices);
}

void CaptureWorker::publishDevices(const AudioDeviceList &systemDevices)
{
    m_systemDevices = systemDevices;
    AudioDeviceList all;
    all.append({defaultOutputDeviceId(), tr("Default output (follows system)"), AudioDevice::Kind::Loopback, false});
    all.append(systemDevices);
    all.append({QStringLiteral("demo"), tr("Demo signal (synthetic)"), AudioDevice::Kind::Virtual, false});
    if (all != m_devices) {
        m_devices = all;
        emit devicesChanged(m_devices);
    }
}

QString CaptureWorker::nameOf(const QString &id) const
{
    if (id.startsWith(u"file:"))
        return tr("File %1").arg(id.mid(5));
    for (const AudioDevice &d : m_devices) {
        if (d.id == id)
            return d.name;
    }
    return id;
}

void CaptureWorker::setStatus(EngineStatus::State state, const QString &reason)
{
    EngineStatus next = m_status;
    next.state = state;
    next.reason = reason;
    if (next == m_status)
        return;
    m_status = next;
    qCDebug(lcEngine).noquote() << "state" << stateName(state) << (reason.isEmpty() ? QString() : u"- " + reason);
    emit statusChanged(m_status);
}

void CaptureWorker::start()
{
    m_wantRunning = true;
    if (!m_active)
        openSelected();
}

void CaptureWorker::stop()
{
    m_wantRunning = false;
    m_retryTimer.stop();
    closeActive();
    setStatus(EngineStatus::State::Stopped, {});
}

void CaptureWorker::selectDevice(const QString &idOrName)
{
    if (m_devices.isEmpty())
        refreshDevices();
    m_requestedSource = idOrName;
    const ResolvedSource resolved = resolveSource(idOrName, m_devices);
    m_sourceWarning = resolved.warning;
    if (!resolved.warning.isEmpty())
        qCWarning(lcEngine).noquote() << resolved.warning;
    const bool changed = resolved.id != m_selectedId;
    m_selectedId = resolved.id;
    emit sourceSelected(m_selectedId);
    if (m_wantRunning && (changed || !m_active)) {
        closeActive();
        openSelected();
    }
}

void CaptureWorker::applyConfig(const AnalysisConfig &config)
{
    if (config == m_config)
        return;
    const AnalysisConfig previous = m_config;
    m_config = config;
    if (m_format.sampleRate > 0) {
        QString error;
        if (!rebuildAnalyzer(m_format.sampleRate, &error)) {
            m_config = previous;
            rebuildAnalyzer(m_format.sampleRate, nullptr);
            setStatus(m_status.state, tr("Analysis settings rejected: %1").arg(error));
        }
    }
}

bool CaptureWorker::rebuildAnalyzer(int sampleRate, QString *error)
{
    dsp::AnalyzerConfig cfg;
    if (!dsp::parseProfile(m_config.profile.toStdString(), cfg.profile)) {
        if (error)
            *error = tr("unknown profile \"%1\"").arg(m_config.profile);
        return false;
    }
    cfg.sampleRate = sampleRate;
    cfg.fps = m_config.fps;
    cfg.bands = m_config.bands;
    cfg.minHz = m_config.minHz;
    cfg.maxHz = std::min(m_config.maxHz, sampleRate / 2.0);
    cfg.fftSize = m_config.fftSize;
    cfg.bassFftSize = m_config.bassFftSize;
    engine::applyScaleOptions(m_config, cfg);
    const std::string problem = dsp::validate(cfg);
    if (!problem.empty()) {
        if (error)
            *error = QString::fromStdString(problem);
        return false;
    }
    // A new analyzer starts its auto-gain afresh and its framer waits for a full window again;
    // stream time keeps counting from where the old one stopped.
    retireFramer();
    m_analyzer = std::make_unique<dsp::SpectrumAnalyzer>(cfg);
    m_framer = std::make_unique<dsp::StreamFramer>(*m_analyzer);
    m_framerRate = sampleRate;

    BandLayout layout;
    const auto &edges = m_analyzer->edgesHz();
    layout.edgesHz = QList<double>(edges.begin(), edges.end());
    const auto &latency = m_analyzer->bandLatencyMs();
    layout.bandLatencyMs = QList<double>(latency.begin(), latency.end());
    layout.fps = cfg.fps;
    layout.sampleRate = sampleRate;
    layout.profile = QString::fromLatin1(dsp::profileName(cfg.profile));
    layout.fftSize = m_analyzer->fftSize();
    layout.bassFftSize = m_analyzer->bassFftSize();
    engine::fillScaleFields(*m_analyzer, layout);
    m_layout = layout;
    emit layoutChanged(m_layout);
    return true;
}

void CaptureWorker::openSelected()
{
    closeActive();
    m_retryTimer.stop();
    m_receivedAudio = false;
    m_silent = false;
    m_silentRunFrames = 0;
    m_format = {};

    const QString id = m_selectedId;
    capture::AudioBackend *backend = nullptr;
    if (id == u"demo") {
        m_virtual = capture::createDemoBackend();
        backend = m_virtual.get();
    } else if (id.startsWith(u"file:")) {
        m_virtual = capture::createFileBackend(id.mid(5).toStdString());
        backend = m_virtual.get();
    } else if (id.startsWith(u"qt:")) {
        if (!m_qtInputs) {
            m_qtInputs = capture::createQtInputBackend();
            m_qtInputs->setSink(this);
        }
        backend = m_qtInputs.get();
    } else {
        backend = m_system.get();
    }
    m_status.deviceId = id;
    m_status.deviceName = nameOf(id);
    if (!backend) {
        setStatus(EngineStatus::State::Error, tr("No system audio capture on this platform — choose the demo or a file"));
        return;
    }
    backend->setSink(this);
    setStatus(EngineStatus::State::Starting, m_sourceWarning);
    std::string error;
    const std::string backendId = id == defaultOutputDeviceId() ? std::string(capture::kDefaultOutputId) : id.toStdString();
    if (!backend->open(backendId, error)) {
        m_virtual.reset();
        setStatus(EngineStatus::State::Error, error.empty() ? tr("No audio server") : QString::fromStdString(error));
        if (m_wantRunning)
            m_retryTimer.start();
        return;
    }
    m_active = backend;
}

void CaptureWorker::closeActive()
{
    if (m_active) {
        m_active->close(); // after this no more sink calls from it
        m_active = nullptr;
    }
    m_virtual.reset();
    m_queue.clear();
    retireFramer();
    m_analyzer.reset();
    m_format = {};
}

void CaptureWorker::retireFramer()
{
    if (m_framer && m_framerRate > 0)
        m_streamTimeBase += double(m_framer->samplesDelivered()) / m_framerRate;
    m_framer.reset();
}

void CaptureWorker::shutdown()
{
    m_wantRunning = false;
    m_retryTimer.stop();
    closeActive();
    m_qtInputs.reset();
    if (m_system) {
        m_system->close();
        m_system.reset();
    }
}

// ---- backend threads -------------------------------------------------------------------------

void CaptureWorker::onAudio(const float *interleaved, std::size_t frames, const capture::StreamFormat &format,
                            bool silentHint)
{
    if (m_queue.push(interleaved, frames, format, silentHint))
        QMetaObject::invokeMethod(this, &CaptureWorker::drainAudio, Qt::QueuedConnection);
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
    if (!deviceId.isEmpty())
        m_status.deviceId = deviceId;
    if (!deviceName.isEmpty())
        m_status.deviceName = deviceName;
    switch (event) {
    case capture::StreamEvent::Started:
        break;
    case capture::StreamEvent::DeviceLost:
        setStatus(m_silent ? EngineStatus::State::Silent : EngineStatus::State::Running, message);
        break;
    case capture::StreamEvent::ServerLost:
        setStatus(EngineStatus::State::Reconnecting, message.isEmpty() ? tr("Audio server went away — reconnecting") : message);
        break;
    case capture::StreamEvent::ServerBack:
        setStatus(EngineStatus::State::Starting, message);
        m_receivedAudio = false;
        break;
    case capture::StreamEvent::Failed:
        closeActive();
        setStatus(EngineStatus::State::Error, message);
        if (m_wantRunning)
            m_retryTimer.start();
        break;
    }
}

void CaptureWorker::drainAudio()
{
    const std::uint64_t dropped = m_queue.take(m_takeBuffer, m_takeSegments);
    if (!m_active)
        return;
    if (dropped > 0) {
        qCWarning(lcEngine) << "worker fell behind; dropped" << dropped << "frames of audio";
        if (m_format.sampleRate > 0)
            m_streamTimeBase += double(dropped) / m_format.sampleRate;
    }
    for (std::size_t i = 0; i < m_takeSegments.size(); ++i) {
        const auto &seg = m_takeSegments[i];
        const std::size_t end = i + 1 < m_takeSegments.size() ? m_takeSegments[i + 1].firstSample : m_takeBuffer.size();
        const auto channels = std::size_t(seg.format.channels);
        processSegment(m_takeBuffer.data() + seg.firstSample, (end - seg.firstSample) / channels, seg.format,
                       seg.silentHint);
        if (!m_active)
            return; // the analyzer was rejected and capture closed
    }
}

void CaptureWorker::processSegment(const float *samples, std::size_t frames, const capture::StreamFormat &format,
                                   bool silentHint)
{
    if (frames == 0)
        return;
    if (format.sampleRate != m_format.sampleRate || format.channels != m_format.channels || !m_framer) {
        QString error;
        const int previousRate = m_format.sampleRate;
        m_format = format;
        if (format.sampleRate != previousRate || !m_framer) {
            if (!rebuildAnalyzer(format.sampleRate, &error)) {
                closeActive();
                m_wantRunning = false;
                setStatus(EngineStatus::State::Error, tr("Cannot analyse this stream: %1").arg(error));
                return;
            }
        } else {
            m_framer->reset(); // channel count changed: the history no longer lines up
        }
    }
    if (!m_receivedAudio) {
        m_receivedAudio = true;
        setStatus(EngineStatus::State::Running, m_sourceWarning);
    }

    const std::size_t count = frames * std::size_t(format.channels);
    std::size_t lastSound = 0;
    const bool silent = silentHint || isSilent(samples, count, &lastSound);
    if (!silent) {
        m_silentRunFrames = (count - 1 - lastSound) / std::size_t(format.channels);
        if (m_silent) {
            m_silent = false;
            if (m_active)
                m_active->setIdle(false);
            setStatus(EngineStatus::State::Running, {});
        }
    }

    m_framer->push(samples, frames, format.channels, [this](const dsp::FrameValues &values, std::uint64_t delivered) {
        if (!m_silent)
            emitFrame(values, delivered);
    });

    if (silent) {
        m_silentRunFrames += frames;
        if (!m_silent && m_silentRunFrames >= std::uint64_t(kSilenceSeconds * format.sampleRate)) {
            m_silent = true;
            if (m_active)
                m_active->setIdle(true);
            setStatus(EngineStatus::State::Silent, tr("Source is silent"));
        }
    }
}

void CaptureWorker::emitFrame(const dsp::FrameValues &values, std::uint64_t samplesDelivered)
{
    SpectrumFrame frame;
    frame.bands = QList<qint16>(values.bands.begin(), values.bands.end());
    frame.bass = values.bass;
    frame.level = values.level;
    frame.sequence = m_sequence++;
    frame.streamTime = m_streamTimeBase + double(samplesDelivered) / m_framerRate;
    frame.wallClockMs = QDateTime::currentMSecsSinceEpoch();
    emit frameReady(frame);
}

} // namespace spectray
