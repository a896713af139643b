// HeapTrimmer: a burst of requests becomes one trim after the delay; no request, no trim.
#include "app/heaptrimmer.h"
#include "hangguard.h"

#include <QTest>

using namespace std::chrono_literals;
using spectray::HeapTrimmer;
using spectray::test::kHangGuardMs;

class TestHeapTrimmer final : public QObject
{
    Q_OBJECT

private slots:
    void burstBecomesOneTrim()
    {
        HeapTrimmer trimmer(50ms);
        for (int i = 0; i < 100; ++i)
            trimmer.request();
        QCOMPARE(trimmer.trims(), 0); // never synchronously, never on the caller's path
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 1, kHangGuardMs);
        QTest::qWait(200); // four delays more: the burst was coalesced, nothing else follows
        QCOMPARE(trimmer.trims(), 1);
    }
    void laterRequestTrimsAgain()
    {
        HeapTrimmer trimmer(20ms);
        trimmer.request();
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 1, kHangGuardMs);
        trimmer.request();
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 2, kHangGuardMs);
    }
    void noRequestNoTrim()
    {
        HeapTrimmer trimmer(10ms);
        QTest::qWait(100);
        QCOMPARE(trimmer.trims(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeapTrimmer)
#include "tst_heaptrimmer.moc"
