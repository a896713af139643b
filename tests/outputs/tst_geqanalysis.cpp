// The feature path WLED and MQTT read, fed with synthetic samples through the real dsp code:
// GeqAnalysis (channels, peak, beat) -> makeAudioFeatures -> WledMapper (0..255 values).
// Expected values come from the signal (a sine of amplitude A has RMS A/sqrt 2), WLED's channel
// table (issue #13 / audio_reactive.h) and the beat pattern's own tempo.
#include "dsp/geqanalysis.h"
#include "engine/featurebridge.h"
#include "outputs/wledmapper.h"
#include "signals.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace spectray;
using testsignals::SignalGen;

namespace {

struct Run
{
    std::vector<AudioFeatures> features; // one per hop
    std::vector<outputs::WledPacketFields> packets; // one per 20 ms
    int beats = 0;
};

// Streams `seconds` of the signal through the analysis at a 10 ms hop, and the mapper at 50 Hz.
Run run(SignalGen gen, double seconds)
{
    dsp::GeqAnalysis geq(gen.rate);
    const int hop = gen.rate / 100;
    std::vector<float> window(std::size_t(geq.windowSize()), 0.0f);
    outputs::WledMapper mapper(50);
    Run r;
    quint64 beatCount = 0;
    quint64 beatsSent = 0;
    const int hops = int(seconds * 100);
    for (int h = 0; h < hops; ++h) {
        std::move(window.begin() + hop, window.end(), window.begin());
        for (int i = 0; i < hop; ++i)
            window[window.size() - std::size_t(hop) + std::size_t(i)] = gen.next();
        dsp::GeqResult res;
        const double t = double(gen.n) / gen.rate;
        geq.analyze(window.data(), t, res);
        r.features.push_back(makeAudioFeatures(res, quint64(h), t, beatCount));
        if (h % 2 == 1) { // every 20 ms, as the sender's timer
            const AudioFeatures &f = r.features.back();
            r.packets.push_back(mapper.map(f, f.beatCount > beatsSent));
            beatsSent = f.beatCount;
        }
    }
    r.beats = int(beatCount);
    return r;
}

int loudestChannel(const outputs::WledPacketFields &p)
{
    return int(std::max_element(p.fftResult.begin(), p.fftResult.end()) - p.fftResult.begin());
}

} // namespace

class TestGeqAnalysis final : public QObject
{
    Q_OBJECT

private slots:
    void wledChannelTable()
    {
        // WLED's 16 ranges (issue #13, audio_reactive.h FFTcode comments).
        const double expected[17]
            = { 43, 86, 129, 216, 301, 430, 560, 818, 1120, 1421, 1895, 2412, 3015, 3704, 4479, 7106, 9259 };
        for (int i = 0; i < 17; ++i)
            QCOMPARE(dsp::kWledGeqEdgesHz[std::size_t(i)], expected[i]);
        // The lowest channels must be resolved: at least 5 bins of the FFT they read.
        dsp::GeqAnalysis geq(44100);
        for (int c = 0; c < 16; ++c) {
            const double binHz = 44100.0 / geq.channelFftSizes()[std::size_t(c)];
            QVERIFY2((expected[c + 1] - expected[c]) / binHz >= 5.0, qPrintable(QString::number(c)));
        }
    }

