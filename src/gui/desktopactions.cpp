#include "desktopactions.h"

#include "core/settingskeys.h"
#include "core/sourceid.h"
#include "guisettings.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include <algorithm>

namespace spectray::gui {

DesktopActions::DesktopActions(QObject *parent)
    : QObject(parent)
{
    m_startStop = new QAction(this);
    m_startStop->setObjectName(QStringLiteral("actionStartStop"));
    connect(m_startStop, &QAction::triggered, this, [this] {
        if (m_capturing)
            emit stopRequested();
        else
            emit startRequested();
    });

    m_sourceMenu = new QMenu(tr("Source"));
    m_sourceMenu->setObjectName(QStringLiteral("menuSource"));
    m_exceptMenu = new QMenu(tr("Everything except"), m_sourceMenu); // re-added on every rebuild
    m_exceptMenu->setObjectName(QStringLiteral("menuSourceExcept"));
    m_sourceGroup = new QActionGroup(this);
    m_sourceGroup->setExclusive(true);

    auto checkable = [this](const QString &name, const QString &text, void (DesktopActions::*sig)(bool)) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setCheckable(true);
        connect(a, &QAction::triggered, this, sig);
        return a;
    };
    m_showWindow = checkable(QStringLiteral("actionShowWindow"), tr("Show spectrum window"),
                             &DesktopActions::showWindowToggled);
    m_alwaysOnTop = checkable(QStringLiteral("actionAlwaysOnTop"), tr("Always on top"),
                              &DesktopActions::alwaysOnTopToggled);
    m_clickThrough = checkable(QStringLiteral("actionClickThrough"), tr("Click-through (mouse passes to windows below)"),
                               &DesktopActions::clickThroughToggled);

    auto plain = [this](const QString &name, const QString &text, void (DesktopActions::*sig)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, sig);
        return a;
    };
    m_settings = plain(QStringLiteral("actionSettings"), tr("Settings…"), &DesktopActions::settingsRequested);
    m_settings->setMenuRole(QAction::PreferencesRole);
    m_about = plain(QStringLiteral("actionAbout"), tr("About Spectray"), &DesktopActions::aboutRequested);
    m_about->setMenuRole(QAction::AboutRole);
    m_quit = plain(QStringLiteral("actionQuit"), tr("Quit"), &DesktopActions::quitRequested);
    m_quit->setMenuRole(QAction::QuitRole);

    m_webMenu = new QMenu(tr("Web clients"));
    m_webMenu->setObjectName(QStringLiteral("menuWeb"));
    m_webOpen = plain(QStringLiteral("actionWebOpen"), tr("Open in browser"), &DesktopActions::openWebClientRequested);
    m_webCopy = plain(QStringLiteral("actionWebCopy"), tr("Copy URL"), &DesktopActions::copyUrlRequested);
    m_webQr = plain(QStringLiteral("actionWebQr"), tr("Show QR code…"), &DesktopActions::showQrRequested);
    m_webClients = new QAction(this);
    m_webClients->setObjectName(QStringLiteral("actionWebClients"));
    m_webClients->setEnabled(false);
    m_webLan = checkable(QStringLiteral("actionWebLan"), tr("Allow LAN access"), &DesktopActions::lanAccessToggled);
    m_webRegenerate = plain(QStringLiteral("actionWebRegenerate"), tr("Regenerate access token"),
                            &DesktopActions::regenerateTokenRequested);
    m_webMenu->addAction(m_webOpen);
    m_webMenu->addAction(m_webCopy);
    m_webMenu->addAction(m_webQr);
    m_webMenu->addSeparator();
    m_webMenu->addAction(m_webClients);
    m_webMenu->addAction(m_webLan);
    m_webMenu->addAction(m_webRegenerate);
    m_webMenu->menuAction()->setVisible(false);

    updateStartStop();
    rebuildSourceMenu();
    buildDockMenu();
}

void DesktopActions::buildDockMenu()
{
    m_dockMenu = new QMenu(tr("Dock to screen edge"));
    m_dockMenu->setObjectName(QStringLiteral("menuDock"));
    m_dockGroup = new QActionGroup(this);
    m_dockGroup->setExclusive(true);
    for (std::size_t i = 0; i < keys::dockEdgeNames.size(); ++i) {
        const QString name = QLatin1String(keys::dockEdgeNames[i]);
        QAction *a = m_dockMenu->addAction(dockEdgeLabel(name));
        a->setObjectName(QStringLiteral("actionDock_") + name);
        a->setCheckable(true);
        a->setChecked(i == 0);
        a->setData(name);
        m_dockGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, name] { emit dockEdgeSelected(name); });
        if (i == 0)
            m_dockMenu->addSeparator();
    }
}

void DesktopActions::setDockEdge(const QString &edge)
{
    for (QAction *a : m_dockGroup->actions())
        a->setChecked(a->data().toString() == edge);
}

DesktopActions::~DesktopActions()
{
    delete m_sourceMenu;
    delete m_webMenu;
    delete m_dockMenu;
}

