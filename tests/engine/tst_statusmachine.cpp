// The engine's status transitions (docs/engine.md, "Silence and idling" and "Devices and
// failures"), driven by the events the worker reports.
#include "engine/statusmachine.h"

#include <QTest>

using namespace spectray;
using State = EngineStatus::State;
using capture::StreamEvent;

class TestStatusMachine final : public QObject
{
    Q_OBJECT

private slots:
    void outputLatencyIsRoundedAndSaidOnce()
    {
        StatusMachine m;
        QVERIFY(m.outputLatency(187.4)); // a Bluetooth sink, as PulseAudio reports it
        QCOMPARE(m.status().outputLatencyMs, std::optional<double>(187.0));
        const QString withFigure = m.status().syncNote;
        QVERIFY(withFigure.contains(QStringLiteral("187")));
        QVERIFY(!m.outputLatency(187.2)); // sub-ms jitter is not news
        QVERIFY(m.outputLatency(std::nullopt));
        QVERIFY(!m.status().outputLatencyMs.has_value());
        QVERIFY(!m.status().syncNote.isEmpty());
        QVERIFY(m.status().syncNote != withFigure);
        QVERIFY(!m.outputLatency(std::nullopt));
        QCOMPARE(m.status().state, EngineStatus::State::Stopped); // the state is not touched
    }

    void startsStoppedAndRunsOnFirstAudio()
    {
        StatusMachine m;
        QCOMPARE(m.status().state, State::Stopped);
        QVERIFY(m.opening(u"demo"_qs, u"Demo"_qs, {}));
        QCOMPARE(m.status().state, State::Starting);
        QCOMPARE(m.status().deviceId, u"demo"_qs);
        QCOMPARE(m.status().deviceName, u"Demo"_qs);
        QVERIFY(!m.streamEvent(StreamEvent::Started, u"Capturing"_qs, {}, {})); // no state change
        QVERIFY(m.audioArrived());
        QCOMPARE(m.status().state, State::Running);
        QVERIFY(!m.audioArrived()); // every later chunk changes nothing
        QVERIFY(m.stopped());
        QCOMPARE(m.status().state, State::Stopped);
        QVERIFY(!m.stopped());
    }

    void applicationWaitsQuietlyAndResumes()
    {
        StatusMachine m;
        m.opening(u"app:spotify"_qs, u"Spotify"_qs, {});
        m.audioArrived();
        // The worker sets the translated reason; the backend's English message is not shown.
        m.setWaitingReason(StatusMachine::notPlayingReason(u"Spotify"_qs, false));
        QVERIFY(m.streamEvent(StreamEvent::Waiting, u"spotify is not playing"_qs, u"app:spotify"_qs, u"Spotify"_qs));
        QCOMPARE(m.status().state, State::Silent);
        QCOMPARE(m.status().reason, u"Spotify is not playing"_qs);
        QCOMPARE(m.status().deviceId, u"app:spotify"_qs); // the source is kept, never the whole output
        QVERIFY(m.audioArrived()); // its next stream
        QCOMPARE(m.status().state, State::Running);
        QCOMPARE(StatusMachine::notPlayingReason(u"Zoom"_qs, true), u"Nothing else is playing (everything except Zoom)"_qs);
    }

    void fallbackWarningStaysUntilSomethingElseIsSaid()
    {
        StatusMachine m;
        const QString warning = u"Source \"X\" not found — using the default output"_qs;
        m.opening(u"default-output"_qs, u"Default"_qs, warning);
        QCOMPARE(m.status().reason, warning);
        m.audioArrived();
        QCOMPARE(m.status().state, State::Running);
        QCOMPARE(m.status().reason, warning);
        m.silenceBegan();
        QCOMPARE(m.status().reason, u"Source is silent"_qs);
        m.soundReturned();
        QCOMPARE(m.status().state, State::Running);
        QVERIFY(m.status().reason.isEmpty());
    }

    void silenceComesAndGoes()
    {
        StatusMachine m;
        m.opening(u"demo"_qs, u"Demo"_qs, {});
        m.audioArrived();
        QVERIFY(m.silenceBegan());
        QCOMPARE(m.status().state, State::Silent);
        QVERIFY(!m.silenceBegan());
        QVERIFY(m.soundReturned());
        QCOMPARE(m.status().state, State::Running);
    }

