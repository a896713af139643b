#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace spectray {

// Returns free heap to the system (platform::releaseFreeHeap) a little while after a burst of churn:
// clients leaving, the audio server coming back. Requests within `delay` of the first one are
// coalesced into a single trim, so a busy server trims at most once per `delay` and a quiet one never;
// nothing runs on the frame path. The first trim of the process also lets go of the pages of the
// program's files that only start-up touched (platform::releaseStartupPages): the session asks for
// a trim as soon as the engine starts, so that happens once, `delay` after the start.
class MemoryTrimmer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTrimmer)

public:
    // Long enough for start-up to be over and a burst of client churn to have passed.
    static constexpr std::chrono::milliseconds kDelay { 10'000 };

    explicit MemoryTrimmer(std::chrono::milliseconds delay = kDelay, QObject *parent = nullptr);

    void request();
    int trims() const { return m_trims; }
    int startupPageReleases() const { return m_startupPageReleases; }

private:
    QTimer m_timer;
    int m_trims = 0;
    int m_startupPageReleases = 0;
};

} // namespace spectray
