#pragma once

#include "core/audiodevice.h"
#include "core/enginestatus.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QAction;
class QActionGroup;
class QMenu;

namespace spectray::gui {

// The application's actions and menus, shared by the tray menu and the window's context menu.
// Clicks become signals; state comes in through slots. No engine or server is known here, so the
// composition root wires them (see app/desktopapp.cpp) and tests drive them alone.
class DesktopActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopActions)

public:
    explicit DesktopActions(QObject *parent = nullptr);
    ~DesktopActions() override;

    // A new menu with the full tray structure; the caller owns it.
    QMenu *createMenu(QWidget *parent = nullptr);

    QAction *startStopAction() const { return m_startStop; }
    QAction *showWindowAction() const { return m_showWindow; }
    QAction *alwaysOnTopAction() const { return m_alwaysOnTop; }
    QAction *clickThroughAction() const { return m_clickThrough; }
    QAction *settingsAction() const { return m_settings; }
    QAction *aboutAction() const { return m_about; }
    QAction *quitAction() const { return m_quit; }
    QMenu *sourceMenu() const { return m_sourceMenu; }
    QMenu *webMenu() const { return m_webMenu; }
    QMenu *dockMenu() const { return m_dockMenu; }
    QString selectedDevice() const { return m_selected; }
    bool isCapturing() const { return m_capturing; }

public slots:
    void setDevices(const spectray::AudioDeviceList &devices);
    void setSelectedDevice(const QString &id);
    void setStatus(const spectray::EngineStatus &status);
    void setWindowVisible(bool visible);
    void setAlwaysOnTop(bool on);
    void setClickThrough(bool on);
    void setDockEdge(const QString &edge); // a keys::dockEdgeNames entry
    // The LAN server's state; until it is called the Web clients menu stays hidden.
    void setServerInfo(const QUrl &lanUrl, int clients, bool lanAllowed);

signals:
    void startRequested();
    void stopRequested();
    void deviceSelected(const QString &id);
    void showWindowToggled(bool visible);
    void alwaysOnTopToggled(bool on);
    void clickThroughToggled(bool on);
    void dockEdgeSelected(const QString &edge); // a keys::dockEdgeNames entry ("off": floating)
    void settingsRequested();
    void aboutRequested();
    void quitRequested();
    void openWebClientRequested();
    void copyUrlRequested();
    void showQrRequested();
    void regenerateTokenRequested();
    void lanAccessToggled(bool allowed);

private:
    void rebuildSourceMenu();
    void addApplications(const std::function<QAction *(const QString &, const QString &)> &add);
    void buildDockMenu();
    void updateStartStop();

    QAction *m_startStop = nullptr;
    QAction *m_showWindow = nullptr;
    QAction *m_alwaysOnTop = nullptr;
    QAction *m_clickThrough = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_about = nullptr;
    QAction *m_quit = nullptr;
    QMenu *m_sourceMenu = nullptr; // owned here, shown in several menus
    QMenu *m_exceptMenu = nullptr; // "Everything except" submenu of the source menu
    QMenu *m_webMenu = nullptr;
    QMenu *m_dockMenu = nullptr;
    QActionGroup *m_dockGroup = nullptr;
    QActionGroup *m_sourceGroup = nullptr;
    QAction *m_webOpen = nullptr;
    QAction *m_webCopy = nullptr;
    QAction *m_webQr = nullptr;
    QAction *m_webClients = nullptr;
    QAction *m_webLan = nullptr;
    QAction *m_webRegenerate = nullptr;
    AudioDeviceList m_devices;
    QString m_selected = defaultOutputDeviceId();
    bool m_capturing = false;
};

} // namespace spectray::gui
