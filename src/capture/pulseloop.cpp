// PulseLoop's thread: lock, wait/signal, and the iteration (reap the dead, poll, dispatch).
#include "capture/pulseloopevents.h"

#include <pulse/rtclock.h>
#include <pulse/timeval.h>

#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cassert>
#include <csignal>
#include <ctime>
#include <system_error>

namespace spectray::capture {

namespace {

short toPoll(pa_io_event_flags_t f)
{
    return static_cast<short>(((f & PA_IO_EVENT_INPUT) ? POLLIN : 0) | ((f & PA_IO_EVENT_OUTPUT) ? POLLOUT : 0));
}

// POLLNVAL (an fd closed behind the event's back) is reported as an error, so its owner notices.
int fromPoll(short revents)
{
    return ((revents & POLLIN) ? PA_IO_EVENT_INPUT : 0) | ((revents & POLLOUT) ? PA_IO_EVENT_OUTPUT : 0)
        | ((revents & POLLHUP) ? PA_IO_EVENT_HANGUP : 0) | ((revents & (POLLERR | POLLNVAL)) ? PA_IO_EVENT_ERROR : 0);
}

// Moves the dead events out of list (into dead), keeping the order of the living.
template<typename Event> void takeDead(std::vector<Event *> &list, std::vector<Event *> &dead)
{
    size_t kept = 0;
    for (Event *e : list) {
        if (e->dead)
            dead.push_back(e);
        else
            list[kept++] = e;
    }
    list.resize(kept);
}

// Destroy callbacks run after the lists are consistent again: they may call the API themselves.
template<typename Event> void destroyEvents(pa_mainloop_api *api, pulseloop::EventRecycler<Event> &recycler)
{
    for (Event *e : recycler.dead) {
        if (e->destroy)
            e->destroy(api, e, e->userdata);
        recycler.recycle(e);
    }
    recycler.dead.clear();
}

} // namespace

PulseLoop::PulseLoop()
{
    initApi();
    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_pollfds.reserve(8);
    m_polled.reserve(8);
}

PulseLoop::~PulseLoop()
{
    stop();
    destroyAll();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void PulseLoop::setThreadName(const std::string &name)
{
    m_name = name.substr(0, 15);
}

bool PulseLoop::start()
{
    if (!isValid() || m_thread.joinable())
        return false;
    m_quit = false; // no thread yet: nothing else reads it
    // Signals belong to the application's main thread (as with pa_threaded_mainloop), so the thread
    // starts with them blocked, except the synchronous ones: a fault must still reach its handler
    // (a crash report, the sanitizers) instead of killing the process silently.
    sigset_t blocked;
    sigset_t previous;
    sigfillset(&blocked);
    for (int sig : { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT })
        sigdelset(&blocked, sig);
    pthread_sigmask(SIG_SETMASK, &blocked, &previous);
    bool started = true;
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error &) {
        started = false;
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return started;
}

void PulseLoop::stop()
{
    if (!m_thread.joinable())
        return;
    assert(!inLoopThread());
    lock();
    m_quit = true;
    wakeIfPolling(0);
    unlock();
    m_thread.join();
}

void PulseLoop::lock()
{
    const std::thread::id self = std::this_thread::get_id();
    // Only this thread can have stored its own id, so a relaxed read is enough to detect recursion.
    if (m_owner.load(std::memory_order_relaxed) == self) {
        ++m_depth;
        return;
    }
    m_mutex.lock();
    m_owner.store(self, std::memory_order_relaxed);
    m_depth = 1;
}

void PulseLoop::unlock()
{
    assert(m_owner.load(std::memory_order_relaxed) == std::this_thread::get_id() && m_depth > 0);
    if (--m_depth > 0)
        return;
    m_owner.store(std::thread::id(), std::memory_order_relaxed);
    m_mutex.unlock();
}

void PulseLoop::wait()
{
    assert(!inLoopThread()); // the loop would stop dispatching the very replies being waited for
    const int depth = m_depth;
    m_depth = 0;
    m_owner.store(std::thread::id(), std::memory_order_relaxed);
    std::unique_lock<std::mutex> held(m_mutex, std::adopt_lock);
    m_cond.wait(held);
    held.release();
    m_owner.store(std::this_thread::get_id(), std::memory_order_relaxed);
    m_depth = depth;
}

void PulseLoop::signal()
{
    m_cond.notify_all();
}

bool PulseLoop::inLoopThread() const
{
    return m_loopThread.load(std::memory_order_relaxed) == std::this_thread::get_id();
}

void PulseLoop::run()
{
    pthread_setname_np(pthread_self(), m_name.c_str());
    lock();
    m_loopThread.store(std::this_thread::get_id(), std::memory_order_relaxed);
    while (!m_quit)
        iterate();
    m_loopThread.store(std::thread::id(), std::memory_order_relaxed);
    unlock();
}

// One iteration, lock held. Defer events make it a non-blocking poll, so they run once per
// iteration for as long as they stay enabled, while io and timers keep being served.
void PulseLoop::iterate()
{
    reapDead();
    if (m_quit)
        return;
    if (m_pollSetDirty)
        rebuildPollSet();
    int ready = pollUnlocked(m_enabledDefers > 0 ? 0 : nextDeadline());
    if (ready > 0 && m_pollfds[0].revents != 0) {
        uint64_t count = 0;
        [[maybe_unused]] const ssize_t got = ::read(m_wakeFd, &count, sizeof count);
        m_wakePending = false;
        --ready;
    }
    dispatchTimers();
    if (ready > 0)
        dispatchIo(ready);
    dispatchDefers();
}

// An io event with no flags is left out: a hang-up it does not ask for must not spin the loop.
void PulseLoop::rebuildPollSet()
{
    m_pollfds.resize(1);
    m_pollfds[0] = pollfd { m_wakeFd, POLLIN, 0 };
    m_polled.clear();
    for (pa_io_event *e : m_ios) {
        if (e->dead || e->events == PA_IO_EVENT_NULL)
            continue;
        m_pollfds.push_back(pollfd { e->fd, toPoll(e->events), 0 });
        m_polled.push_back(e);
    }
    m_pollSetDirty = false;
}

pa_usec_t PulseLoop::nextDeadline() const
{
    pa_usec_t next = PA_USEC_INVALID;
    for (const pa_time_event *e : m_timers) {
        if (e->enabled && e->deadline < next)
            next = e->deadline;
    }
    return next;
}

// Releases the lock (whatever its depth) for the ppoll() only. m_polling tells other threads that
// a change of theirs may need the eventfd (wakeIfPolling); m_pollfds is the loop thread's alone.
int PulseLoop::pollUnlocked(pa_usec_t deadline)
{
    struct timespec timeout
    {
    };
    struct timespec *timeoutp = nullptr;
    if (deadline != PA_USEC_INVALID) {
        const pa_usec_t now = pa_rtclock_now();
        const pa_usec_t left = deadline > now ? deadline - now : 0;
        timeout.tv_sec = static_cast<time_t>(left / PA_USEC_PER_SEC);
        timeout.tv_nsec = static_cast<long>((left % PA_USEC_PER_SEC) * PA_NSEC_PER_USEC);
        timeoutp = &timeout;
    }
    m_polling = true;
    m_pollDeadline = deadline;
    m_iterations.fetch_add(1, std::memory_order_relaxed);
    const int depth = m_depth;
    m_depth = 0;
    m_owner.store(std::thread::id(), std::memory_order_relaxed);
    m_mutex.unlock();

    const int ready = ::ppoll(m_pollfds.data(), m_pollfds.size(), timeoutp, nullptr);

    m_mutex.lock();
    m_owner.store(std::this_thread::get_id(), std::memory_order_relaxed);
    m_depth = depth;
    m_polling = false;
    return ready > 0 ? ready : 0; // EINTR: nothing ready, go round again
}

// A due timer is disabled before its callback (which usually restarts it), as in libpulse.
void PulseLoop::dispatchTimers()
{
    const pa_usec_t next = nextDeadline();
    if (next == PA_USEC_INVALID)
        return;
    const pa_usec_t now = pa_rtclock_now();
    if (next > now)
        return;
    const size_t count = m_timers.size(); // timers made by these callbacks wait for the next round
    for (size_t i = 0; i < count && !m_quit; ++i) {
        pa_time_event *e = m_timers[i];
        if (!e->enabled || e->deadline > now)
            continue;
        e->enabled = false;
        const struct timeval tv = callerTime(*e);
        e->callback(&m_api, e, &tv, e->userdata);
    }
}

// Only the flags still wanted (plus errors and hang-ups) are passed on: an event disabled or
// freed by an earlier callback of this round is not called.
void PulseLoop::dispatchIo(int ready)
{
    for (size_t i = 1; i < m_pollfds.size() && ready > 0 && !m_quit; ++i) {
        const short revents = m_pollfds[i].revents;
        if (revents == 0)
            continue;
        --ready;
        pa_io_event *e = m_polled[i - 1];
        if (e->dead)
            continue;
        const int wanted = static_cast<int>(e->events) | PA_IO_EVENT_ERROR | PA_IO_EVENT_HANGUP;
        const int flags = fromPoll(revents) & wanted;
        if (flags != 0 && e->events != PA_IO_EVENT_NULL)
            e->callback(&m_api, e, e->fd, static_cast<pa_io_event_flags_t>(flags), e->userdata);
    }
}

void PulseLoop::dispatchDefers()
{
    const size_t count = m_defers.size();
    for (size_t i = 0; i < count && m_enabledDefers > 0 && !m_quit; ++i) {
        pa_defer_event *e = m_defers[i];
        if (e->enabled)
            e->callback(&m_api, e, e->userdata);
    }
}

// Destroy callbacks may free further events; a few rounds settle every realistic chain.
void PulseLoop::reapDead()
{
    for (int round = 0; round < 16 && m_dead > 0; ++round) {
        m_dead = 0;
        takeDead(m_ios, m_ioRecycler.dead);
        takeDead(m_timers, m_timerRecycler.dead);
        takeDead(m_defers, m_deferRecycler.dead);
        if (!m_ioRecycler.dead.empty())
            m_pollSetDirty = true;
        destroyEvents(&m_api, m_ioRecycler);
        destroyEvents(&m_api, m_timerRecycler);
        destroyEvents(&m_api, m_deferRecycler);
    }
}

// After stop(): every event still there is destroyed, as pa_mainloop_free() does.
void PulseLoop::destroyAll()
{
    for (int round = 0; round < 16 && !(m_ios.empty() && m_timers.empty() && m_defers.empty()); ++round) {
        for (pa_io_event *e : m_ios)
            e->dead = true;
        for (pa_time_event *e : m_timers)
            e->dead = true;
        for (pa_defer_event *e : m_defers)
            e->dead = true;
        m_enabledDefers = 0;
        m_dead = 1;
        reapDead();
    }
}

} // namespace spectray::capture
