#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace spectray {

// What the capture engine is doing, with a reason a person can read ("No audio server",
// "Device removed — following default output"). Reasons are already translated.
struct EngineStatus
{
    enum class State {
        Stopped,      // not capturing, no CPU used
        Starting,     // opening the device
        Running,      // frames are flowing
        Silent,       // source is digital silence: no frames until sound returns
        Reconnecting, // audio server went away; retrying
        Error,        // cannot capture; reason says why
    };

    State state = State::Stopped;
    QString reason;
    QString deviceId;   // the device actually captured (may differ from the one chosen after a fallback)
    QString deviceName;
    // The output latency the audio server reports for the captured device, in ms: how long after
    // capture its audio is heard (what play_ts adds to the capture time). nullopt = the server gives
    // no figure (an input, the demo, a file, or a server that does not say), so play_ts carries only
    // the user's A/V offset. `syncNote` says which, in words (translated).
    std::optional<double> outputLatencyMs;
    QString syncNote;

    friend bool operator==(const EngineStatus &, const EngineStatus &) = default;
};

QString stateName(EngineStatus::State state); // stable English token for logs and JSON ("running")

} // namespace spectray

Q_DECLARE_METATYPE(spectray::EngineStatus)
