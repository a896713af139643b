// Per-application capture of the PulseAudio backend against a private daemon: two fake players
// (pacat posing as "Alpha Player"/alpha and "Beta Player"/beta) play 500 Hz and 3 kHz into one sink.
// Capturing one app must show its tone and not the other's (isolation measured with an
// independent Goertzel), the whole output both, the exclusion only the other; the source survives
// the app's stream ending (Waiting), picks the next stream up, adds a second stream, follows a move.
#include "apptesthelpers.h"
#include "capture/audiobackend.h"
#include "capturerecorder.h"
#include "fakeapps.h"
#include "hangguard.h"
#include "pulsedaemon.h"
#include "pulsetesthelpers.h"

#include <QTest>

using namespace spectray;
using namespace std::chrono_literals;
using namespace spectray::test::pulsehelpers;
using namespace spectray::test::apphelpers;

namespace {
// A tone counts as present above this level (a full-scale sine reads 0 dB, ours -10.5 dB): low
// enough for a loaded machine where the fake players underrun now and then, and still 150 dB
// above what an isolated capture shows of the other app.
constexpr double kPresentDb = -40.0;
constexpr double kLowHz = 500.0;
constexpr double kHighHz = 3000.0;
constexpr double kAmplitude = 0.3;
constexpr int kRate = 48000;
const QString kSink = QStringLiteral("test_sink");
const QString kOtherSink = QStringLiteral("other_sink");
const QString kAlphaName = test::FakeApps::kAlphaName;
const QString kAlpha = test::FakeApps::kAlpha;
} // namespace

class TestPulseApps final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::PulseDaemon> m_daemon;
    test::FakeApps m_apps;
    test::TonePlayer m_alpha2;

    // Opens `id`, lets 1 s of fresh audio arrive, and returns the peak levels at both tones (dB)
    // over its last 0.8 s.
    std::pair<double, double> levels(test::CaptureRecorder &rec, capture::AudioBackend &backend, const std::string &id)
    {
        std::string error;
        rec.reset();
        if (!backend.open(id, error)) {
            qWarning("open %s: %s", id.c_str(), error.c_str());
            return { -999.0, -999.0 };
        }
        waitFor([&] { return rec.frames() >= kRate; }, test::kHangGuard); // the first 0.2 s: streams attaching
        const auto x = rec.tail(kRate * 8 / 10);
        return { peakBandDb(x, kRate, kLowHz), peakBandDb(x, kRate, kHighHz) };
    }

    // Opens app:alpha on a fresh backend and waits until alpha's tone is captured.
    bool openAlpha(test::CaptureRecorder &rec, std::unique_ptr<capture::AudioBackend> &backend)
    {
        backend = capture::createSystemBackend();
        backend->setSink(&rec);
        std::string error;
        if (!backend->open("app:alpha", error)) {
            qWarning("open app:alpha: %s", error.c_str());
            return false;
        }
        return waitForTone(rec, kLowHz, test::kHangGuard) >= 0;
    }

