// The auto-gain moves the same amount per second at any frame rate: its step responses, measured in
// seconds of stream time, agree at 30, 60 and 144 fps within one frame.
#include "dsp/autogain.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace spectray::dsp;

class TestAutoGain final : public QObject
{
    Q_OBJECT

private slots:
    void coefficients();
    void floorAndReset();
    void stepResponseInSeconds_data();
    void stepResponseInSeconds();
};

void TestAutoGain::coefficients()
{
    const AutoGain at30(30);
    QCOMPARE(at30.attack(), 0.05); // the seed's constants, bit for bit
    QCOMPARE(at30.release(), 0.005);
    const AutoGain at60(60);
    QVERIFY(qAbs(at60.attack() - (1.0 - std::sqrt(0.95))) < 1e-15);
    QVERIFY(qAbs(at60.release() - (1.0 - std::sqrt(0.995))) < 1e-15);
    // Two frames at 60 fps move as far as one at 30.
    QVERIFY(qAbs(std::pow(1.0 - AutoGain(144).attack(), 144.0 / 30.0) - 0.95) < 1e-12);
}

void TestAutoGain::floorAndReset()
{
    AutoGain gain(30);
    QCOMPARE(gain.reference(), 0.01);
    double ref = 0.0;
    for (int i = 0; i < 5000; ++i)
        ref = gain.update(0.0);
    QCOMPARE(ref, AutoGain::kFloor); // the divisor never goes below 1e-4
    QVERIFY(gain.reference() < AutoGain::kFloor);
    gain.reset();
    QCOMPARE(gain.reference(), 0.01);

    // Nothing that gets in can make the state NaN or infinite (issue #9).
    for (double bad : {std::nan(""), -1.0, 1e300, double(INFINITY), -double(INFINITY)}) {
        const double r = gain.update(bad);
        QVERIFY(std::isfinite(r) && r >= AutoGain::kFloor);
        QVERIFY(std::isfinite(gain.reference()));
    }
    DbAutoGain dbGain(30);
    QCOMPARE(dbGain.reference(), DbAutoGain::kStartDb);
    for (int i = 0; i < 5000; ++i)
        dbGain.update(-INFINITY); // digital silence
    QVERIFY(qAbs(dbGain.reference() - DbAutoGain::kFloorDb) < 1e-6); // approached, never passed
    for (double bad : {std::nan(""), 1e300, double(INFINITY), -double(INFINITY)}) {
        const double r = dbGain.update(bad);
        QVERIFY(r >= DbAutoGain::kFloorDb && r <= DbAutoGain::kCeilingDb);
    }
}

void TestAutoGain::stepResponseInSeconds_data()
{
    QTest::addColumn<int>("profile");
    QTest::addColumn<int>("amplitude");
    QTest::newRow("seed") << int(Profile::Seed) << int(Amplitude::Linear);
    QTest::newRow("default linear") << int(Profile::Default) << int(Amplitude::Linear);
    QTest::newRow("default db") << int(Profile::Default) << int(Amplitude::Db);
}

namespace {

struct StepTimes
{
    double attack = -1.0;  // seconds until the reference reaches half the loud peak
    double release = -1.0; // seconds after the step down until it is halfway back
};

// In `db` the reference and the targets are in dBFS: halfway in dB from the start to the loud
// peak, and halfway in dB from the loud to the quiet one.
StepTimes measure(Profile profile, Amplitude amplitude, int fps)
{
    const int rate = 44100;
    const double loudFor = 6.0;
    AnalyzerConfig config;
    config.profile = profile;
    config.fps = fps;
    config.amplitude = amplitude;
    const bool db = amplitude == Amplitude::Db;
    auto toDb = [](double raw) { return 20.0 * std::log10(raw / SpectrumAnalyzer::kFullScaleRaw); };
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    auto signal = spectray::test::sine(1000, 0.5, rate, loudFor + 12.0);
    const auto loudSamples = std::size_t(loudFor * rate);
    for (std::size_t i = loudSamples; i < signal.size(); ++i)
        signal[i] *= 0.1f;

    // The steady peaks the reference follows, from a first pass.
    double loudPeak = 0.0;
    double quietPeak = 0.0;
    framer.push(signal.data(), signal.size(), 1, [&](const FrameValues &, uint64_t at) {
        const auto &raw = analyzer.rawBands();
        const double peak = *std::max_element(raw.begin(), raw.end());
        if (at <= loudSamples)
            loudPeak = peak;
        quietPeak = peak;
    });

    framer.reset();
    analyzer.resetGain();
    StepTimes t;
    const double attackTarget = db ? 0.5 * (DbAutoGain::kStartDb + toDb(loudPeak)) : 0.5 * loudPeak;
    const double releaseTarget = db ? 0.5 * (toDb(loudPeak) + toDb(quietPeak)) : 0.5 * (loudPeak + quietPeak);
    const std::size_t window = std::size_t(analyzer.windowSize());
    framer.push(signal.data(), signal.size(), 1, [&](const FrameValues &, uint64_t at) {
        const double seconds = double(at) / rate;
        const double ref = db ? analyzer.gainReferenceDb() : analyzer.gainReference();
        if (t.attack < 0.0 && ref >= attackTarget)
            t.attack = seconds;
        // Count from the first frame whose whole window is quiet.
        if (t.release < 0.0 && at >= loudSamples + window && ref <= releaseTarget)
            t.release = seconds - double(loudSamples + window) / rate;
    });
    return t;
}

} // namespace

void TestAutoGain::stepResponseInSeconds()
{
    QFETCH(int, profile);
    QFETCH(int, amplitude);
    const StepTimes at30 = measure(Profile(profile), Amplitude(amplitude), 30);
    QVERIFY(at30.attack > 0.0);
    QVERIFY(at30.release > 0.0);
    qInfo("30 fps: attack to 50%% in %.3f s, release halfway in %.3f s", at30.attack, at30.release);
    for (int fps : {60, 144}) {
        const StepTimes t = measure(Profile(profile), Amplitude(amplitude), fps);
        qInfo("%d fps: attack %.3f s, release %.3f s", fps, t.attack, t.release);
        const double oneFrame = 1.0 / 30.0 + 1e-9;
        QVERIFY2(qAbs(t.attack - at30.attack) <= oneFrame, qPrintable(QStringLiteral("attack at %1 fps").arg(fps)));
        QVERIFY2(qAbs(t.release - at30.release) <= oneFrame, qPrintable(QStringLiteral("release at %1 fps").arg(fps)));
    }
}

QTEST_APPLESS_MAIN(TestAutoGain)
#include "tst_autogain.moc"
