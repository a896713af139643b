// Option validation (the CLI's exit status 2 and its one-line reason) and resolution.
#include "dsp/analyzerconfig.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace spectray::dsp;

class TestConfig final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreValid();
    void badOptionsAreNamed_data();
    void badOptionsAreNamed();
    void resolution();
    void profiles();
    void extremeConfigurationsRun();
};

void TestConfig::defaultsAreValid()
{
    QVERIFY(validate(AnalyzerConfig{}).empty());
    AnalyzerConfig seed;
    seed.profile = Profile::Seed;
    QVERIFY(validate(seed).empty());
    AnalyzerConfig edges;
    edges.bands = 256;
    edges.fps = 240;
    edges.fftSize = 65536;
    QVERIFY(validate(edges).empty());
    edges.bands = 8;
    edges.fps = 1;
    edges.fftSize = 256;
    edges.bassFftSize = 256;
    QVERIFY(validate(edges).empty());
}

void TestConfig::badOptionsAreNamed_data()
{
    QTest::addColumn<AnalyzerConfig>("config");
    QTest::addColumn<QString>("named");
    auto with = [](auto change) {
        AnalyzerConfig c;
        change(c);
        return c;
    };
    QTest::newRow("bands 7") << with([](AnalyzerConfig &c) { c.bands = 7; }) << QStringLiteral("bands");
    QTest::newRow("bands 257") << with([](AnalyzerConfig &c) { c.bands = 257; }) << QStringLiteral("bands");
    QTest::newRow("fps 0") << with([](AnalyzerConfig &c) { c.fps = 0; }) << QStringLiteral("fps");
    QTest::newRow("fps 241") << with([](AnalyzerConfig &c) { c.fps = 241; }) << QStringLiteral("fps");
    QTest::newRow("rate 0") << with([](AnalyzerConfig &c) { c.sampleRate = 0; }) << QStringLiteral("sample rate");
    QTest::newRow("min 0") << with([](AnalyzerConfig &c) { c.minHz = 0; }) << QStringLiteral("min frequency");
    QTest::newRow("max below min") << with([](AnalyzerConfig &c) { c.maxHz = 10; }) << QStringLiteral("max frequency");
    QTest::newRow("min above nyquist") << with([](AnalyzerConfig &c) {
        c.minHz = 30000;
        c.maxHz = 40000;
    }) << QStringLiteral("min frequency");
    QTest::newRow("fft 1000") << with([](AnalyzerConfig &c) { c.fftSize = 1000; }) << QStringLiteral("fft size");
    QTest::newRow("fft 128") << with([](AnalyzerConfig &c) { c.fftSize = 128; }) << QStringLiteral("fft size");
    QTest::newRow("fft 131072") << with([](AnalyzerConfig &c) { c.fftSize = 131072; }) << QStringLiteral("fft size");
    QTest::newRow("bass fft 3000") << with([](AnalyzerConfig &c) { c.bassFftSize = 3000; })
                                   << QStringLiteral("bass fft size");
    QTest::newRow("bass fft with seed") << with([](AnalyzerConfig &c) {
        c.profile = Profile::Seed;
        c.bassFftSize = 8192;
    }) << QStringLiteral("bass fft size");
    QTest::newRow("range 39") << with([](AnalyzerConfig &c) { c.rangeDb = 39; }) << QStringLiteral("range");
    QTest::newRow("range 91") << with([](AnalyzerConfig &c) { c.rangeDb = 91; }) << QStringLiteral("range");
    QTest::newRow("range NaN") << with([](AnalyzerConfig &c) { c.rangeDb = std::nan(""); }) << QStringLiteral("range");
    QTest::newRow("1/5 octave") << with([](AnalyzerConfig &c) {
        c.layout = Layout::Octave;
        c.bandsPerOctave = 5;
    }) << QStringLiteral("bands per octave");
    QTest::newRow("octave with seed") << with([](AnalyzerConfig &c) {
        c.profile = Profile::Seed;
        c.layout = Layout::Octave;
    }) << QStringLiteral("the octave layout");
    QTest::newRow("1/24 octave 10 Hz..24 kHz") << with([](AnalyzerConfig &c) {
        c.sampleRate = 48000;
        c.layout = Layout::Octave;
        c.bandsPerOctave = 24;
        c.minHz = 10;
        c.maxHz = 24000;
    }) << QStringLiteral("the 1/24-octave layout");
    QTest::newRow("octave with no band") << with([](AnalyzerConfig &c) {
        c.layout = Layout::Octave;
        c.bandsPerOctave = 1;
        c.minHz = 1100;
        c.maxHz = 1900;
    }) << QStringLiteral("the 1/1-octave layout");
}

void TestConfig::badOptionsAreNamed()
{
    QFETCH(AnalyzerConfig, config);
    QFETCH(QString, named);
    const std::string reason = validate(config);
    QVERIFY(!reason.empty());
    QVERIFY2(QString::fromStdString(reason).startsWith(named), reason.c_str());
    QVERIFY(reason.find('\n') == std::string::npos);
    try {
        SpectrumAnalyzer analyzer(config);
        QFAIL("constructed with a bad configuration");
    } catch (const std::invalid_argument &e) {
        QCOMPARE(std::string(e.what()), reason);
    }
}

