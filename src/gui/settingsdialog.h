#pragma once

#include "core/audiodevice.h"
#include "core/settings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

class QSpinBox;

namespace spectray::gui {

class AutoStart;
class OutputsPages;
class DockSettingsPage;

// Settings pages built from ui/settingsdialog.ui. Every edit is written to Settings at once (which
// emits changed(key)); whoever listens applies it live. Nothing is kept in the dialog itself, and it
// knows the engine and the server only through the keys of the core schema.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(Settings &settings, AutoStart *autoStart, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Re-reads every page from Settings (e.g. after the tray changed always-on-top).
    void reload();
    DockSettingsPage *dockPage() const { return m_dockPage; }

public slots:
    void setDevices(const spectray::AudioDeviceList &devices);
    // The Network page is hidden until the app says a LAN server exists; it then edits the server/*
    // keys directly (whoever runs the server listens to Settings::changed).
    void setNetworkAvailable(bool available);

signals:
    // The token is made by the server (it also drops the clients using the old one).
    void regenerateTokenRequested();

private:
    void fillChoices();
    void setRanges();
    void reloadAudio();
    void reloadDisplay();
    void reloadNetwork();
    void connectAudio();
    void connectDisplay();
    void connectNetwork();
    void connectGeneral();
    void onSettingChanged(spectray::SettingId key);
    void setAccentCombo(const QString &colour);
    // Writes an edit unless the page is being filled; our own writes do not reload the page.
    template<typename Key, typename Value>
    void write(const Key &key, const Value &value)
    {
        if (m_loading)
            return;
        m_writing = true;
        m_settings.setValue(key, value);
        m_writing = false;
    }

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings &m_settings;
    AutoStart *m_autoStart;
    OutputsPages *m_outputsPages = nullptr; // the LED sync and MQTT pages (outputspages.cpp)
    DockSettingsPage *m_dockPage = nullptr;
    QSpinBox *m_windowOffsetSpin = nullptr; // display/avOffsetMs (avoffsetfield.h)
    QSpinBox *m_webOffsetSpin = nullptr;    // server/avOffsetMs
    AudioDeviceList m_devices;
    bool m_loading = false; // filling widgets: do not write back
    bool m_writing = false; // writing an edit: the change is ours, do not reload
};

} // namespace spectray::gui
