#pragma once

#include "core/settings.h"

#include <QObject>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QWidget;

namespace spectray::gui {

// The "LED sync" and "MQTT" pages of the settings dialog. Like the other pages they only edit the
// ledSync/* and mqtt/* keys of the core schema; the outputs layer listens to Settings::changed and
// restarts itself. Text fields are written when editing ends, so typing a URL restarts nothing.
class OutputsPages final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputsPages)

public:
    // Adds both pages to `pages` before the tab at `beforeIndex` (-1: at the end).
    OutputsPages(Settings &settings, QTabWidget *pages, int beforeIndex, QObject *parent = nullptr);
    ~OutputsPages() override;

    void reload();
    QWidget *ledPage() const { return m_ledPage; }
    QWidget *mqttPage() const { return m_mqttPage; }

private:
    QWidget *buildLedPage();
    QWidget *buildMqttPage();
    void onSettingChanged(spectray::SettingId key);
    template<typename Key, typename Value> void write(const Key &key, const Value &value)
    {
        if (m_loading)
            return;
        m_writing = true;
        m_settings.setValue(key, value);
        m_writing = false;
    }
    void bindText(QLineEdit *edit, const StringKey &key);

    Settings &m_settings;
    QWidget *m_ledPage = nullptr;
    QWidget *m_mqttPage = nullptr;
    QCheckBox *m_ledEnabled = nullptr;
    QLineEdit *m_ledTargets = nullptr;
    QSpinBox *m_ledTtl = nullptr;
    QSpinBox *m_ledAvOffset = nullptr;
    QComboBox *m_ledInterface = nullptr;
    QCheckBox *m_mqttEnabled = nullptr;
    QLineEdit *m_mqttUrl = nullptr;
    QLineEdit *m_mqttPassword = nullptr;
    QLineEdit *m_mqttCaFile = nullptr;
    QLineEdit *m_mqttPrefix = nullptr;
    QSpinBox *m_mqttFrameRate = nullptr;
    QSpinBox *m_mqttLevelRate = nullptr;
    QSpinBox *m_mqttAvOffset = nullptr;
    bool m_loading = false;
    bool m_writing = false;
};

} // namespace spectray::gui