QMenu *DesktopActions::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->addAction(m_startStop);
    menu->addMenu(m_sourceMenu);
    menu->addSeparator();
    menu->addAction(m_showWindow);
    menu->addAction(m_alwaysOnTop);
    menu->addAction(m_clickThrough);
    menu->addMenu(m_dockMenu);
    menu->addMenu(m_webMenu);
    menu->addSeparator();
    menu->addAction(m_settings);
    menu->addAction(m_about);
    menu->addAction(m_quit);
    return menu;
}

void DesktopActions::setDevices(const AudioDeviceList &devices)
{
    if (devices == m_devices)
        return;
    m_devices = devices;
    rebuildSourceMenu();
}

void DesktopActions::setSelectedDevice(const QString &id)
{
    m_selected = id;
    bool shown = false;
    for (QAction *a : m_sourceGroup->actions()) {
        a->setChecked(a->data().toString() == id);
        shown = shown || a->isChecked();
    }
    if (!shown && SourceId::parse(id).isApplication())
        rebuildSourceMenu(); // an application that is not playing now still shows as chosen
}

void DesktopActions::rebuildSourceMenu()
{
    for (QAction *a : m_sourceGroup->actions()) {
        m_sourceGroup->removeAction(a);
        a->deleteLater(); // may be the action being triggered right now
    }
    m_sourceMenu->clear();

    auto add = [this](const QString &id, const QString &text) -> QAction * {
        auto *a = new QAction(text, this); // not the menu's: clear() must not delete it
        a->setCheckable(true);
        a->setData(id);
        a->setChecked(id == m_selected);
        m_sourceGroup->addAction(a);
        m_sourceMenu->addAction(a);
        connect(a, &QAction::triggered, this, [this, id] {
            m_selected = id;
            emit deviceSelected(id);
        });
        return a;
    };
    add(defaultOutputDeviceId(), SourceId::defaultOutput().displayName());
    auto section = [this, &add](AudioDevice::Kind kind, const QString &title) {
        bool first = true;
        for (const AudioDevice &d : std::as_const(m_devices)) {
            if (d.kind != kind || d.id == defaultOutputDeviceId())
                continue;
            if (first && !title.isEmpty())
                m_sourceMenu->addSection(title);
            first = false;
            add(d.id, d.name);
        }
    };
    section(AudioDevice::Kind::Loopback, QString());
    section(AudioDevice::Kind::Input, tr("Inputs"));
    addApplications(add);
    section(AudioDevice::Kind::Virtual, tr("Other"));
}

void DesktopActions::addApplications(const std::function<QAction *(const QString &, const QString &)> &add)
{
    // The playing applications, and the app chosen earlier even while it is not playing (the
    // engine waits for it), so the menu always shows what is selected.
    QList<std::pair<QString, QString>> apps; // binary, name
    for (const AudioDevice &d : std::as_const(m_devices)) {
        const SourceId id = SourceId::parse(d.id);
        if (d.kind == AudioDevice::Kind::Application && id.kind() == SourceId::Kind::Application)
            apps.append({id.argument(), d.name});
    }
    const SourceId selected = SourceId::parse(m_selected);
    const bool listed = std::any_of(apps.cbegin(), apps.cend(), [&](const auto &a) { return a.first == selected.argument(); });
    if (selected.isApplication() && !listed)
        apps.append({selected.argument(), selected.argument()});
    m_exceptMenu->clear();
    if (apps.isEmpty())
        return;
    m_sourceMenu->addSection(tr("Applications"));
    for (const auto &[binary, name] : std::as_const(apps)) {
        QAction *a = add(SourceId::application(binary).toString(), name);
        a->setObjectName(QStringLiteral("sourceApp_") + binary);
    }
    // "Everything except the call app": the same applications, excluded.
    for (const auto &[binary, name] : std::as_const(apps)) {
        QAction *a = add(SourceId::allExceptApplication(binary).toString(), SourceId::allExceptLabel(name));
        m_sourceMenu->removeAction(a);
        m_exceptMenu->addAction(a);
    }
    m_sourceMenu->addMenu(m_exceptMenu);
}

void DesktopActions::setStatus(const EngineStatus &status)
{
    using S = EngineStatus::State;
    m_capturing = status.state == S::Starting || status.state == S::Running || status.state == S::Silent
        || status.state == S::Reconnecting;
    updateStartStop();
}

void DesktopActions::updateStartStop()
{
    m_startStop->setText(m_capturing ? tr("Stop capture") : tr("Start capture"));
}

void DesktopActions::setWindowVisible(bool visible)
{
    m_showWindow->setChecked(visible);
}

void DesktopActions::setAlwaysOnTop(bool on)
{
    m_alwaysOnTop->setChecked(on);
}

void DesktopActions::setClickThrough(bool on)
{
    m_clickThrough->setChecked(on);
}

void DesktopActions::setServerInfo(const QUrl &lanUrl, int clients, bool lanAllowed)
{
    m_webMenu->menuAction()->setVisible(true);
    const bool up = lanUrl.isValid();
    m_webOpen->setEnabled(up);
    m_webCopy->setEnabled(up);
    m_webQr->setEnabled(up);
    m_webClients->setText(tr("Clients connected: %1").arg(clients));
    m_webLan->setChecked(lanAllowed);
}

} // namespace spectray::gui
