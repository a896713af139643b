// Weighting and level across bands, against independent references: the A-weighting table of
// IEC 61672-1 (typed in below from the standard), pink noise reading level in constant-Q bands
// (flat, log and 1/3-octave layouts) and white noise rising 3 dB per octave.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "dsp/weighting.h"

#include <QTest>

#include <fftw3.h>

#include <cmath>
#include <numbers>
#include <random>

using namespace spectray::dsp;

class TestWeighting final : public QObject
{
    Q_OBJECT

private slots:
    void aCurveMatchesTable();
    void aWeightedTonesMatchTable();
    void tiltSlopes();
    void pinkNoiseIsLevel_data();
    void pinkNoiseIsLevel();
    void whiteNoiseRisesThreeDbPerOctave();
};

namespace {

// IEC 61672-1:2013 table 3: A-weighting at the nominal one-third-octave frequencies (computed by the
// standard at the exact base-10 frequencies 1000 * 10^(n/10)), in dB.
struct TableRow
{
    double nominalHz;
    int n; // exact frequency = 1000 * 10^(n / 10)
    double aDb;
};
constexpr TableRow kIecA[] = {
    { 31.5, -15, -39.4 },
    { 40, -14, -34.6 },
    { 50, -13, -30.2 },
    { 63, -12, -26.2 },
    { 80, -11, -22.5 },
    { 100, -10, -19.1 },
    { 125, -9, -16.1 },
    { 160, -8, -13.4 },
    { 200, -7, -10.9 },
    { 250, -6, -8.6 },
    { 315, -5, -6.6 },
    { 400, -4, -4.8 },
    { 500, -3, -3.2 },
    { 630, -2, -1.9 },
    { 800, -1, -0.8 },
    { 1000, 0, 0.0 },
    { 1250, 1, 0.6 },
    { 1600, 2, 1.0 },
    { 2000, 3, 1.2 },
    { 2500, 4, 1.3 },
    { 3150, 5, 1.2 },
    { 4000, 6, 1.0 },
    { 5000, 7, 0.5 },
    { 6300, 8, -0.1 },
    { 8000, 9, -1.1 },
    { 10000, 10, -2.5 },
    { 12500, 11, -4.3 },
    { 16000, 12, -6.6 },
};

double exactHz(int n)
{
    return 1000.0 * std::pow(10.0, n / 10.0);
}

// Noise with an exactly shaped spectrum: constant magnitude f^(-slope/2) (slope 1 = pink, 0 =
// white) and random phases, from 10 Hz up, through one long inverse FFT; scaled to `rms`.
std::vector<float> shapedNoise(double slope, int rate, int log2n, double rms, unsigned seed)
{
    const int n = 1 << log2n;
    fftwf_complex *spec = fftwf_alloc_complex(std::size_t(n / 2 + 1));
    std::vector<float> out(static_cast<std::size_t>(n));
    fftwf_plan plan = fftwf_plan_dft_c2r_1d(n, spec, out.data(), FFTW_ESTIMATE);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> phase(0.0, 2.0 * std::numbers::pi);
    for (int k = 0; k <= n / 2; ++k) {
        const double hz = double(k) * rate / n;
        const double mag = hz >= 10.0 && k < n / 2 ? std::pow(hz, -slope / 2.0) : 0.0;
        const double ph = phase(rng);
        spec[k][0] = float(mag * std::cos(ph));
        spec[k][1] = float(mag * std::sin(ph));
    }
    fftwf_execute(plan);
    fftwf_destroy_plan(plan);
    fftwf_free(spec);
    double sumSq = 0.0;
    for (float v : out)
        sumSq += double(v) * v;
    const double gain = rms / std::sqrt(sumSq / n);
    for (float &v : out)
        v = float(v * gain);
    return out;
}

// Mean band power over every frame of `signal`, in dB (time-averaged power: the level meters read).
std::vector<double> meanBandDb(SpectrumAnalyzer &analyzer, const std::vector<float> &signal)
{
    StreamFramer framer(analyzer);
    std::vector<double> power(analyzer.rawBands().size(), 0.0);
    int frames = 0;
    framer.push(signal.data(), signal.size(), 1, [&](const FrameValues &, uint64_t) {
        const auto &raw = analyzer.rawBands();
        for (std::size_t b = 0; b < raw.size(); ++b)
            power[b] += double(raw[b]) * raw[b];
        ++frames;
    });
    std::vector<double> db;
    for (double p : power)
        db.push_back(10.0 * std::log10(p / frames));
    return db;
}

} // namespace

void TestWeighting::aCurveMatchesTable()
{
    for (const TableRow &row : kIecA) {
        const double got = weightingDb(Weighting::A, exactHz(row.n));
        QVERIFY2(std::abs(got - row.aDb) <= 0.051,
            qPrintable(QStringLiteral("%1 Hz: %2 dB, table %3 dB").arg(row.nominalHz).arg(got).arg(row.aDb)));
    }
    QCOMPARE(weightingDb(Weighting::Flat, 50.0), 0.0);
}

