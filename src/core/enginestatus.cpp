#include "enginestatus.h"

namespace spectray {

QString stateName(EngineStatus::State state)
{
    switch (state) {
    case EngineStatus::State::Stopped: return QStringLiteral("stopped");
    case EngineStatus::State::Starting: return QStringLiteral("starting");
    case EngineStatus::State::Running: return QStringLiteral("running");
    case EngineStatus::State::Silent: return QStringLiteral("silent");
    case EngineStatus::State::Reconnecting: return QStringLiteral("reconnecting");
    case EngineStatus::State::Error: return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

} // namespace spectray
