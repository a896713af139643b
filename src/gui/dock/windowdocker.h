#pragma once

#include "edgereservation.h"
#include "placement.h"

#include <QObject>
#include <QPointer>
#include <QSize>

class QScreen;
class QWidget;

namespace spectray::gui::dock {

// What the settings say about the strip (keys::dockEdge, dockScreen, dockLength, dockThickness).
struct DockSpec
{
    DockEdge edge = DockEdge::Off;
    QString screen; // QScreen::name(); empty or unknown: the primary monitor
    int length = 0; // 0: the whole edge
    int thickness = 64;
    bool operator==(const DockSpec &) const = default;
};

// Every monitor as placement.h sees it.
QList<ScreenInfo> currentScreens();
// The window's monitor by name (the one holding its centre), for keys::windowScreen.
QString screenNameAt(const QRect &geometry);

// Turns a top-level window into a strip along a screen edge and back. While docked the window keeps
// its strip's geometry (following monitor changes) and the platform reservation is re-applied each
// time the native window is about to be shown: Qt recreates it when window flags change (click-
// through, always on top), and window managers read the window type only when a window is mapped.
class WindowDocker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowDocker)

public:
    explicit WindowDocker(QWidget &window, std::unique_ptr<EdgeReservation> reservation = createEdgeReservation());
    ~WindowDocker() override;

    void setSpec(const DockSpec &spec); // docks, moves the strip, or undocks
    const DockSpec &spec() const { return m_spec; }
    bool isDocked() const { return m_spec.edge != DockEdge::Off; }
    QRect barGeometry() const { return m_bar; }
    // Why the space is not reserved ("" when it is, or when not docked).
    QString limitation() const;
    // Where the window goes when undocked; while floating this is simply its geometry.
    QRect floatingGeometry() const;

signals:
    void limitationChanged(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void reserve();
    void watchScreen(QScreen *screen);

    QWidget &m_window;
    std::unique_ptr<EdgeReservation> m_reservation;
    DockSpec m_spec;
    QRect m_bar;
    QRect m_floating;
    QSize m_floatingMinimum;
    QString m_lastLimitation;
    int m_corrections = 0; // geometry put back since the last show/place
    static constexpr int kMaxCorrections = 8;
};

} // namespace spectray::gui::dock
