#pragma once

#include "core/settingsschema.h"

#include <QList>
#include <QRect>
#include <QString>

#include <functional>
#include <memory>

class QWidget;

// Reserving a strip of a screen edge, so maximised windows stop at the docked spectrum. One
// implementation is compiled per platform (src/gui/CMakeLists.txt picks it): X11 struts through
// xcb (which also reports what a Wayland session allows), a Windows AppBar, or none.
namespace spectray::gui::dock {

class EdgeReservation
{
public:
    virtual ~EdgeReservation() = default;

    // Makes `window` a bar on `edge` occupying `bar` (virtual-desktop coordinates; `screens` are
    // every monitor's geometry). Called while the window is created but not yet shown, and again
    // whenever the bar moves. Returns the rectangle the bar should take: `bar`, or what the
    // system granted (a Windows AppBar can be pushed aside by another one).
    virtual QRect reserve(QWidget &window, DockEdge edge, const QRect &bar, const QList<QRect> &screens) = 0;
    // Gives the space back and makes `window` an ordinary window again (call while it is hidden).
    virtual void release(QWidget &window) = 0;
    // Empty when the space is reserved; otherwise one sentence saying why not (for the log and
    // the settings dialog), e.g. a Wayland session or a bar on an edge between two monitors.
    virtual QString limitation() const = 0;
    // The system moved the bar (Windows: another AppBar, a taskbar change): the new rectangle.
    void setMovedHandler(std::function<void(const QRect &)> handler) { m_moved = std::move(handler); }

protected:
    std::function<void(const QRect &)> m_moved;
};

std::unique_ptr<EdgeReservation> createEdgeReservation();

} // namespace spectray::gui::dock
