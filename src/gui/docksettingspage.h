#pragma once

#include "core/settings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

namespace spectray::gui {

// The settings dialog's "Docked strip" page: edge, monitor, length and thickness of the strip
// (keys::dock*). Like the other pages it writes every edit to Settings at once; the window listens.
class DockSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockSettingsPage)

public:
    explicit DockSettingsPage(Settings &settings, QWidget *parent = nullptr);
    ~DockSettingsPage() override;

    void reload();

public slots:
    // What the platform allows (dock/edgereservation.h): shown under the fields; "" hides it.
    void setLimitation(const QString &text);

private:
    void fillScreens();
    void onSettingChanged(spectray::SettingId key);

    Settings &m_settings;
    QComboBox *m_edge = nullptr;
    QComboBox *m_screen = nullptr;
    QSpinBox *m_length = nullptr;
    QSpinBox *m_thickness = nullptr;
    QLabel *m_limitation = nullptr;
    bool m_loading = false;
};

} // namespace spectray::gui
