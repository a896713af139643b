// Issue #9 item 1: non-finite and huge samples must not poison the frames. Every value a frame
// carries stays in its documented range (bands 0..1500 linear / 0..1000 db, bass 0..1500, level
// 0..1000) whatever the samples, for both profiles and every layout; a burst of 1e20 in a sine
// leaves no trace once the auto-gain has recovered; an all-NaN stream reads zeros.
#include "dsp/sanitize.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>
#include <random>

using namespace spectray::dsp;

Q_DECLARE_METATYPE(spectray::dsp::AnalyzerConfig)

class TestSanitize final : public QObject
{
    Q_OBJECT

private slots:
    void sampleRule();
    void hostileBuffersStayInRange_data();
    void hostileBuffersStayInRange();
    void hugeBurstRecovers_data();
    void hugeBurstRecovers();
    void allNanReadsZero();
};

void TestSanitize::sampleRule()
{
    const float inf = std::numeric_limits<float>::infinity();
    QCOMPARE(sanitizeSample(std::nanf("")), 0.0f);
    QCOMPARE(sanitizeSample(inf), 0.0f);
    QCOMPARE(sanitizeSample(-inf), 0.0f);
    QCOMPARE(sanitizeSample(FLT_MAX), kSampleLimit);
    QCOMPARE(sanitizeSample(-1e20f), -kSampleLimit);
    QCOMPARE(sanitizeSample(FLT_MIN / 4.0f), 0.0f); // denormal
    QCOMPARE(sanitizeSample(0.123456f), 0.123456f); // unchanged, bit for bit
    QCOMPARE(sanitizeSample(-kSampleLimit), -kSampleLimit);
}

namespace {

// Random buffers made of runs of one hostile kind each, so every kind also fills whole windows.
std::vector<float> hostile(std::size_t count, unsigned seed)
{
    std::mt19937 rng(seed);
    const float inf = std::numeric_limits<float>::infinity();
    std::vector<float> s(count);
    std::size_t i = 0;
    while (i < count) {
        const std::size_t run = std::min<std::size_t>(count - i, 1 + rng() % 12000);
        const int kind = int(rng() % 9);
        std::uniform_real_distribution<float> u(-1.0f, 1.0f);
        for (std::size_t j = 0; j < run; ++j, ++i) {
            switch (kind) {
            case 0:
                s[i] = std::nanf("");
                break;
            case 1:
                s[i] = (rng() & 1) ? inf : -inf;
                break;
            case 2:
                s[i] = u(rng) * FLT_MIN / 2.0f;
                break; // denormals
            case 3:
                s[i] = (rng() & 1) ? FLT_MAX : -FLT_MAX;
                break;
            case 4:
                s[i] = (j / 50) % 2 ? 1.0f : -1.0f;
                break; // full-scale square wave
            case 5:
                s[i] = 1.0f;
                break; // DC
            case 6:
                s[i] = u(rng) * 1e30f;
                break; // huge finite noise
            case 7:
                s[i] = u(rng);
                break; // ordinary noise
            default:
                s[i] = (rng() % 7 == 0) ? std::nanf("") : u(rng);
                break; // sprinkled NaN
            }
        }
    }
    return s;
}

AnalyzerConfig make(Profile profile, Amplitude amplitude, Layout layout, int bandsPerOctave, Weighting w)
{
    AnalyzerConfig c;
    c.profile = profile;
    c.amplitude = amplitude;
    c.layout = layout;
    c.bandsPerOctave = bandsPerOctave;
    c.weighting = w;
    return c;
}

} // namespace

void TestSanitize::hostileBuffersStayInRange_data()
{
    QTest::addColumn<AnalyzerConfig>("config");
    QTest::newRow("seed") << make(Profile::Seed, Amplitude::Linear, Layout::Log, 3, Weighting::Flat);
    for (Amplitude a : { Amplitude::Linear, Amplitude::Db }) {
        for (Weighting w : { Weighting::Flat, Weighting::A, Weighting::Tilt3, Weighting::Tilt4_5 }) {
            const std::string name = std::string("log ") + amplitudeName(a) + " " + weightingName(w);
            QTest::newRow(name.c_str()) << make(Profile::Default, a, Layout::Log, 3, w);
        }
        for (int b : { 1, 2, 3, 6, 12, 24 }) {
            const std::string name = std::string("1/") + std::to_string(b) + " octave " + amplitudeName(a);
            QTest::newRow(name.c_str()) << make(Profile::Default, a, Layout::Octave, b, Weighting::Tilt3);
        }
    }
}

