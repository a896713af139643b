#pragma once

#include "core/settingsschema.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QMenu;
class QMessageBox;

namespace spectray {

class Engine;
class Session;
class Settings;

namespace gui {
class AutoStart;
class DesktopActions;
class QrDialog;
class SettingsDialog;
class SingleInstance;
class SpectrumWindow;
class TrayController;
} // namespace gui

// What the command line asks of the desktop mode. Parsed by main.cpp.
struct DesktopOptions
{
    QStringList arguments;     // the full command line, forwarded to an already running instance
    QString source;            // --source; empty: the stored choice
    bool showWindow = false;   // --show (the first run shows it anyway)
    bool noCapture = false;    // do not start capturing even if the settings say so
    QString instanceKey;       // separates instances, e.g. the --config path; empty: per user
};

// Call before the Engine exists. Returns nullptr when a running instance took the arguments (then
// exit 0, nothing was opened); otherwise this process is now the single instance.
std::unique_ptr<gui::SingleInstance> acquireSingleInstance(const DesktopOptions &options);

// The desktop front-end on a Session: tray, window, settings and QR dialogs, wired to the session's
// engine and LAN service (desktoplan.cpp). It owns the GUI objects; the session and settings belong
// to main().
class DesktopApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopApp)

public:
    DesktopApp(Session &session, gui::SingleInstance &instance, const DesktopOptions &options,
               QObject *parent = nullptr);
    ~DesktopApp() override;

    // Shows what should be shown, starts the LAN server as the settings say (a busy port becomes a
    // tray notification) and starts capture (unless told not to).
    void start();

    Session &session() const { return m_session; }
    gui::DesktopActions *actions() const { return m_actions.get(); }
    gui::TrayController *tray() const { return m_tray.get(); }
    gui::SpectrumWindow *window() const { return m_window.get(); }
    gui::SettingsDialog *settingsDialog(); // created on first use
    gui::QrDialog *qrDialog() const; // while shown, else nullptr

signals:
    void settingsDialogCreated(spectray::gui::SettingsDialog *dialog);
    void quitting();

public slots:
    void handleArguments(const QStringList &arguments); // from a second launch
    void quit();
    void showQrCode();

private:
    void wireEngine();
    void wireActions();
    void applyDisplaySettings();
    void onSettingChanged(spectray::SettingId key);
    void setWindowShown(bool shown);
    void onTrayAvailability(bool available);
    QMenu *buildContextMenu();
    void saveGeometry();
    // The LAN service's side of the desktop (desktoplan.cpp).
    void wireLan();
    void publishLanState();
    void wireNetworkPage(gui::SettingsDialog *dialog);
    // The LED sync / MQTT submenu of the tray and window menus (desktopoutputs.cpp).
    void wireOutputs();
    void updateOutputsMenu();

    Session &m_session;
    Engine &m_engine;
    Settings &m_settings;
    gui::SingleInstance &m_instance;
    DesktopOptions m_options;
    std::unique_ptr<gui::DesktopActions> m_actions;
    std::unique_ptr<gui::SpectrumWindow> m_window;
    std::unique_ptr<gui::TrayController> m_tray;
    std::unique_ptr<gui::AutoStart> m_autoStart;
    std::unique_ptr<QMenu> m_contextMenu;
    std::unique_ptr<QMenu> m_outputsMenu;
    QPointer<gui::SettingsDialog> m_dialog;
    QPointer<gui::QrDialog> m_qrDialog;
    QPointer<QMessageBox> m_noTrayBox;
    bool m_toldNoTray = false;
};

// Runs the desktop mode until Quit (tray/window menu, closing the window without a tray, or
// SIGINT/SIGTERM).
int runDesktop(Session &session, gui::SingleInstance &instance, const DesktopOptions &options);

} // namespace spectray