void TestWeighting::aWeightedTonesMatchTable()
{
    // A steady tone at each table frequency, analysed flat and A-weighted (1/3-octave layout, so the
    // tone sits in one band): the weighted band reads the table's value below the flat one.
    const int rate = 48000;
    AnalyzerConfig flat;
    flat.sampleRate = rate;
    flat.layout = Layout::Octave;
    flat.minHz = 25.0;
    AnalyzerConfig a = flat;
    a.weighting = Weighting::A;
    SpectrumAnalyzer flatAnalyzer(flat), aAnalyzer(a);
    double worst = 0.0;
    for (const TableRow &row : kIecA) {
        const double hz = exactHz(row.n);
        std::vector<float> tone(std::size_t(flatAnalyzer.windowSize()));
        for (std::size_t i = 0; i < tone.size(); ++i)
            tone[i] = float(0.5 * std::sin(2.0 * std::numbers::pi * hz * double(i) / rate + 0.3));
        FrameValues f;
        flatAnalyzer.analyze(tone.data(), f);
        aAnalyzer.analyze(tone.data(), f);
        const auto &centres = flatAnalyzer.centresHz();
        const auto band = std::size_t(std::min_element(centres.begin(), centres.end(), [&](double x, double y) {
            return std::abs(std::log(x / hz)) < std::abs(std::log(y / hz));
        }) - centres.begin());
        const double got = 20.0 * std::log10(double(aAnalyzer.rawBands()[band]) / flatAnalyzer.rawBands()[band]);
        worst = std::max(worst, std::abs(got - row.aDb));
        QVERIFY2(std::abs(got - row.aDb) <= 0.3,
            qPrintable(QStringLiteral("%1 Hz tone reads %2 dB A-weighted, table %3")
                           .arg(row.nominalHz)
                           .arg(got)
                           .arg(row.aDb)));
    }
    qInfo("A-weighted tones 31.5 Hz..16 kHz: largest difference from IEC 61672-1 table %.2f dB", worst);
}

void TestWeighting::tiltSlopes()
{
    QCOMPARE(weightingDb(Weighting::Tilt3, 1000.0), 0.0);
    QVERIFY(std::abs(weightingDb(Weighting::Tilt3, 4000.0) - 6.0) < 1e-12);
    QVERIFY(std::abs(weightingDb(Weighting::Tilt4_5, 250.0) + 9.0) < 1e-12);
}

void TestWeighting::pinkNoiseIsLevel_data()
{
    QTest::addColumn<int>("layout");
    QTest::newRow("log 32") << int(Layout::Log);
    QTest::newRow("1/3 octave") << int(Layout::Octave);
}

void TestWeighting::pinkNoiseIsLevel()
{
    QFETCH(int, layout);
    AnalyzerConfig c;
    c.layout = Layout(layout);
    c.weighting = Weighting::Flat;
    SpectrumAnalyzer analyzer(c);
    const auto db = meanBandDb(analyzer, shapedNoise(1.0, 44100, 20, 0.1, 7));
    const double lo = *std::min_element(db.begin(), db.end());
    const double hi = *std::max_element(db.begin(), db.end());
    double mean = 0.0;
    for (double v : db)
        mean += v / double(db.size());
    for (std::size_t b = 0; b < db.size(); ++b)
        qInfo("band %2zu %8.1f Hz  %+.2f dB", b, analyzer.centresHz()[b], db[b] - mean);
    qInfo("pink noise: %zu bands within %.2f..%+.2f dB of their mean", db.size(), lo - mean, hi - mean);
    QVERIFY(hi - mean <= 1.5);
    QVERIFY(mean - lo <= 1.5);
}

void TestWeighting::whiteNoiseRisesThreeDbPerOctave()
{
    AnalyzerConfig c;
    c.weighting = Weighting::Flat;
    SpectrumAnalyzer analyzer(c);
    const auto db = meanBandDb(analyzer, shapedNoise(0.0, 44100, 20, 0.1, 9));
    // Least-squares slope of level against octaves.
    const auto &centres = analyzer.centresHz();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const double n = double(db.size());
    for (std::size_t b = 0; b < db.size(); ++b) {
        const double x = std::log2(centres[b]);
        sx += x;
        sy += db[b];
        sxx += x * x;
        sxy += x * db[b];
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const double intercept = (sy - slope * sx) / n;
    double worst = 0.0;
    for (std::size_t b = 0; b < db.size(); ++b)
        worst = std::max(worst, std::abs(db[b] - (intercept + slope * std::log2(centres[b]))));
    qInfo("white noise: %.2f dB per octave, bands within %.2f dB of the line", slope, worst);
    QVERIFY(std::abs(slope - 3.0) <= 0.2);
    QVERIFY(worst <= 1.5);
}

QTEST_APPLESS_MAIN(TestWeighting)
#include "tst_weighting.moc"
