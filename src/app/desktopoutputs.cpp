// The desktop's side of the LAN outputs: a "LED sync & MQTT" submenu in the tray and window menus
// (on/off, targets, packets per second now, last error, the MQTT status line) and tray
// notifications for their problems. The settings pages edit the keys themselves (gui/outputspages).
#include "desktopapp.h"

#include "gui/desktopactions.h"
#include "gui/traycontroller.h"
#include "outputs/outputservice.h"
#include "session.h"

#include <QMenu>
#include <QTimer>

namespace spectray {

void DesktopApp::wireOutputs()
{
    outputs::OutputService &service = m_session.outputs();
    m_outputsMenu = std::make_unique<QMenu>(tr("LED sync && MQTT"));
    m_outputsMenu->setObjectName(QStringLiteral("outputsMenu"));
    QAction *toggle = m_outputsMenu->addAction(tr("Send to WLED devices"));
    toggle->setObjectName(QStringLiteral("actionLedSync"));
    toggle->setCheckable(true);
    for (const char *name : { "ledTargets", "ledRate", "ledError" }) {
        QAction *info = m_outputsMenu->addAction(QString());
        info->setObjectName(QString::fromLatin1(name));
        info->setEnabled(false);
    }
    m_outputsMenu->addSeparator();
    QAction *mqtt = m_outputsMenu->addAction(QString());
    mqtt->setObjectName(QStringLiteral("mqttStatus"));
    mqtt->setEnabled(false);
    connect(toggle, &QAction::triggered, &service, &outputs::OutputService::setLedSyncEnabled);

    // The packet rate changes while the menu is open: refresh it once a second then, never otherwise.
    auto *refresh = new QTimer(m_outputsMenu.get());
    refresh->setInterval(1000);
    connect(refresh, &QTimer::timeout, this, &DesktopApp::updateOutputsMenu);
    connect(m_outputsMenu.get(), &QMenu::aboutToShow, this, [this, refresh] {
        updateOutputsMenu();
        refresh->start();
    });
    connect(m_outputsMenu.get(), &QMenu::aboutToHide, refresh, &QTimer::stop);
    connect(&service, &outputs::OutputService::stateChanged, this, &DesktopApp::updateOutputsMenu);
    connect(&service, &outputs::OutputService::problem, this,
        [this](const QString &message) { m_tray->notify(tr("Spectray"), message, true); });

    QAction *before = m_actions->settingsAction();
    if (QMenu *tray = m_tray->menu())
        tray->insertMenu(before, m_outputsMenu.get());
    m_contextMenu->insertMenu(before, m_outputsMenu.get());
    updateOutputsMenu();
}

void DesktopApp::updateOutputsMenu()
{
    const outputs::OutputService &service = m_session.outputs();
    const outputs::WledSender &wled = m_session.outputs().wled();
    const auto action
        = [this](const char *name) { return m_outputsMenu->findChild<QAction *>(QString::fromLatin1(name)); };
    action("actionLedSync")->setChecked(wled.isRunning());
    QStringList targets;
    for (const outputs::WledTarget &t : wled.options().targets)
        targets.append(t.toString());
    QAction *targetsLine = action("ledTargets");
    targetsLine->setText(tr("Targets: %1").arg(targets.join(QStringLiteral(", "))));
    targetsLine->setVisible(wled.isRunning());
    QAction *rate = action("ledRate");
    rate->setText(
        wled.isSending() ? tr("%1 packets per second").arg(wled.packetsPerSecond(), 0, 'f', 0) : tr("Idle: no sound"));
    rate->setVisible(wled.isRunning());
    QAction *error = action("ledError");
    error->setText(service.wledError());
    error->setVisible(!service.wledError().isEmpty());
    action("mqttStatus")->setText(service.mqttStatusLine());
}

} // namespace spectray
