#include "retrybackoff.h"

#include <algorithm>

namespace spectray {

RetryBackoff::RetryBackoff(std::chrono::milliseconds first, std::chrono::milliseconds cap)
    : m_first(std::max(first, std::chrono::milliseconds(1)))
    , m_cap(std::max(cap, m_first))
    , m_delay(m_first)
{
}

std::chrono::milliseconds RetryBackoff::next()
{
    const std::chrono::milliseconds delay = m_delay;
    // Doubling stops at the cap, so the value never overflows however long the outage lasts.
    m_delay = std::min(m_delay * 2, m_cap);
    ++m_failures;
    return delay;
}

void RetryBackoff::reset()
{
    m_delay = m_first;
    m_failures = 0;
}

} // namespace spectray