void TestSanitize::hostileBuffersStayInRange()
{
    QFETCH(AnalyzerConfig, config);
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    const int bandMax = analyzer.config().amplitude == Amplitude::Db ? 1000 : 1500;
    int frames = 0;
    int bad = 0;
    QString first;
    auto check = [&](const FrameValues &f, uint64_t) {
        ++frames;
        bool ok = f.level >= 0 && f.level <= 1000 && f.bass >= 0 && f.bass <= 1500;
        for (int16_t v : f.bands)
            ok = ok && v >= 0 && v <= bandMax;
        if (!ok && bad++ == 0)
            first = QStringLiteral("frame %1: bass %2 level %3").arg(frames).arg(f.bass).arg(f.level);
    };
    for (unsigned seed = 1; seed <= 4; ++seed) {
        const int channels = int(seed % 3) + 1;
        const auto s = hostile(std::size_t(44100 * 3 * channels), seed);
        framer.push(s.data(), s.size() / std::size_t(channels), channels, check);
        // And straight into the analyzer, past the framer: the scale and quantizers must hold too.
        FrameValues f;
        analyzer.analyze(s.data(), f);
        check(f, 0);
    }
    QVERIFY(frames > 300);
    QVERIFY2(bad == 0, qPrintable(QStringLiteral("%1 frames out of range, first %2").arg(bad).arg(first)));
    // The gain state is finite afterwards, so ordinary audio reads normally again.
    QVERIFY(std::isfinite(analyzer.gainReference()));
    QVERIFY(std::isfinite(analyzer.gainReferenceDb()));
}

void TestSanitize::hugeBurstRecovers_data()
{
    QTest::addColumn<AnalyzerConfig>("config");
    QTest::newRow("seed") << make(Profile::Seed, Amplitude::Linear, Layout::Log, 3, Weighting::Flat);
    QTest::newRow("default linear") << make(Profile::Default, Amplitude::Linear, Layout::Log, 3, Weighting::Tilt3);
    QTest::newRow("default db") << AnalyzerConfig {};
}

void TestSanitize::hugeBurstRecovers()
{
    // Issue #9's case: a 30 s sine with ten samples set to 1e20 (here 2 s in). Before the fix every
    // later frame was wrong to the end of the file. Now the last 5 s match the clean run's frames
    // within 1 % of full scale: the burst is clamped to +18 dBFS and the gain releases from it.
    QFETCH(AnalyzerConfig, config);
    const int rate = 44100;
    const auto clean = spectray::test::sine(440.0, 0.5, rate, 30.0);
    auto burst = clean;
    for (int k = 0; k < 10; ++k)
        burst[std::size_t(2 * rate + 37 * k)] = 1e20f;
    auto run = [&](const std::vector<float> &s) {
        SpectrumAnalyzer analyzer(config);
        StreamFramer framer(analyzer);
        std::vector<FrameValues> frames;
        framer.push(s.data(), s.size(), 1, [&](const FrameValues &f, uint64_t) { frames.push_back(f); });
        return frames;
    };
    const auto a = run(clean);
    const auto b = run(burst);
    QCOMPARE(a.size(), b.size());
    int worst = 0;
    for (std::size_t i = a.size() - 5 * 30; i < a.size(); ++i) {
        for (std::size_t k = 0; k < a[i].bands.size(); ++k)
            worst = std::max(worst, std::abs(a[i].bands[k] - b[i].bands[k]));
        worst = std::max(worst, std::abs(a[i].bass - b[i].bass));
        QCOMPARE(a[i].level, b[i].level);
    }
    qInfo("largest difference from the clean run over the last 5 s: %d / 1000", worst);
    QVERIFY(worst <= 10);
}

void TestSanitize::allNanReadsZero()
{
    for (const AnalyzerConfig &config : { make(Profile::Seed, Amplitude::Linear, Layout::Log, 3, Weighting::Flat),
             AnalyzerConfig {}, make(Profile::Default, Amplitude::Linear, Layout::Octave, 3, Weighting::A) }) {
        SpectrumAnalyzer analyzer(config);
        StreamFramer framer(analyzer);
        const std::vector<float> nan(std::size_t(44100 * 2 * 2), std::nanf(""));
        int frames = 0, nonZero = 0;
        framer.push(nan.data(), nan.size() / 2, 2, [&](const FrameValues &f, uint64_t) {
            ++frames;
            nonZero += f.bass != 0 || f.level != 0 ? 1 : 0;
            for (int16_t v : f.bands)
                nonZero += v != 0 ? 1 : 0;
        });
        QVERIFY(frames > 10);
        QCOMPARE(nonZero, 0);
    }
}

QTEST_APPLESS_MAIN(TestSanitize)
#include "tst_sanitize.moc"
