#pragma once
// Helpers of tst_pulseloop: a pipe, a scoped lock, bounded waits, and the callbacks (with what
// they record) that the test hands to PulseLoop through pa_mainloop_api.

#include "capture/pulseloop.h"
#include "hangguard.h"

#include <pulse/rtclock.h>
#include <pulse/timeval.h>

#include <QTest>

#include <sys/time.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace spectray::test::pulseloop {

using capture::PulseLoop;
using namespace std::chrono_literals;

// The monotonic-clock mark libpulse puts in tv_usec (PA_TIMEVAL_RTCLOCK, pulsecore/core-rtclock.h).
constexpr suseconds_t kRtClockBit = suseconds_t(1) << 30;
constexpr pa_usec_t kShortUsec = 150 * PA_USEC_PER_MSEC;
constexpr auto kQuiet = 300ms; // how long a check that something does NOT happen looks

// Polls an atomic condition without touching the loop; false only after the hang guard.
inline bool waitUntil(const std::function<bool()> &done)
{
    const auto deadline = std::chrono::steady_clock::now() + spectray::test::kHangGuard;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

struct Locked
{
    explicit Locked(PulseLoop &l)
        : loop(l)
    {
        loop.lock();
    }
    ~Locked() { loop.unlock(); }
    Locked(const Locked &) = delete;
    Locked &operator=(const Locked &) = delete;
    PulseLoop &loop;
};

struct Pipe
{
    Pipe() { QVERIFY(::pipe(fds.data()) == 0); }
    ~Pipe()
    {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;
    void put() const { QCOMPARE(::write(fds[1], "x", 1), ssize_t(1)); }
    std::array<int, 2> fds { -1, -1 };
};

// What the callbacks of one test record; userdata of every event.
struct Record
{
    PulseLoop *loop = nullptr;
    std::atomic<int> calls { 0 };
    std::atomic<int> destroyed { 0 };
    std::atomic<bool> onLoopThread { false };
    std::atomic<int> lastFlags { 0 };
    std::atomic<pa_usec_t> firedMono { 0 };
    std::atomic<pa_usec_t> firedWall { 0 };
    struct timeval tv
    {
    };
    pa_io_event *other = nullptr; // freed by the first io callback, if set
    int limit = 0; // a defer disables itself after this many runs
    bool cycleFlags = false; // an io callback re-arms itself the way pa_iochannel does, and:
    pa_defer_event *toggle = nullptr; // ... switches this defer on and off again
    pa_time_event *rearm = nullptr; // ... and moves this timer around (an hour away)
    bool churn = false; // an io callback frees its event and makes a new one, as pa_iochannel does
    pa_io_event *current = nullptr; // ... the newest of them (for the test to free)
};

inline pa_usec_t wallNowUsec()
{
    struct timeval tv
    {
    };
    gettimeofday(&tv, nullptr);
    return pa_timeval_load(&tv);
}

inline struct timeval rtTimeval(pa_usec_t usec)
{
    struct timeval tv
    {
    };
    pa_timeval_store(&tv, usec);
    tv.tv_usec |= kRtClockBit;
    return tv;
}

inline void drainFd(int fd)
{
    char buf[64];
    while (::read(fd, buf, sizeof buf) == ssize_t(sizeof buf)) { }
}

inline void ioCb(pa_mainloop_api *api, pa_io_event *e, int fd, pa_io_event_flags_t flags, void *userdata)
{
    auto *r = static_cast<Record *>(userdata);
    r->onLoopThread = r->loop->inLoopThread();
    r->lastFlags = flags;
    if (flags & PA_IO_EVENT_INPUT)
        drainFd(fd);
    if (r->other) {
        api->io_free(r->other);
        r->other = nullptr;
    }
    if (r->churn) { // pa_iochannel when both readable and writable: free, read, new
        api->io_free(e);
        r->current = api->io_new(api, fd, PA_IO_EVENT_INPUT, &ioCb, r);
    }
    if (r->cycleFlags) { // libpulse's pa_iochannel: no input while readable, input again once read
        api->io_enable(e, PA_IO_EVENT_NULL);
        api->io_enable(e, PA_IO_EVENT_INPUT);
    }
    if (r->toggle) {
        api->defer_enable(r->toggle, 1);
        api->defer_enable(r->toggle, 0);
    }
    if (r->rearm) {
        const struct timeval soon = rtTimeval(pa_rtclock_now() + 3600 * PA_USEC_PER_SEC);
        const struct timeval later = rtTimeval(pa_rtclock_now() + 7200 * PA_USEC_PER_SEC);
        api->time_restart(r->rearm, &later);
        api->time_restart(r->rearm, &soon); // earlier than the deadline the loop last slept towards
    }
    r->calls++;
}

inline void timeCb(pa_mainloop_api *, pa_time_event *, const struct timeval *tv, void *userdata)
{
    auto *r = static_cast<Record *>(userdata);
    r->firedMono = pa_rtclock_now();
    r->firedWall = wallNowUsec();
    r->tv = *tv;
    r->onLoopThread = r->loop->inLoopThread();
    r->calls++;
    r->loop->signal();
}

inline void timeFreeSelfCb(pa_mainloop_api *api, pa_time_event *e, const struct timeval *, void *userdata)
{
    api->time_free(e);
    static_cast<Record *>(userdata)->calls++;
}

inline void deferCb(pa_mainloop_api *api, pa_defer_event *e, void *userdata)
{
    auto *r = static_cast<Record *>(userdata);
    if (++r->calls == r->limit)
        api->defer_enable(e, 0);
}

inline void ioDestroyCb(pa_mainloop_api *, pa_io_event *, void *userdata)
{
    static_cast<Record *>(userdata)->destroyed++;
}
inline void timeDestroyCb(pa_mainloop_api *, pa_time_event *, void *userdata)
{
    static_cast<Record *>(userdata)->destroyed++;
}
inline void deferDestroyCb(pa_mainloop_api *, pa_defer_event *, void *userdata)
{
    static_cast<Record *>(userdata)->destroyed++;
}

} // namespace spectray::test::pulseloop
