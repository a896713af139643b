#include "desktopserver.h"

#include "core/logging.h"
#include "core/settings.h"
#include "desktopapp.h"
#include "engine/engine.h"
#include "gui/desktopactions.h"
#include "gui/settingsdialog.h"
#include "gui/traycontroller.h"
#include "net/netsettings.h"
#include "net/streamserver.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <qrcodegen/qrcodegen.hpp>

namespace spectray {

DesktopServer::DesktopServer(DesktopApp &desktop, net::StreamServer &server, Settings &settings, QObject *parent)
    : QObject(parent)
    , m_desktop(desktop)
    , m_server(server)
    , m_settings(settings)
{
    Engine &engine = desktop.engine();
    connect(&engine, &Engine::frameReady, &server, &net::StreamServer::publishFrame);
    connect(&engine, &Engine::layoutChanged, &server, &net::StreamServer::publishLayout);
    connect(&engine, &Engine::statusChanged, &server, &net::StreamServer::setEngineStatus);
    connect(&engine, &Engine::statusChanged, &server, [this](const EngineStatus &s) {
        m_server.setSourceName(s.deviceName);
    });
    connect(&server, &net::StreamServer::clientCountChanged, this, &DesktopServer::publishState);
    connect(&server, &net::StreamServer::tokenChanged, this, [this](const QString &token) {
        m_settings.setValue(keys::serverToken, token);
        publishState();
    });

    gui::DesktopActions *a = desktop.actions();
    connect(a, &gui::DesktopActions::openWebClientRequested, this, [this] { QDesktopServices::openUrl(localUrl()); });
    connect(a, &gui::DesktopActions::copyUrlRequested, this, [this] {
        QGuiApplication::clipboard()->setText(lanUrl().toString());
    });
    connect(a, &gui::DesktopActions::showQrRequested, this, &DesktopServer::showQrCode);
    connect(a, &gui::DesktopActions::regenerateTokenRequested, &server, &net::StreamServer::regenerateToken);
    connect(a, &gui::DesktopActions::lanAccessToggled, this, [this](bool on) { m_settings.setValue(keys::serverLanAccess, on); });
    // The Network page writes several keys in one go; restart the server once for all of them
    // (each restart closes every client with "going away").
    m_applyTimer.setSingleShot(true);
    m_applyTimer.setInterval(0);
    connect(&m_applyTimer, &QTimer::timeout, this, &DesktopServer::apply);
    connect(&settings, &Settings::changed, this, [this](SettingId key) {
        if (settingGroup(key) == SettingGroup::Server && key != SettingId::ServerToken)
            m_applyTimer.start();
    });

    // The Network page edits the server keys itself; the token is the server's to make.
    connect(&desktop, &DesktopApp::settingsDialogCreated, this, [this](gui::SettingsDialog *dialog) {
        net::ensureToken(m_settings);
        dialog->setNetworkAvailable(true);
        connect(dialog, &gui::SettingsDialog::regenerateTokenRequested, &m_server, &net::StreamServer::regenerateToken);
    });
}

bool DesktopServer::apply()
{
    if (m_server.isListening())
        m_server.close();
    bool ok = true;
    if (m_settings.value(keys::serverEnabled)) {
        QString error;
        ok = m_server.listen(net::serverOptionsFrom(m_settings), &error);
        if (!ok)
            m_desktop.tray()->notify(tr("Spectray"), error, true);
    }
    publishState();
    return ok;
}

QUrl DesktopServer::localUrl() const
{
    return m_server.clientUrls().value(0);
}

QUrl DesktopServer::lanUrl() const
{
    const QList<QUrl> urls = m_server.clientUrls();
    return urls.size() > 1 ? urls.at(1) : urls.value(0);
}

void DesktopServer::publishState()
{
    const bool up = m_server.isListening();
    m_desktop.actions()->setServerInfo(up ? lanUrl() : QUrl(), up ? m_server.clientCount() : 0,
                                       m_settings.value(keys::serverLanAccess));
    m_desktop.tray()->setClientCount(up ? m_server.clientCount() : -1);
}

void DesktopServer::showQrCode()
{
    const QString text = lanUrl().toString();
    if (text.isEmpty())
        return;
    const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(text.toUtf8().constData(), qrcodegen::QrCode::Ecc::MEDIUM);
    const int quiet = 4, scale = 6, n = qr.getSize() + 2 * quiet;
    QImage image(n * scale, n * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < qr.getSize(); ++y)
        for (int x = 0; x < qr.getSize(); ++x)
            if (qr.getModule(x, y))
                p.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale, Qt::black);
    p.end();

    auto *dialog = new QDialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Open Spectray on another device"));
    auto *layout = new QVBoxLayout(dialog);
    auto *picture = new QLabel(dialog);
    picture->setPixmap(QPixmap::fromImage(image));
    layout->addWidget(picture);
    auto *label = new QLabel(tr("Scan with a phone on the same network, or open:\n%1").arg(text), dialog);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    layout->addWidget(label);
    dialog->show();
}

} // namespace spectray
