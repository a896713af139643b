#include "desktopapp.h"

#include "core/logging.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "engine/enginesettings.h"
#include "gui/autostart.h"
#include "gui/desktopactions.h"
#include "gui/docksettingspage.h"
#include "gui/dock/windowdocker.h"
#include "gui/guisettings.h"
#include "gui/qrdialog.h"
#include "gui/settingsdialog.h"
#include "gui/singleinstance.h"
#include "gui/spectrumwindow.h"
#include "gui/traycontroller.h"
#include "net/lanservice.h"
#include "platform/platform.h"
#include "session.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>

namespace spectray {

std::unique_ptr<gui::SingleInstance> acquireSingleInstance(const DesktopOptions &options)
{
    auto instance = std::make_unique<gui::SingleInstance>(options.instanceKey);
    if (instance->forwardToRunning(options.arguments)) {
        qCInfo(lcApp) << "Spectray is already running; it was asked to show its window";
        return nullptr;
    }
    instance->listen();
    return instance;
}

DesktopApp::DesktopApp(Session &session, gui::SingleInstance &instance, const DesktopOptions &options,
                       QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_engine(session.engine())
    , m_settings(session.settings())
    , m_instance(instance)
    , m_options(options)
    , m_actions(std::make_unique<gui::DesktopActions>())
    , m_window(std::make_unique<gui::SpectrumWindow>())
    , m_autoStart(gui::createAutoStart(QCoreApplication::applicationFilePath()))
{
    QApplication::setQuitOnLastWindowClosed(false); // the tray keeps running without windows
    m_contextMenu.reset(buildContextMenu());
    m_window->setContextMenu(m_contextMenu.get());
    // On the monitor it was on; if that one is gone, on the primary one, fully visible.
    m_window->setGeometry(gui::dock::placeWindow(gui::dock::rectFromText(m_settings.value(keys::windowGeometry)),
                                                 m_settings.value(keys::windowScreen), gui::dock::currentScreens(),
                                                 m_window->size()));
    applyDisplaySettings();
    m_actions->setSelectedDevice(m_options.source.isEmpty() ? m_settings.value(keys::source) : m_options.source);

    m_tray = std::make_unique<gui::TrayController>(m_actions.get());
    connect(m_tray.get(), &gui::TrayController::toggleWindowRequested, this,
            [this] { setWindowShown(!m_window->isVisible()); });
    connect(m_tray.get(), &gui::TrayController::trayAvailableChanged, this, &DesktopApp::onTrayAvailability);
    connect(&m_instance, &gui::SingleInstance::argumentsReceived, this, &DesktopApp::handleArguments);
    connect(&m_settings, &Settings::changed, this, &DesktopApp::onSettingChanged);
    wireEngine();
    wireActions();
    wireLan();
    wireOutputs();
}

DesktopApp::~DesktopApp()
{
    // Top-level windows without a parent: ours to delete if they are still open.
    delete m_dialog;
    delete m_qrDialog;
    delete m_noTrayBox;
}

void DesktopApp::wireEngine()
{
    gui::SpectrumWindow *w = m_window.get();
    connect(&m_engine, &Engine::frameReady, w, &gui::SpectrumWindow::onFrame);
    connect(&m_engine, &Engine::layoutChanged, w, &gui::SpectrumWindow::setBandLayout);
    connect(&m_engine, &Engine::layoutChanged, m_tray.get(),
            [this](const BandLayout &layout) { m_tray->setFrameRate(layout.fps); });
    connect(&m_engine, &Engine::statusChanged, w, &gui::SpectrumWindow::setStatus);
    connect(&m_engine, &Engine::statusChanged, m_tray.get(), &gui::TrayController::setStatus);
    connect(&m_engine, &Engine::statusChanged, m_actions.get(), &gui::DesktopActions::setStatus);
    connect(&m_engine, &Engine::devicesChanged, m_actions.get(), &gui::DesktopActions::setDevices);
    connect(&m_engine, &Engine::devicesChanged, this, [this](const AudioDeviceList &devices) {
        if (m_dialog)
            m_dialog->setDevices(devices);
    });
}

void DesktopApp::wireActions()
{
    gui::DesktopActions *a = m_actions.get();
    connect(a, &gui::DesktopActions::startRequested, &m_engine, &Engine::start);
    connect(a, &gui::DesktopActions::stopRequested, &m_engine, &Engine::stop);
    // One path for a source change, whether from the menu, the dialog or a second launch: the
    // setting changes, onSettingChanged() tells the engine (which switches without a restart).
    connect(a, &gui::DesktopActions::deviceSelected, this, [this](const QString &id) {
        if (m_settings.value(keys::source) == id)
            m_engine.selectDevice(id); // re-picking the same entry still re-opens it
        else
            m_settings.setValue(keys::source, id);
    });
    connect(a, &gui::DesktopActions::showWindowToggled, this, &DesktopApp::setWindowShown);
    connect(a, &gui::DesktopActions::alwaysOnTopToggled, this, [this](bool on) { m_settings.setValue(keys::alwaysOnTop, on); });
    connect(a, &gui::DesktopActions::clickThroughToggled, this, [this](bool on) { m_settings.setValue(keys::clickThrough, on); });
    connect(a, &gui::DesktopActions::dockEdgeSelected, this, [this](const QString &edge) {
        m_settings.setValue(keys::dockEdge, edge);
    });
    connect(a, &gui::DesktopActions::settingsRequested, this, [this] {
        gui::SettingsDialog *d = settingsDialog();
        d->reload();
        d->show();
        d->raise();
        d->activateWindow();
    });
    connect(a, &gui::DesktopActions::aboutRequested, this, [] {
        auto *box = new QMessageBox(QMessageBox::Information, QObject::tr("About Spectray"),
                                    QObject::tr("<b>Spectray %1</b><br>The sound your computer plays, as a spectrum: "
                                                "in the tray, on the desktop and in any browser on your network.")
                                        .arg(QStringLiteral(SPECTRAY_VERSION)));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->show();
    });
    connect(a, &gui::DesktopActions::quitRequested, this, &DesktopApp::quit);
    connect(m_window.get(), &gui::SpectrumWindow::visibilityChanged, this, [this](bool visible) {
        m_actions->setWindowVisible(visible);
        m_settings.setValue(keys::windowVisible, visible);
    });
    connect(m_window.get(), &gui::SpectrumWindow::geometryEdited, this, &DesktopApp::saveGeometry);
    connect(m_window.get(), &gui::SpectrumWindow::closeRequested, this, &DesktopApp::quit);
}

QMenu *DesktopApp::buildContextMenu()
{
    QMenu *menu = m_actions->createMenu();
    QMenu *styles = new QMenu(tr("Style"), menu);
    auto *group = new QActionGroup(styles);
    for (const QString &id : gui::styleIds()) {
        QAction *s = styles->addAction(gui::styleName(id));
        s->setCheckable(true);
        s->setData(id);
        group->addAction(s);
        connect(s, &QAction::triggered, this, [this, id] { m_settings.setValue(keys::style, id); });
    }
    styles->addSeparator();
    QAction *pulse = styles->addAction(tr("Bass pulse"));
    pulse->setCheckable(true);
    connect(pulse, &QAction::toggled, this, [this](bool on) { m_settings.setValue(keys::bassPulse, on); });
    QAction *axis = styles->addAction(tr("Frequency axis"));
    axis->setObjectName(QStringLiteral("actionFrequencyAxis"));
    axis->setCheckable(true);
    connect(axis, &QAction::toggled, this, [this](bool on) { m_settings.setValue(keys::frequencyAxis, on); });
    QAction *grid = styles->addAction(tr("dB grid"));
    grid->setObjectName(QStringLiteral("actionDbGrid"));
    grid->setCheckable(true);
    connect(grid, &QAction::toggled, this, [this](bool on) { m_settings.setValue(keys::dbGrid, on); });
    connect(styles, &QMenu::aboutToShow, this, [this, group, pulse, axis, grid] {
        for (QAction *s : group->actions())
            s->setChecked(s->data().toString() == m_settings.valueName(keys::style));
        pulse->setChecked(m_settings.value(keys::bassPulse));
        axis->setChecked(m_settings.value(keys::frequencyAxis));
        grid->setChecked(m_settings.value(keys::dbGrid));
    });
    menu->insertMenu(m_actions->settingsAction(), styles);
    menu->insertSeparator(m_actions->settingsAction());
    return menu;
}

gui::SettingsDialog *DesktopApp::settingsDialog()
{
    if (!m_dialog) {
        m_dialog = new gui::SettingsDialog(m_settings, m_autoStart.get());
        m_dialog->setDevices(m_engine.devices());
        m_dialog->dockPage()->setLimitation(m_window->docker().limitation());
        connect(&m_window->docker(), &gui::dock::WindowDocker::limitationChanged, m_dialog->dockPage(),
                &gui::DockSettingsPage::setLimitation);
        emit settingsDialogCreated(m_dialog);
    }
    return m_dialog;
}

void DesktopApp::applyDisplaySettings()
{
    gui::SceneStyle style;
    style.kind = gui::SceneStyle::kindFromId(m_settings.valueName(keys::style));
    style.meter = gui::SceneStyle::meterFromId(m_settings.valueName(keys::meter));
    style.bassPulse = m_settings.value(keys::bassPulse);
    style.accent = QColor(m_settings.value(keys::accent));
    style.opacity = m_settings.value(keys::opacity) / 100.0;
    style.axis = m_settings.value(keys::frequencyAxis);
    style.dbGrid = m_settings.value(keys::dbGrid);
    m_window->setSceneStyle(style);

    gui::SpectrumAnimator::Params p;
    p.attackMs = m_settings.value(keys::attackMs);
    p.releaseMs = m_settings.value(keys::releaseMs);
    p.peakHoldMs = m_settings.value(keys::peakHoldMs);
    p.peakFallMs = m_settings.value(keys::peakFallMs);
    p.peaks = m_settings.value(keys::peaks);
    m_window->setAnimationParams(p);
    m_window->setAvOffsetMs(m_settings.value(keys::windowAvOffsetMs));

    const bool top = m_settings.value(keys::alwaysOnTop);
    const bool through = m_settings.value(keys::clickThrough);
    m_window->setAlwaysOnTop(top);
    m_window->setClickThrough(through);
    m_actions->setAlwaysOnTop(top);
    m_actions->setClickThrough(through);

    gui::dock::DockSpec dock;
    dock.edge = m_settings.value(keys::dockEdge);
    dock.screen = m_settings.value(keys::dockScreen);
    dock.length = m_settings.value(keys::dockLength);
    dock.thickness = m_settings.value(keys::dockThickness);
    m_window->docker().setSpec(dock);
    m_actions->setDockEdge(m_settings.valueName(keys::dockEdge));
}

void DesktopApp::onSettingChanged(SettingId key)
{
    if (key == SettingId::Source) {
        const QString id = m_settings.value(keys::source);
        m_actions->setSelectedDevice(id);
        m_engine.selectDevice(id);
    } else if (settingGroup(key) == SettingGroup::Audio) {
        m_engine.applyConfig(analysisConfigFrom(m_settings));
    } else if (settingGroup(key) == SettingGroup::Display) {
        applyDisplaySettings(); // the dialog reloads its own pages on changed()
    }
}

void DesktopApp::setWindowShown(bool shown)
{
    if (shown) {
        m_window->show();
        m_window->raise();
    } else {
        m_window->hide();
    }
}

void DesktopApp::onTrayAvailability(bool available)
{
    m_window->setQuitOnClose(!available);
    if (available) {
        if (m_noTrayBox)
            m_noTrayBox->close();
        return;
    }
    setWindowShown(true);
    if (m_toldNoTray)
        return;
    m_toldNoTray = true;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Spectray"),
                                tr("No system tray was found. The spectrum window is Spectray's main window: "
                                   "right-click it for the menu; closing it quits Spectray."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    m_noTrayBox = box;
    box->show();
}

void DesktopApp::start()
{
    onTrayAvailability(m_tray->isTrayAvailable());
    const bool firstRun = !m_settings.value(keys::firstRunDone);
    m_settings.setValue(keys::firstRunDone, true);
    if (firstRun || m_options.showWindow || m_settings.value(keys::windowVisible) || !m_tray->isTrayAvailable())
        setWindowShown(true);
    m_actions->setWindowVisible(m_window->isVisible());

    m_session.lan().apply(); // a busy port: listenFailed() -> tray notification
    m_session.startEngine(m_options.source.isEmpty() ? m_settings.value(keys::source) : m_options.source,
                          analysisConfigFrom(m_settings), !m_options.noCapture && m_settings.value(keys::captureOnStart));
}

void DesktopApp::handleArguments(const QStringList &arguments)
{
    // A second launch: show ourselves and take over what it was asked to do.
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        QString source;
        if (arg == u"--source" && i + 1 < arguments.size())
            source = arguments.at(++i);
        else if (arg.startsWith(u"--source="))
            source = arg.mid(9);
        if (!source.isEmpty())
            emit m_actions->deviceSelected(source);
    }
    setWindowShown(true);
    m_window->activateWindow();
}

void DesktopApp::saveGeometry()
{
    // While docked, the floating place is what is remembered; the strip's own is in the dock keys.
    const QRect floating = m_window->docker().floatingGeometry();
    m_settings.setValue(keys::windowGeometry, gui::dock::rectToText(floating));
    m_settings.setValue(keys::windowScreen, gui::dock::screenNameAt(floating));
}

void DesktopApp::quit()
{
    saveGeometry();
    m_settings.sync();
    emit quitting();
    m_session.shutdown();
    QCoreApplication::quit();
}

// Settings problems (refused file, backup made, cannot save) as tray notifications, now and later.
static void notifySettingsProblems(DesktopApp &desktop, Settings &settings)
{
    const auto show = [&desktop](const QString &message) {
        desktop.tray()->notify(QCoreApplication::translate("spectray::main", "Spectray settings"), message, true);
    };
    for (const QString &message : settings.problems())
        show(message);
    QObject::connect(&settings, &Settings::problem, &desktop, show);
}

int runDesktop(Session &session, gui::SingleInstance &instance, const DesktopOptions &options)
{
    DesktopApp desktop(session, instance, options);
    notifySettingsProblems(desktop, session.settings());
    // A logout or `kill` ends the desktop app as the Quit item does: geometry and settings saved.
    platform::TerminationWatcher termination;
    QObject::connect(&termination, &platform::TerminationWatcher::terminationRequested, &desktop, &DesktopApp::quit);
    desktop.start();
    return QApplication::exec();
}

} // namespace spectray
