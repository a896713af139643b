#include "outputs/wledoptions.h"

#include "outputs/wledpacket.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace spectray::outputs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WledOptions", text);
}

bool parsePort(const QString &text, quint16 *port, QString *error)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 65535) {
        *error = tr("invalid port '%1' (1-65535)").arg(text);
        return false;
    }
    *port = quint16(value);
    return true;
}

bool validHostName(const QString &host)
{
    // RFC 1123 labels; the look-up itself happens when sending starts, never on the hot path.
    static const QRegularExpression re(QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
                                                      "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    return re.match(host).hasMatch();
}

} // namespace

QString WledTarget::toString() const
{
    if (kind == Kind::Broadcast && host == QLatin1String("255.255.255.255"))
        return QStringLiteral("broadcast:%1").arg(port);
    if (host.contains(u':'))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

bool parseWledTarget(const QString &input, WledTarget *out, QString *error)
{
    const QString text = input.trimmed();
    WledTarget t;
    QString host = text;
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0) {
            *error = tr("invalid WLED target '%1': missing ']'").arg(input);
            return false;
        }
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':')) {
                *error = tr("invalid WLED target '%1'").arg(input);
                return false;
            }
            portText = rest.mid(1);
        }
    } else if (text.count(u':') == 1) {
        host = text.section(u':', 0, 0);
        portText = text.section(u':', 1);
    } else if (text.count(u':') > 1) {
        *error = tr("invalid WLED target '%1': write IPv6 addresses as [ADDRESS]:PORT").arg(input);
        return false;
    }
    if (!portText.isEmpty() || text.endsWith(u':')) {
        QString reason;
        if (!parsePort(portText, &t.port, &reason)) {
            *error = tr("invalid WLED target '%1': %2").arg(input, reason);
            return false;
        }
    }
    const QString lower = host.toLower();
    if (lower == QLatin1String("multicast")) {
        t.kind = WledTarget::Kind::Multicast;
        t.host = QString::fromLatin1(kWledMulticastGroup);
    } else if (lower == QLatin1String("broadcast")) {
        t.kind = WledTarget::Kind::Broadcast;
        t.host = QStringLiteral("255.255.255.255");
    } else if (QHostAddress address; address.setAddress(host)) {
        t.host = address.toString();
        if (address.isMulticast())
            t.kind = WledTarget::Kind::Multicast;
        else if (address.isBroadcast())
            t.kind = WledTarget::Kind::Broadcast;
        else if (address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4)
            || address == QHostAddress(QHostAddress::AnyIPv6)) {
            *error = tr("invalid WLED target '%1': not an address packets can be sent to").arg(input);
            return false;
        } else
            t.kind = WledTarget::Kind::Unicast;
    } else if (validHostName(host)) {
        t.kind = WledTarget::Kind::Unicast;
        t.host = host;
    } else {
        *error = tr("invalid WLED target '%1': expected multicast, broadcast, an address or a host name").arg(input);
        return false;
    }
    *out = t;
    return true;
}

bool parseWledTargets(const QStringList &texts, QList<WledTarget> *out, QString *error)
{
    QList<WledTarget> targets;
    for (const QString &text : texts) {
        // "a,b" as well as separate arguments, so the settings file can hold one string.
        for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
            WledTarget t;
            if (!parseWledTarget(part, &t, error))
                return false;
            if (!targets.contains(t))
                targets.append(t);
        }
    }
    if (targets.isEmpty())
        targets.append(WledTarget { WledTarget::Kind::Multicast, QString::fromLatin1(kWledMulticastGroup), kWledPort });
    *out = targets;
    return true;
}

bool parseWledTtl(const QString &text, int *out, QString *error)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 255) {
        *error = tr("invalid multicast TTL '%1' (1-255)").arg(text);
        return false;
    }
    *out = value;
    return true;
}

} // namespace spectray::outputs
