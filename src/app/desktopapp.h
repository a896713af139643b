#pragma once

#include "core/settingsschema.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QApplication;
class QMenu;
class QMessageBox;

namespace spectray {

class Engine;
class Settings;

namespace gui {
class AutoStart;
class DesktopActions;
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

// The desktop composition: tray, window, settings dialog and their wiring to the engine. It owns the
// GUI objects; the engine and settings belong to main(). Other layers (the LAN server) are wired
// through actions() and settingsDialogCreated() without this class knowing them.
class DesktopApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopApp)

public:
    DesktopApp(Engine &engine, Settings &settings, gui::SingleInstance &instance, const DesktopOptions &options,
               QObject *parent = nullptr);
    ~DesktopApp() override;

    // Shows what should be shown and starts capture (unless told not to).
    void start();

    Engine &engine() const { return m_engine; }
    gui::DesktopActions *actions() const { return m_actions.get(); }
    gui::TrayController *tray() const { return m_tray.get(); }
    gui::SpectrumWindow *window() const { return m_window.get(); }
    gui::SettingsDialog *settingsDialog(); // created on first use

signals:
    void settingsDialogCreated(spectray::gui::SettingsDialog *dialog);
    void quitting();

public slots:
    void handleArguments(const QStringList &arguments); // from a second launch
    void quit();

private:
    void wireEngine();
    void wireActions();
    void applyDisplaySettings();
    void onSettingChanged(spectray::SettingId key);
    void setWindowShown(bool shown);
    void onTrayAvailability(bool available);
    QMenu *buildContextMenu();
    void saveGeometry();

    Engine &m_engine;
    Settings &m_settings;
    gui::SingleInstance &m_instance;
    DesktopOptions m_options;
    std::unique_ptr<gui::DesktopActions> m_actions;
    std::unique_ptr<gui::SpectrumWindow> m_window;
    std::unique_ptr<gui::TrayController> m_tray;
    std::unique_ptr<gui::AutoStart> m_autoStart;
    std::unique_ptr<QMenu> m_contextMenu;
    QPointer<gui::SettingsDialog> m_dialog;
    QPointer<QMessageBox> m_noTrayBox;
    bool m_toldNoTray = false;
};

// Runs the desktop mode until Quit. `wire` (optional) connects more objects, e.g. the LAN server,
// to the DesktopApp before it starts.
int runDesktop(QApplication &app, Engine &engine, Settings &settings, gui::SingleInstance &instance,
               const DesktopOptions &options, const std::function<void(DesktopApp &)> &wire = {});

} // namespace spectray
