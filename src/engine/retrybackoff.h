#pragma once

#include <chrono>

namespace spectray {

// When to try a failed source again: soon at first (a server that is just starting), then less
// and less often, so a machine without an audio server is not polled every 2 s all day. The
// delay doubles from `first` after each failure and stays at `cap`. Pure logic: no clock, no Qt.
class RetryBackoff final
{
public:
    static constexpr std::chrono::milliseconds kFirst { 2000 };
    static constexpr std::chrono::milliseconds kCap { 30000 };

    explicit RetryBackoff(std::chrono::milliseconds first = kFirst, std::chrono::milliseconds cap = kCap);

    // The wait before the next attempt after one more failure.
    std::chrono::milliseconds next();
    // The source worked (or the user chose anew): the next failure waits `first` again.
    void reset();
    // Failures since the last reset.
    int failures() const { return m_failures; }

private:
    std::chrono::milliseconds m_first;
    std::chrono::milliseconds m_cap;
    std::chrono::milliseconds m_delay;
    int m_failures = 0;
};

} // namespace spectray
