// MemoryTrimmer: a burst of requests becomes one heap trim after the delay; no request, no trim;
// the first request also releases the start-up pages, once (tst_pagerelease: what that does).
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
        MemoryTrimmer trimmer({ 50ms, 50ms });
        for (int i = 0; i < 100; ++i)
            trimmer.request();
        QCOMPARE(trimmer.trims(), 0); // never synchronously, never on the caller's path
        QCOMPARE(trimmer.startupPageReleases(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 1, kHangGuardMs);
        QTest::qWait(200); // four delays more: the burst was coalesced, nothing else follows
        QCOMPARE(trimmer.trims(), 1);
        QCOMPARE(trimmer.startupPageReleases(), 1);
    }
    void laterRequestTrimsAgainButReleasesPagesOnce()
    {
        MemoryTrimmer trimmer({ 20ms, 10ms });
        trimmer.request();
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 1, kHangGuardMs);
        QCOMPARE(trimmer.startupPageReleases(), 1);
        trimmer.request();
        QTRY_COMPARE_WITH_TIMEOUT(trimmer.trims(), 2, kHangGuardMs);
        QTest::qWait(100);
        QCOMPARE(trimmer.startupPageReleases(), 1);
    }
    void noRequestNoTrim()
    {
        MemoryTrimmer trimmer({ 10ms, 10ms });
        QTest::qWait(100);
        QCOMPARE(trimmer.trims(), 0);
        QCOMPARE(trimmer.startupPageReleases(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMemoryTrimmer)
#include "tst_memorytrimmer.moc"
