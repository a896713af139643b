#pragma once

#include "capture/audiobackend.h"
#include "core/enginestatus.h"

#include <QString>

namespace spectray {

// The engine's status transitions in one place: the worker reports what happened, this decides
// the state and reason people see. Every method returns true when status() changed, so the caller
// publishes only real changes. Reasons are translated here.
//
//   Stopped --opening--> Starting --audio--> Running <--silence/sound--> Silent
//   any --failed--> Error; Running/Silent --server lost--> Reconnecting --server back--> Starting
//   Starting/Running --waiting (an application stopped playing)--> Silent --audio--> Running
class StatusMachine final
{
public:
    const EngineStatus &status() const { return m_status; }

    bool stopped();
    // Opening a source. `warning` (e.g. "Source X not found — using the default output") stays the
    // reason until the source has said something else.
    bool opening(const QString &deviceId, const QString &deviceName, const QString &warning);
    bool failed(const QString &reason); // cannot capture (open failed, stream failed, no backend)
    // A timed retry after failed() opened the source again: Starting, saying it is back.
    bool back(const QString &deviceId, const QString &deviceName, const QString &warning);
    bool audioArrived();                // every chunk; the first after opening means Running
    bool silenceBegan();
    bool soundReturned();
    // What a backend reported; an empty id/name keeps the current one.
    bool streamEvent(capture::StreamEvent event, const QString &message, const QString &deviceId,
                     const QString &deviceName);
    bool explain(const QString &reason); // same state, a new reason (settings rejected)
    // The monitored device's output latency as the backend reported it (nullopt: no figure);
    // rounded to whole ms, so a figure that jitters below a millisecond is not news.
    bool outputLatency(std::optional<double> latencyMs);
    // The reason shown while an application source waits for its next stream (StreamEvent::Waiting):
    // set by the worker before it passes the event on, because only it knows the source's kind.
    void setWaitingReason(const QString &reason) { m_waitingReason = reason; }
    // "Spotify is not playing" / "Nothing else is playing (everything except Zoom)".
    static QString notPlayingReason(const QString &applicationName, bool allExcept);

private:
    bool set(EngineStatus::State state, const QString &reason);

    EngineStatus m_status;
    QString m_warning;
    QString m_waitingReason;
    bool m_awaitingAudio = false;
    bool m_silent = false;
};

} // namespace spectray
