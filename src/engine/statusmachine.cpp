#include "statusmachine.h"

#include "core/logging.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::StatusMachine", text);
}

} // namespace

bool StatusMachine::set(EngineStatus::State state, const QString &reason)
{
    EngineStatus next = m_status;
    next.state = state;
    next.reason = reason;
    if (next == m_status)
        return false;
    m_status = next;
    qCDebug(lcEngine).noquote() << "state" << stateName(state) << (reason.isEmpty() ? QString() : u"- " + reason);
    return true;
}

bool StatusMachine::outputLatency(std::optional<double> latencyMs)
{
    EngineStatus next = m_status;
    next.outputLatencyMs = latencyMs ? std::optional<double>(std::round(std::max(0.0, *latencyMs))) : std::nullopt;
    next.syncNote = next.outputLatencyMs
                        ? tr("Output latency %1 ms (reported by the audio server)").arg(*next.outputLatencyMs)
                        : tr("No output latency figure from the audio server: A/V sync uses your offsets only");
    if (next == m_status)
        return false;
    m_status = next;
    qCDebug(lcEngine).noquote() << next.syncNote;
    return true;
}

bool StatusMachine::stopped()
{
    m_awaitingAudio = false;
    m_silent = false;
    return set(EngineStatus::State::Stopped, {});
}

bool StatusMachine::opening(const QString &deviceId, const QString &deviceName, const QString &warning)
{
    m_warning = warning;
    m_awaitingAudio = true;
    m_silent = false;
    const bool deviceChanged = m_status.deviceId != deviceId || m_status.deviceName != deviceName;
    m_status.deviceId = deviceId;
    m_status.deviceName = deviceName;
    return set(EngineStatus::State::Starting, warning) || deviceChanged;
}

bool StatusMachine::failed(const QString &reason)
{
    m_awaitingAudio = false;
    m_silent = false;
    return set(EngineStatus::State::Error, reason.isEmpty() ? tr("No audio server") : reason);
}

bool StatusMachine::back(const QString &deviceId, const QString &deviceName, const QString &warning)
{
    const bool changed = opening(deviceId, deviceName, warning);
    return set(EngineStatus::State::Starting, tr("Source is back")) || changed;
}

bool StatusMachine::audioArrived()
{
    if (!m_awaitingAudio)
        return false;
    m_awaitingAudio = false;
    return set(EngineStatus::State::Running, m_warning);
}

bool StatusMachine::silenceBegan()
{
    m_silent = true;
    return set(EngineStatus::State::Silent, tr("Source is silent"));
}

bool StatusMachine::soundReturned()
{
    m_silent = false;
    return set(EngineStatus::State::Running, {});
}

bool StatusMachine::streamEvent(capture::StreamEvent event, const QString &message, const QString &deviceId,
                                const QString &deviceName)
{
    const EngineStatus before = m_status;
    if (!deviceId.isEmpty())
        m_status.deviceId = deviceId;
    if (!deviceName.isEmpty())
        m_status.deviceName = deviceName;
    switch (event) {
    case capture::StreamEvent::Started:
        break;
    case capture::StreamEvent::DeviceLost:
        // The backend already fell back to the default output; capture goes on, with the reason.
        set(m_silent ? EngineStatus::State::Silent : EngineStatus::State::Running, message);
        break;
    case capture::StreamEvent::ServerLost:
        set(EngineStatus::State::Reconnecting,
            message.isEmpty() ? tr("Audio server went away — reconnecting") : message);
        break;
    case capture::StreamEvent::ServerBack:
        m_awaitingAudio = true; // Running again only when audio really flows
        set(EngineStatus::State::Starting, message);
        break;
    case capture::StreamEvent::Failed:
        failed(message);
        break;
    case capture::StreamEvent::Waiting:
        // The source stays chosen and quiet; its next stream makes it Running again.
        m_awaitingAudio = true;
        m_silent = false; // the worker reset its silence detector: the next stream starts afresh
        set(EngineStatus::State::Silent, m_waitingReason.isEmpty() ? message : m_waitingReason);
        break;
    }
    return m_status != before;
}

QString StatusMachine::notPlayingReason(const QString &applicationName, bool allExcept)
{
    // The backend's message is English; what people read is said here, translated.
    return allExcept ? tr("Nothing else is playing (everything except %1)").arg(applicationName)
                     : tr("%1 is not playing").arg(applicationName);
}

bool StatusMachine::explain(const QString &reason)
{
    return set(m_status.state, reason);
}

} // namespace spectray
