#pragma once

#include <pulse/mainloop-api.h>
#include <pulse/sample.h>
#include <pulse/timeval.h>

#include <poll.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace spectray::capture {

namespace pulseloop {
// The reaped events of one kind kept for reuse, and reapDead()'s scratch list of that kind. Both
// keep their capacity, so the free/new churn libpulse makes per packet allocates nothing. Defined
// in pulseloopevents.h, where the event types are complete.
template<typename Event> struct EventRecycler
{
    EventRecycler();
    ~EventRecycler(); // deletes the spares
    EventRecycler(const EventRecycler &) = delete;
    EventRecycler &operator=(const EventRecycler &) = delete;

    Event *take(std::atomic<uint64_t> &allocated); // a cleared spare, or a new one (counted)
    void recycle(Event *e); // its destroy callback has run; kept while there is room

    std::vector<Event *> spares;
    std::vector<Event *> dead; // reapDead()'s scratch list
};
} // namespace pulseloop

// A threaded main loop for libpulse: the pa_mainloop_api vtable on one thread of our own that
// blocks in ppoll(), with pa_threaded_mainloop's contract (lock, wait/signal, start/stop).
//
// Why not pa_threaded_mainloop: libpulse 16's pa_mainloop writes its wake-up pipe on every io or
// defer enable, even from its own callbacks, and reads it back before the next poll. The socket's
// io event is disabled and re-enabled around every read (a packet is two: descriptor, payload), so
// that is two write()s and one read() per read (~600 syscalls/s with music) that wake nobody. Here
// the wake-up eventfd is written only when another thread changes what the loop waits for while
// the loop is blocked in ppoll().
//
// Threading: api() functions and everything touching libpulse objects need the lock, as with
// pa_threaded_mainloop; the loop thread holds it except while it polls, so callbacks run locked.
// Linux only (eventfd, ppoll): the loop is part of the PulseAudio backend, not of the WASAPI build.
class PulseLoop final
{
public:
    PulseLoop();
    ~PulseLoop(); // stops the thread, then calls the destroy callback of every event left
    PulseLoop(const PulseLoop &) = delete;
    PulseLoop &operator=(const PulseLoop &) = delete;

    bool isValid() const { return m_wakeFd >= 0; } // false if the eventfd could not be made
    pa_mainloop_api *api() { return &m_api; }

    void setThreadName(const std::string &name); // before start(); at most 15 characters are kept
    bool start();
    void stop(); // not from the loop thread, not with the lock held; joins the thread

    // Recursive, as pa_threaded_mainloop's. wait() releases the lock entirely until signal()
    // (or a spurious wake-up: wait in a loop on a condition); never on the loop thread.
    void lock();
    void unlock();
    void wait();
    void signal();
    bool inLoopThread() const;

    // For tests: write()s to the wake-up eventfd so far, polls entered so far, and events of any
    // kind allocated so far (reused ones are not counted again).
    uint64_t wakeupWrites() const { return m_wakeupWrites.load(std::memory_order_relaxed); }
    uint64_t iterations() const { return m_iterations.load(std::memory_order_relaxed); }
    uint64_t eventsAllocated() const { return m_eventsAllocated.load(std::memory_order_relaxed); }
    int retval() const { return m_retval; } // as passed to api()->quit(); read after stop()

private:
    // pa_mainloop_api (pulseloopapi.cpp)
    static pa_io_event *ioNew(
        pa_mainloop_api *a, int fd, pa_io_event_flags_t events, pa_io_event_cb_t cb, void *userdata);
    static void ioEnable(pa_io_event *e, pa_io_event_flags_t events);
    static void ioFree(pa_io_event *e);
    static void ioSetDestroy(pa_io_event *e, pa_io_event_destroy_cb_t cb);
    static pa_time_event *timeNew(pa_mainloop_api *a, const struct timeval *tv, pa_time_event_cb_t cb, void *userdata);
    static void timeRestart(pa_time_event *e, const struct timeval *tv);
    static void timeFree(pa_time_event *e);
    static void timeSetDestroy(pa_time_event *e, pa_time_event_destroy_cb_t cb);
    static pa_defer_event *deferNew(pa_mainloop_api *a, pa_defer_event_cb_t cb, void *userdata);
    static void deferEnable(pa_defer_event *e, int enable);
    static void deferFree(pa_defer_event *e);
    static void deferSetDestroy(pa_defer_event *e, pa_defer_event_destroy_cb_t cb);
    static void quit(pa_mainloop_api *a, int retval);
    void initApi();
    void wakeIfPolling(pa_usec_t deadline); // lock held; see the .cpp
    void armTimer(pa_time_event *e, const struct timeval *tv);
    static struct timeval callerTime(const pa_time_event &e);

    // The loop (pulseloop.cpp)
    void run();
    void iterate();
    void rebuildPollSet();
    pa_usec_t nextDeadline() const;
    int pollUnlocked(pa_usec_t deadline);
    void dispatchTimers();
    void dispatchIo(int ready);
    void dispatchDefers();
    void reapDead();
    void destroyAll();

    pa_mainloop_api m_api {};
    int m_wakeFd = -1;

    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::atomic<std::thread::id> m_owner {}; // the thread holding m_mutex, if any
    int m_depth = 0; // recursion of lock(), owner only

    std::thread m_thread;
    std::atomic<std::thread::id> m_loopThread {};
    std::string m_name = "pulse-loop";

    // Everything below: lock held.
    bool m_polling = false; // the loop thread is (about to be) blocked in ppoll()
    bool m_wakePending = false; // the eventfd was written and not yet read
    pa_usec_t m_pollDeadline = PA_USEC_INVALID; // the deadline that ppoll() sleeps towards
    bool m_quit = false;
    int m_retval = 0;
    std::vector<pa_io_event *> m_ios;
    std::vector<pa_time_event *> m_timers;
    std::vector<pa_defer_event *> m_defers;
    int m_enabledDefers = 0;
    int m_dead = 0; // freed events not yet reaped
    bool m_pollSetDirty = true; // an io event was added, freed or changed its flags
    pulseloop::EventRecycler<pa_io_event> m_ioRecycler;
    pulseloop::EventRecycler<pa_time_event> m_timerRecycler;
    pulseloop::EventRecycler<pa_defer_event> m_deferRecycler;
    std::vector<pollfd> m_pollfds; // [0] is the eventfd; loop thread only
    std::vector<pa_io_event *> m_polled; // the io event of each m_pollfds entry after [0]

    std::atomic<uint64_t> m_wakeupWrites { 0 };
    std::atomic<uint64_t> m_iterations { 0 };
    std::atomic<uint64_t> m_eventsAllocated { 0 };
};

} // namespace spectray::capture
