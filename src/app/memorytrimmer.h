#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace spectray {

// Returns free heap to the system (platform::releaseFreeHeap) a little while after a burst of churn:
// clients leaving, the audio server coming back. Requests within `heap` of the first one are
// coalesced into a single trim, so a busy server trims at most once per `heap` delay and a quiet one
// never; nothing runs on the frame path.
// The first request also lets go, once and `startupPages` later, of the pages of the program's files
// that only start-up touched (platform::releaseStartupPages). Its owners request a trim whenever the
// engine's status changes, so the first request is the engine starting: a few seconds later the
// run is in its steady state, and the release (~10 ms of page-table work, once) happens before any
// steady-state measurement would begin.
struct TrimDelays
{
    std::chrono::milliseconds heap { 10'000 }; // long enough for a burst of client churn to pass
    std::chrono::milliseconds startupPages { 3'000 }; // start-up (and the first frames) are over
};

class MemoryTrimmer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTrimmer)

public:
    explicit MemoryTrimmer(TrimDelays delays = {}, QObject *parent = nullptr);

    void request();
    int trims() const { return m_trims; }
    int startupPageReleases() const { return m_startupPageReleases; }

private:
    QTimer m_heapTimer;
    QTimer m_startupTimer;
    bool m_startupRequested = false;
    int m_trims = 0;
    int m_startupPageReleases = 0;
};

} // namespace spectray
