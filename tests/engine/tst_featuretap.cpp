// AudioFeatures in the analysis pipeline (FeatureTap): made only while a sink is set, one per frame
// with the frame's sequence and stream time, from exactly the samples the frame's window ends at
// (checked against dsp::GeqAnalysis run directly on those samples), whatever the chunking, and with
// no heap allocation per frame.
#include "dsp/geqanalysis.h"
#include "engine/analysispipeline.h"
#include "testsignals.h"

#include <QTest>

#include <cmath>

#include "../support/allocationcounter.h"

using namespace spectray;

namespace {

struct Run
{
    QList<SpectrumFrame> frames;
    QList<AudioFeatures> features;
};

Run run(const std::vector<float> &samples, int rate, int channels, std::size_t chunk, bool features)
{
    AnalysisPipeline p;
    if (!p.configure(AnalysisConfig {}, rate, nullptr))
        qFatal("configure failed");
    Run out;
    const AnalysisPipeline::FeatureSink featureSink = [&out](const AudioFeatures &f) { out.features.append(f); };
    if (features)
        p.setFeatureSink(&featureSink);
    const AnalysisPipeline::FrameSink sink = [&out](const SpectrumFrame &f) { out.frames.append(f); };
    const std::size_t total = samples.size() / std::size_t(channels);
    for (std::size_t at = 0; at < total; at += chunk)
        p.push(samples.data() + at * channels, std::min(chunk, total - at), channels, sink);
    return out;
}

} // namespace

class TestFeatureTap final : public QObject
{
    Q_OBJECT

private slots:
    void offUnlessASinkIsSet()
    {
        const std::vector<float> tone = test::sine(1000.0, 0.5, 44100, 1.0, 2);
        const Run off = run(tone, 44100, 2, 512, false);
        QVERIFY(off.frames.size() > 20);
        QVERIFY(off.features.isEmpty());
    }

    // A 1 kHz tone at amplitude 0.5 lies in WLED's channel 7 (818-1120 Hz, issue #13's table) and
    // reads its RMS there: 0.5 / sqrt(2).
    void oneFeatureSetPerFrameWithItsSequence()
    {
        const std::vector<float> tone = test::sine(1000.0, 0.5, 44100, 1.5, 2);
        const Run r = run(tone, 44100, 2, 441, true);
        QCOMPARE(r.features.size(), r.frames.size());
        for (qsizetype i = 0; i < r.frames.size(); ++i) {
            QCOMPARE(r.features[i].sequence, r.frames[i].sequence);
            QCOMPARE(r.features[i].streamTime, r.frames[i].streamTime);
        }
        const AudioFeatures &last = r.features.last();
        const auto loudest = std::max_element(last.geq.begin(), last.geq.end()) - last.geq.begin();
        QCOMPARE(loudest, 7);
        QVERIFY2(std::abs(last.geq[7] - 0.5f / std::sqrt(2.0f)) < 0.035f, qPrintable(QString::number(last.geq[7])));
        QVERIFY(std::abs(last.peakHz - 1000.0f) < 20.0f);
    }

    // Frame k's window ends after streamTime * rate samples; the features must be GeqAnalysis of the
    // mono mix ending at that very sample, however the input was chunked.
    void sameSamplesAsTheFrame()
    {
        const int rate = 48000;
        const std::vector<float> input = test::noise(0.4, rate, 1.5, 7, 2);
        std::vector<float> mono(input.size() / 2);
        for (std::size_t i = 0; i < mono.size(); ++i)
            mono[i] = (input[2 * i] + input[2 * i + 1]) / 2.0f;
        for (std::size_t chunk : { std::size_t(1), std::size_t(97), std::size_t(4099) }) {
            const Run r = run(input, rate, 2, chunk, true);
            QVERIFY(r.features.size() > 20);
            dsp::GeqAnalysis geq(rate);
            const auto w = std::size_t(geq.windowSize());
            std::vector<float> window(w);
            dsp::GeqResult expected;
            for (qsizetype i = 0; i < r.features.size(); ++i) {
                const auto end = std::size_t(std::llround(r.frames[i].streamTime * rate));
                for (std::size_t j = 0; j < w; ++j)
                    window[j] = end + j >= w ? mono[end + j - w] : 0.0f; // zeros before the stream
                geq.analyze(window.data(), r.frames[i].streamTime, expected);
                for (int c = 0; c < 16; ++c)
                    QCOMPARE(r.features[i].geq[std::size_t(c)], expected.channelRms[std::size_t(c)]);
            }
        }
    }

    void noAllocationPerFrame()
    {
        AnalysisPipeline p;
        QVERIFY(p.configure(AnalysisConfig {}, 44100, nullptr));
        long features = 0;
        float checksum = 0;
        const AnalysisPipeline::FeatureSink featureSink = [&](const AudioFeatures &f) {
            ++features;
            checksum += f.level;
        };
        p.setFeatureSink(&featureSink);
        const AnalysisPipeline::FrameSink sink = [](const SpectrumFrame &) {};
        const std::vector<float> samples = test::noise(0.3, 44100, 3.0, 5, 2);
        const std::size_t quarter = samples.size() / 2 / 4;
        p.push(samples.data(), quarter, 2, sink); // warm-up
        const long before = features;
        QVERIFY(allocationCounterWorks());
        const long allocations = allocationsDuring([&] {
            for (std::size_t at = quarter; at + 331 <= 3 * quarter; at += 331)
                p.push(samples.data() + 2 * at, 331, 2, sink);
        });
        QVERIFY(features - before > 20);
        QCOMPARE(allocations, 0L);
        QVERIFY(checksum >= 0);
    }
};

QTEST_GUILESS_MAIN(TestFeatureTap)
#include "tst_featuretap.moc"
