// Windows side of edgereservation.h: the window becomes a shell AppBar (win/appbar.cpp), which the
// shell keeps out of the work area of its monitor. ABN_POSCHANGED (another bar or the taskbar
// moved) arrives as a native message; the bar then asks again and moves where it was granted.
#include "edgereservation.h"

#include "win/appbar.h"

#include <QAbstractNativeEventFilter>
#include <QCoreApplication>
#include <QWidget>

#include <windows.h>

namespace spectray::gui::dock {

namespace {

win::BarRect toNative(const QRect &r, qreal dpr)
{
    return win::BarRect { long(qRound(r.left() * dpr)), long(qRound(r.top() * dpr)),
        long(qRound((r.right() + 1) * dpr)), long(qRound((r.bottom() + 1) * dpr)) };
}

QRect fromNative(const win::BarRect &r, qreal dpr)
{
    return QRect(QPoint(qRound(r.left / dpr), qRound(r.top / dpr)),
        QSize(qRound((r.right - r.left) / dpr), qRound((r.bottom - r.top) / dpr)));
}

win::BarEdge barEdge(DockEdge edge)
{
    switch (edge) {
    case DockEdge::Left:
        return win::BarEdge::Left;
    case DockEdge::Right:
        return win::BarEdge::Right;
    case DockEdge::Bottom:
        return win::BarEdge::Bottom;
    default:
        return win::BarEdge::Top;
    }
}

class AppBarReservation final : public EdgeReservation, public QAbstractNativeEventFilter
{
public:
    AppBarReservation()
        : m_callback(win::AppBar::registerCallbackMessage())
    {
        QCoreApplication::instance()->installNativeEventFilter(this);
    }
    ~AppBarReservation() override
    {
        QCoreApplication::instance()->removeNativeEventFilter(this);
        // m_bar's destructor sends ABM_REMOVE: the space is given back even without release().
    }

    QRect reserve(QWidget &window, DockEdge edge, const QRect &bar, const QList<QRect> &screens) override
    {
        m_dpr = window.devicePixelRatioF();
        QRect monitor = bar;
        for (const QRect &s : screens) {
            if (s.contains(bar.center()))
                monitor = s;
        }
        const int thickness = (edge == DockEdge::Top || edge == DockEdge::Bottom) ? bar.height() : bar.width();
        if (!m_bar.add(reinterpret_cast<void *>(window.winId()), m_callback)) {
            m_limitation = QCoreApplication::translate("spectray::gui::dock::EdgeReservation",
                "Windows refused to register the strip as an application bar; "
                "other windows may cover it.");
            return bar;
        }
        m_limitation.clear();
        return fromNative(
            m_bar.place(barEdge(edge), toNative(monitor, m_dpr), toNative(bar, m_dpr), long(qRound(thickness * m_dpr))),
            m_dpr);
    }

    void release(QWidget &) override { m_bar.remove(); }

    QString limitation() const override { return m_limitation; }

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *) override
    {
        if (eventType != "windows_generic_MSG" || !m_bar.registered())
            return false;
        const MSG *msg = static_cast<const MSG *>(message);
        if (msg->hwnd != static_cast<HWND>(m_bar.window()))
            return false; // every window's messages pass here; only the bar's concern it
        if (win::AppBar::isPositionChanged(msg->message, std::uintptr_t(msg->wParam), m_callback)) {
            const QRect granted = fromNative(m_bar.replace(), m_dpr);
            if (m_moved)
                m_moved(granted);
            return true;
        }
        if (msg->message == WM_ACTIVATE)
            m_bar.activated();
        else if (msg->message == WM_WINDOWPOSCHANGED)
            m_bar.windowPosChanged();
        return false;
    }

private:
    win::AppBar m_bar;
    unsigned m_callback = 0;
    qreal m_dpr = 1.0;
    QString m_limitation;
};

} // namespace

std::unique_ptr<EdgeReservation> createEdgeReservation()
{
    return std::make_unique<AppBarReservation>();
}

} // namespace spectray::gui::dock
