// The framer: frame k at k*hop + W delivered samples, the same frames however the input is chunked,
// channels mixed to their mean.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace spectray::dsp;

namespace {

struct Frame
{
    FrameValues values;
    uint64_t at = 0;
    bool operator==(const Frame &o) const
    {
        return values.bands == o.values.bands && values.bass == o.values.bass && values.level == o.values.level
               && at == o.at;
    }
};

std::vector<Frame> run(const AnalyzerConfig &config, const std::vector<float> &samples, int channels, std::size_t chunk)
{
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    std::vector<Frame> frames;
    const std::size_t total = samples.size() / std::size_t(channels);
    for (std::size_t at = 0; at < total; at += chunk) {
        const std::size_t n = std::min(chunk, total - at);
        framer.push(samples.data() + at * std::size_t(channels), n, channels,
                    [&frames](const FrameValues &f, uint64_t when) { frames.push_back({f, when}); });
    }
    return frames;
}

std::vector<float> testStereo()
{
    const auto tone = spectray::test::sine(300, 0.4, 44100, 3.0);
    const auto hiss = spectray::test::noise(0.2, 44100, 3.0, 5);
    std::vector<float> out(tone.size() * 2);
    for (std::size_t i = 0; i < tone.size(); ++i) {
        out[2 * i] = tone[i];
        out[2 * i + 1] = hiss[i] + (i > 44100 ? 0.3f * tone[i] : 0.0f);
    }
    return out;
}

} // namespace

class TestFramer final : public QObject
{
    Q_OBJECT

private slots:
    void chunkingDoesNotMatter_data();
    void chunkingDoesNotMatter();
    void framesAtKHopPlusW();
    void stereoIsTheMeanOfChannels();
    void resetStartsANewStream();
};

void TestFramer::chunkingDoesNotMatter_data()
{
    QTest::addColumn<int>("profile");
    QTest::addColumn<int>("fps");
    QTest::newRow("seed 30") << int(Profile::Seed) << 30;
    QTest::newRow("default 30") << int(Profile::Default) << 30;
    QTest::newRow("default 144") << int(Profile::Default) << 144;
}

void TestFramer::chunkingDoesNotMatter()
{
    QFETCH(int, profile);
    QFETCH(int, fps);
    AnalyzerConfig c;
    c.profile = Profile(profile);
    c.fps = fps;
    const auto samples = testStereo();
    const auto whole = run(c, samples, 2, samples.size());
    QVERIFY(whole.size() > 10);
    for (std::size_t chunk : {1, 7, 512, 4096}) {
        const auto chunked = run(c, samples, 2, chunk);
        QCOMPARE(chunked.size(), whole.size());
        for (std::size_t k = 0; k < whole.size(); ++k)
            QVERIFY2(chunked[k] == whole[k], qPrintable(QStringLiteral("chunk %1, frame %2").arg(chunk).arg(k)));
    }
}

void TestFramer::framesAtKHopPlusW()
{
    for (int fps : {1, 30, 60, 144, 240}) {
        for (Profile profile : {Profile::Seed, Profile::Default}) {
            AnalyzerConfig c;
            c.profile = profile;
            c.fps = fps;
            SpectrumAnalyzer analyzer(c);
            QCOMPARE(analyzer.hopSize(), int(std::lround(44100.0 / fps)));
            QCOMPARE(analyzer.windowSize(), profile == Profile::Seed ? 1024 : 8192);
            StreamFramer framer(analyzer);
            const auto quiet = spectray::test::silence(44100, 2.5);
            std::vector<uint64_t> at;
            framer.push(quiet.data(), quiet.size(), 1, [&at](const FrameValues &, uint64_t when) { at.push_back(when); });
            QCOMPARE(framer.samplesDelivered(), uint64_t(quiet.size()));
            const auto w = uint64_t(analyzer.windowSize());
            const auto hop = uint64_t(analyzer.hopSize());
            QCOMPARE(uint64_t(at.size()), (quiet.size() - w) / hop + 1);
            for (std::size_t k = 0; k < at.size(); ++k)
                QCOMPARE(at[k], k * hop + w);
        }
    }
    // Fewer than W samples: no frame yet.
    SpectrumAnalyzer analyzer{AnalyzerConfig{}};
    StreamFramer framer(analyzer);
    const std::vector<float> few(std::size_t(analyzer.windowSize() - 1), 0.1f);
    int frames = 0;
    framer.push(few.data(), few.size(), 1, [&frames](const FrameValues &, uint64_t) { ++frames; });
    QCOMPARE(frames, 0);
    const float one = 0.1f;
    framer.push(&one, 1, 1, [&frames](const FrameValues &, uint64_t) { ++frames; });
    QCOMPARE(frames, 1);
}

void TestFramer::stereoIsTheMeanOfChannels()
{
    const auto stereo = testStereo();
    std::vector<float> mono(stereo.size() / 2);
    for (std::size_t i = 0; i < mono.size(); ++i)
        mono[i] = (stereo[2 * i] + stereo[2 * i + 1]) / 2.0f;
    for (Profile profile : {Profile::Seed, Profile::Default}) {
        AnalyzerConfig c;
        c.profile = profile;
        QVERIFY(run(c, stereo, 2, 1000) == run(c, mono, 1, 1000));
    }
}

void TestFramer::resetStartsANewStream()
{
    AnalyzerConfig c;
    const auto samples = testStereo();
    SpectrumAnalyzer analyzer(c);
    StreamFramer framer(analyzer);
    std::vector<Frame> first;
    std::vector<Frame> second;
    framer.push(samples.data(), samples.size() / 2, 2, [&](const FrameValues &f, uint64_t at) { first.push_back({f, at}); });
    framer.reset();
    analyzer.resetGain();
    QCOMPARE(framer.samplesDelivered(), uint64_t(0));
    framer.push(samples.data(), samples.size() / 2, 2, [&](const FrameValues &f, uint64_t at) { second.push_back({f, at}); });
    QVERIFY(first == second);
}

QTEST_APPLESS_MAIN(TestFramer)
#include "tst_framer.moc"
