// The engine against a real (private) PulseAudio daemon: tones played into null sinks must show up
// in the right band, and switching devices mid-stream must move the spectrum with it.
#include "capture/audiobackend.h"
#include "engine/analysispipeline.h"
#include "engine/engine.h"
#include "engine/liveanalysis.h"
#include "hangguard.h"
#include "fakeapps.h"
#include "pulsedaemon.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <mutex>

using namespace spectray;

namespace {

int bandOf(const BandLayout &layout, double hz)
{
    for (int i = 0; i < layout.bandCount(); ++i) {
        if (hz >= layout.edgesHz[i] && hz < layout.edgesHz[i + 1])
            return i;
    }
    return -1;
}

int loudestBand(const SpectrumFrame &frame)
{
    return int(std::max_element(frame.bands.begin(), frame.bands.end()) - frame.bands.begin());
}

// Feeds a LiveAnalysis on the PulseAudio thread, as the worker does, and keeps what it got.
class LiveTap final : public capture::CaptureSink, public LiveAnalysis::Output
{
public:
    LiveAnalysis live{*this, 2.0};

    void onAudio(const float *interleaved, std::size_t frames, const capture::StreamFormat &format, bool hint) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_samples.insert(m_samples.end(), interleaved, interleaved + frames * std::size_t(format.channels));
            m_format = format;
            ++m_packets;
        }
        live.feed(interleaved, frames, format, hint);
    }
    void onDevicesChanged(const std::vector<capture::DeviceInfo> &) override {}
    void onStreamEvent(capture::StreamEvent, const std::string &, const std::string &, const std::string &) override {}
    void liveFrame(const SpectrumFrame &frame) override
    {
        std::lock_guard lock(m_mutex);
        m_frames.append(frame);
    }
    void liveFeatures(const AudioFeatures &) override {}
    void liveLayout(const BandLayout &) override {}
    void liveNotice(LiveAnalysis::Notice, const QString &) override {}

    std::size_t sampleCount() const { std::lock_guard lock(m_mutex); return m_samples.size(); }
    // Only after the backend closed (no more calls from its thread).
    const std::vector<float> &samples() const { return m_samples; }
    const QList<SpectrumFrame> &frames() const { return m_frames; }
    capture::StreamFormat format() const { return m_format; }
    int packets() const { return m_packets; }

private:
    mutable std::mutex m_mutex;
    std::vector<float> m_samples;
    QList<SpectrumFrame> m_frames;
    capture::StreamFormat m_format;
    int m_packets = 0;
};

} // namespace

class TestEnginePulse final : public QObject
{
    Q_OBJECT

    test::PulseDaemon m_daemon;
    SpectrumFrame m_last;
    int m_frames = 0;

    // True when `holds(frame, band of hz)` is true for five frames in a row within the timeout.
    template <typename Predicate>
    bool holdsFor(Engine &engine, double hz, int timeoutMs, Predicate holds)
    {
        const int want = bandOf(engine.layout(), hz);
        int streak = 0;
        int seen = m_frames;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            QTest::qWait(20);
            if (m_frames == seen)
                continue;
            seen = m_frames;
            streak = holds(m_last, want) ? streak + 1 : 0;
            if (streak >= 5)
                return true;
        }
        qWarning() << "band" << want << "for" << hz << "Hz never held; last frame" << m_last.bands;
        return false;
    }

    bool peaksAt(Engine &engine, double hz, int timeoutMs)
    {
        return holdsFor(engine, hz, timeoutMs, [](const SpectrumFrame &f, int band) { return loudestBand(f) == band; });
    }

    // At least half scale: the band is clearly fed, whatever else plays.
    bool bandLoud(Engine &engine, double hz, int timeoutMs)
    {
        return holdsFor(engine, hz, timeoutMs, [](const SpectrumFrame &f, int band) { return f.bands.value(band) >= 500; });
    }

