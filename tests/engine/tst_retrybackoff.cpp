// The retry schedule of a failed source (docs/engine.md, "Devices and failures"): 2 s, doubling,
// never more than 30 s; a success starts it over.
#include "engine/retrybackoff.h"

#include <QTest>

using namespace spectray;
using std::chrono::milliseconds;

class TestRetryBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void doublesUpToTheCap()
    {
        RetryBackoff b;
        // Written out by hand from the rule (2 s, doubled per failure, capped at 30 s).
        const long long expected[] = { 2000, 4000, 8000, 16000, 30000, 30000, 30000 };
        for (long long ms : expected)
            QCOMPARE(b.next().count(), ms);
        QCOMPARE(b.failures(), 7);
    }

    void staysAtTheCapForAVeryLongOutage()
    {
        RetryBackoff b;
        milliseconds last {};
        for (int i = 0; i < 100000; ++i) // ~35 days of 30 s waits
            last = b.next();
        QCOMPARE(last.count(), 30000LL);
    }

    void resetStartsOver()
    {
        RetryBackoff b;
        b.next();
        b.next();
        b.next();
        b.reset();
        QCOMPARE(b.failures(), 0);
        QCOMPARE(b.next().count(), 2000LL);
        QCOMPARE(b.next().count(), 4000LL);
    }

    void customScheduleAndNonsenseArguments()
    {
        RetryBackoff b(milliseconds(100), milliseconds(250));
        QCOMPARE(b.next().count(), 100LL);
        QCOMPARE(b.next().count(), 200LL);
        QCOMPARE(b.next().count(), 250LL);
        // A cap below the first wait, or a zero first wait, still gives a sane, positive schedule.
        RetryBackoff low(milliseconds(500), milliseconds(10));
        QCOMPARE(low.next().count(), 500LL);
        QCOMPARE(low.next().count(), 500LL);
        RetryBackoff zero(milliseconds(0), milliseconds(4));
        QCOMPARE(zero.next().count(), 1LL);
        QCOMPARE(zero.next().count(), 2LL);
        QCOMPARE(zero.next().count(), 4LL);
        QCOMPARE(zero.next().count(), 4LL);
    }
};

QTEST_APPLESS_MAIN(TestRetryBackoff)
#include "tst_retrybackoff.moc"
