#include "placement.h"

#include <QStringList>

#include <algorithm>

namespace spectray::gui::dock {

const ScreenInfo *findScreen(const QList<ScreenInfo> &screens, const QString &name)
{
    if (screens.isEmpty())
        return nullptr;
    if (!name.isEmpty()) {
        for (const ScreenInfo &s : screens) {
            if (s.name == name)
                return &s;
        }
    }
    for (const ScreenInfo &s : screens) {
        if (s.primary)
            return &s;
    }
    return &screens.front();
}

QRect placeWindow(
    const QRect &saved, const QString &savedScreen, const QList<ScreenInfo> &screens, const QSize &defaultSize)
{
    const ScreenInfo *screen = findScreen(screens, savedScreen);
    if (!screen)
        return saved.isValid() ? saved : QRect(QPoint(0, 0), defaultSize);
    const QRect area = screen->available.isValid() ? screen->available : screen->geometry;
    QRect r = saved.isValid() ? saved : QRect(QPoint(0, 0), defaultSize);
    r.setSize(r.size().boundedTo(area.size()));
    if (!saved.isValid()) {
        r.moveCenter(area.center());
        return r;
    }
    // Clamped rather than re-centred: a window saved near a corner of a monitor that changed
    // resolution (or on a monitor that went away) stays as close as it can to where it was.
    r.moveLeft(std::clamp(r.left(), area.left(), area.right() - r.width() + 1));
    r.moveTop(std::clamp(r.top(), area.top(), area.bottom() - r.height() + 1));
    return r;
}

QRect dockRect(DockEdge edge, const QRect &screen, int length, int thickness)
{
    if (edge == DockEdge::Off || !screen.isValid())
        return {};
    const bool horizontal = edge == DockEdge::Top || edge == DockEdge::Bottom;
    const int along = horizontal ? screen.width() : screen.height();
    const int across = horizontal ? screen.height() : screen.width();
    const int len = (length <= 0 || length > along) ? along : length;
    const int thick = std::clamp(thickness, 1, std::max(1, across / 2)); // never more than half the monitor
    const int offset = (along - len) / 2;
    switch (edge) {
    case DockEdge::Top:
        return { screen.left() + offset, screen.top(), len, thick };
    case DockEdge::Bottom:
        return { screen.left() + offset, screen.bottom() - thick + 1, len, thick };
    case DockEdge::Left:
        return { screen.left(), screen.top() + offset, thick, len };
    case DockEdge::Right:
        return { screen.right() - thick + 1, screen.top() + offset, thick, len };
    case DockEdge::Off:
        break;
    }
    return {};
}

std::optional<StrutPartial> strutPartial(DockEdge edge, const QRect &bar, const QList<QRect> &screens)
{
    if (edge == DockEdge::Off || !bar.isValid())
        return std::nullopt;
    QRect root;
    for (const QRect &s : screens)
        root |= s;
    root |= bar;
    // The area the strut would reserve: from the root's edge up to the bar's inner side, along
    // the bar's length. Any part of it on a monitor other than the bar's is a neighbour's space.
    QRect reserved;
    StrutPartial s {};
    const auto u = [](int v) { return quint32(std::max(0, v)); };
    switch (edge) {
    case DockEdge::Left:
        reserved = QRect(QPoint(root.left(), bar.top()), bar.bottomRight());
        s[0] = u(bar.right() + 1 - root.left());
        s[4] = u(bar.top());
        s[5] = u(bar.bottom());
        break;
    case DockEdge::Right:
        reserved = QRect(bar.topLeft(), QPoint(root.right(), bar.bottom()));
        s[1] = u(root.right() + 1 - bar.left());
        s[6] = u(bar.top());
        s[7] = u(bar.bottom());
        break;
    case DockEdge::Top:
        reserved = QRect(QPoint(bar.left(), root.top()), bar.bottomRight());
        s[2] = u(bar.bottom() + 1 - root.top());
        s[8] = u(bar.left());
        s[9] = u(bar.right());
        break;
    case DockEdge::Bottom:
        reserved = QRect(bar.topLeft(), QPoint(bar.right(), root.bottom()));
        s[3] = u(root.bottom() + 1 - bar.top());
        s[10] = u(bar.left());
        s[11] = u(bar.right());
        break;
    case DockEdge::Off:
        return std::nullopt;
    }
    for (const QRect &screen : screens) {
        if (!screen.contains(bar.center()) && screen.intersects(reserved))
            return std::nullopt;
    }
    return s;
}

QString rectToText(const QRect &rect)
{
    if (!rect.isValid())
        return {};
    return QStringLiteral("%1,%2,%3,%4").arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height());
}

QRect rectFromText(const QString &text)
{
    const QStringList parts = text.split(u',');
    if (parts.size() != 4)
        return {};
    int v[4] = {};
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts.at(i).trimmed().toInt(&ok);
        if (!ok)
            return {};
    }
    const QRect r(v[0], v[1], v[2], v[3]);
    return r.isValid() ? r : QRect();
}

} // namespace spectray::gui::dock
