#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>

namespace spectray {

class DesktopApp;
class Settings;

namespace net {
class StreamServer;
}

// Joins the LAN server to the desktop: engine frames to the server, the tray's Web clients menu and
// tooltip, the settings dialog's Network page, tray notifications when the port is busy. Starts
// the server when the settings enable it and restarts it when its settings change.
class DesktopServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopServer)

public:
    DesktopServer(DesktopApp &desktop, net::StreamServer &server, Settings &settings, QObject *parent = nullptr);

    // (Re)starts or stops the server as the settings say. False when listening failed.
    bool apply();
    QUrl lanUrl() const;   // for another device; loopback when LAN access is off
    QUrl localUrl() const; // for a browser on this machine

private:
    void publishState();
    void showQrCode();

    DesktopApp &m_desktop;
    net::StreamServer &m_server;
    Settings &m_settings;
    QTimer m_applyTimer{this};
};

} // namespace spectray
