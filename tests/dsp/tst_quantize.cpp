// Wire quantization: values x1000 truncated toward zero exactly as the seed's numpy/Python does it.
#include "dsp/quantize.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <vector>

using namespace spectray::dsp;

class TestQuantize final : public QObject
{
    Q_OBJECT

private slots:
    void bandsTruncateLikeNumpy();
    void scalarsTruncateLikePython();
    void levelMapsMinus60ToMinus6Db_data();
    void levelMapsMinus60ToMinus6Db();
    void bandsClipAt1500();
    void silenceIsAllZero();
};

void TestQuantize::bandsTruncateLikeNumpy()
{
    // (np.array(v, float32) * 1000.0).astype(np.int16), printed by numpy 1.24.
    const std::vector<float> in{0.0f, 0.0009999f, 0.001f, 0.5f, 0.579f, 0.9999999f,
                                1.0f, 1.2345678f, 1.4999999f, 1.5f, 0.007f, 0.3f};
    const std::vector<int> numpy{0, 0, 1, 500, 579, 999, 1000, 1234, 1499, 1500, 7, 300};
    for (std::size_t i = 0; i < in.size(); ++i)
        QCOMPARE(int(quantizeBand(in[i])), numpy[i]);
}

void TestQuantize::scalarsTruncateLikePython()
{
    // int(float(np.float32(v)) * 1000.0): here 0.579f gives 578, unlike the float32 band product.
    QCOMPARE(quantizeScalar(double(0.579f)), 578);
    QCOMPARE(quantizeScalar(0.0009999), 0);
    QCOMPARE(quantizeScalar(0.9999999), 999);
    QCOMPARE(quantizeScalar(1.0), 1000);
    QCOMPARE(quantizeScalar(1.5), 1500);
}

void TestQuantize::levelMapsMinus60ToMinus6Db_data()
{
    QTest::addColumn<double>("dc");
    QTest::addColumn<int>("level");
    // A constant signal has RMS = its value: level = int((20 log10(v) + 60) / 54 * 1000) clamped.
    QTest::newRow("0 dB") << 1.0 << 1000;
    QTest::newRow("-6.02 dB") << 0.5 << 999;
    QTest::newRow("-20 dB") << 0.1 << 740;
    QTest::newRow("-40 dB") << 0.01 << 370;
    QTest::newRow("-60 dB") << 0.001 << 0;
    QTest::newRow("-80 dB") << 0.0001 << 0;
}

void TestQuantize::levelMapsMinus60ToMinus6Db()
{
    QFETCH(double, dc);
    QFETCH(int, level);
    for (Profile profile : {Profile::Seed, Profile::Default}) {
        AnalyzerConfig c;
        c.profile = profile;
        SpectrumAnalyzer analyzer(c);
        const std::vector<float> window(std::size_t(analyzer.windowSize()), float(dc));
        FrameValues out;
        analyzer.analyze(window.data(), out);
        QVERIFY(qAbs(out.level - level) <= 1); // float32 samples: 0.1f is not 0.1
    }
}

void TestQuantize::bandsClipAt1500()
{
    // The gain starts at 0.01: a loud tone's first frames read far above it and clip at 1.5.
    AnalyzerConfig c;
    c.profile = Profile::Seed;
    SpectrumAnalyzer analyzer(c);
    const auto tone = spectray::test::sine(1000, 0.5, 44100, 0.1);
    FrameValues out;
    analyzer.analyze(tone.data(), out);
    QCOMPARE(int(*std::max_element(out.bands.begin(), out.bands.end())), 1500);
    for (int16_t v : out.bands)
        QVERIFY(v >= 0 && v <= 1500);
}

void TestQuantize::silenceIsAllZero()
{
    for (Profile profile : {Profile::Seed, Profile::Default}) {
        AnalyzerConfig c;
        c.profile = profile;
        SpectrumAnalyzer analyzer(c);
        StreamFramer framer(analyzer);
        const auto quiet = spectray::test::silence(44100, 2.0);
        int frames = 0;
        framer.push(quiet.data(), quiet.size(), 1, [&frames](const FrameValues &f, uint64_t) {
            ++frames;
            QCOMPARE(f.level, 0);
            QCOMPARE(f.bass, 0);
            for (int16_t v : f.bands)
                QCOMPARE(int(v), 0);
        });
        QVERIFY(frames > 0);
    }
}

QTEST_APPLESS_MAIN(TestQuantize)
#include "tst_quantize.moc"
