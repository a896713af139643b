#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QStringList>

namespace spectray::net {

// Decides whether a request's Host header names this server. A web page that got a DNS name to
// point at this machine ("DNS rebinding") sends its own name in Host; refusing names we do not
// answer to keeps such pages from reading /api/info or the stream. Pure: the machine's addresses
// and names come in through Config, so the rule is tested without sockets (see localConfig()).
class HostCheck final
{
public:
    struct Config
    {
        QList<QHostAddress> ownAddresses; // every interface address (loopback is always allowed)
        QStringList ownNames;             // e.g. the host name, with and without ".local"
        QStringList allowedHosts;         // server/allowedHosts: extra names or addresses
    };

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    // `host` is the Host header's value: "name", "name:port", "1.2.3.4:port", "[::1]:port".
    // An empty or malformed value is refused; callers decide what a missing Host means.
    bool allows(const QByteArray &host) const;

    // The machine's current addresses and names (I/O: reads the interfaces and the host name).
    static Config localConfig(const QStringList &allowedHosts);

    // "Name:port" -> "name" (lower case, trailing dot dropped); "[v6]:port" -> "v6". Empty if
    // malformed (bad port, stray brackets, characters no host name has).
    static QString hostPart(const QByteArray &host);

private:
    bool isOwnAddress(const QHostAddress &address) const;

    Config m_config;
    QStringList m_names; // lower-cased ownNames + allowedHosts that are not addresses
};

} // namespace spectray::net
