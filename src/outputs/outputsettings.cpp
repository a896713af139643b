#include "outputs/outputsettings.h"

#include "core/settings.h"

#include <QCoreApplication>
#include <QUrl>

namespace spectray::outputs {

bool wledOptionsFrom(const Settings &settings, const OutputOverrides &overrides, WledOptions *out, QString *error)
{
    WledOptions o;
    o.enabled = overrides.wledTargets.has_value() || settings.value(keys::ledSyncEnabled);
    o.ttl = overrides.wledTtl.value_or(settings.value(keys::ledSyncTtl));
    o.avOffsetMs = overrides.wledAvOffsetMs.value_or(settings.value(keys::ledSyncAvOffsetMs));
    o.interfaceName = overrides.wledInterface.value_or(settings.value(keys::ledSyncInterface));
    if (overrides.wledTargets) {
        o.targets = *overrides.wledTargets;
    } else if (!parseWledTargets(keys::splitList(settings.value(keys::ledSyncTargets)), &o.targets, error)) {
        *error = QCoreApplication::translate("spectray::outputs::OutputService", "LED sync: %1 (setting %2)")
                     .arg(*error, QLatin1String(keys::ledSyncTargets.name));
        return false;
    }
    *out = o;
    return true;
}

bool mqttOptionsFrom(const Settings &settings, const OutputOverrides &overrides, MqttOptions *out, QString *error)
{
    MqttOptions o;
    o.frameRate = overrides.mqttFrameRate.value_or(settings.value(keys::mqttFrameRate));
    o.avOffsetMs = overrides.mqttAvOffsetMs.value_or(settings.value(keys::mqttAvOffsetMs));
    o.levelRate = settings.value(keys::mqttLevelRate);
    o.caFile = overrides.mqttCaFile.value_or(settings.value(keys::mqttCaFile));
    if (overrides.mqtt) {
        const MqttOptions &url = *overrides.mqtt;
        o.enabled = true;
        o.host = url.host;
        o.port = url.port;
        o.tls = url.tls;
        o.username = url.username;
        o.password = url.password;
        o.prefix = url.prefix;
        *out = o;
        return true;
    }
    const QString url = settings.value(keys::mqttUrl);
    if (!settings.value(keys::mqttEnabled) || url.isEmpty()) {
        *out = o; // off: enabled stays false
        return true;
    }
    if (!parseMqttUrl(url, &o, error))
        return false;
    if (o.password.isEmpty())
        o.password = settings.value(keys::mqttPassword);
    const QString prefix = settings.value(keys::mqttPrefix);
    if (!prefix.isEmpty() && QUrl(url).path().size() <= 1)
        o.prefix = prefix;
    *out = o;
    return true;
}

} // namespace spectray::outputs
