#pragma once

#include "core/audiodevice.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace spectray {
class Settings;
}

namespace spectray::gui {

class AutoStart;

// What the Network page edits. The LAN server owns these keys; the app copies them in and out, so
// the GUI layer does not link the server.
struct NetworkSettingsView
{
    bool serverEnabled = true;
    bool lanAllowed = false;
    int port = 8765;
    QString bindAddress;
    QString token;
    int maxClients = 16;

    friend bool operator==(const NetworkSettingsView &, const NetworkSettingsView &) = default;
};

// Settings pages built from ui/settingsdialog.ui. Every edit is written to Settings at once (which
// emits changed(key)); whoever listens applies it live. Nothing is kept in the dialog itself.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(Settings &settings, AutoStart *autoStart, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Re-reads every page from Settings (e.g. after the tray changed always-on-top).
    void reload();

public slots:
    void setDevices(const spectray::AudioDeviceList &devices);
    // Hides the Network page until a server exists.
    void setNetworkAvailable(bool available);
    void setNetworkSettings(const spectray::gui::NetworkSettingsView &network);

signals:
    void networkSettingsEdited(const spectray::gui::NetworkSettingsView &network);
    void regenerateTokenRequested();

private:
    void connectAudio();
    void connectDisplay();
    void connectNetwork();
    void connectGeneral();
    void emitNetwork();
    void setAccentCombo(const QString &colour);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings &m_settings;
    AutoStart *m_autoStart;
    AudioDeviceList m_devices;
    bool m_loading = false; // filling widgets: do not write back
};

} // namespace spectray::gui
