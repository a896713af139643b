// The outputs' delay line (A/V sync, issue 11), with a fake clock: a value is released at its play
// time + the output's offset, never held over 500 ms, the newest due wins, storage is fixed.
#include "core/audiofeatures.h"
#include "outputs/playdelay.h"

#include <QTest>

using namespace spectray;
using spectray::outputs::PlayDelay;

namespace {
constexpr qint64 kNow = 1'700'000'000'000;

AudioFeatures features(quint64 seq, qint64 playTs)
{
    AudioFeatures f;
    f.sequence = seq;
    f.playTsMs = playTs;
    f.level = 0.25f;
    return f;
}
} // namespace

class TestPlayDelay final : public QObject
{
    Q_OBJECT

private slots:
    void releasedAtPlayTimePlusOffset()
    {
        PlayDelay<AudioFeatures, 8> d;
        d.setOffsetMs(-30);
        const AudioFeatures f = features(1, kNow + 230); // a Bluetooth-like 230 ms, trimmed by 30 ms
        d.push(f, f.playTsMs, kNow);
        QVERIFY(!d.take(kNow + 199));
        const AudioFeatures *out = d.take(kNow + 200);
        QVERIFY(out);
        QCOMPARE(out->sequence, quint64(1));
        QCOMPARE(d.held(), std::size_t(0));
    }

    void noPlayTimeMeansNow()
    {
        PlayDelay<AudioFeatures, 8> d;
        d.setOffsetMs(200);
        d.push(features(1, 0), 0, kNow);
        QVERIFY(d.take(kNow));
    }

    void heldAtMost500Ms()
    {
        PlayDelay<AudioFeatures, 8> d;
        d.push(features(1, kNow + 10'000), kNow + 10'000, kNow);
        QVERIFY(!d.take(kNow + 499));
        QVERIFY(d.take(kNow + 500));
    }

    void newestDueWinsAndOldestGivesWayWhenFull()
    {
        PlayDelay<AudioFeatures, 4> d;
        for (quint64 i = 0; i < 6; ++i) // 6 into 4 slots: 0 and 1 give way
            d.push(features(i, kNow + 100 + qint64(i)), kNow + 100 + qint64(i), kNow);
        QCOMPARE(d.held(), std::size_t(4));
        const AudioFeatures *out = d.take(kNow + 103); // 2 and 3 due
        QVERIFY(out);
        QCOMPARE(out->sequence, quint64(3));
        QCOMPARE(d.held(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestPlayDelay)
#include "tst_playdelay.moc"
