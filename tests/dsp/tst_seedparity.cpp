// The `seed` profile against the seed's own numpy math (seed_reference.py), on generated signals.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "testsignals.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray::dsp;
using spectray::test::noise;
using spectray::test::silence;
using spectray::test::sine;
using spectray::test::sweep;

class TestSeedParity final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesNumpy_data();
    void matchesNumpy();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    long m_values = 0;
    long m_exact = 0;
};

namespace {

// docs/dsp.md: the seed profile matches the seed's numpy output exactly in at least 99.9 % of
// values, the rest within ±1 (rounding of a float that lands on .5 differently).
constexpr double kMinExactShare = 0.999;

std::vector<float> concat(std::initializer_list<std::vector<float>> parts)
{
    std::vector<float> out;
    for (const auto &p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

std::vector<float> mixed(const std::vector<float> &a, const std::vector<float> &b)
{
    std::vector<float> out(a);
    for (std::size_t i = 0; i < out.size() && i < b.size(); ++i)
        out[i] += b[i];
    return out;
}

std::vector<float> interleave(const std::vector<float> &left, const std::vector<float> &right)
{
    std::vector<float> out(left.size() * 2);
    for (std::size_t i = 0; i < left.size(); ++i) {
        out[2 * i] = left[i];
        out[2 * i + 1] = right[i];
    }
    return out;
}

} // namespace

void TestSeedParity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QFile::exists(QStringLiteral(SPECTRAY_NUMPY_PYTHON)))
        QSKIP("no python3 with numpy at the configured path");
    QProcess probe;
    probe.start(QStringLiteral(SPECTRAY_NUMPY_PYTHON), {QStringLiteral("-c"), QStringLiteral("import numpy")});
    QVERIFY(probe.waitForFinished(30000));
    if (probe.exitCode() != 0)
        QSKIP("the configured python3 has no numpy (Debian: apt install python3-numpy)");
}

void TestSeedParity::matchesNumpy_data()
{
    QTest::addColumn<std::vector<float>>("samples");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("bands");
    const int r = 44100;
    QTest::newRow("tone 440 Hz") << sine(440, 0.5, r, 2.0) << 1 << r << 32;
    QTest::newRow("tones 60 Hz + 5 kHz") << mixed(sine(60, 0.4, r, 2.0), sine(5000, 0.1, r, 2.0)) << 1 << r << 32;
    QTest::newRow("quiet tone 3 kHz") << sine(3000, 0.001, r, 2.0) << 1 << r << 32;
    QTest::newRow("sweep 20 Hz-20 kHz") << sweep(20, 20000, 0.5, r, 4.0) << 1 << r << 32;
    QTest::newRow("noise bursts")
        << concat({noise(0.3, r, 0.5, 1), silence(r, 0.7), noise(0.05, r, 0.4, 2), silence(r, 0.3), noise(0.6, r, 0.5, 3)})
        << 1 << r << 32;
    QTest::newRow("silence") << silence(r, 2.0) << 1 << r << 32;
    QTest::newRow("silence then tone") << concat({silence(r, 1.0), sine(1000, 0.3, r, 1.5)}) << 1 << r << 32;
    QTest::newRow("stereo tone + noise")
        << interleave(sine(1000, 0.5, r, 2.0), noise(0.2, r, 2.0, 7)) << 2 << r << 32;
    QTest::newRow("48 kHz sweep") << sweep(30, 18000, 0.4, 48000, 3.0) << 1 << 48000 << 32;
    QTest::newRow("64 bands noise") << mixed(noise(0.2, r, 2.0, 9), sine(200, 0.3, r, 2.0)) << 1 << r << 64;
}

