#pragma once

#include "core/enginestatus.h"

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QMenu;
class QSystemTrayIcon;

namespace spectray::gui {

class DesktopActions;

// Owns the tray icon and its menu (built from the shared actions). The icon shows the engine's
// state; the tooltip the device, frame rate and web clients. A left click asks to toggle the window.
// When no tray exists it says so (trayAvailableChanged(false)) and checks again every few seconds.
class TrayController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)

public:
    explicit TrayController(DesktopActions *actions, QObject *parent = nullptr);
    ~TrayController() override;

    bool isTrayAvailable() const { return m_icon != nullptr; }
    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *trayIcon() const { return m_icon; }
    QString toolTip() const { return m_toolTip; }
    static QIcon iconFor(EngineStatus::State state);

public slots:
    void setStatus(const spectray::EngineStatus &status);
    void setFrameRate(int fps);
    void setClientCount(int clients); // -1: no server
    // Tray notification; falls back to the log when there is no tray.
    void notify(const QString &title, const QString &message, bool error);

signals:
    void toggleWindowRequested();
    void trayAvailableChanged(bool available);

private:
    void tryCreateIcon();
    void updateToolTip();

    DesktopActions *m_actions;
    QMenu *m_menu = nullptr;
    QSystemTrayIcon *m_icon = nullptr;
    QTimer m_retry;
    EngineStatus m_status;
    int m_fps = 0;
    int m_clients = -1;
    QString m_toolTip;
};

} // namespace spectray::gui
