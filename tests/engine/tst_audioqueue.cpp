#include "engine/audioqueue.h"

#include <QTest>

#include <thread>

using namespace spectray;

class TestAudioQueue final : public QObject
{
    Q_OBJECT

private slots:
    void wakesOncePerBatch()
    {
        AudioQueue q;
        const float s[4] = {1, 2, 3, 4};
        const capture::StreamFormat f{48000, 2};
        QVERIFY(q.push(s, 2, f, false));
        QVERIFY(!q.push(s, 2, f, false)); // consumer already woken
        std::vector<float> out;
        std::vector<AudioQueue::Segment> segs;
        QCOMPARE(q.take(out, segs), 0u);
        QCOMPARE(out.size(), 8u);
        QCOMPARE(segs.size(), 1u);
        QVERIFY(q.push(s, 2, f, false)); // re-armed after take
    }

    void formatChangesMakeSegments()
    {
        AudioQueue q;
        const float s[6] = {1, 2, 3, 4, 5, 6};
        q.push(s, 3, {48000, 2}, false);
        q.push(s, 6, {44100, 1}, false);
        q.push(s, 2, {44100, 1}, true);
        std::vector<float> out;
        std::vector<AudioQueue::Segment> segs;
        q.take(out, segs);
        QCOMPARE(segs.size(), 3u);
        QCOMPARE(segs[0].firstSample, 0u);
        QCOMPARE(segs[1].firstSample, 6u);
        QCOMPARE(segs[1].format.sampleRate, 44100);
        QCOMPARE(segs[2].firstSample, 12u);
        QVERIFY(segs[2].silentHint);
        QCOMPARE(out.size(), 14u);
    }

    void overflowKeepsNewestAndCounts()
    {
        AudioQueue q(0.01); // 10 ms at 1 kHz = 10 frames
        const capture::StreamFormat f{1000, 1};
        std::vector<float> block(25);
        for (int i = 0; i < 25; ++i)
            block[std::size_t(i)] = float(i);
        q.push(block.data(), 25, f, false);
        std::vector<float> out;
        std::vector<AudioQueue::Segment> segs;
        QCOMPARE(q.take(out, segs), 15u);
        QCOMPARE(out.size(), 10u);
        QCOMPARE(out.front(), 15.0f); // the newest samples survive
        QCOMPARE(out.back(), 24.0f);
    }

    void producerAndConsumerThreads()
    {
        AudioQueue q(10.0);
        const capture::StreamFormat f{48000, 1};
        constexpr int kBlocks = 2000;
        std::thread producer([&] {
            std::vector<float> b(64);
            for (int i = 0; i < kBlocks; ++i) {
                std::fill(b.begin(), b.end(), float(i));
                q.push(b.data(), b.size(), f, false);
            }
        });
        std::vector<float> out;
        std::vector<AudioQueue::Segment> segs;
        std::size_t total = 0;
        float last = -1;
        bool ordered = true;
        while (total < std::size_t(kBlocks) * 64) {
            q.take(out, segs);
            for (float v : out) {
                ordered = ordered && v >= last;
                last = v;
            }
            total += out.size();
        }
        producer.join();
        QVERIFY(ordered);
        QCOMPARE(total, std::size_t(kBlocks) * 64);
    }
};

QTEST_GUILESS_MAIN(TestAudioQueue)
#include "tst_audioqueue.moc"