void TestConfig::resolution()
{
    AnalyzerConfig seed;
    seed.profile = Profile::Seed;
    seed.sampleRate = 48000;
    const AnalyzerConfig s = SpectrumAnalyzer(seed).config();
    QCOMPARE(s.fftSize, 1024);
    QCOMPARE(s.bassFftSize, 0);
    QCOMPARE(s.maxHz, 16000.0);

    QCOMPARE(levelWindowSize(s), 1024);

    // The default profile's ladder: 256 .. 8192 points, the level's RMS over ~23 ms as before.
    AnalyzerConfig def;
    QCOMPARE(resolve(def).fftSize, 256);
    QCOMPARE(resolve(def).bassFftSize, 8192);
    QCOMPARE(levelWindowSize(resolve(def)), 1024);
    def.sampleRate = 96000;
    QCOMPARE(resolve(def).fftSize, 512);
    QCOMPARE(resolve(def).bassFftSize, 16384);
    QCOMPARE(levelWindowSize(resolve(def)), 2048);
    def.sampleRate = 22050;
    QCOMPARE(resolve(def).maxHz, 11025.0);
    def.sampleRate = 44100;
    def.fftSize = 16384; // a long short FFT: the bass FFT adds nothing and is dropped
    QCOMPARE(resolve(def).bassFftSize, 0);
    const SpectrumAnalyzer single(def);
    QCOMPARE(single.windowSize(), 16384);
    QCOMPARE(single.bassFftSize(), 0);
    QCOMPARE(levelWindowSize(single.config()), 16384);
}

void TestConfig::profiles()
{
    Profile p = Profile::Default;
    QVERIFY(parseProfile("SEED", p));
    QCOMPARE(p, Profile::Seed);
    QVERIFY(parseProfile("Default", p));
    QCOMPARE(p, Profile::Default);
    QVERIFY(!parseProfile("cava", p));
    QCOMPARE(std::string(profileName(Profile::Seed)), std::string("seed"));
    QCOMPARE(std::string(profileName(Profile::Default)), std::string("default"));

    // The names on the wire and the command line, both ways.
    for (Weighting w : {Weighting::Flat, Weighting::A, Weighting::Tilt3, Weighting::Tilt4_5}) {
        Weighting back = Weighting::Flat;
        QVERIFY(parseWeighting(weightingName(w), back));
        QCOMPARE(back, w);
    }
    QCOMPARE(std::string(weightingName(Weighting::Tilt4_5)), std::string("tilt4.5"));
    Amplitude a = Amplitude::Linear;
    QVERIFY(parseAmplitude("DB", a));
    QCOMPARE(a, Amplitude::Db);
    QVERIFY(!parseAmplitude("log", a));
    Layout l = Layout::Log;
    QVERIFY(parseLayout("octave", l));
    QCOMPARE(l, Layout::Octave);
    Weighting unknown = Weighting::Flat;
    QVERIFY(!parseWeighting("b", unknown));
    // The seed profile stays linear and flat whatever the default profile's options say.
    AnalyzerConfig seed;
    seed.profile = Profile::Seed;
    seed.weighting = Weighting::A;
    QCOMPARE(resolve(seed).amplitude, Amplitude::Linear);
    QCOMPARE(resolve(seed).weighting, Weighting::Flat);
    // Defaults equal core's AnalysisConfig defaults (src/core/analysisconfig.h).
    const AnalyzerConfig d;
    QCOMPARE(d.amplitude, Amplitude::Db);
    QCOMPARE(d.rangeDb, 65.0);
    QCOMPARE(d.weighting, Weighting::Flat);
    QCOMPARE(d.layout, Layout::Log);
    QCOMPARE(d.bandsPerOctave, 3);
}

void TestConfig::extremeConfigurationsRun()
{
    struct Case
    {
        Profile profile;
        int rate, fps, bands;
        double minHz, maxHz;
        int fft, bassFft;
    };
    const Case cases[] = {
        {Profile::Default, 44100, 30, 256, 20, 16000, 0, 0},    // very narrow bands: all on the long FFT
        {Profile::Default, 44100, 1, 8, 20, 16000, 0, 0},       // hop far longer than the window
        {Profile::Default, 44100, 240, 32, 1000, 2000, 0, 0},   // a narrow range
        {Profile::Default, 8000, 30, 32, 20, 16000, 0, 0},      // low rate: smaller FFTs, capped range
        {Profile::Default, 96000, 144, 64, 20, 48000, 0, 0},    // high rate, range up to Nyquist
        {Profile::Default, 48000, 60, 32, 20, 16000, 256, 65536},
        {Profile::Seed, 8000, 30, 32, 20, 16000, 0, 0},
        {Profile::Seed, 192000, 240, 256, 20, 16000, 65536, 0},
    };
    for (const Case &k : cases) {
        AnalyzerConfig c;
        c.profile = k.profile;
        c.sampleRate = k.rate;
        c.fps = k.fps;
        c.bands = k.bands;
        c.minHz = k.minHz;
        c.maxHz = k.maxHz;
        c.fftSize = k.fft;
        c.bassFftSize = k.bassFft;
        QVERIFY2(validate(c).empty(), validate(c).c_str());
        SpectrumAnalyzer analyzer(c);
        QCOMPARE(int(analyzer.edgesHz().size()), k.bands + 1);
        QCOMPARE(int(analyzer.bandLatencyMs().size()), k.bands);
        QVERIFY(analyzer.config().maxHz <= k.rate / 2.0);
        StreamFramer framer(analyzer);
        const auto signal = spectray::test::noise(0.3, k.rate, 3.0, 11, 2);
        int frames = 0;
        bool inRange = true;
        framer.push(signal.data(), signal.size() / 2, 2, [&](const FrameValues &f, uint64_t) {
            ++frames;
            inRange = inRange && int(f.bands.size()) == k.bands && f.level >= 0 && f.level <= 1000 && f.bass >= 0
                      && f.bass <= 1500;
            for (int16_t v : f.bands)
                inRange = inRange && v >= 0 && v <= 1500;
        });
        QVERIFY(frames >= 1);
        QVERIFY(inRange);
    }
}

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
