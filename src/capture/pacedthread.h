#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace spectray::capture {

// Runs `tick` every `period` on its own thread, sleeping to wall-clock time so generated audio
// flows in real time (deadline-based, so jitter does not accumulate into drift).
class PacedThread final
{
public:
    PacedThread() = default;
    ~PacedThread() { stop(); }
    PacedThread(const PacedThread &) = delete;
    PacedThread &operator=(const PacedThread &) = delete;

    void start(std::chrono::microseconds period, std::function<void()> tick)
    {
        stop();
        m_stop = false;
        m_thread = std::thread([this, period, tick = std::move(tick)] {
            auto next = std::chrono::steady_clock::now();
            while (!m_stop.load(std::memory_order_relaxed)) {
                tick();
                next += period;
                const auto now = std::chrono::steady_clock::now();
                if (next < now - 10 * period)
                    next = now; // we were suspended: do not burst to catch up
                std::this_thread::sleep_until(next);
            }
        });
    }
    // Returns after the last tick has finished.
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    bool running() const { return m_thread.joinable(); }

private:
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
};

} // namespace spectray::capture
