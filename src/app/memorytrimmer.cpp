#include "memorytrimmer.h"

#include "app/platform/platform.h"

namespace spectray {

MemoryTrimmer::MemoryTrimmer(std::chrono::milliseconds delay, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delay);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        platform::releaseFreeHeap();
        if (m_trims == 0 && platform::releaseStartupPages() >= 0)
            ++m_startupPageReleases;
        ++m_trims;
    });
}

void MemoryTrimmer::request()
{
    if (!m_timer.isActive()) // a pending trim covers this request too
        m_timer.start();
}

} // namespace spectray