    void deviceLostKeepsCapturingWithTheReason()
    {
        StatusMachine m;
        m.opening(u"pulse:usb.monitor"_qs, u"USB"_qs, {});
        m.audioArrived();
        QVERIFY(m.streamEvent(StreamEvent::DeviceLost, u"Device removed — following default output"_qs,
                              u"default-output"_qs, u"Monitor of Built-in"_qs));
        QCOMPARE(m.status().state, State::Running);
        QCOMPARE(m.status().reason, u"Device removed — following default output"_qs);
        QCOMPARE(m.status().deviceId, u"default-output"_qs);
        QCOMPARE(m.status().deviceName, u"Monitor of Built-in"_qs);
        // Lost while silent: still silent, with the new reason.
        m.silenceBegan();
        m.streamEvent(StreamEvent::DeviceLost, u"again"_qs, {}, {});
        QCOMPARE(m.status().state, State::Silent);
        QCOMPARE(m.status().deviceName, u"Monitor of Built-in"_qs); // empty name keeps the old one
    }

    void serverLostReconnectsAndRunsOnlyWhenAudioFlows()
    {
        StatusMachine m;
        m.opening(u"default-output"_qs, u"Default"_qs, {});
        m.audioArrived();
        QVERIFY(m.streamEvent(StreamEvent::ServerLost, {}, {}, {}));
        QCOMPARE(m.status().state, State::Reconnecting);
        QVERIFY(!m.status().reason.isEmpty()); // a default reason when the backend gave none
        QVERIFY(m.streamEvent(StreamEvent::ServerBack, u"Connected"_qs, {}, {}));
        QCOMPARE(m.status().state, State::Starting);
        QVERIFY(m.audioArrived());
        QCOMPARE(m.status().state, State::Running);
    }

    void failuresAreErrorsWithAReason()
    {
        StatusMachine m;
        m.opening(u"default-output"_qs, u"Default"_qs, {});
        QVERIFY(m.failed({}));
        QCOMPARE(m.status().state, State::Error);
        QCOMPARE(m.status().reason, u"No audio server"_qs);
        QVERIFY(!m.audioArrived()); // a late chunk does not make a failed stream "running"
        QCOMPARE(m.status().state, State::Error);
        m.opening(u"demo"_qs, u"Demo"_qs, {});
        m.audioArrived();
        QVERIFY(m.streamEvent(StreamEvent::Failed, u"Stream broke"_qs, {}, {}));
        QCOMPARE(m.status().state, State::Error);
        QCOMPARE(m.status().reason, u"Stream broke"_qs);
    }

    void explainKeepsTheState()
    {
        StatusMachine m;
        m.opening(u"demo"_qs, u"Demo"_qs, {});
        m.audioArrived();
        QVERIFY(m.explain(u"Analysis settings rejected: bands"_qs));
        QCOMPARE(m.status().state, State::Running);
        QVERIFY(!m.explain(u"Analysis settings rejected: bands"_qs));
    }

    void reopeningTheSameDeviceStillReports()
    {
        // Error -> retry on the same device: Starting is a change people must see.
        StatusMachine m;
        m.opening(u"default-output"_qs, u"Default"_qs, {});
        m.failed(u"No audio server"_qs);
        QVERIFY(m.opening(u"default-output"_qs, u"Default"_qs, {}));
        QCOMPARE(m.status().state, State::Starting);
    }

    void aRepeatedFailureIsNotNewsAndTheReturnIsSaid()
    {
        // The worker's timed retries call only failed() (no opening()) until one succeeds.
        StatusMachine m;
        m.opening(u"default-output"_qs, u"Default"_qs, {});
        QVERIFY(m.failed(u"No audio server"_qs));
        QVERIFY(!m.failed(u"No audio server"_qs));
        QVERIFY(!m.failed(u"No audio server"_qs));
        QVERIFY(m.failed(u"Connection refused"_qs)); // a different failure is said
        QVERIFY(m.back(u"default-output"_qs, u"Default"_qs, {}));
        QCOMPARE(m.status().state, State::Starting);
        QCOMPARE(m.status().reason, u"Source is back"_qs);
        QVERIFY(m.audioArrived());
        QCOMPARE(m.status().state, State::Running);
        QVERIFY(m.status().reason.isEmpty()); // "back" is news once, not the running reason
    }
};

QTEST_GUILESS_MAIN(TestStatusMachine)
#include "tst_statusmachine.moc"
