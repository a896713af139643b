#include "memorytrimmer.h"

#include "app/platform/platform.h"

namespace spectray {

MemoryTrimmer::MemoryTrimmer(TrimDelays delays, QObject *parent)
    : QObject(parent)
{
    m_heapTimer.setSingleShot(true);
    m_heapTimer.setInterval(delays.heap);
    connect(&m_heapTimer, &QTimer::timeout, this, [this] {
        platform::releaseFreeHeap();
        ++m_trims;
    });
    m_startupTimer.setSingleShot(true);
    m_startupTimer.setInterval(delays.startupPages);
    connect(&m_startupTimer, &QTimer::timeout, this, [this] {
        // Set, the run keeps its start-up pages: for measuring what the release does (bench/rss).
        if (qEnvironmentVariableIsSet("SPECTRAY_KEEP_STARTUP_PAGES"))
            return;
        if (platform::releaseStartupPages() >= 0)
            ++m_startupPageReleases;
    });
}

void MemoryTrimmer::request()
{
    if (!m_startupRequested) { // the first request is the start: its pages go once, a little later
        m_startupRequested = true;
        m_startupTimer.start();
    }
    if (!m_heapTimer.isActive()) // a pending trim covers this request too
        m_heapTimer.start();
}

} // namespace spectray