void TestSeedParity::matchesNumpy()
{
    QFETCH(std::vector<float>, samples);
    QFETCH(int, channels);
    QFETCH(int, rate);
    QFETCH(int, bands);

    AnalyzerConfig config;
    config.profile = Profile::Seed;
    config.sampleRate = rate;
    config.bands = bands;
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    std::vector<FrameValues> ours;
    framer.push(samples.data(), samples.size() / std::size_t(channels), channels,
                [&ours](const FrameValues &f, uint64_t) { ours.push_back(f); });

    const QString raw = m_dir.filePath(QStringLiteral("signal.f32"));
    QFile file(raw);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const auto bytes = qint64(samples.size() * sizeof(float));
    QCOMPARE(file.write(reinterpret_cast<const char *>(samples.data()), bytes), bytes);
    file.close();

    QProcess seed;
    seed.start(QStringLiteral(SPECTRAY_NUMPY_PYTHON),
               {QStringLiteral(SPECTRAY_SEED_REFERENCE), raw, QString::number(channels), QString::number(rate),
                QString::number(analyzer.hopSize()), QString::number(bands)});
    QVERIFY(seed.waitForFinished(60000));
    QVERIFY2(seed.exitCode() == 0, seed.readAllStandardError().constData());
    const QJsonObject reference = QJsonDocument::fromJson(seed.readAllStandardOutput()).object();
    const QJsonArray frames = reference.value(QStringLiteral("frames")).toArray();

    const QJsonArray edges = reference.value(QStringLiteral("edges")).toArray();
    QCOMPARE(qsizetype(analyzer.seedBinEdges().size()), edges.size());
    for (qsizetype i = 0; i < edges.size(); ++i)
        QCOMPARE(analyzer.seedBinEdges()[std::size_t(i)], edges[i].toInt());

    QVERIFY(!frames.isEmpty());
    QCOMPARE(qsizetype(ours.size()), frames.size());
    long values = 0;
    long exact = 0;
    QString firstFar; // the first value more than 1 apart (QFAIL cannot leave the test from a lambda)
    auto check = [&](int mine, int theirs, int frame, const char *what) {
        ++values;
        if (mine == theirs)
            ++exact;
        else if (qAbs(mine - theirs) > 1 && firstFar.isEmpty())
            firstFar = QStringLiteral("frame %1 %2: ours %3, seed %4").arg(frame).arg(QLatin1String(what)).arg(mine).arg(theirs);
    };
    for (int k = 0; k < frames.size(); ++k) {
        const QJsonObject f = frames[k].toObject();
        const QJsonArray freqs = f.value(QStringLiteral("frequencies")).toArray();
        QCOMPARE(qsizetype(ours[std::size_t(k)].bands.size()), freqs.size());
        for (int b = 0; b < freqs.size(); ++b)
            check(ours[std::size_t(k)].bands[std::size_t(b)], freqs[b].toInt(), k, "band");
        check(ours[std::size_t(k)].bass, f.value(QStringLiteral("bass")).toInt(), k, "bass");
        check(ours[std::size_t(k)].level, f.value(QStringLiteral("level")).toInt(), k, "level");
    }
    QVERIFY2(firstFar.isEmpty(), qPrintable(firstFar));
    m_values += values;
    m_exact += exact;
    const double share = double(exact) / double(values);
    qInfo("%s: %ld values, %.4f%% exactly equal", QTest::currentDataTag(), values, 100.0 * share);
    // The seed profile claims bit-exact parity: ±1 is only float rounding at a .5 boundary, so
    // almost every value must be identical, per signal (an off-by-one bias would pass the ±1 check).
    QVERIFY2(share >= kMinExactShare,
             qPrintable(QStringLiteral("only %1% of values identical to numpy (need %2%)")
                            .arg(100.0 * share, 0, 'f', 4).arg(100.0 * kMinExactShare)));
}

void TestSeedParity::cleanupTestCase()
{
    if (m_values == 0)
        return;
    const double share = double(m_exact) / double(m_values);
    qInfo("all signals: %ld values, %.4f%% exactly equal to numpy, the rest within 1/1000", m_values, 100.0 * share);
    QVERIFY(share >= kMinExactShare);
}

QTEST_APPLESS_MAIN(TestSeedParity)
#include "tst_seedparity.moc"