    void toneLightsItsChannel_data()
    {
        QTest::addColumn<double>("freq");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channel");
        QTest::newRow("60 Hz") << 60.0 << 44100 << 0;
        QTest::newRow("1 kHz") << 1000.0 << 44100 << 7;
        QTest::newRow("5 kHz") << 5000.0 << 44100 << 14;
        QTest::newRow("60 Hz at 48k") << 60.0 << 48000 << 0;
        QTest::newRow("1 kHz at 48k") << 1000.0 << 48000 << 7;
        QTest::newRow("5 kHz at 96k") << 5000.0 << 96000 << 14;
    }
    void toneLightsItsChannel()
    {
        QFETCH(double, freq);
        QFETCH(int, rate);
        QFETCH(int, channel);
        SignalGen gen;
        gen.kind = SignalGen::Kind::Tone;
        gen.freq = freq;
        gen.rate = rate;
        gen.amplitude = 0.5;
        const Run r = run(gen, 1.5);
        const AudioFeatures &f = r.features.back();
        // A sine of amplitude 0.5 has RMS 0.3536; all of it inside its channel (within 5%).
        QVERIFY2(std::abs(f.geq[std::size_t(channel)] - 0.35355f) < 0.018f,
            qPrintable(QString::number(f.geq[std::size_t(channel)])));
        QVERIFY2(std::abs(f.peakHz - freq) < freq * 0.02 + 3.0, qPrintable(QString::number(f.peakHz)));
        QVERIFY(std::abs(f.peakMagnitude - 0.5f) < 0.5f * 0.16f); // Hann scalloping is at most 1.42 dB
        QVERIFY(std::abs(f.level - 0.35355f) < 0.01f);
        const outputs::WledPacketFields &p = r.packets.back();
        QCOMPARE(loudestChannel(p), channel);
        for (int c = 0; c < 16; ++c)
            if (c != channel)
                QVERIFY2(p.fftResult[std::size_t(c)] < p.fftResult[std::size_t(channel)] / 2,
                    qPrintable(QStringLiteral("channel %1 = %2").arg(c).arg(p.fftResult[std::size_t(c)])));
        QVERIFY(p.fftResult[std::size_t(channel)] >= 200);
        QVERIFY(std::abs(p.fftMajorPeak - freq) < freq * 0.02 + 3.0);
        QVERIFY(p.sampleRaw > 150.0f && p.sampleRaw <= 255.0f);
    }

    void silenceIsZero()
    {
        SignalGen gen;
        gen.kind = SignalGen::Kind::Silence;
        const Run r = run(gen, 1.0);
        const outputs::WledPacketFields &p = r.packets.back();
        for (quint8 v : p.fftResult)
            QCOMPARE(v, quint8(0));
        QCOMPARE(p.sampleRaw, 0.0f);
        QCOMPARE(p.sampleSmth, 0.0f);
        QCOMPARE(p.samplePeak, quint8(0));
        QCOMPARE(p.fftMagnitude, 0.0f);
        QCOMPARE(r.beats, 0);
    }

    void kickAt120BpmGivesTwoBeatsPerSecond()
    {
        // 120 BPM is the case; 90 and 150 BPM show the count follows the tempo.
        for (double bpm : { 120.0, 90.0, 150.0 }) {
            for (auto kind : { SignalGen::Kind::Kick, SignalGen::Kind::KickOverNoise }) {
                SignalGen gen;
                gen.kind = kind;
                gen.bpm = bpm;
                const double seconds = 10.0;
                const Run r = run(gen, seconds);
                int packetPeaks = 0;
                for (const auto &p : r.packets)
                    packetPeaks += p.samplePeak;
                const double rate = packetPeaks / seconds;
                qInfo("kick at %.0f BPM (%s): %d beats detected, %d packets with samplePeak: %.2f/s", bpm,
                    kind == SignalGen::Kind::Kick ? "alone" : "over noise", r.beats, packetPeaks, rate);
                QVERIFY2(std::abs(rate - bpm / 60.0) <= 0.3, qPrintable(QString::number(rate)));
            }
        }
    }

    void noBeatsInSteadyNoise()
    {
        for (auto kind : { SignalGen::Kind::Noise, SignalGen::Kind::BassNoise }) {
            SignalGen gen;
            gen.kind = kind;
            gen.amplitude = 0.3;
            const Run r = run(gen, 30.0);
            // The noise starting out of silence is an onset; after that, none for 29 s.
            int later = 0;
            for (const AudioFeatures &f : r.features)
                later += (f.beat && f.streamTime > 1.0) ? 1 : 0;
            qInfo("steady %s noise: %d beats after the first second of 30 s",
                kind == SignalGen::Kind::Noise ? "white" : "bass", later);
            QCOMPARE(later, 0);
        }
    }

    void beatsAtMostOnePer100ms()
    {
        // Onsets every 60 ms: the detector may report at most one per 100 ms.
        dsp::BeatDetector d;
        int beats = 0;
        double lastBeat = -1.0;
        for (int i = 0; i < 1000; ++i) {
            const double t = i * 0.01;
            const double energy = (i % 6 == 0) ? 1.0 : 1e-5;
            if (d.update(energy, t)) {
                if (lastBeat >= 0.0)
                    QVERIFY(t - lastBeat >= 0.1 - 1e-9);
                lastBeat = t;
                ++beats;
            }
        }
        QVERIFY(beats > 10);
    }
};

QTEST_APPLESS_MAIN(TestGeqAnalysis)
#include "tst_geqanalysis.moc"
