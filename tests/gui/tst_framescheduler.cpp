// The window's jitter buffer (issue 11, A/V sync), driven by a fake clock: a frame is handed out at
// its play time + the window's offset, never held longer than 500 ms, the newest wins when several
// are due, and the storage never grows.
#include "gui/framescheduler.h"

#include <QTest>

using namespace spectray;
using spectray::gui::FrameScheduler;

namespace {
constexpr qint64 kNow = 1'700'000'000'000; // an arbitrary wall clock, ms since the epoch

SpectrumFrame frame(quint64 seq, qint64 playTs, qint16 band0 = 100)
{
    SpectrumFrame f;
    f.sequence = seq;
    f.playTsMs = playTs;
    f.wallClockMs = kNow;
    f.bands = { band0, 200, 300 };
    f.scale = 1000;
    return f;
}
} // namespace

class TestFrameScheduler final : public QObject
{
    Q_OBJECT

private slots:
    void heldUntilPlayTimePlusOffset()
    {
        FrameScheduler s;
        s.setOffsetMs(40);
        s.push(frame(1, kNow + 120), kNow);
        QCOMPARE(s.nextDueMs(), kNow + 160); // 120 ms latency + 40 ms offset
        QVERIFY(s.take(kNow + 159) == nullptr);
        const FrameScheduler::Slot *f = s.take(kNow + 160);
        QVERIFY(f);
        QCOMPARE(f->sequence, quint64(1));
        QCOMPARE(f->bandCount, 3);
        QCOMPARE(f->bands[2], qint16(300));
        QCOMPARE(s.held(), 0);
    }

    void negativeOffsetShowsEarlier()
    {
        FrameScheduler s;
        s.setOffsetMs(-500);
        s.push(frame(1, kNow + 200), kNow);
        QVERIFY(s.take(kNow)); // due 300 ms before arrival: at once
    }

    void withoutPlayTimeShownAtOnce()
    {
        FrameScheduler s;
        s.setOffsetMs(300); // an offset without a play time means nothing to wait for
        s.push(frame(7, 0), kNow);
        QCOMPARE(s.nextDueMs(), kNow);
        QVERIFY(s.take(kNow));
    }

    void neverHeldLongerThan500Ms()
    {
        FrameScheduler s;
        s.setOffsetMs(500);
        s.push(frame(1, kNow + 3000), kNow); // a wrong figure must not freeze the picture
        QCOMPARE(s.nextDueMs(), kNow + 500);
        QVERIFY(!s.take(kNow + 499));
        QVERIFY(s.take(kNow + 500));
    }

    void newestWinsWhenSeveralAreDue()
    {
        FrameScheduler s;
        for (quint64 i = 0; i < 5; ++i)
            s.push(frame(i, kNow + 100 + qint64(i) * 10), kNow + qint64(i) * 10);
        const FrameScheduler::Slot *f = s.take(kNow + 125); // frames 0, 1, 2 due (100, 110, 120)
        QVERIFY(f);
        QCOMPARE(f->sequence, quint64(2));
        QCOMPARE(s.skipped(), quint64(2));
        QCOMPARE(s.held(), 2);
        QCOMPARE(s.nextDueMs(), kNow + 130);
    }

    void dueTimesKeepArrivalOrder()
    {
        // The offset shrinks between two frames: the later frame is not shown before the earlier.
        FrameScheduler s;
        s.setOffsetMs(200);
        s.push(frame(1, kNow + 100), kNow);
        s.setOffsetMs(0);
        s.push(frame(2, kNow + 110), kNow + 10);
        QVERIFY(!s.take(kNow + 150));
        const FrameScheduler::Slot *f = s.take(kNow + 300);
        QVERIFY(f);
        QCOMPARE(f->sequence, quint64(2));
    }

    void boundedStorage()
    {
        // More frames than slots within the hold: the oldest give way, nothing grows.
        FrameScheduler s;
        const int n = FrameScheduler::kCapacity + 10;
        for (int i = 0; i < n; ++i)
            s.push(frame(quint64(i), kNow + 400), kNow);
        QCOMPARE(s.held(), FrameScheduler::kCapacity);
        QCOMPARE(s.dropped(), quint64(10));
        const FrameScheduler::Slot *f = s.take(kNow + 400);
        QVERIFY(f);
        QCOMPARE(f->sequence, quint64(n - 1));
    }

    void clearDropsEverything()
    {
        FrameScheduler s;
        s.push(frame(1, kNow + 100), kNow);
        s.clear();
        QCOMPARE(s.nextDueMs(), qint64(-1));
        QVERIFY(!s.take(kNow + 1000));
    }
};

QTEST_APPLESS_MAIN(TestFrameScheduler)
#include "tst_framescheduler.moc"