private slots:
    void initTestCase()
    {
        if (!test::PulseDaemon::available())
            QSKIP("pulseaudio is not installed (scripts/install-deps.sh --test installs it)");
        QVERIFY2(m_daemon.start({QStringLiteral("sink_a"), QStringLiteral("sink_b")}), qPrintable(m_daemon.error()));
        QVERIFY(m_daemon.setDefaultSink(QStringLiteral("sink_a")));
    }

    void toneShowsInItsBandAndFollowsADeviceSwitch()
    {
        test::TonePlayer a;
        test::TonePlayer b;
        QVERIFY(a.start(QStringLiteral("sink_a"), 1000.0, 0.5));
        QVERIFY(b.start(QStringLiteral("sink_b"), 3000.0, 0.5));

        Engine engine;
        connect(&engine, &Engine::frameReady, this, [this](const SpectrumFrame &f) {
            m_last = f;
            ++m_frames;
        });
        QSignalSpy devices(&engine, &Engine::devicesChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.devices().isEmpty(), test::kHangGuardMs);
        const auto ids = [&] {
            QStringList out;
            for (const AudioDevice &d : engine.devices())
                out << d.id;
            return out;
        }();
        QVERIFY2(ids.contains(QStringLiteral("pulse:sink_a.monitor")), qPrintable(ids.join(u',')));
        QVERIFY2(ids.contains(QStringLiteral("pulse:sink_b.monitor")), qPrintable(ids.join(u',')));

        engine.selectDevice(QStringLiteral("default-output"));
        engine.start();
        // Each wait below is a hang guard: a new stream on a null sink may wait out its 2 s cycle.
        QTRY_VERIFY_WITH_TIMEOUT(m_frames > 0, test::kHangGuardMs);
        QVERIFY(peaksAt(engine, 1000.0, test::kHangGuardMs));

        engine.selectDevice(QStringLiteral("pulse:sink_b.monitor"));
        QVERIFY(peaksAt(engine, 3000.0, test::kHangGuardMs));
        QCOMPARE(engine.status().state, EngineStatus::State::Running);

        // The default output follows the system default when it moves.
        engine.selectDevice(QStringLiteral("default-output"));
        QVERIFY(peaksAt(engine, 1000.0, test::kHangGuardMs));
        // PulseAudio moves every playing stream to the new default sink (even pacat -d sink_a), so
        // both tones now play into sink_b and sink_a falls silent: only a capture that followed the
        // default to sink_b's monitor hears 3 kHz.
        QVERIFY(m_daemon.setDefaultSink(QStringLiteral("sink_b")));
        QVERIFY(bandLoud(engine, 3000.0, test::kHangGuardMs));
        QCOMPARE(engine.status().state, EngineStatus::State::Running);
        engine.stop();
        QTRY_COMPARE(engine.status().state, EngineStatus::State::Stopped);
    }

    // An application source (app:BINARY): only its tone, "<App> is not playing" while its stream
    // is gone (the source is kept, nothing of the other app shows), and its next stream picked up.
    void applicationSourceWaitsAndResumes()
    {
        test::FakeApps players;
        QVERIFY(players.start(QStringLiteral("sink_a"), 500.0, 3000.0, 0.5));
        Engine engine;
        connect(&engine, &Engine::frameReady, this, [this](const SpectrumFrame &f) {
            m_last = f;
            ++m_frames;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!engine.devices().isEmpty(), test::kHangGuardMs);
        engine.selectDevice(QStringLiteral("app:alpha"));
        const int before = m_frames;
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_frames > before, test::kHangGuardMs); // the layout is known from here
        QVERIFY(peaksAt(engine, 500.0, test::kHangGuardMs));
        QCOMPARE(engine.status().deviceId, QStringLiteral("app:alpha"));

        players.alpha.stop();
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, EngineStatus::State::Silent, test::kHangGuardMs);
        QCOMPARE(engine.status().reason, QStringLiteral("Alpha Player is not playing"));
        QCOMPARE(engine.status().deviceId, QStringLiteral("app:alpha"));
        const int framesWhileQuiet = m_frames;
        QTest::qWait(2000); // the new stream starts 2 s later
        QVERIFY2(m_frames - framesWhileQuiet < 3, "frames kept coming while the app was not playing");

        QElapsedTimer pickUp;
        pickUp.start();
        QVERIFY(players.startAlpha(QStringLiteral("sink_a"), 500.0, 0.5));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, EngineStatus::State::Running, test::kHangGuardMs);
        qInfo("engine Running again %lld ms after the app's new stream started", pickUp.elapsed());
        QVERIFY(peaksAt(engine, 500.0, test::kHangGuardMs));
        engine.stop();
    }

    void livePulsePacketsGiveTheOfflineFrames()
    {
        // The same audio through the live path (PulseAudio's packets, analysed on its thread, at
        // one packet per 60 fps hop) and through the offline path in one piece: the same frames.
        test::TonePlayer tone;
        QVERIFY(tone.start(QStringLiteral("sink_b"), 300.0, 0.4));
        LiveTap tap; // declared first: the sink must outlive the backend
        AnalysisConfig config;
        config.profile = u"seed"_qs;
        config.fftSize = 1024;
        config.fps = 60;
        QVERIFY(tap.live.applyConfig(config, nullptr));
        auto backend = capture::createSystemBackend();
        backend->setSink(&tap);
        backend->setPreferredChunk(1.0 / 60);
        std::string error;
        QVERIFY2(backend->open("pulse:sink_b.monitor", error), error.c_str());
        QElapsedTimer t;
        t.start();
        for (int step = 0; tap.sampleCount() < 2 * 48000 * 2 && t.elapsed() < test::kHangGuardMs; ++step) {
            QTest::qWait(50);
            tone.setTone(step % 2 ? 300.0 : 3000.0, 0.4); // something that changes from frame to frame
        }
        backend->close();
        tone.stop();
        const capture::StreamFormat format = tap.format();
        QCOMPARE(format.channels, 2);
        const std::size_t total = tap.samples().size() / 2;
        QVERIFY2(total >= 48000, qPrintable(QString::number(total)));

        AnalysisPipeline offline;
        QVERIFY(offline.configure(config, format.sampleRate, nullptr));
        QList<SpectrumFrame> reference;
        offline.push(tap.samples().data(), total, 2, [&](const SpectrumFrame &f) { reference.append(f); });
        const std::size_t hop = std::size_t(std::lround(format.sampleRate / 60.0));
        qInfo("%d packets, %zu frames each on average, %lld frames", tap.packets(), total / std::size_t(tap.packets()),
              qlonglong(tap.frames().size()));
        QCOMPARE(tap.frames().size(), qsizetype((total - 1024) / hop + 1));
        QCOMPARE(tap.frames().size(), reference.size());
        for (qsizetype k = 0; k < reference.size(); ++k) {
            QCOMPARE(tap.frames()[k].sequence, quint64(k));
            QCOMPARE(tap.frames()[k].streamTime, reference[k].streamTime);
            QCOMPARE(tap.frames()[k].bands, reference[k].bands);
            QCOMPARE(tap.frames()[k].level, reference[k].level);
        }
    }

    void cleanupTestCase() { m_daemon.stop(); }
};

QTEST_GUILESS_MAIN(TestEnginePulse)
#include "tst_enginepulse.moc"
