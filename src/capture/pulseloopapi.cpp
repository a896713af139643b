// PulseLoop's pa_mainloop_api: what libpulse calls, always with the loop's lock held (from a
// callback on the loop thread, or from a thread that took lock()). Each change records itself and,
// only if the loop thread sits in ppoll() with a now-stale view, writes the wake-up eventfd.
#include "capture/pulseloopevents.h"

#include <pulse/rtclock.h>
#include <pulse/timeval.h>

#include <sys/time.h>
#include <unistd.h>

#include <cassert>

namespace spectray::capture {

namespace {

// libpulse marks a timeval on the monotonic clock by this bit in tv_usec (PA_TIMEVAL_RTCLOCK in
// pulsecore/core-rtclock.h, not a public header; pa_context_rttime_new() sets it). Without it the
// timeval is wall-clock time (pa_gettimeofday), the documented meaning of the API.
constexpr suseconds_t kRtClockBit = suseconds_t(1) << 30;

pa_usec_t wallNow()
{
    struct timeval now
    {
    };
    return pa_timeval_load(pa_gettimeofday(&now));
}

// The deadline on the monotonic clock. A wall-clock time keeps its distance from "now": a later
// change of the wall clock does not move the timer (as libpulse's own main loop does).
pa_usec_t toMonotonic(const struct timeval &tv, bool &rtclock)
{
    rtclock = (tv.tv_usec & kRtClockBit) != 0;
    const pa_usec_t usec = pa_usec_t(tv.tv_sec) * PA_USEC_PER_SEC + pa_usec_t(tv.tv_usec & ~kRtClockBit);
    if (rtclock)
        return usec;
    const pa_usec_t wall = wallNow();
    const pa_usec_t mono = pa_rtclock_now();
    if (usec >= wall)
        return mono + (usec - wall);
    return wall - usec < mono ? mono - (wall - usec) : 0;
}

} // namespace

// Lock held. On the loop thread m_polling is always false (callbacks run between polls), so
// changes made from callbacks write nothing: the loop recomputes its poll set and deadline before
// it polls again anyway. Only a change from another thread while the loop is blocked in ppoll()
// (m_polling: it released the lock for the poll) needs the loop to look again, and then only if
// ppoll() would otherwise sleep past what the change asks for (deadline: 0 for "at once").
void PulseLoop::wakeIfPolling(pa_usec_t deadline)
{
    if (!m_polling || m_wakePending || deadline >= m_pollDeadline)
        return;
    m_wakePending = true;
    const uint64_t one = 1;
    // EAGAIN would mean the counter is full, i.e. the loop is being woken anyway.
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
    m_wakeupWrites.fetch_add(1, std::memory_order_relaxed);
}

pa_io_event *PulseLoop::ioNew(
    pa_mainloop_api *a, int fd, pa_io_event_flags_t events, pa_io_event_cb_t cb, void *userdata)
{
    auto *loop = static_cast<PulseLoop *>(a->userdata);
    auto *e = loop->m_ioRecycler.take(loop->m_eventsAllocated);
    e->loop = loop;
    e->fd = fd;
    e->events = events;
    e->callback = cb;
    e->userdata = userdata;
    loop->m_ios.push_back(e);
    loop->m_pollSetDirty = true;
    if (events != PA_IO_EVENT_NULL)
        loop->wakeIfPolling(0);
    return e;
}

void PulseLoop::ioEnable(pa_io_event *e, pa_io_event_flags_t events)
{
    assert(!e->dead);
    if (e->events == events)
        return;
    const bool added = (static_cast<int>(events) & ~static_cast<int>(e->events)) != 0;
    e->events = events;
    e->loop->m_pollSetDirty = true;
    // Dropped flags need no wake-up: a readiness they no longer want is filtered in dispatchIo().
    if (added)
        e->loop->wakeIfPolling(0);
}

void PulseLoop::ioFree(pa_io_event *e)
{
    assert(!e->dead);
    e->dead = true;
    e->loop->m_dead++;
    e->loop->m_pollSetDirty = true;
    e->loop->wakeIfPolling(0); // reap it (destroy callback) and stop polling its fd promptly
}

void PulseLoop::ioSetDestroy(pa_io_event *e, pa_io_event_destroy_cb_t cb)
{
    e->destroy = cb;
}

void PulseLoop::armTimer(pa_time_event *e, const struct timeval *tv)
{
    e->enabled = tv != nullptr;
    if (!tv)
        return;
    e->deadline = toMonotonic(*tv, e->rtclock);
    wakeIfPolling(e->deadline);
}

pa_time_event *PulseLoop::timeNew(pa_mainloop_api *a, const struct timeval *tv, pa_time_event_cb_t cb, void *userdata)
{
    auto *loop = static_cast<PulseLoop *>(a->userdata);
    auto *e = loop->m_timerRecycler.take(loop->m_eventsAllocated);
    e->loop = loop;
    e->callback = cb;
    e->userdata = userdata;
    loop->m_timers.push_back(e);
    loop->armTimer(e, tv);
    return e;
}

void PulseLoop::timeRestart(pa_time_event *e, const struct timeval *tv)
{
    assert(!e->dead);
    e->loop->armTimer(e, tv); // a later or no deadline: the loop merely wakes once for nothing
}

void PulseLoop::timeFree(pa_time_event *e)
{
    assert(!e->dead);
    e->dead = true;
    e->enabled = false;
    e->loop->m_dead++;
}

void PulseLoop::timeSetDestroy(pa_time_event *e, pa_time_event_destroy_cb_t cb)
{
    e->destroy = cb;
}

pa_defer_event *PulseLoop::deferNew(pa_mainloop_api *a, pa_defer_event_cb_t cb, void *userdata)
{
    auto *loop = static_cast<PulseLoop *>(a->userdata);
    auto *e = loop->m_deferRecycler.take(loop->m_eventsAllocated);
    e->loop = loop;
    e->callback = cb;
    e->userdata = userdata;
    loop->m_defers.push_back(e);
    loop->m_enabledDefers++;
    loop->wakeIfPolling(0);
    return e;
}

void PulseLoop::deferEnable(pa_defer_event *e, int enable)
{
    assert(!e->dead);
    const bool on = enable != 0;
    if (e->enabled == on)
        return;
    e->enabled = on;
    e->loop->m_enabledDefers += on ? 1 : -1;
    if (on)
        e->loop->wakeIfPolling(0);
}

void PulseLoop::deferFree(pa_defer_event *e)
{
    assert(!e->dead);
    if (e->enabled)
        e->loop->m_enabledDefers--;
    e->enabled = false;
    e->dead = true;
    e->loop->m_dead++;
}

void PulseLoop::deferSetDestroy(pa_defer_event *e, pa_defer_event_destroy_cb_t cb)
{
    e->destroy = cb;
}

void PulseLoop::quit(pa_mainloop_api *a, int retval)
{
    auto *loop = static_cast<PulseLoop *>(a->userdata);
    loop->m_quit = true;
    loop->m_retval = retval;
    loop->wakeIfPolling(0);
}

// The callback's timeval, in the clock the event was set with.
struct timeval PulseLoop::callerTime(const pa_time_event &e)
{
    struct timeval tv
    {
    };
    pa_usec_t usec = e.deadline;
    if (!e.rtclock) {
        const pa_usec_t mono = pa_rtclock_now();
        const pa_usec_t wall = wallNow();
        usec = e.deadline >= mono ? wall + (e.deadline - mono) : wall - (mono - e.deadline);
    }
    pa_timeval_store(&tv, usec);
    if (e.rtclock)
        tv.tv_usec |= kRtClockBit;
    return tv;
}

void PulseLoop::initApi()
{
    m_api.userdata = this;
    m_api.io_new = &PulseLoop::ioNew;
    m_api.io_enable = &PulseLoop::ioEnable;
    m_api.io_free = &PulseLoop::ioFree;
    m_api.io_set_destroy = &PulseLoop::ioSetDestroy;
    m_api.time_new = &PulseLoop::timeNew;
    m_api.time_restart = &PulseLoop::timeRestart;
    m_api.time_free = &PulseLoop::timeFree;
    m_api.time_set_destroy = &PulseLoop::timeSetDestroy;
    m_api.defer_new = &PulseLoop::deferNew;
    m_api.defer_enable = &PulseLoop::deferEnable;
    m_api.defer_free = &PulseLoop::deferFree;
    m_api.defer_set_destroy = &PulseLoop::deferSetDestroy;
    m_api.quit = &PulseLoop::quit;
}

} // namespace spectray::capture
