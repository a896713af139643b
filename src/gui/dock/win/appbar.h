#pragma once

#include <cstdint>

// The Win32 AppBar protocol (SHAppBarMessage) without Qt, so it is cross-compiled and checked with
// MinGW on Linux (scripts/cross-check-windows.sh) like the WASAPI code. The Qt side that owns the
// window and receives the notifications is edgereservation_win.cpp.
namespace spectray::gui::dock::win {

// Physical pixels, right/bottom exclusive (a Win32 RECT).
struct BarRect
{
    long left = 0;
    long top = 0;
    long right = 0;
    long bottom = 0;
};

enum class BarEdge { Left = 0, Top = 1, Right = 2, Bottom = 3 }; // the ABE_* values

class AppBar final
{
public:
    AppBar() = default;
    ~AppBar(); // removes the bar: the shell keeps the space reserved for a bar it was not told about
    AppBar(const AppBar &) = delete;
    AppBar &operator=(const AppBar &) = delete;

    // ABM_NEW: the shell sends `callbackMessage` to `hwnd` when the bar must move. Idempotent.
    bool add(void *hwnd, unsigned callbackMessage);
    // ABM_QUERYPOS + ABM_SETPOS for a bar `thickness` across along `edge` of `monitor`, spanning
    // `along` (the part of the edge it covers). Returns the rectangle the shell granted.
    BarRect place(BarEdge edge, const BarRect &monitor, const BarRect &along, long thickness);
    // Re-asks for the last place (after ABN_POSCHANGED).
    BarRect replace() { return place(m_edge, m_monitor, m_along, m_thickness); }
    // ABM_REMOVE. Idempotent.
    void remove();
    // ABM_ACTIVATE / ABM_WINDOWPOSCHANGED: keep the shell's z-order of bars right.
    void activated();
    void windowPosChanged();

    bool registered() const { return m_hwnd != nullptr; }
    void *window() const { return m_hwnd; }
    unsigned callbackMessage() const { return m_callback; }

    // True for the notification that asks every bar to re-place itself.
    static bool isPositionChanged(unsigned message, std::uintptr_t wParam, unsigned callbackMessage);
    // A message id unique to Spectray's bars (RegisterWindowMessage).
    static unsigned registerCallbackMessage();

private:
    void notify(unsigned message); // an ABM_* message that only names the bar

    void *m_hwnd = nullptr;
    unsigned m_callback = 0;
    BarEdge m_edge = BarEdge::Top;
    BarRect m_monitor;
    BarRect m_along;
    long m_thickness = 0;
};

} // namespace spectray::gui::dock::win
