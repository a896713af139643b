// StreamMixer: several streams' packets, arriving at their own moments, summed sample for sample;
// a stream that delivers nothing holds the others back by at most the allowed lag.
#include "capture/streammixer.h"

#include <QTest>

#include <vector>

using spectray::capture::StreamMixer;

namespace {
std::vector<float> constant(std::size_t frames, float v)
{
    return std::vector<float>(frames * 2, v);
}
} // namespace

class TestStreamMixer final : public QObject
{
    Q_OBJECT

private slots:
    void oneInputPassesThrough()
    {
        StreamMixer m(2, 100);
        m.addInput(7);
        const auto x = constant(10, 0.25f);
        QCOMPARE(m.push(7, x.data(), 10), std::size_t(10));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(m.mixed()[i], 0.25f);
    }

    void sumsAlignedSamples()
    {
        StreamMixer m(2, 100);
        m.addInput(1);
        m.addInput(2);
        const auto a = constant(10, 0.25f);
        const auto b = constant(4, 0.5f);
        QCOMPARE(m.push(1, a.data(), 10), std::size_t(0)); // input 2 has nothing yet
        QCOMPARE(m.push(2, b.data(), 4), std::size_t(4)); // the first 4 frames of both
        QCOMPARE(m.mixed()[0], 0.75f);
        QCOMPARE(m.mixed()[7], 0.75f);
        QCOMPARE(m.push(2, b.data(), 4), std::size_t(4)); // a's frames 4..7 with b's next 4
        QCOMPARE(m.mixed()[0], 0.75f);
    }

    void aStalledInputCountsAsSilenceBeyondTheLag()
    {
        StreamMixer m(2, 5);
        m.addInput(1);
        m.addInput(2); // never delivers (a paused stream)
        const auto a = constant(8, 0.5f);
        QCOMPARE(m.push(1, a.data(), 8), std::size_t(3)); // all but the allowed 5 frames of lag
        QCOMPARE(m.mixed()[0], 0.5f); // input 2 contributed zeros
        QCOMPARE(m.push(1, a.data(), 8), std::size_t(8));
    }

    void removingAnInputReleasesTheOthers()
    {
        StreamMixer m(2, 100);
        m.addInput(1);
        m.addInput(2);
        const auto a = constant(10, 0.5f);
        QCOMPARE(m.push(1, a.data(), 10), std::size_t(0));
        m.removeInput(2);
        QVERIFY(!m.hasInput(2));
        QCOMPARE(m.push(1, a.data(), 1), std::size_t(11));
        QCOMPARE(m.push(3, a.data(), 1), std::size_t(0)); // unknown input: ignored
    }
};

QTEST_GUILESS_MAIN(TestStreamMixer)
#include "tst_streammixer.moc"
