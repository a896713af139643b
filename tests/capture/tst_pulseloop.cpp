// PulseLoop, the PulseAudio backend's own threaded main loop, driven through libpulse's public
// pa_mainloop_api as libpulse drives it: io events on pipes, time events in both clocks libpulse
// uses (and through pa_context_rttime_new itself), defer events (also via pa_mainloop_api_once),
// freeing from callbacks, destroy callbacks, the lock, wait/signal and stop. And the reason the
// loop exists: changes made from the loop's own callbacks never write its wake-up eventfd. And the
// io event churn libpulse makes per packet allocates nothing (malloc interposed: malloccounter.h).
#include "malloccounter.h"
#include "pulselooptesthelpers.h"

#include <pulse/context.h>

#include <QTest>

#include <memory>

using spectray::capture::PulseLoop;
using namespace spectray::test::pulseloop; // NOLINT: the helpers of this one test

class TestPulseLoop final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_loop = std::make_unique<PulseLoop>();
        QVERIFY(m_loop->isValid());
        m_loop->setThreadName("tst-pulseloop");
        QVERIFY(m_loop->start());
    }
    void cleanup() { m_loop.reset(); }

    void ioFiresOnReadinessAndRespectsFlags()
    {
        Pipe p;
        Record r;
        r.loop = m_loop.get();
        pa_mainloop_api *api = m_loop->api();
        pa_io_event *e = nullptr;
        {
            Locked l(*m_loop);
            e = api->io_new(api, p.fds[0], PA_IO_EVENT_INPUT, &ioCb, &r);
        }
        QCOMPARE(r.calls.load(), 0);
        p.put();
        QVERIFY(waitUntil([&] { return r.calls == 1; }));
        QCOMPARE(r.lastFlags.load(), int(PA_IO_EVENT_INPUT));
        QVERIFY(r.onLoopThread);
        {
            Locked l(*m_loop);
            api->io_enable(e, PA_IO_EVENT_NULL);
        }
        p.put();
        std::this_thread::sleep_for(kQuiet);
        QCOMPARE(r.calls.load(), 1); // disabled: the byte waits
        {
            Locked l(*m_loop);
            api->io_enable(e, PA_IO_EVENT_INPUT);
        }
        QVERIFY(waitUntil([&] { return r.calls == 2; }));
        {
            Locked l(*m_loop);
            api->io_free(e);
        }
    }

    void writableEndReportsOutput()
    {
        Pipe p;
        Record r;
        r.loop = m_loop.get();
        pa_mainloop_api *api = m_loop->api();
        Locked l(*m_loop);
        pa_io_event *e = api->io_new(api, p.fds[1], PA_IO_EVENT_OUTPUT, &ioCb, &r);
        api->io_set_destroy(e, &ioDestroyCb);
        QVERIFY(waitUntilUnlocked([&] { return r.calls >= 1; }));
        QCOMPARE(r.lastFlags.load(), int(PA_IO_EVENT_OUTPUT));
        api->io_free(e);
        QVERIFY(waitUntilUnlocked([&] { return r.destroyed == 1; }));
    }

    void rtclockTimerFiresAtDeadlineNotBefore()
    {
        Record r;
        r.loop = m_loop.get();
        pa_mainloop_api *api = m_loop->api();
        const pa_usec_t deadline = pa_rtclock_now() + kShortUsec;
        const struct timeval tv = rtTimeval(deadline);
        {
            Locked l(*m_loop);
            api->time_new(api, &tv, &timeCb, &r);
        }
        QVERIFY(waitUntil([&] { return r.calls == 1; }));
        QVERIFY2(r.firedMono >= deadline, "fired before its monotonic deadline");
        QVERIFY(r.onLoopThread);
        // The callback gets the deadline back in the clock it was given in, mark included.
        QVERIFY(r.tv.tv_usec & kRtClockBit);
        struct timeval plain = r.tv;
        plain.tv_usec &= ~kRtClockBit;
        QCOMPARE(pa_timeval_load(&plain), deadline);
        std::this_thread::sleep_for(kQuiet);
        QCOMPARE(r.calls.load(), 1); // a time event fires once until restarted
    }

    void wallClockTimerFiresAtDeadlineNotBefore()
    {
        Record r;
        r.loop = m_loop.get();
        pa_mainloop_api *api = m_loop->api();
        struct timeval tv
        {
        };
        pa_gettimeofday(&tv);
        pa_timeval_add(&tv, kShortUsec);
        const pa_usec_t deadline = pa_timeval_load(&tv);
        {
            Locked l(*m_loop);
            api->time_new(api, &tv, &timeCb, &r);
        }
        QVERIFY(waitUntil([&] { return r.calls == 1; }));
        // The two clocks are read a few µs apart when converting: 1 ms of slack, no more.
        QVERIFY2(r.firedWall + PA_USEC_PER_MSEC >= deadline, "fired before its wall-clock deadline");
        QVERIFY(!(r.tv.tv_usec & kRtClockBit));
        const pa_usec_t back = pa_timeval_load(&r.tv);
        QVERIFY2((back > deadline ? back - deadline : deadline - back) < 50 * PA_USEC_PER_MSEC,
            "the callback's timeval is not the deadline in wall-clock time");
    }

    // libpulse itself (pa_context_rttime_new, as the context's own timers use it) with this loop.
    void contextTimerThroughLibpulse()
    {
        Record r;
        r.loop = m_loop.get();
        pa_usec_t deadline = 0;
        pa_context *c = nullptr;
        {
            Locked l(*m_loop);
            c = pa_context_new(m_loop->api(), "tst_pulseloop");
            QVERIFY(c);
            deadline = pa_rtclock_now() + kShortUsec;
            QVERIFY(pa_context_rttime_new(c, deadline, &timeCb, &r));
        }
        QVERIFY(waitUntil([&] { return r.calls == 1; }));
        QVERIFY2(r.firedMono + PA_USEC_PER_MSEC >= deadline, "libpulse's timer fired early");
        Locked l(*m_loop);
        pa_context_unref(c);
    }

    void restartEarlierWakesTheLoopAndDisableHolds()
    {
        Record r;
        r.loop = m_loop.get();
        pa_mainloop_api *api = m_loop->api();
        pa_time_event *e = nullptr;
        {
            Locked l(*m_loop);
            const struct timeval far = rtTimeval(pa_rtclock_now() + 3600 * PA_USEC_PER_SEC);
            e = api->time_new(api, &far, &timeCb, &r);
        }
        QVERIFY(waitUntil([&] { return m_loop->iterations() > 0; })); // blocked in its poll now
        {
            Locked l(*m_loop);
            const struct timeval soon = rtTimeval(pa_rtclock_now() + 20 * PA_USEC_PER_MSEC);
            api->time_restart(e, &soon);
        }
        QVERIFY(waitUntil([&] { return r.calls == 1; }));
        {
            Locked l(*m_loop);
            const struct timeval soon = rtTimeval(pa_rtclock_now() + 50 * PA_USEC_PER_MSEC);
            api->time_restart(e, &soon);
            api->time_restart(e, nullptr); // disabled again before it is due
        }
        std::this_thread::sleep_for(kQuiet);
        QCOMPARE(r.calls.load(), 1);
        Locked l(*m_loop);
        api->time_free(e);
    }

    void deferRunsWhileEnabled()
    {
        Record r;
        r.loop = m_loop.get();
        r.limit = 5;
        pa_mainloop_api *api = m_loop->api();
        pa_defer_event *e = nullptr;
        {
            Locked l(*m_loop);
            e = api->defer_new(api, &deferCb, &r); // enabled from the start, as in libpulse
        }
        QVERIFY(waitUntil([&] { return r.calls == 5; }));
        std::this_thread::sleep_for(kQuiet);
        QCOMPARE(r.calls.load(), 5); // it disabled itself at 5
        {
            Locked l(*m_loop);
            r.limit = 12;
            api->defer_enable(e, 1);
        }
        QVERIFY(waitUntil([&] { return r.calls == 12; }));
        std::this_thread::sleep_for(kQuiet);
        QCOMPARE(r.calls.load(), 12);
        Locked l(*m_loop);
        api->defer_free(e);
    }

    void onceRunsOnceAndFreesItself()
    {
        std::atomic<int> calls { 0 };
        {
            Locked l(*m_loop);
            pa_mainloop_api_once(
                m_loop->api(), [](pa_mainloop_api *, void *u) { static_cast<std::atomic<int> *>(u)->fetch_add(1); },
                &calls);
        }
        QVERIFY(waitUntil([&] { return calls == 1; }));
        std::this_thread::sleep_for(kQuiet);
        QCOMPARE(calls.load(), 1);
    }

    // Two io events ready in the same round; whichever runs first frees the other, which must not
    // run (nor be touched: ASan builds check that). Each destroy callback runs exactly once.
    void freeFromCallbackIsSafe()
    {
        Pipe a;
        Pipe b;
        Record ra;
        Record rb;
        ra.loop = rb.loop = m_loop.get();
        pa_mainloop_api *api = m_loop->api();
        {
            Locked l(*m_loop);
            pa_io_event *ea = api->io_new(api, a.fds[0], PA_IO_EVENT_INPUT, &ioCb, &ra);
            pa_io_event *eb = api->io_new(api, b.fds[0], PA_IO_EVENT_INPUT, &ioCb, &rb);
            api->io_set_destroy(ea, &ioDestroyCb);
            api->io_set_destroy(eb, &ioDestroyCb);
            ra.other = eb;
            rb.other = ea;
            a.put(); // both readable before the loop can poll again (it needs this lock)
            b.put();
        }
        QVERIFY(waitUntil([&] { return ra.calls + rb.calls >= 1 && ra.destroyed + rb.destroyed >= 1; }));
        std::this_thread::sleep_for(kQuiet);
        QCOMPARE(ra.calls + rb.calls, 1);
        QCOMPARE(ra.destroyed + rb.destroyed, 1);
        Record rt;
        {
            Locked l(*m_loop);
            api->io_free(ra.calls == 1 ? rb.other : ra.other); // the survivor: freed by the test
            const struct timeval now = rtTimeval(pa_rtclock_now());
            api->time_set_destroy(api->time_new(api, &now, &timeFreeSelfCb, &rt), &timeDestroyCb);
        }
        QVERIFY(waitUntil([&] { return ra.destroyed + rb.destroyed == 2 && rt.destroyed == 1; }));
        QCOMPARE(rt.calls.load(), 1);
    }

    void destroyAtLoopEndRunsOnce()
    {
        Pipe p;
        Record r;
        r.loop = m_loop.get();
        {
            pa_mainloop_api *api = m_loop->api();
            Locked l(*m_loop);
            api->io_set_destroy(api->io_new(api, p.fds[0], PA_IO_EVENT_INPUT, &ioCb, &r), &ioDestroyCb);
            const struct timeval far = rtTimeval(pa_rtclock_now() + 3600 * PA_USEC_PER_SEC);
            api->time_set_destroy(api->time_new(api, &far, &timeCb, &r), &timeDestroyCb);
            pa_defer_event *d = api->defer_new(api, &deferCb, &r);
            api->defer_enable(d, 0);
            api->defer_set_destroy(d, &deferDestroyCb);
        }
        m_loop.reset();
        QCOMPARE(r.destroyed.load(), 3);
    }

    // wait() releases even a recursive lock entirely (the loop needs it to run the callback that
    // signals); a second timer bounds the wait if the first never fires.
    void waitAndSignalFromAnotherThread()
    {
        Record r;
        Record guard;
        r.loop = guard.loop = m_loop.get();
        pa_mainloop_api *api = m_loop->api();
        QVERIFY(!m_loop->inLoopThread());
        Locked outer(*m_loop);
        Locked inner(*m_loop);
        const struct timeval soon = rtTimeval(pa_rtclock_now() + 50 * PA_USEC_PER_MSEC);
        const struct timeval late = rtTimeval(pa_rtclock_now() + pa_usec_t(spectray::test::kHangGuardMs) * 1000);
        pa_time_event *e = api->time_new(api, &soon, &timeCb, &r);
        pa_time_event *g = api->time_new(api, &late, &timeCb, &guard);
        while (r.calls == 0 && guard.calls == 0)
            m_loop->wait();
        QCOMPARE(r.calls.load(), 1);
        QVERIFY(r.onLoopThread);
        api->time_free(e);
        api->time_free(g);
    }

    void stopJoinsTheThread()
    {
        std::atomic<bool> entered { false };
        std::atomic<bool> finished { false };
        struct Slow
        {
            std::atomic<bool> *entered;
            std::atomic<bool> *finished;
        } slow { &entered, &finished };
        {
            Locked l(*m_loop);
            pa_mainloop_api_once(
                m_loop->api(),
                [](pa_mainloop_api *, void *u) {
                    auto *s = static_cast<Slow *>(u);
                    *s->entered = true;
                    std::this_thread::sleep_for(200ms);
                    *s->finished = true;
                },
                &slow);
        }
        QVERIFY(waitUntil([&] { return entered.load(); }));
        m_loop->stop();
        QVERIFY(finished); // stop() returned only after the callback and the thread ended
        const uint64_t iterations = m_loop->iterations();
        std::this_thread::sleep_for(50ms);
        QCOMPARE(m_loop->iterations(), iterations);
    }

    void quitFromCallbackEndsTheLoop()
    {
        std::atomic<bool> quitted { false };
        {
            Locked l(*m_loop);
            pa_mainloop_api_once(
                m_loop->api(),
                [](pa_mainloop_api *a, void *u) {
                    a->quit(a, 7);
                    *static_cast<std::atomic<bool> *>(u) = true;
                },
                &quitted);
        }
        QVERIFY(waitUntil([&] { return quitted.load(); }));
        const uint64_t polls = m_loop->iterations();
        std::this_thread::sleep_for(50ms);
        QCOMPARE(m_loop->iterations(), polls); // the thread left its loop by itself
        m_loop->stop();
        QCOMPARE(m_loop->retval(), 7);
    }

    // The point of PulseLoop: a packet's worth of io_enable off/on, a defer toggled and a timer
    // re-armed earlier, all from callbacks, write nothing to the wake-up eventfd; a change from
    // another thread while the loop sleeps writes it once (the control: the counter counts).
    void callbacksNeverWriteTheWakeupFd()
    {
        Pipe p;
        Record r;
        r.loop = m_loop.get();
        r.cycleFlags = true;
        pa_mainloop_api *api = m_loop->api();
        pa_defer_event *d = nullptr;
        pa_io_event *io = nullptr;
        Record timer;
        timer.loop = m_loop.get();
        {
            Locked l(*m_loop);
            io = api->io_new(api, p.fds[0], PA_IO_EVENT_INPUT, &ioCb, &r);
            d = api->defer_new(api, &deferCb, &r);
            api->defer_enable(d, 0);
            const struct timeval far = rtTimeval(pa_rtclock_now() + 24 * 3600 * PA_USEC_PER_SEC);
            r.rearm = api->time_new(api, &far, &timeCb, &timer);
            r.toggle = d;
            r.limit = 1000 * 1000; // the toggled defer never runs: it is off again before the round ends
        }
        QVERIFY(waitUntil([&] { return m_loop->iterations() > 0; }));
        const uint64_t before = m_loop->wakeupWrites();
        const uint64_t iterationsBefore = m_loop->iterations();
        constexpr int kPackets = 50;
        for (int i = 1; i <= kPackets; ++i) {
            p.put(); // from outside the loop, like the server's packets
            QVERIFY(waitUntil([&] { return r.calls >= i; }));
        }
        QCOMPARE(m_loop->wakeupWrites(), before);
        QVERIFY(m_loop->iterations() >= iterationsBefore + kPackets);

        std::this_thread::sleep_for(50ms); // the loop is blocked in its poll again
        QCOMPARE(r.calls.load(), kPackets); // the io callback alone: the toggled defer never ran
        {
            Locked l(*m_loop);
            r.limit = kPackets + 1;
            api->defer_enable(d, 1); // another thread: the sleeping loop must look
        }
        QVERIFY(waitUntil([&] { return r.calls == kPackets + 1; }));
        QCOMPARE(m_loop->wakeupWrites(), before + 1);
        QCOMPARE(timer.calls.load(), 0);
        // Every event that points at this function's locals goes before they do: once the pipe
        // closes, a live io event would be called (hang-up) with a dangling Record.
        Locked l(*m_loop);
        api->time_free(r.rearm);
        r.toggle = nullptr;
        r.rearm = nullptr;
        api->defer_free(d);
        api->io_free(io);
    }

    // libpulse's pa_iochannel frees its socket's io event and makes a new one around every read
    // (seen in perf: PulseLoop::ioNew's new/delete per read, ~2 % of the capture thread). After the
    // first packets that churn runs on the loop's spare events: no event is allocated, and nothing
    // at all is (malloc counted in every thread while the packets flow).
    void ioChurnAllocatesNothing()
    {
        Pipe p;
        Record r;
        r.loop = m_loop.get();
        r.churn = true;
        pa_mainloop_api *api = m_loop->api();
        {
            Locked l(*m_loop);
            r.current = api->io_new(api, p.fds[0], PA_IO_EVENT_INPUT, &ioCb, &r);
        }
        constexpr int kWarmup = 5;
        constexpr int kPackets = 50;
        for (int i = 1; i <= kWarmup; ++i) {
            p.put();
            QVERIFY(waitUntil([&] { return r.calls >= i; }));
        }
        const uint64_t eventsBefore = m_loop->eventsAllocated();
        g_allocations = 0;
        g_counting = true;
        const auto deadline = std::chrono::steady_clock::now() + spectray::test::kHangGuard;
        for (int i = kWarmup + 1; i <= kWarmup + kPackets; ++i) {
            QCOMPARE(::write(p.fds[1], "x", 1), ssize_t(1));
            while (r.calls < i && std::chrono::steady_clock::now() < deadline) // no std::function here
                std::this_thread::sleep_for(1ms);
        }
        g_counting = false;
        QCOMPARE(r.calls.load(), kWarmup + kPackets);
        QCOMPARE(m_loop->eventsAllocated(), eventsBefore);
        QVERIFY(kMallocCounted); // glibc or a sanitizer: the count below means something
        QCOMPARE(g_allocations.load(), 0L);
        Locked l(*m_loop);
        api->io_free(r.current);
    }

private:
    // For waits that hold the lock: released while sleeping, so the loop can run.
    bool waitUntilUnlocked(const std::function<bool()> &done)
    {
        m_loop->unlock();
        const bool ok = waitUntil(done);
        m_loop->lock();
        return ok;
    }

    std::unique_ptr<PulseLoop> m_loop;
};

QTEST_GUILESS_MAIN(TestPulseLoop)
#include "tst_pulseloop.moc"
