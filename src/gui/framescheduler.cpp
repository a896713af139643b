#include "framescheduler.h"

#include <algorithm>

namespace spectray::gui {

FrameScheduler::FrameScheduler()
    : m_ring(std::size_t(kCapacity))
{
}

void FrameScheduler::push(const SpectrumFrame &frame, qint64 nowMs)
{
    if (m_count == kCapacity) { // cannot happen within kMaxHoldMs at 240 fps; never grow
        m_head = (m_head + 1) % kCapacity;
        --m_count;
        ++m_dropped;
    }
    Slot &s = m_ring[std::size_t((m_head + m_count) % kCapacity)];
    const qint64 wanted = frame.playTsMs != 0 ? frame.playTsMs + m_offsetMs : nowMs;
    s.dueMs = std::min(wanted, nowMs + kMaxHoldMs);
    // Play times only grow, but an offset made smaller (or a new latency figure) must not show a
    // frame before one that came earlier: due times stay in arrival order.
    if (m_count > 0) {
        const Slot &previous = m_ring[std::size_t((m_head + m_count - 1) % kCapacity)];
        s.dueMs = std::max(s.dueMs, std::min(previous.dueMs, nowMs + kMaxHoldMs));
    }
    s.sequence = frame.sequence;
    s.playTsMs = frame.playTsMs;
    s.bass = frame.bass;
    s.level = frame.level;
    s.scale = frame.scale;
    s.bandCount = std::min(int(frame.bands.size()), kMaxBands);
    for (int i = 0; i < s.bandCount; ++i)
        s.bands[std::size_t(i)] = frame.bands[i];
    ++m_count;
}

const FrameScheduler::Slot *FrameScheduler::take(qint64 nowMs)
{
    int due = 0;
    while (due < m_count && m_ring[std::size_t((m_head + due) % kCapacity)].dueMs <= nowMs)
        ++due;
    if (due == 0)
        return nullptr;
    m_skipped += quint64(due - 1); // newest wins
    m_out = m_ring[std::size_t((m_head + due - 1) % kCapacity)];
    m_head = (m_head + due) % kCapacity;
    m_count -= due;
    return &m_out;
}

qint64 FrameScheduler::nextDueMs() const
{
    return m_count > 0 ? m_ring[std::size_t(m_head)].dueMs : -1;
}

} // namespace spectray::gui
