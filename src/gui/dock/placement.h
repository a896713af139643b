#pragma once

#include "core/settingsschema.h"

#include <QList>
#include <QRect>
#include <QString>

#include <array>
#include <optional>

// Where the floating window and the docked strip go, as pure functions of a screen list, so the
// rules are tested with made-up monitor layouts (tests/gui/tst_placement) instead of real ones.
namespace spectray::gui::dock {

// One monitor as QScreen describes it, in virtual-desktop coordinates (device-independent pixels).
struct ScreenInfo
{
    QString name; // QScreen::name(), e.g. "HDMI-1"
    QRect geometry; // the whole monitor
    QRect available; // minus panels and other reserved strips
    bool primary = false;
};

// The monitor called `name`, else the primary one, else the first; nullptr for an empty list.
const ScreenInfo *findScreen(const QList<ScreenInfo> &screens, const QString &name);

// Where a saved floating window goes. On its monitor when that still exists, else on the primary
// one; in both cases shrunk to fit and moved so it is fully inside the monitor's available area.
// An empty `saved` rectangle centres `defaultSize` on the monitor.
QRect placeWindow(
    const QRect &saved, const QString &savedScreen, const QList<ScreenInfo> &screens, const QSize &defaultSize);

// The strip along `edge` of `screen` (Off: an invalid rectangle): `thickness` across, `length` along
// the edge and centred on it (0 or more than the edge: the whole edge).
QRect dockRect(DockEdge edge, const QRect &screen, int length, int thickness);

// The 12 values of X11's _NET_WM_STRUT_PARTIAL for `bar` docked on `edge` (left, right, top,
// bottom, then the start/end pairs), in root-window coordinates: the root spans every monitor,
// and a strut is measured from the root's edge. So a bar on an inner edge between two monitors
// cannot be expressed (it would reserve the neighbour too): nullopt then.
using StrutPartial = std::array<quint32, 12>;
std::optional<StrutPartial> strutPartial(DockEdge edge, const QRect &bar, const QList<QRect> &screens);

// "x,y,w,h" (keys::windowGeometry) and back; an unreadable text gives an invalid QRect.
QString rectToText(const QRect &rect);
QRect rectFromText(const QString &text);

} // namespace spectray::gui::dock
