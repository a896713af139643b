#pragma once

#include <QMetaType>
#include <QString>

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

    friend bool operator==(const EngineStatus &, const EngineStatus &) = default;
};

QString stateName(EngineStatus::State state); // stable English token for logs and JSON ("running")

} // namespace spectray

Q_DECLARE_METATYPE(spectray::EngineStatus)
