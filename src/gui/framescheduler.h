#pragma once

#include "core/spectrumframe.h"

#include <QtGlobal>

#include <array>
#include <vector>

namespace spectray::gui {

// The floating window's jitter buffer (issue 11, A/V sync): holds each frame until its audio is
// heard, i.e. until its playTsMs plus the window's A/V offset, and hands out the newest frame that
// is due. Free of any clock (callers pass the wall clock, ms since the epoch) so tests drive it
// with a fake one. GUI thread only; never blocks.
//
// Rules: a frame is never held longer than kMaxHoldMs after it arrived (a wrong latency figure or
// offset cannot freeze the picture); when several are due at once only the newest is shown (the
// eye wants the present, not a replay); a frame without play time (playTsMs 0) is due at once.
// Storage is a fixed ring allocated once: pushing and taking never allocate.
class FrameScheduler final
{
public:
    static constexpr qint64 kMaxHoldMs = 500;
    // Enough for kMaxHoldMs at 240 frames per second (the engine's highest rate).
    static constexpr int kCapacity = 128;
    static constexpr int kMaxBands = 256; // SpectrumScene::kMaxBands: more are not drawn

    // One held frame: the values the animator needs, copied (no reference to the engine's storage).
    struct Slot
    {
        qint64 dueMs = 0;
        quint64 sequence = 0;
        qint64 playTsMs = 0;
        int bass = 0;
        int level = 0;
        int scale = 1;
        int bandCount = 0;
        std::array<qint16, kMaxBands> bands {};
    };

    FrameScheduler();

    // The window's A/V offset, ms, added to every frame's play time from the next push on.
    void setOffsetMs(int offsetMs) { m_offsetMs = offsetMs; }
    int offsetMs() const { return m_offsetMs; }

    // Holds `frame` until it is due; a full ring drops its oldest frame (counted in dropped()).
    void push(const SpectrumFrame &frame, qint64 nowMs);
    // The newest frame due at `nowMs`, or nullptr; older due frames are skipped (counted in
    // skipped()). The slot stays valid until the next push() or take().
    const Slot *take(qint64 nowMs);
    // When the next held frame becomes due; -1 when none is held.
    qint64 nextDueMs() const;
    int held() const { return m_count; }
    void clear() { m_count = 0; }

    quint64 dropped() const { return m_dropped; }
    quint64 skipped() const { return m_skipped; }

private:
    std::vector<Slot> m_ring; // kCapacity slots, allocated once
    int m_head = 0; // oldest held frame
    int m_count = 0;
    int m_offsetMs = 0;
    quint64 m_dropped = 0;
    quint64 m_skipped = 0;
    Slot m_out; // what take() returned, so the ring slot can be reused at once
};

} // namespace spectray::gui
