#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace spectray::net {

// One text message from a WebSocket client, decoded and validated. Pure (no sockets), so the
// rules are unit tested and fuzzed on their own; StreamServer only applies the result.
struct ClientRequest
{
    enum class Kind { Subscribe, Ping, Invalid };
    Kind kind = Kind::Invalid;
    QByteArray errorCode;       // Invalid: the wire error code ("bad_json", "bad_rate", ...)
    QString errorMessage;       // Invalid: the human-readable reason (translated)
    std::optional<bool> binary; // Subscribe: format asked for, if any
    std::optional<int> rate;    // Subscribe: frames per second asked for, already within 1..240
    QJsonValue id;              // Ping: echoed back (Undefined when absent)
};

// The stream's own frame rate is not an input: a rate above it means "every frame" and is kept as
// asked, so it still means that after the stream's rate goes up (StreamServer applies the minimum).
ClientRequest parseClientMessage(const QByteArray &utf8);

} // namespace spectray::net
