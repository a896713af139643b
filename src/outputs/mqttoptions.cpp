#include "outputs/mqttoptions.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QUrl>

namespace spectray::outputs {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("MqttOptions", text);
}
} // namespace

QString defaultMqttPrefix()
{
    QString host = QHostInfo::localHostName();
    for (QChar &c : host)
        if (c == u'+' || c == u'#' || c == u'/' || c.isSpace())
            c = u'-';
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    return QStringLiteral("spectray/") + host;
}

bool validMqttPrefix(const QString &prefix)
{
    return !prefix.isEmpty() && !prefix.contains(u'+') && !prefix.contains(u'#') && !prefix.startsWith(u'/')
        && !prefix.endsWith(u'/') && !prefix.contains(QChar(0)) && prefix.toUtf8().size() < 60000;
}

bool parseMqttUrl(const QString &text, MqttOptions *out, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("mqtt") && scheme != QLatin1String("mqtts"))) {
        *error = tr("invalid MQTT URL '%1': expected mqtt://[user[:password]@]host[:port][/prefix] or mqtts://...")
                     .arg(text);
        return false;
    }
    if (url.host().isEmpty()) {
        *error = tr("invalid MQTT URL '%1': no broker host").arg(text);
        return false;
    }
    if (url.hasQuery() || url.hasFragment()) {
        *error = tr("invalid MQTT URL '%1': unexpected '?' or '#'").arg(text);
        return false;
    }
    MqttOptions o = *out;
    o.tls = scheme == QLatin1String("mqtts");
    o.host = url.host();
    const int port = url.port(o.tls ? 8883 : 1883);
    if (port < 1 || port > 65535) {
        *error = tr("invalid MQTT URL '%1': port out of range").arg(text);
        return false;
    }
    o.port = quint16(port);
    o.username = url.userName(QUrl::FullyDecoded);
    o.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    while (path.endsWith(u'/'))
        path.chop(1);
    o.prefix = path.isEmpty() ? defaultMqttPrefix() : path;
    if (!validMqttPrefix(o.prefix)) {
        *error = tr("invalid MQTT topic prefix '%1': no '+', '#' or empty levels").arg(o.prefix);
        return false;
    }
    o.enabled = true;
    *out = o;
    return true;
}

} // namespace spectray::outputs
