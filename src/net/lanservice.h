#pragma once

#include "core/settingsschema.h"
#include "net/serveroptions.h"
#include "net/streamserver.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace spectray {
class Settings;
}

namespace spectray::net {

// The machine's addresses a browser elsewhere on the LAN can use to reach a server bound to `bind`,
// best first. Order: IPv4 private (RFC 1918), other IPv4 (e.g. CGNAT 100.64/10, public), IPv6
// global unicast (2000::/3), IPv6 unique local (fc00::/7) and other IPv6, IPv4 link-local
// (169.254/16, only useful without DHCP); the system's order within each group. Excluded: loopback,
// multicast, and IPv6 link-local (fe80::/10): a URL would need a zone id ("%eth0"), which the WHATWG
// URL standard and therefore Chromium and Firefox refuse, and which names our interface, not the
// phone's. A loopback bind gives none; a specific address gives just that one. Pure, for tests.
QList<QHostAddress> lanHosts(const QHostAddress &bind, const QList<QHostAddress> &candidates);

// The addresses of interfaces that are up and running (a bridge without carrier, e.g. an idle
// docker0, is left out), in the system's order. Input for lanHosts().
QList<QHostAddress> interfaceAddresses();

// http://HOST:PORT/#t=TOKEN; IPv6 hosts in brackets. The token sits in the fragment, which
// browsers never send, not even in Referer headers.
QUrl clientUrl(const QHostAddress &host, quint16 port, const QString &token);

// What the command line may override for this run only (--port, --bind). Never written to the
// settings; an override is dropped as soon as the user changes the setting it overrides.
struct LanOverrides
{
    std::optional<quint16> port; // 0: any free port
    std::optional<QHostAddress> bind; // also wins over "LAN access" being off
};

// The LAN server as the rest of the app sees it: configures the StreamServer from the net settings
// (serverOptionsFrom), listens and restarts when they change (once for several keys changed
// together), persists the token (and keeps it for the run when the settings cannot be saved), and
// says which URLs to open. "The LAN URL" is lanUrls().value(0) everywhere.
class LanService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanService)

public:
    explicit LanService(Settings &settings, QObject *parent = nullptr);
    ~LanService() override;

    StreamServer &server() { return m_server; }
    void setOverrides(const LanOverrides &overrides);

    // (Re)starts or stops the server as the settings (and overrides) say. False when listening
    // failed; `error` then says which port and how to change it (also sent as listenFailed()).
    bool apply(QString *error = nullptr);
    // Closes every client with "going away" and stops listening; no restart follows.
    void shutdown();

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.port(); }
    QString token() const { return m_token; }
    int clientCount() const { return m_server.clientCount(); }
    bool lanAllowed() const; // false when bound to loopback only

    // For a browser on this machine: http://127.0.0.1:PORT/#t=… (or [::1] for an IPv6-only
    // bind); empty when not listening or bound to one non-loopback address.
    QUrl loopbackUrl() const;
    // For other devices, in lanHosts() order; empty when not listening or loopback only.
    QList<QUrl> lanUrls() const;
    // loopbackUrl(), or the LAN URL when there is no loopback URL.
    QUrl localUrl() const;

public slots:
    // The tray's "Allow LAN access": stores the choice and, as the user's explicit choice, ends a
    // --bind override even when the stored value does not change.
    void setLanAccess(bool allowed);
    // A fresh token; clients that used the old one are closed; it is persisted.
    void regenerateToken();

signals:
    // Listening started/stopped, or the port, token or client count changed.
    void stateChanged();
    void listenFailed(const QString &error);

private:
    void onSettingChanged(spectray::SettingId key);
    void onTokenChanged(const QString &token);
    ServerOptions options();

    Settings &m_settings;
    StreamServer m_server;
    LanOverrides m_overrides;
    QString m_token; // the token of this run; settings are only its persistent copy
    QHostAddress m_bound;
    QTimer m_restart;
    bool m_shutDown = false;
};

} // namespace spectray::net
