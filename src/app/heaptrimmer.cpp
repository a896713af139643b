#include "heaptrimmer.h"

#include "app/platform/platform.h"

namespace spectray {

HeapTrimmer::HeapTrimmer(std::chrono::milliseconds delay, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delay);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        platform::releaseFreeHeap();
        ++m_trims;
    });
}

void HeapTrimmer::request()
{
    if (!m_timer.isActive()) // a pending trim covers this request too
        m_timer.start();
}

} // namespace spectray
