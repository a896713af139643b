#pragma once

#include <QString>

namespace spectray::outputs {

struct MqttOptions
{
    bool enabled = false; // off until a broker is configured
    QString host;
    quint16 port = 1883; // 8883 for mqtts://
    bool tls = false;
    QString caFile; // TLS: the CA that signed the broker's certificate; empty = the system's CAs
    QString username;
    QString password;
    QString prefix; // topics are PREFIX/frame, PREFIX/layout ...; default spectray/HOSTNAME
    int frameRate = 30; // frames per second published on PREFIX/frame, 1..60
    // A/V offset, ms (mqtt/avOffsetMs), added to the play time the published frames carry. MQTT is
    // not held back (consumers schedule by play_ts; the broker's own delay is unknown to us).
    int avOffsetMs = 0;
    int levelRate = 10; // PREFIX/level messages per second, 1..30
    int keepAliveS = 30;
    QString clientId; // empty = spectray-HOSTNAME-PID
    friend bool operator==(const MqttOptions &, const MqttOptions &) = default;
};

// spectray/HOSTNAME, with characters MQTT treats specially (+ # / and spaces) replaced by '-'.
QString defaultMqttPrefix();

// `--mqtt URL`: mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT][/PREFIX]. User and password may be
// percent-encoded. Fills host, port, tls, username, password and prefix (default when absent) and
// sets enabled; the other fields keep what `out` had. false + a one-line reason otherwise.
bool parseMqttUrl(const QString &url, MqttOptions *out, QString *error);

// A topic prefix: non-empty, no wildcards (+ #), no leading or trailing '/', no NUL.
bool validMqttPrefix(const QString &prefix);

} // namespace spectray::outputs
