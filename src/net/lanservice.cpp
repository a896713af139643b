#include "lanservice.h"

#include "net/accessguard.h"
#include "net/netsettings.h"

#include "core/logging.h"
#include "core/settings.h"

#include <QNetworkInterface>

#include <algorithm>
#include <array>

namespace spectray::net {

namespace {

bool isAnyAddress(const QHostAddress &a)
{
    return a == QHostAddress(QHostAddress::Any) || a == QHostAddress(QHostAddress::AnyIPv4)
        || a == QHostAddress(QHostAddress::AnyIPv6);
}

// RFC 1918 private blocks: 10/8, 172.16/12, 192.168/16.
bool isPrivateIPv4(const QHostAddress &a)
{
    return a.isInSubnet(QHostAddress(QStringLiteral("10.0.0.0")), 8)
        || a.isInSubnet(QHostAddress(QStringLiteral("172.16.0.0")), 12)
        || a.isInSubnet(QHostAddress(QStringLiteral("192.168.0.0")), 16);
}

// The groups of lanHosts(), in order; -1: never offered.
int rank(const QHostAddress &a)
{
    if (a.isLoopback() || a.isMulticast() || a.isNull() || isAnyAddress(a))
        return -1;
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        if (isPrivateIPv4(a))
            return 0;
        return a.isLinkLocal() ? 4 : 1;
    }
    if (a.protocol() != QAbstractSocket::IPv6Protocol || a.isLinkLocal())
        return -1;
    bool mapped = false;
    a.toIPv4Address(&mapped);
    if (mapped)
        return -1; // ::ffff:a.b.c.d is an IPv4 address in disguise; the IPv4 form is listed itself
    return a.isInSubnet(QHostAddress(QStringLiteral("2000::")), 3) ? 2 : 3;
}

bool familyServed(const QHostAddress &bind, const QHostAddress &a)
{
    if (bind == QHostAddress(QHostAddress::AnyIPv4))
        return a.protocol() == QAbstractSocket::IPv4Protocol;
    if (bind == QHostAddress(QHostAddress::AnyIPv6))
        return a.protocol() == QAbstractSocket::IPv6Protocol; // Qt binds "::" IPv6-only
    return true;
}

} // namespace

QList<QHostAddress> lanHosts(const QHostAddress &bind, const QList<QHostAddress> &candidates)
{
    if (bind.isNull() || AccessGuard::isLoopback(bind))
        return {};
    if (!isAnyAddress(bind))
        return { bind };
    QList<QHostAddress> hosts;
    for (const QHostAddress &a : candidates) {
        if (rank(a) >= 0 && familyServed(bind, a) && !hosts.contains(a))
            hosts << a;
    }
    std::stable_sort(
        hosts.begin(), hosts.end(), [](const QHostAddress &x, const QHostAddress &y) { return rank(x) < rank(y); });
    return hosts;
}

QList<QHostAddress> interfaceAddresses()
{
    QList<QHostAddress> out;
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        const auto flags = i.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries())
            out << e.ip();
    }
    return out;
}

QUrl clientUrl(const QHostAddress &host, quint16 port, const QString &token)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    QHostAddress plain = host;
    plain.setScopeId({}); // never part of a URL (see lanHosts)
    url.setHost(plain.toString());
    url.setPort(port);
    url.setPath(QStringLiteral("/"));
    url.setFragment(QStringLiteral("t=") + token);
    return url;
}

LanService::LanService(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    // The Network page writes several keys in one go; restart once for all of them (each restart
    // closes every client with "going away").
    m_restart.setSingleShot(true);
    m_restart.setInterval(0);
    connect(&m_restart, &QTimer::timeout, this, [this] { apply(); });
    connect(&m_settings, &Settings::changed, this, &LanService::onSettingChanged);
    // Web pages that "follow the desktop" draw the style the floating window uses.
    m_server.setDesktopStyle(m_settings.valueName(keys::style));
    m_server.setAvOffsetMs(m_settings.value(keys::webAvOffsetMs));
    connect(&m_server, &StreamServer::clientCountChanged, this, &LanService::stateChanged);
    connect(&m_server, &StreamServer::tokenChanged, this, &LanService::onTokenChanged);
}

LanService::~LanService()
{
    // m_server closes its clients with "going away" as it is destroyed; nobody listening to this
    // half-destroyed service should hear about it.
    disconnect(&m_server, nullptr, this, nullptr);
}

