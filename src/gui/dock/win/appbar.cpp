#include "appbar.h"

#include <windows.h>

#include <shellapi.h>

namespace spectray::gui::dock::win {

namespace {

APPBARDATA barData(void *hwnd)
{
    APPBARDATA data = {};
    data.cbSize = sizeof(data);
    data.hWnd = static_cast<HWND>(hwnd);
    return data;
}

RECT toRect(const BarRect &r)
{
    return RECT { r.left, r.top, r.right, r.bottom };
}

BarRect fromRect(const RECT &r)
{
    return BarRect { r.left, r.top, r.right, r.bottom };
}

} // namespace

AppBar::~AppBar()
{
    remove();
}

bool AppBar::add(void *hwnd, unsigned callbackMessage)
{
    if (m_hwnd == hwnd)
        return true;
    remove();
    APPBARDATA data = barData(hwnd);
    data.uCallbackMessage = callbackMessage;
    if (!SHAppBarMessage(ABM_NEW, &data))
        return false;
    m_hwnd = hwnd;
    m_callback = callbackMessage;
    return true;
}

BarRect AppBar::place(BarEdge edge, const BarRect &monitor, const BarRect &along, long thickness)
{
    m_edge = edge;
    m_monitor = monitor;
    m_along = along;
    m_thickness = thickness;
    if (!m_hwnd)
        return along;
    // The documented two-step: propose the whole edge, let the shell move it clear of other bars
    // (the taskbar), cut it back to our thickness on the side the shell left, then claim that.
    APPBARDATA data = barData(m_hwnd);
    data.uEdge = UINT(edge);
    data.rc = toRect(along);
    const bool horizontal = edge == BarEdge::Top || edge == BarEdge::Bottom;
    if (horizontal) {
        data.rc.top = monitor.top;
        data.rc.bottom = monitor.bottom;
    } else {
        data.rc.left = monitor.left;
        data.rc.right = monitor.right;
    }
    SHAppBarMessage(ABM_QUERYPOS, &data);
    switch (edge) {
    case BarEdge::Top:
        data.rc.bottom = data.rc.top + thickness;
        break;
    case BarEdge::Bottom:
        data.rc.top = data.rc.bottom - thickness;
        break;
    case BarEdge::Left:
        data.rc.right = data.rc.left + thickness;
        break;
    case BarEdge::Right:
        data.rc.left = data.rc.right - thickness;
        break;
    }
    SHAppBarMessage(ABM_SETPOS, &data);
    return fromRect(data.rc);
}

void AppBar::remove()
{
    if (!m_hwnd)
        return;
    APPBARDATA data = barData(m_hwnd);
    SHAppBarMessage(ABM_REMOVE, &data);
    m_hwnd = nullptr;
}

void AppBar::notify(unsigned message)
{
    if (!m_hwnd)
        return;
    APPBARDATA data = barData(m_hwnd);
    SHAppBarMessage(message, &data);
}

void AppBar::activated()
{
    notify(ABM_ACTIVATE);
}

void AppBar::windowPosChanged()
{
    notify(ABM_WINDOWPOSCHANGED);
}

bool AppBar::isPositionChanged(unsigned message, std::uintptr_t wParam, unsigned callbackMessage)
{
    return callbackMessage != 0 && message == callbackMessage && wParam == ABN_POSCHANGED;
}

unsigned AppBar::registerCallbackMessage()
{
    return RegisterWindowMessageW(L"SpectrayAppBarMessage");
}

} // namespace spectray::gui::dock::win