private slots:
    void init()
    {
        if (!test::PulseDaemon::available())
            QSKIP("pulseaudio is not installed");
        m_daemon = std::make_unique<test::PulseDaemon>();
        QVERIFY2(m_daemon->start({ kSink, kOtherSink }), qPrintable(m_daemon->error()));
        QVERIFY(m_daemon->setDefaultSink(kSink));
        QVERIFY(m_daemon->primeLowLatency(kSink));
        QVERIFY(m_daemon->primeLowLatency(kOtherSink));
        QVERIFY(m_apps.start(kSink, kLowHz, kHighHz, kAmplitude));
        QVERIFY(waitFor(
                    [&] {
                        return !sinkInputsOf(*m_daemon, kAlpha).empty()
                            && !sinkInputsOf(*m_daemon, test::FakeApps::kBeta).empty();
                    },
                    test::kHangGuard)
            >= 0);
    }
    void cleanup()
    {
        m_apps.alpha.stop();
        m_apps.beta.stop();
        m_alpha2.stop();
        m_daemon.reset();
    }

    void listsBothApplications()
    {
        auto backend = capture::createSystemBackend();
        capture::DeviceInfo a, b;
        QVERIFY(waitFor(
                    [&] {
                        const auto list = backend->devices();
                        return hasDevice(list, "app:alpha", &a) && hasDevice(list, "app:beta", &b);
                    },
                    test::kHangGuard)
            >= 0);
        QCOMPARE(a.kind, capture::DeviceKind::Application);
        QCOMPARE(QString::fromStdString(a.name), kAlphaName);
        QCOMPARE(a.iconName, std::string("alpha"));
        QCOMPARE(b.name, std::string("Beta Player"));
    }

    void isolatesEachApplication()
    {
        test::CaptureRecorder rec;
        auto backend = capture::createSystemBackend();
        backend->setSink(&rec);
        const auto [aLow, aHigh] = levels(rec, *backend, "app:alpha");
        qInfo("app:alpha   500 Hz %.1f dB, 3 kHz %.1f dB: isolation %.1f dB", aLow, aHigh, aLow - aHigh);
        QVERIFY2(aLow > kPresentDb, "alpha's own tone is missing");
        QVERIFY2(aLow - aHigh >= 30.0, "beta's tone leaks into alpha's capture");
        const auto [bLow, bHigh] = levels(rec, *backend, "app:beta");
        qInfo("app:beta    500 Hz %.1f dB, 3 kHz %.1f dB: isolation %.1f dB", bLow, bHigh, bHigh - bLow);
        QVERIFY2(bHigh > kPresentDb, "beta's own tone is missing");
        QVERIFY2(bHigh - bLow >= 30.0, "alpha's tone leaks into beta's capture");
        const auto [wLow, wHigh] = levels(rec, *backend, "default-output");
        qInfo("whole output 500 Hz %.1f dB, 3 kHz %.1f dB", wLow, wHigh);
        QVERIFY(wLow > kPresentDb && wHigh > kPresentDb); // both there
        backend->close();
    }

    void exclusionShowsOnlyTheOthers()
    {
        test::CaptureRecorder rec;
        auto backend = capture::createSystemBackend();
        backend->setSink(&rec);
        const auto [low, high] = levels(rec, *backend, "app-except:alpha");
        qInfo("app-except:alpha 500 Hz %.1f dB, 3 kHz %.1f dB: isolation %.1f dB", low, high, high - low);
        QVERIFY(high > kPresentDb);
        QVERIFY2(high - low >= 30.0, "the excluded app is heard");
    }

    void followsTheApplicationAcrossRestarts()
    {
        test::CaptureRecorder rec; // declared first: the sink must outlive the backend
        std::unique_ptr<capture::AudioBackend> backend;
        QVERIFY(openAlpha(rec, backend));

        QVERIFY(!rec.hasEvent(capture::StreamEvent::Waiting)); // alpha plays from the start
        // The stream ends: the source stays, says why it is quiet, and nothing crashes.
        m_apps.alpha.stop();
        QVERIFY(waitFor([&] { return rec.hasEvent(capture::StreamEvent::Waiting); }, test::kHangGuard) >= 0);
        for (const auto &e : rec.events()) {
            if (e.event == capture::StreamEvent::Waiting) {
                QCOMPARE(e.deviceId, std::string("app:alpha"));
                QCOMPARE(QString::fromStdString(e.deviceName), kAlphaName);
                QVERIFY(e.message.find("not playing") != std::string::npos);
            }
            QVERIFY(e.event != capture::StreamEvent::DeviceLost && e.event != capture::StreamEvent::Failed);
        }
        // Waiting never means the whole output: beta plays on, and nothing of it is delivered.
        const std::size_t quietFrames = rec.frames();
        QTest::qWait(2000);
        QVERIFY2(rec.frames() - quietFrames < kRate / 10, "audio kept coming with alpha stopped");

        // A new stream of the same app 2 s later is picked up (only fresh audio counts).
        rec.reset();
        const auto started = Clock::now();
        QVERIFY(m_apps.startAlpha(kSink, kLowHz, kAmplitude));
        QVERIFY(waitForTone(rec, kLowHz, test::kHangGuard) >= 0);
        qInfo("pick-up after the app's new stream started: %.0f ms (player start to tone captured)",
            ms(Clock::now() - started));
    }

    void sumsSeveralStreamsOfOneApplication()
    {
        QVERIFY(m_alpha2.start(kSink, 1200.0, kAmplitude, kAlphaName, kAlpha));
        QVERIFY(waitFor([&] { return sinkInputsOf(*m_daemon, QStringLiteral("alpha")).size() == 2; }, test::kHangGuard)
            >= 0);
        test::CaptureRecorder rec;
        auto backend = capture::createSystemBackend();
        backend->setSink(&rec);
        const auto [low, high] = levels(rec, *backend, "app:alpha");
        const double second = peakBandDb(rec.tail(kRate * 8 / 10), kRate, 1200.0);
        qInfo("two alpha streams: 500 Hz %.1f dB, 1.2 kHz %.1f dB, beta's 3 kHz %.1f dB", low, second, high);
        QVERIFY(low > kPresentDb && second > kPresentDb); // both streams of the app, summed
        QVERIFY(low - high >= 30.0);
    }

    void followsAMoveToAnotherSink()
    {
        test::CaptureRecorder rec; // declared first: the sink must outlive the backend
        std::unique_ptr<capture::AudioBackend> backend;
        QVERIFY(openAlpha(rec, backend));
        const auto inputs = sinkInputsOf(*m_daemon, QStringLiteral("alpha"));
        QCOMPARE(inputs.size(), std::size_t(1));
        bool ok = false;
        m_daemon->pactl({ QStringLiteral("move-sink-input"), QString::number(inputs.front()), kOtherSink }, &ok);
        QVERIFY(ok);
        const auto moved = Clock::now();
        const std::size_t before = rec.frames();
        // Capture goes on from the new sink: fresh audio with alpha's tone and without beta's.
        QVERIFY(waitFor([&] { return rec.frames() > before + kRate / 2; }, test::kHangGuard) >= 0);
        QVERIFY(waitForTone(rec, kLowHz, test::kHangGuard) >= 0);
        qInfo("capture resumed %.0f ms after the move", ms(Clock::now() - moved));
        const auto x = rec.tail(kRate * 4 / 10);
        QVERIFY(peakBandDb(x, kRate, kLowHz) - peakBandDb(x, kRate, kHighHz) >= 30.0);
    }

    // The server dies and comes back while an application is captured: no crash, no fallback to
    // an output, and the app's stream on the new server is picked up.
    void survivesAServerRestart()
    {
        test::CaptureRecorder rec; // declared first: the sink must outlive the backend
        std::unique_ptr<capture::AudioBackend> backend;
        QVERIFY(openAlpha(rec, backend));
        m_apps.alpha.stop();
        m_apps.beta.stop();
        m_daemon->stop(/*hard=*/true);
        QVERIFY(waitFor([&] { return rec.hasEvent(capture::StreamEvent::ServerLost); }, test::kHangGuard) >= 0);
        rec.reset();
        QVERIFY2(m_daemon->start({ kSink, kOtherSink }), qPrintable(m_daemon->error()));
        QVERIFY(m_daemon->primeLowLatency(kSink));
        QVERIFY(m_apps.start(kSink, kLowHz, kHighHz, kAmplitude));
        QVERIFY(waitFor([&] { return rec.hasEvent(capture::StreamEvent::ServerBack); }, test::kHangGuard) >= 0);
        QVERIFY(waitForTone(rec, kLowHz, test::kHangGuard) >= 0);
        QVERIFY(waitFor([&] { return rec.frames() >= kRate / 2; }, test::kHangGuard) >= 0);
        const auto x = rec.tail(kRate * 4 / 10);
        QVERIFY(peakBandDb(x, kRate, kLowHz) - peakBandDb(x, kRate, kHighHz) >= 30.0);
        for (const auto &e : rec.events())
            QVERIFY(e.event != capture::StreamEvent::DeviceLost && e.event != capture::StreamEvent::Failed);
    }
};

QTEST_GUILESS_MAIN(TestPulseApps)
#include "tst_pulseapps.moc"