void LanService::setOverrides(const LanOverrides &overrides)
{
    m_overrides = overrides;
}

// The one place that reacts to settings: which keys are ours and what each change means.
void LanService::onSettingChanged(SettingId key)
{
    switch (key) {
    case SettingId::Style:
        m_server.setDesktopStyle(m_settings.valueName(keys::style));
        return;
    case SettingId::WebAvOffset: // announced to the pages, no restart
        m_server.setAvOffsetMs(m_settings.value(keys::webAvOffsetMs));
        return;
    case SettingId::ServerToken: {
        const QString stored = m_settings.value(keys::serverToken);
        if (stored.isEmpty() || stored == m_token)
            return; // our own write, or a reset that ensureToken() will answer
        const bool first = m_token.isEmpty(); // created by options() for the first listen
        m_token = stored;
        if (first)
            return;
        break;
    }
    case SettingId::ServerPort:
        m_overrides.port.reset(); // the user's choice now wins over --port
        break;
    case SettingId::ServerBind:
    case SettingId::ServerLanAccess:
        m_overrides.bind.reset();
        break;
    default:
        if (settingGroup(key) != SettingGroup::Server)
            return;
    }
    if (!m_shutDown)
        m_restart.start();
}

ServerOptions LanService::options()
{
    ServerOptions o = serverOptionsFrom(m_settings); // creates and stores the token on first use
    if (m_token.isEmpty())
        m_token = o.token;
    o.token = m_token; // stable for the run even if the settings could not keep it
    if (m_overrides.port)
        o.port = *m_overrides.port;
    if (m_overrides.bind)
        o.bindAddress = *m_overrides.bind;
    return o;
}

bool LanService::apply(QString *error)
{
    m_restart.stop();
    m_shutDown = false;
    if (m_server.isListening())
        m_server.close(true);
    m_bound.clear();
    bool ok = true;
    if (m_settings.value(keys::serverEnabled)) {
        const ServerOptions o = options();
        QString why;
        ok = m_server.listen(o, &why);
        if (ok) {
            m_bound = o.bindAddress;
        } else {
            qCWarning(lcNet).noquote() << why;
            if (error)
                *error = why;
            emit listenFailed(why);
        }
    }
    emit stateChanged();
    return ok;
}

void LanService::shutdown()
{
    m_shutDown = true;
    m_restart.stop();
    m_server.close(true);
    m_bound.clear();
    emit stateChanged();
}

bool LanService::lanAllowed() const
{
    return !m_bound.isNull() && !AccessGuard::isLoopback(m_bound);
}

QUrl LanService::loopbackUrl() const
{
    if (!isListening())
        return {};
    if (m_bound == QHostAddress(QHostAddress::AnyIPv6) || m_bound == QHostAddress(QHostAddress::LocalHostIPv6))
        return clientUrl(QHostAddress(QHostAddress::LocalHostIPv6), port(), m_token);
    if (isAnyAddress(m_bound))
        return clientUrl(QHostAddress(QHostAddress::LocalHost), port(), m_token);
    if (AccessGuard::isLoopback(m_bound))
        return clientUrl(m_bound, port(), m_token); // e.g. 127.0.0.2
    return {};
}

QList<QUrl> LanService::lanUrls() const
{
    QList<QUrl> urls;
    if (!isListening())
        return urls;
    for (const QHostAddress &h : lanHosts(m_bound, interfaceAddresses()))
        urls << clientUrl(h, port(), m_token);
    return urls;
}

QUrl LanService::localUrl() const
{
    const QUrl loopback = loopbackUrl();
    return loopback.isEmpty() ? lanUrls().value(0) : loopback;
}

void LanService::setLanAccess(bool allowed)
{
    m_overrides.bind.reset();
    m_settings.setValue(keys::serverLanAccess, allowed);
    if (!m_shutDown)
        m_restart.start(); // coalesces with the restart the change itself may have asked for
}

void LanService::regenerateToken()
{
    m_server.regenerateToken(); // answers with tokenChanged()
}

void LanService::onTokenChanged(const QString &token)
{
    m_token = token;
    m_settings.setValue(keys::serverToken, token);
    m_settings.sync();
    emit stateChanged();
}

} // namespace spectray::net
