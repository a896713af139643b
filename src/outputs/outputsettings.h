#pragma once

#include "outputs/mqttoptions.h"
#include "outputs/wledoptions.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace spectray {
class Settings;
}

namespace spectray::outputs {

// What the command line may override for this run only (--wled, --wled-ttl, --wled-interface,
// --wled-av-offset, --mqtt, --mqtt-ca, --mqtt-rate, --mqtt-av-offset). Never written to the settings; the overrides of one output are
// dropped as soon as the user changes one of that output's settings (as LanOverrides are).
struct OutputOverrides
{
    std::optional<QList<WledTarget>> wledTargets; // --wled [TARGET...]: on for this run
    std::optional<int> wledTtl;
    std::optional<QString> wledInterface;
    std::optional<int> wledAvOffsetMs;
    std::optional<MqttOptions> mqtt; // --mqtt URL, parsed: on for this run
    std::optional<QString> mqttCaFile;
    std::optional<int> mqttFrameRate;
    std::optional<int> mqttAvOffsetMs;

    bool hasWled() const { return wledTargets || wledTtl || wledInterface || wledAvOffsetMs; }
    bool hasMqtt() const { return mqtt || mqttCaFile || mqttFrameRate || mqttAvOffsetMs; }
};

// The ledSync/* keys (core/settingskeys.h) with the overrides on top. false + a one-line reason
// when the stored targets cannot be parsed; `out->enabled` says whether to send at all.
bool wledOptionsFrom(const Settings &settings, const OutputOverrides &overrides, WledOptions *out, QString *error);

// The mqtt/* keys with the overrides on top: the URL gives host, port, TLS, user, password and
// prefix; mqtt/password fills a password the URL leaves out; mqtt/prefix is used when the URL has no
// path. false + a one-line reason for an unusable stored URL; `out->enabled` says whether to publish.
bool mqttOptionsFrom(const Settings &settings, const OutputOverrides &overrides, MqttOptions *out, QString *error);

} // namespace spectray::outputs
