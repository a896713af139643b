// The silence rule of docs/engine.md: 2 s of exact zeros (or packets marked silent) means silent;
// the first non-zero sample means sound. Expected chunk counts are worked out from the rule.
#include "engine/silencedetector.h"

#include <QTest>

#include <vector>

using namespace spectray;
using Change = SilenceDetector::Change;

namespace {

constexpr int kRate = 48000;
constexpr std::size_t kChunk = 480; // 10 ms, as the demo and file backends deliver

// Feeds `chunks` chunks of `value` (mono); returns the 1-based index of the chunk that reported
// `wanted`, or 0.
int feedUntil(SilenceDetector &d, float value, int chunks, Change wanted, bool hint = false)
{
    const std::vector<float> block(kChunk, value);
    for (int i = 1; i <= chunks; ++i) {
        if (d.observe(block.data(), kChunk, 1, kRate, hint) == wanted)
            return i;
    }
    return 0;
}

} // namespace

class TestSilenceDetector final : public QObject
{
    Q_OBJECT

private slots:
    void twoSecondsOfZerosMakeSilence()
    {
        SilenceDetector d(2.0);
        // 2 s = 96000 frames = exactly 200 chunks of 480.
        QCOMPARE(feedUntil(d, 0.0f, 400, Change::BecameSilent), 200);
        QVERIFY(d.isSilent());
        // Reported once, not again while it lasts.
        QCOMPARE(feedUntil(d, 0.0f, 300, Change::BecameSilent), 0);
    }

    void anyNonZeroSampleIsSound()
    {
        SilenceDetector d(2.0);
        feedUntil(d, 0.0f, 200, Change::BecameSilent);
        // Dither-level noise is still sound: the spectrum keeps moving with it.
        QCOMPARE(feedUntil(d, 1e-7f, 1, Change::SoundReturned), 1);
        QVERIFY(!d.isSilent());
        QCOMPARE(feedUntil(d, 1e-7f, 500, Change::BecameSilent), 0);
    }

    void silenceCountsFromTheLastSoundInAChunk()
    {
        SilenceDetector d(2.0);
        // Sound only in the first sample of a chunk: 479 silent frames follow it.
        std::vector<float> block(kChunk, 0.0f);
        block[0] = 0.5f;
        QCOMPARE(d.observe(block.data(), kChunk, 1, kRate, false), Change::None);
        // 479 + 199 * 480 = 95999 < 96000: the 199th chunk is not yet silence, the 200th is.
        QCOMPARE(feedUntil(d, 0.0f, 400, Change::BecameSilent), 200);
    }

    void stereoCountsFramesNotSamples()
    {
        SilenceDetector d(1.0);
        const std::vector<float> block(2 * kChunk, 0.0f);
        int at = 0;
        for (int i = 1; i <= 200 && at == 0; ++i) {
            if (d.observe(block.data(), kChunk, 2, kRate, false) == Change::BecameSilent)
                at = i;
        }
        QCOMPARE(at, 100); // 1 s = 48000 frames = 100 chunks, whatever the channel count
        // Sound in the right channel only still counts.
        std::vector<float> right(2 * kChunk, 0.0f);
        right[1] = 0.25f;
        QCOMPARE(d.observe(right.data(), kChunk, 2, kRate, false), Change::SoundReturned);
    }

    void silentHintWins()
    {
        // WASAPI marks a packet silent; its samples are then not to be trusted.
        SilenceDetector d(2.0);
        QCOMPARE(feedUntil(d, 0.3f, 400, Change::BecameSilent, true), 200);
    }

    void resetForgetsTheRun()
    {
        SilenceDetector d(2.0);
        feedUntil(d, 0.0f, 150, Change::BecameSilent);
        d.reset();
        QVERIFY(!d.isSilent());
        QCOMPARE(feedUntil(d, 0.0f, 400, Change::BecameSilent), 200);
        d.reset();
        QVERIFY(!d.isSilent());
    }

    void emptyChunksChangeNothing()
    {
        SilenceDetector d(0.0);
        QCOMPARE(d.observe(nullptr, 0, 2, kRate, false), Change::None);
        QCOMPARE(d.observe(nullptr, 10, 0, kRate, false), Change::None);
        QVERIFY(!d.isSilent());
    }
};

QTEST_GUILESS_MAIN(TestSilenceDetector)
#include "tst_silencedetector.moc"
