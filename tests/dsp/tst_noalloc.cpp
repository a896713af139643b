// Hot-path guarantees: no heap allocation per frame once running, and analyzers (FFTW plans) can be
// made and destroyed on several threads at once.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>
#include <thread>

#include "../support/allocationcounter.h"

using namespace spectray::dsp;

class TestNoAlloc final : public QObject
{
    Q_OBJECT

private slots:
    void noAllocationPerFrame_data();
    void noAllocationPerFrame();
    void analyzersOnManyThreads();
};

void TestNoAlloc::noAllocationPerFrame_data()
{
    QTest::addColumn<int>("profile");
    QTest::newRow("seed") << int(Profile::Seed);
    QTest::newRow("default") << int(Profile::Default);
}

void TestNoAlloc::noAllocationPerFrame()
{
    QFETCH(int, profile);
    AnalyzerConfig config;
    config.profile = Profile(profile);
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    const auto samples = spectray::test::noise(0.3, 44100, 3.0, 3, 2);
    int frames = 0;
    const StreamFramer::FrameCallback onFrame = [&frames](const FrameValues &, uint64_t) { ++frames; };
    const std::size_t half = samples.size() / 4; // stereo frames in the first half
    framer.push(samples.data(), half, 2, onFrame); // warm-up: the frame's band vector gets its size
    const int before = frames;
    QVERIFY(allocationCounterWorks());
    const long allocations = allocationsDuring([&] { framer.push(samples.data() + 2 * half, half, 2, onFrame); });
    QVERIFY(frames - before > 20);
    QCOMPARE(allocations, 0L);
}

void TestNoAlloc::analyzersOnManyThreads()
{
    std::atomic<int> made{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&made, t] {
            for (int i = 0; i < 10; ++i) {
                AnalyzerConfig c;
                c.profile = (i + t) % 2 ? Profile::Seed : Profile::Default;
                c.fftSize = 512 << (i % 3);
                SpectrumAnalyzer analyzer(c);
                std::vector<float> window(std::size_t(analyzer.windowSize()), 0.25f);
                FrameValues out;
                analyzer.analyze(window.data(), out);
                if (out.level > 0)
                    ++made;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(made.load(), 40);
}

QTEST_APPLESS_MAIN(TestNoAlloc)
#include "tst_noalloc.moc"
