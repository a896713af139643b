#include "hostcheck.h"

#include "accessguard.h"

#include <QHostInfo>
#include <QNetworkInterface>

namespace spectray::net {

namespace {
bool validPort(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 5)
        return false;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return false;
    }
    return digits.toInt() <= 65535;
}

// Letters, digits, '-', '.', '_' (some LAN names use it): what a DNS or mDNS name can contain.
bool validName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

// Scope ids ("%eth0") are local to the machine; compare addresses without them.
QHostAddress withoutScope(QHostAddress address)
{
    address.setScopeId(QString());
    return address;
}
} // namespace

QString HostCheck::hostPart(const QByteArray &host)
{
    QByteArrayView h(host);
    h = h.trimmed();
    if (h.startsWith('[')) {
        const qsizetype close = h.indexOf(']');
        if (close < 0)
            return {};
        const QByteArrayView rest = h.sliced(close + 1);
        if (!rest.isEmpty() && !(rest.startsWith(':') && validPort(rest.sliced(1))))
            return {};
        QByteArrayView literal = h.sliced(1, close - 1);
        const qsizetype zone = literal.indexOf('%'); // "%25eth0" in URLs
        if (zone >= 0)
            literal = literal.first(zone);
        const QHostAddress a(QString::fromLatin1(literal));
        if (a.protocol() != QAbstractSocket::IPv6Protocol)
            return {};
        return a.toString();
    }
    const qsizetype colon = h.lastIndexOf(':');
    if (colon >= 0) {
        if (!validPort(h.sliced(colon + 1)))
            return {};
        h = h.first(colon);
    }
    while (h.endsWith('.'))
        h.chop(1);
    if (!validName(h))
        return {};
    return QString::fromLatin1(h).toLower();
}

void HostCheck::setConfig(const Config &config)
{
    m_config = config;
    m_names.clear();
    for (const QString &n : config.ownNames + config.allowedHosts) {
        const QString part = hostPart(n.toUtf8());
        if (!part.isEmpty())
            m_names << part;
    }
}

bool HostCheck::isOwnAddress(const QHostAddress &address) const
{
    if (AccessGuard::isLoopback(address))
        return true;
    const QHostAddress a = withoutScope(address);
    for (const QHostAddress &own : m_config.ownAddresses) {
        if (withoutScope(own).isEqual(a, QHostAddress::ConvertV4MappedToIPv4))
            return true;
    }
    return false;
}

bool HostCheck::allows(const QByteArray &host) const
{
    const QString name = hostPart(host);
    if (name.isEmpty())
        return false;
    if (name == QLatin1String("localhost") || m_names.contains(name))
        return true;
    QHostAddress address;
    // Only a full dotted quad or an IPv6 literal counts as an address: "127.1" or "2130706433"
    // are names to a browser's URL parser only after normalisation it does itself.
    if (address.setAddress(name) && (name.contains(QLatin1Char(':')) || name.count(QLatin1Char('.')) == 3))
        return isOwnAddress(address);
    return false;
}

HostCheck::Config HostCheck::localConfig(const QStringList &allowedHosts)
{
    Config c;
    c.ownAddresses = QNetworkInterface::allAddresses();
    const QString name = QHostInfo::localHostName();
    if (!name.isEmpty()) {
        c.ownNames << name << name + QStringLiteral(".local");
        const QString domain = QHostInfo::localDomainName();
        if (!domain.isEmpty())
            c.ownNames << name + QLatin1Char('.') + domain;
    }
    c.allowedHosts = allowedHosts;
    return c;
}

} // namespace spectray::net
