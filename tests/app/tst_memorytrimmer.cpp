// MemoryTrimmer: a burst of requests becomes one trim after the delay; no request, no trim; the
// first trim also releases the start-up pages, later ones do not.
#include "app/memorytrimmer.h"
#include "hangguard.h"

#include <QTest>

using namespace std::chrono_literals;
using spectray::MemoryTrimmer;
using spectray::test::kHangGuardMs;

class TestMemoryTrimmer final : public QObject
{
    Q_OBJECT

private slots:
    void burstBecomesOneTrim()
    {
        MemoryTrimmer trimmer(50ms);
        for (int i = 0; i < 100; ++i)
            trimmer.request();
        QCOMPARE(trimmer.trims(), 0); // never synchronously, never on the caller's path
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 1, kHangGuardMs);
        QTest::qWait(200); // four delays more: the burst was coalesced, nothing else follows
        QCOMPARE(trimmer.trims(), 1);
    }
    void laterRequestTrimsAgain()
    {
        MemoryTrimmer trimmer(20ms);
        trimmer.request();
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 1, kHangGuardMs);
        trimmer.request();
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 2, kHangGuardMs);
        // Start-up pages go with the first trim only (tst_pagerelease: what that does).
        QCOMPARE(trimmer.startupPageReleases(), 1);
    }
    void noRequestNoTrim()
    {
        MemoryTrimmer trimmer(10ms);
        QTest::qWait(100);
        QCOMPARE(trimmer.trims(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMemoryTrimmer)
#include "tst_memorytrimmer.moc"
