// The desktop's side of the LAN service: the tray's Web clients menu and tooltip, the QR dialog,
// the settings dialog's Network page, tray notifications when the server cannot listen.
#include "desktopapp.h"

#include "core/settings.h"
#include "gui/desktopactions.h"
#include "gui/qrdialog.h"
#include "gui/settingsdialog.h"
#include "gui/traycontroller.h"
#include "net/lanservice.h"
#include "net/netsettings.h"
#include "session.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>

namespace spectray {

void DesktopApp::wireLan()
{
    net::LanService &lan = m_session.lan();
    connect(&lan, &net::LanService::stateChanged, this, &DesktopApp::publishLanState);
    connect(&lan, &net::LanService::listenFailed, this,
        [this](const QString &error) { m_tray->notify(tr("Spectray"), error, true); });

    gui::DesktopActions *a = m_actions.get();
    connect(a, &gui::DesktopActions::openWebClientRequested, this,
        [this] { QDesktopServices::openUrl(m_session.lan().localUrl()); });
    connect(a, &gui::DesktopActions::copyUrlRequested, this,
        [this] { QGuiApplication::clipboard()->setText(m_session.lan().lanUrls().value(0).toString()); });
    connect(a, &gui::DesktopActions::showQrRequested, this, &DesktopApp::showQrCode);
    connect(a, &gui::DesktopActions::regenerateTokenRequested, &lan, &net::LanService::regenerateToken);
    connect(a, &gui::DesktopActions::lanAccessToggled, &lan, &net::LanService::setLanAccess);
    connect(this, &DesktopApp::settingsDialogCreated, this, &DesktopApp::wireNetworkPage);
}

void DesktopApp::publishLanState()
{
    const net::LanService &lan = m_session.lan();
    const bool up = lan.isListening();
    const QUrl lanUrl = lan.lanUrls().value(0);
    // Without LAN access the menu shows the loopback URL, so "Copy URL" still gives something useful.
    m_actions->setServerInfo(
        up ? (lanUrl.isEmpty() ? lan.localUrl() : lanUrl) : QUrl(), up ? lan.clientCount() : 0, lan.lanAllowed());
    m_tray->setClientCount(up ? lan.clientCount() : -1);
    if (m_qrDialog && !lanUrl.isEmpty())
        m_qrDialog->setUrl(lanUrl); // a new token or port: the code shown must still work
}

gui::QrDialog *DesktopApp::qrDialog() const
{
    return m_qrDialog;
}

void DesktopApp::showQrCode()
{
    const QUrl url = m_session.lan().lanUrls().value(0);
    if (url.isEmpty()) {
        m_tray->notify(
            tr("Spectray"), tr("Other devices cannot connect: LAN access is off or no network was found."), false);
        return;
    }
    if (!m_qrDialog)
        m_qrDialog = new gui::QrDialog(url);
    m_qrDialog->setUrl(url);
    m_qrDialog->show();
    m_qrDialog->raise();
    m_qrDialog->activateWindow();
}

// The Network page edits the server keys directly through the settings schema (LanService applies
// them); only the token is the server's to make, since a new one also drops the old clients.
void DesktopApp::wireNetworkPage(gui::SettingsDialog *dialog)
{
    dialog->setNetworkAvailable(true);
    connect(
        dialog, &gui::SettingsDialog::regenerateTokenRequested, &m_session.lan(), &net::LanService::regenerateToken);
}

} // namespace spectray
