// Qt Multimedia input backend against a private PulseAudio daemon. Qt hides monitor sources, so
// the null sink's monitor is exposed as an ordinary input through module-remap-source.
#include "capture/qtinputbackend.h"
#include "capturerecorder.h"
#include "hangguard.h"
#include "pulsedaemon.h"

#include <QTest>

using namespace spectray;

class TestQtInputBackend final : public QObject
{
    Q_OBJECT

    test::PulseDaemon m_daemon;
    test::TonePlayer m_tone;

private slots:
    void initTestCase()
    {
        if (!test::PulseDaemon::available())
            QSKIP("pulseaudio is not installed");
        // Before anything touches Qt Multimedia: its PulseAudio engine connects once, on first use.
        QVERIFY2(m_daemon.start({QStringLiteral("sink_a")}), qPrintable(m_daemon.error()));
        bool ok = false;
        m_daemon.pactl({QStringLiteral("load-module"), QStringLiteral("module-remap-source"),
                        QStringLiteral("master=sink_a.monitor"), QStringLiteral("source_name=test_loop"),
                        QStringLiteral("source_properties=device.description=TestLoopback")},
                       &ok);
        QVERIFY(ok);
        QVERIFY(m_daemon.primeLowLatency(QStringLiteral("sink_a")));
    }
    void cleanupTestCase()
    {
        m_tone.stop();
        m_daemon.stop();
    }

    void listsAndCaptures()
    {
        test::CaptureRecorder rec; // declared first: the sink must outlive the backend
        auto backend = capture::createQtInputBackend();
        QCOMPARE(backend->name(), std::string("qt"));
        std::string id;
        for (const auto &d : backend->devices()) {
            QCOMPARE(d.kind, capture::DeviceKind::Input);
            QVERIFY(d.id.rfind("qt:", 0) == 0);
            if (d.name == "TestLoopback")
                id = d.id;
        }
        QVERIFY2(!id.empty(), "remapped source listed");

        QVERIFY(m_tone.start(QStringLiteral("sink_a"), 1000.0, 0.5));
        backend->setSink(&rec);
        std::string error;
        const auto t0 = std::chrono::steady_clock::now();
        QVERIFY2(backend->open(id, error), error.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames() > 0, test::kHangGuardMs); // typically 1.5-2 s: the sink cycle
        qInfo("Qt input: open to first audio %.1f ms",
              std::chrono::duration<double, std::milli>(rec.firstAudio() - t0).count());
        const int rate = rec.format().sampleRate;
        QTRY_VERIFY_WITH_TIMEOUT(rec.frames() > static_cast<size_t>(rate) / 2, test::kHangGuardMs);
        const auto x = rec.tail(static_cast<size_t>(rate) / 10);
        QVERIFY2(std::abs(test::dominantFrequency(x, rate, 100.0, 4000.0, 10.0) - 1000.0) <= 10.0, "1 kHz tone");
        QVERIFY(test::rms(x) > 0.2);
        backend->close();
        const size_t after = rec.frames();
        QTest::qWait(100);
        QCOMPARE(rec.frames(), after);
    }

    void unknownDeviceFails()
    {
        auto backend = capture::createQtInputBackend();
        std::string error;
        QVERIFY(!backend->open("qt:does-not-exist", error));
        QVERIFY(!error.empty());
    }
};

QTEST_GUILESS_MAIN(TestQtInputBackend)
#include "tst_qtinputbackend.moc"
