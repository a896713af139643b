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
    std::optional<int> rate;    // Subscribe: frames per second, already within 1..fps
    QJsonValue id;              // Ping: echoed back (Undefined when absent)
};

// `fps` is the stream's frame rate (the upper bound for `rate`).
ClientRequest parseClientMessage(const QByteArray &utf8, int fps);

} // namespace spectray::net
