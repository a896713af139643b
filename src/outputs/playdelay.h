#pragma once

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cstddef>

namespace spectray::outputs {

// A bounded delay line for values that carry a play time (issue 11, A/V sync): each value is held
// until playTsMs + the output's A/V offset, then the newest due one is taken (newest wins: a late
// reader gets the present, not a backlog). Nothing is held longer than kMaxHoldMs after it came, so
// a wrong latency figure cannot stall an output; a value without play time (0) is due at once.
// Storage is a fixed array: push and take never allocate. One thread uses it (the outputs' GUI
// thread); times are wall-clock ms since the epoch, passed in (no clock of its own, for tests).
template<typename T, std::size_t N> class PlayDelay final
{
public:
    static constexpr qint64 kMaxHoldMs = 500;

    void setOffsetMs(int offsetMs) { m_offsetMs = offsetMs; }
    int offsetMs() const { return m_offsetMs; }

    void push(const T &value, qint64 playTsMs, qint64 nowMs)
    {
        if (m_count == N) { // full: the oldest gives way (N covers kMaxHoldMs at the engine's rates)
            m_head = (m_head + 1) % N;
            --m_count;
        }
        Entry &e = m_ring[(m_head + m_count) % N];
        const qint64 wanted = playTsMs != 0 ? playTsMs + m_offsetMs : nowMs;
        e.dueMs = std::min(wanted, nowMs + kMaxHoldMs);
        if (m_count > 0) // due times stay in arrival order even when the offset shrinks
            e.dueMs = std::max(e.dueMs, m_ring[(m_head + m_count - 1) % N].dueMs);
        e.value = value;
        ++m_count;
    }

    // The newest value due at nowMs (older due ones are dropped), or nullptr. Valid until the next push.
    const T *take(qint64 nowMs)
    {
        std::size_t due = 0;
        while (due < m_count && m_ring[(m_head + due) % N].dueMs <= nowMs)
            ++due;
        if (due == 0)
            return nullptr;
        const std::size_t newest = (m_head + due - 1) % N;
        m_head = (m_head + due) % N;
        m_count -= due;
        return &m_ring[newest].value;
    }

    std::size_t held() const { return m_count; }
    void clear() { m_count = 0; }

private:
    struct Entry
    {
        qint64 dueMs = 0;
        T value {};
    };
    std::array<Entry, N> m_ring {};
    std::size_t m_head = 0;
    std::size_t m_count = 0;
    int m_offsetMs = 0;
};

} // namespace spectray::outputs
