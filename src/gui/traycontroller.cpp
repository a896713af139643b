#include "traycontroller.h"

#include "core/logging.h"
#include "desktopactions.h"

#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace spectray::gui {

TrayController::TrayController(DesktopActions *actions, QObject *parent)
    : QObject(parent)
    , m_actions(actions)
    , m_menu(actions->createMenu())
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_retry.setInterval(5000);
    connect(&m_retry, &QTimer::timeout, this, &TrayController::tryCreateIcon);
    tryCreateIcon();
    updateToolTip();
}

TrayController::~TrayController()
{
    delete m_icon;
    delete m_menu;
}

void TrayController::tryCreateIcon()
{
    if (m_icon)
        return;
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_retry.isActive()) {
            qCInfo(lcGui) << "No system tray available; the spectrum window is the main surface";
            m_retry.start();
        }
        return;
    }
    m_retry.stop();
    m_icon = new QSystemTrayIcon(iconFor(m_status.state));
    m_icon->setContextMenu(m_menu);
    m_icon->setToolTip(m_toolTip);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            emit toggleWindowRequested();
    });
    m_icon->show();
    emit trayAvailableChanged(true);
}

QIcon TrayController::iconFor(EngineStatus::State state)
{
    using S = EngineStatus::State;
    QColor colour(0x29, 0xb6, 0xf6);
    if (state == S::Stopped || state == S::Silent)
        colour = QColor(0x90, 0x90, 0x90);
    else if (state == S::Error)
        colour = QColor(0xe5, 0x39, 0x35);
    else if (state == S::Starting || state == S::Reconnecting)
        colour = QColor(0xff, 0xb3, 0x00);
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x14, 0x18, 0x20));
        p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2);
        p.setBrush(colour);
        const double heights[4] = {0.45, 0.8, 0.6, 0.3};
        const double w = size / 6.0;
        for (int i = 0; i < 4; ++i) {
            const double h = (size - 2 * w) * heights[i];
            p.drawRect(QRectF(w + i * w * 1.1 + i * 0.1 * w, size - w - h, w * 0.9, h));
        }
        if (state == S::Stopped) { // pause mark
            p.setBrush(Qt::white);
            p.drawRect(QRectF(size * 0.62, size * 0.1, size * 0.1, size * 0.3));
            p.drawRect(QRectF(size * 0.78, size * 0.1, size * 0.1, size * 0.3));
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

void TrayController::setStatus(const EngineStatus &status)
{
    const bool newError = status.state == EngineStatus::State::Error
        && (m_status.state != EngineStatus::State::Error || m_status.reason != status.reason);
    m_status = status;
    if (m_icon)
        m_icon->setIcon(iconFor(status.state));
    updateToolTip();
    if (newError)
        notify(tr("Spectray"), status.reason, true);
}

void TrayController::setFrameRate(int fps)
{
    m_fps = fps;
    updateToolTip();
}

void TrayController::setClientCount(int clients)
{
    m_clients = clients;
    updateToolTip();
}

void TrayController::updateToolTip()
{
    using S = EngineStatus::State;
    QString state;
    switch (m_status.state) {
    case S::Stopped: state = tr("Stopped"); break;
    case S::Starting: state = tr("Starting…"); break;
    case S::Running: state = tr("Capturing"); break;
    case S::Silent: state = tr("Silent"); break;
    case S::Reconnecting: state = tr("Reconnecting…"); break;
    case S::Error: state = tr("Error"); break;
    }
    QStringList lines{tr("Spectray — %1").arg(state)};
    if (!m_status.deviceName.isEmpty())
        lines << m_status.deviceName;
    if (m_status.state == S::Running && m_fps > 0)
        lines << tr("%1 frames per second").arg(m_fps);
    if (m_clients >= 0)
        lines << tr("Web clients: %1").arg(m_clients);
    if (m_status.state == S::Running && !m_status.syncNote.isEmpty())
        lines << m_status.syncNote; // the output latency A/V sync uses, or that there is none
    if (!m_status.reason.isEmpty() && m_status.state != S::Running)
        lines << m_status.reason;
    m_toolTip = lines.join(u'\n');
    if (m_icon)
        m_icon->setToolTip(m_toolTip);
}

void TrayController::notify(const QString &title, const QString &message, bool error)
{
    if (m_icon && QSystemTrayIcon::supportsMessages()) {
        m_icon->showMessage(title, message, error ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        return;
    }
    qCWarning(lcGui).noquote() << title << ':' << message;
}

} // namespace spectray::gui
