// Linux side of edgereservation.h: on X11 (Qt's xcb platform) the window becomes a dock window with
// _NET_WM_STRUT_PARTIAL (and the older _NET_WM_STRUT), which EWMH window managers subtract from the
// work area. Other Linux platforms (Wayland) offer no way to reserve space to a Qt 6.4 application.
#include "edgereservation.h"
#include "placement.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QWidget>

#include <xcb/xcb.h>

#include <cstdlib>
#include <cstring>

namespace spectray::gui::dock {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::gui::dock::EdgeReservation", text);
}

xcb_atom_t internAtom(xcb_connection_t *c, const char *name)
{
    const xcb_intern_atom_cookie_t cookie = xcb_intern_atom(c, 0, uint16_t(std::strlen(name)), name);
    xcb_intern_atom_reply_t *reply = xcb_intern_atom_reply(c, cookie, nullptr);
    const xcb_atom_t atom = reply ? reply->atom : xcb_atom_t(XCB_ATOM_NONE);
    std::free(reply); // xcb replies are malloc'ed
    return atom;
}

QRect scaled(const QRect &r, qreal dpr)
{
    return QRect(QPoint(qRound(r.left() * dpr), qRound(r.top() * dpr)),
        QSize(qRound(r.width() * dpr), qRound(r.height() * dpr)));
}

class XcbEdgeReservation final : public EdgeReservation
{
public:
    QRect reserve(QWidget &window, DockEdge edge, const QRect &bar, const QList<QRect> &screens) override
    {
        xcb_connection_t *c = connection();
        if (!c) {
            setLimitation(tr("This session does not let applications reserve a screen edge (Wayland); the strip is "
                             "shown as an ordinary window. Start Spectray through XWayland "
                             "(QT_QPA_PLATFORM=xcb) to dock it."));
            return bar;
        }
        const auto w = xcb_window_t(window.winId());
        rememberOriginalType(c, w);
        const xcb_atom_t dock = internAtom(c, "_NET_WM_WINDOW_TYPE_DOCK");
        xcb_change_property(
            c, XCB_PROP_MODE_REPLACE, w, internAtom(c, "_NET_WM_WINDOW_TYPE"), XCB_ATOM_ATOM, 32, 1, &dock);
        // Struts are in device pixels of the root window, Qt's geometry in device-independent ones.
        const qreal dpr = window.devicePixelRatioF();
        QList<QRect> native;
        for (const QRect &s : screens)
            native.append(scaled(s, dpr));
        const std::optional<StrutPartial> strut = strutPartial(edge, scaled(bar, dpr), native);
        if (strut) {
            xcb_change_property(c, XCB_PROP_MODE_REPLACE, w, internAtom(c, "_NET_WM_STRUT_PARTIAL"), XCB_ATOM_CARDINAL,
                32, 12, strut->data());
            xcb_change_property(
                c, XCB_PROP_MODE_REPLACE, w, internAtom(c, "_NET_WM_STRUT"), XCB_ATOM_CARDINAL, 32, 4, strut->data());
            setLimitation({});
        } else {
            deleteStruts(c, w);
            setLimitation(tr("The strip is on an edge between two monitors: X11 reserves space only along the outer "
                             "edges of the desktop, so other windows may cover it."));
        }
        xcb_flush(c);
        return bar;
    }

    void release(QWidget &window) override
    {
        xcb_connection_t *c = connection();
        if (!c || !window.internalWinId())
            return;
        const auto w = xcb_window_t(window.winId());
        deleteStruts(c, w);
        const xcb_atom_t type = internAtom(c, "_NET_WM_WINDOW_TYPE");
        if (m_originalType.isEmpty())
            xcb_delete_property(c, w, type);
        else
            xcb_change_property(c, XCB_PROP_MODE_REPLACE, w, type, XCB_ATOM_ATOM, 32, uint32_t(m_originalType.size()),
                m_originalType.constData());
        m_haveOriginal = false;
        xcb_flush(c);
    }

    QString limitation() const override { return m_limitation; }

private:
    static xcb_connection_t *connection()
    {
        auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
        return x11 ? x11->connection() : nullptr;
    }

    static void deleteStruts(xcb_connection_t *c, xcb_window_t w)
    {
        xcb_delete_property(c, w, internAtom(c, "_NET_WM_STRUT_PARTIAL"));
        xcb_delete_property(c, w, internAtom(c, "_NET_WM_STRUT"));
    }

    // Qt writes the type its window flags mean (a tool window: UTILITY); undocking puts it back.
    void rememberOriginalType(xcb_connection_t *c, xcb_window_t w)
    {
        if (m_haveOriginal)
            return;
        m_haveOriginal = true;
        m_originalType.clear();
        const xcb_get_property_cookie_t cookie
            = xcb_get_property(c, 0, w, internAtom(c, "_NET_WM_WINDOW_TYPE"), XCB_ATOM_ATOM, 0, 32);
        xcb_get_property_reply_t *reply = xcb_get_property_reply(c, cookie, nullptr);
        if (reply && reply->format == 32) {
            const auto *atoms = static_cast<const xcb_atom_t *>(xcb_get_property_value(reply));
            const int n = xcb_get_property_value_length(reply) / int(sizeof(xcb_atom_t));
            for (int i = 0; i < n; ++i) {
                if (atoms[i] != internAtom(c, "_NET_WM_WINDOW_TYPE_DOCK"))
                    m_originalType.append(atoms[i]);
            }
        }
        std::free(reply);
    }

    void setLimitation(const QString &text)
    {
        if (text != m_limitation && !text.isEmpty())
            qCInfo(lcGui).noquote() << text;
        m_limitation = text;
    }

    QList<xcb_atom_t> m_originalType;
    bool m_haveOriginal = false;
    QString m_limitation;
};

} // namespace

std::unique_ptr<EdgeReservation> createEdgeReservation()
{
    return std::make_unique<XcbEdgeReservation>();
}

} // namespace spectray::gui::dock
