// Demo and file backends: real-time pacing, format, events, prompt close.
#include "capturerecorder.h"
#include "testsignals.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace spectray;
using namespace std::chrono_literals;

class TestVirtualBackends final : public QObject
{
    Q_OBJECT

private slots:
    void demoRunsInRealTime()
    {
        test::CaptureRecorder rec; // declared first: the sink must outlive the backend
        auto backend = capture::createDemoBackend();
        const auto devices = backend->devices();
        QCOMPARE(devices.size(), size_t(1));
        QCOMPARE(devices[0].id, std::string("demo"));
        QCOMPARE(devices[0].kind, capture::DeviceKind::Virtual);
        QVERIFY(QString::fromStdString(devices[0].name).contains(QStringLiteral("synthetic")));

        backend->setSink(&rec);
        std::string error;
        QVERIFY2(backend->open("demo", error), error.c_str());
        const auto t0 = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(1000ms);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const size_t frames = rec.frames();
        backend->close();
        const size_t afterClose = rec.frames();
        std::this_thread::sleep_for(50ms);
        QCOMPARE(rec.frames(), afterClose); // nothing after close()

        QCOMPARE(rec.format().sampleRate, 48000);
        QCOMPARE(rec.format().channels, 2);
        // Real time, not as fast as possible: samples per second actually elapsed (figure printed).
        const double expected = seconds * 48000.0;
        qInfo("demo: %zu frames in %.3f s (%.3f x real time)", frames, seconds, double(frames) / expected);
        QVERIFY2(std::abs(static_cast<double>(frames) - expected) < 0.5 * expected,
                 qPrintable(QStringLiteral("%1 frames in %2 s").arg(frames).arg(seconds)));
        QVERIFY(rec.hasEvent(capture::StreamEvent::Started));
        const double level = test::rms(rec.tail(48000));
        QVERIFY2(level > 0.05 && level < 0.9, qPrintable(QString::number(level)));
    }

    void demoRejectsUnknownId()
    {
        auto backend = capture::createDemoBackend();
        std::string error;
        QVERIFY(!backend->open("pulse:whatever", error));
        QVERIFY(!error.empty());
    }

    void fileLoopsInRealTime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tone.flac"));
        // 0.3 s file, so one second of playback must loop three times without a gap.
        QVERIFY(test::writeAudioFile(path, test::sine(1000.0, 0.5, 44100, 0.3, 1), 44100, 1));
        test::CaptureRecorder rec; // declared first: the sink must outlive the backend
        auto backend = capture::createFileBackend(path.toStdString());
        QCOMPARE(backend->devices().at(0).id, "file:" + path.toStdString());
        backend->setSink(&rec);
        std::string error;
        QVERIFY2(backend->open({}, error), error.c_str());
        const auto t0 = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(1000ms);
        backend->close();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        QCOMPARE(rec.format().sampleRate, 44100);
        QCOMPARE(rec.format().channels, 1);
        const double frames = static_cast<double>(rec.frames());
        // Looping in real time (per second actually elapsed), not as fast as possible, not stalled.
        qInfo("file: %.0f frames in %.3f s (%.3f x real time)", frames, seconds, frames / (seconds * 44100));
        QVERIFY2(frames > 0.5 * seconds * 44100 && frames < 1.5 * seconds * 44100, qPrintable(QString::number(frames)));
        const auto x = rec.tail(8820);
        QVERIFY(std::abs(test::dominantFrequency(x, 44100) - 1000.0) <= 10.0);
    }

    void fileOpenFailsOnBadFile()
    {
        auto backend = capture::createFileBackend("/nonexistent/file.wav");
        std::string error;
        QVERIFY(!backend->open({}, error));
        QVERIFY(QString::fromStdString(error).contains(QStringLiteral("not found")));
    }
};

QTEST_GUILESS_MAIN(TestVirtualBackends)
#include "tst_virtualbackends.moc"
