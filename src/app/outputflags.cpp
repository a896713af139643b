#include "outputflags.h"

#include "core/settingskeys.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QNetworkInterface>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::CommandLine", text);
}

const QString kWled = QStringLiteral("wled");
const QString kWledTarget = QStringLiteral("wled-target");
const QString kWledTtl = QStringLiteral("wled-ttl");
const QString kWledInterface = QStringLiteral("wled-interface");
const QString kMqtt = QStringLiteral("mqtt");
const QString kMqttCa = QStringLiteral("mqtt-ca");
const QString kMqttRate = QStringLiteral("mqtt-rate");
const QString kWledAvOffset = QStringLiteral("wled-av-offset");
const QString kMqttAvOffset = QStringLiteral("mqtt-av-offset");

// --wled-av-offset / --mqtt-av-offset: whole ms in the keys' range (-500..500).
bool readAvOffset(const QCommandLineParser &p, const QString &flag, const IntKey &key, std::optional<int> &out,
                  QString *error)
{
    if (!p.isSet(flag))
        return true;
    bool ok = false;
    const int ms = p.value(flag).trimmed().toInt(&ok);
    if (!ok || ms < key.min || ms > key.max) {
        *error = tr("--%1 must be a whole number of ms from %2 to %3 (got \"%4\")")
                     .arg(flag)
                     .arg(key.min)
                     .arg(key.max)
                     .arg(p.value(flag));
        return false;
    }
    out = ms;
    return true;
}

bool readWled(const QCommandLineParser &p, outputs::OutputOverrides &out, QString *error)
{
    if (p.isSet(kWled) || p.isSet(kWledTarget)) {
        QList<outputs::WledTarget> targets;
        QString reason;
        if (!outputs::parseWledTargets(p.values(kWledTarget), &targets, &reason)) {
            *error = QStringLiteral("--wled: ") + reason;
            return false;
        }
        out.wledTargets = targets;
    }
    if (p.isSet(kWledTtl)) {
        int ttl = 1;
        QString reason;
        if (!outputs::parseWledTtl(p.value(kWledTtl).trimmed(), &ttl, &reason)) {
            *error = QStringLiteral("--wled-ttl: ") + reason;
            return false;
        }
        out.wledTtl = ttl;
    }
    if (p.isSet(kWledInterface)) {
        const QString name = p.value(kWledInterface).trimmed();
        if (!QNetworkInterface::interfaceFromName(name).isValid()) {
            *error = tr("--wled-interface: no network interface named \"%1\"").arg(name);
            return false;
        }
        out.wledInterface = name;
    }
    return true;
}

bool readMqtt(const QCommandLineParser &p, outputs::OutputOverrides &out, QString *error)
{
    if (p.isSet(kMqtt)) {
        outputs::MqttOptions options;
        QString reason;
        if (!outputs::parseMqttUrl(p.value(kMqtt), &options, &reason)) {
            *error = QStringLiteral("--mqtt: ") + reason;
            return false;
        }
        out.mqtt = options;
    }
    if (p.isSet(kMqttCa)) {
        const QString file = p.value(kMqttCa);
        const QFileInfo info(file);
        if (!info.isFile() || !info.isReadable()) {
            *error = tr("--mqtt-ca: cannot read the certificate file \"%1\"").arg(file);
            return false;
        }
        out.mqttCaFile = info.absoluteFilePath();
    }
    if (p.isSet(kMqttRate)) {
        bool ok = false;
        const int rate = p.value(kMqttRate).trimmed().toInt(&ok);
        if (!ok || rate < keys::mqttFrameRate.min || rate > keys::mqttFrameRate.max) {
            *error = tr("--mqtt-rate must be a whole number from %1 to %2 (got \"%3\")")
                         .arg(keys::mqttFrameRate.min)
                         .arg(keys::mqttFrameRate.max)
                         .arg(p.value(kMqttRate));
            return false;
        }
        out.mqttFrameRate = rate;
    }
    return true;
}

} // namespace

QStringList expandWledArguments(const QStringList &arguments)
{
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (i > 0 && (arg == QLatin1String("--wled") || arg == QLatin1String("-wled"))) {
            out.append(QStringLiteral("--wled"));
            while (i + 1 < arguments.size() && !arguments[i + 1].startsWith(u'-'))
                out.append(QStringLiteral("--wled-target=") + arguments[++i]);
        } else if (i > 0 && (arg.startsWith(QLatin1String("--wled=")) || arg.startsWith(QLatin1String("-wled=")))) {
            out.append(QStringLiteral("--wled"));
            out.append(QStringLiteral("--wled-target=") + arg.section(u'=', 1));
        } else {
            out.append(arg);
        }
    }
    return out;
}

void addOutputOptions(QCommandLineParser &p)
{
    QCommandLineOption target(kWledTarget);
    target.setValueName(QStringLiteral("TARGET"));
    target.setFlags(QCommandLineOption::HiddenFromHelp); // what "--wled TARGET" becomes
    p.addOption(target);
    p.addOptions({
        { kWled,
            tr("[TARGET...] Send WLED Audio Sync packets in this run (LED strips; docs/wled.md). Targets: "
               "multicast (default, 239.0.0.1), broadcast, a multicast group, or device addresses or names, "
               "each with an optional :PORT (default 11988). Overrides the stored LED sync settings "
               "without changing them.") },
        { kWledTtl, tr("With --wled: multicast TTL (1-255, default 1: this network only)."), QStringLiteral("N") },
        { kWledInterface, tr("With --wled: send multicast on this network interface only."), QStringLiteral("NAME") },
        { kMqtt,
            tr("Publish to an MQTT broker in this run (docs/mqtt.md): "
               "mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT][/PREFIX]. Overrides the stored MQTT settings "
               "without changing them."),
            QStringLiteral("URL") },
        { kMqttCa, tr("For mqtts://: the CA certificate that signed the broker's."), QStringLiteral("FILE") },
        { kMqttRate, tr("MQTT frames per second (1-60, default 30)."), QStringLiteral("N") },
        { kWledAvOffset,
            tr("LED sync A/V offset in ms (-500..500): packets go out when the audio is heard plus this."),
            QStringLiteral("MS") },
        { kMqttAvOffset, tr("MQTT A/V offset in ms (-500..500), added to the frames' play time."),
            QStringLiteral("MS") },
    });
}

bool readOutputOptions(const QCommandLineParser &p, outputs::OutputOverrides &out, QString *error)
{
    return readWled(p, out, error) && readMqtt(p, out, error)
           && readAvOffset(p, kWledAvOffset, keys::ledSyncAvOffsetMs, out.wledAvOffsetMs, error)
           && readAvOffset(p, kMqttAvOffset, keys::mqttAvOffsetMs, out.mqttAvOffsetMs, error);
}

} // namespace spectray
