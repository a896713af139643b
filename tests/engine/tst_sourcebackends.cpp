// Which backend plays which source id, and the list people pick from.
#include "engine/sourcebackends.h"

#include <QTest>

using namespace spectray;

namespace {

struct NullSink final : capture::CaptureSink
{
    void onAudio(const float *, std::size_t, const capture::StreamFormat &, bool) override {}
    void onDevicesChanged(const std::vector<capture::DeviceInfo> &) override {}
    void onStreamEvent(capture::StreamEvent, const std::string &, const std::string &, const std::string &) override {}
};

} // namespace

class TestSourceBackends final : public QObject
{
    Q_OBJECT

private slots:
    void selectableSourcesFrameTheSystemList()
    {
        const AudioDeviceList system = {
            {u"pulse:a.monitor"_qs, u"Monitor of A"_qs, AudioDevice::Kind::Loopback, true},
            {u"pulse:mic"_qs, u"Mic"_qs, AudioDevice::Kind::Input, true},
        };
        const AudioDeviceList all = selectableSources(system);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.first().id, u"default-output"_qs);
        QCOMPARE(all.first().name, u"Default output (follows system)"_qs);
        QCOMPARE(all.first().kind, AudioDevice::Kind::Loopback);
        QCOMPARE(all.mid(1, 2), system);
        QCOMPARE(all.last().id, u"demo"_qs);
        QCOMPARE(all.last().name, u"Demo signal (synthetic)"_qs);
        QCOMPARE(all.last().kind, AudioDevice::Kind::Virtual);
    }

    void deviceInfoBecomesAudioDevice()
    {
        const AudioDeviceList list = toDeviceList({{"pulse:x", "X", capture::DeviceKind::Input, true},
                                                   {"file:/a.wav", "File: a.wav", capture::DeviceKind::Virtual, false}});
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0], (AudioDevice{u"pulse:x"_qs, u"X"_qs, AudioDevice::Kind::Input, true}));
        QCOMPARE(list[1].kind, AudioDevice::Kind::Virtual);
    }

    void eachKindGoesToItsBackend()
    {
        NullSink sink;
        SourceBackends backends(sink);
        // Before initialize() there is no system backend: system ids have nowhere to go, which the
        // worker reports as "no system audio capture on this platform".
        QVERIFY(!backends.backendFor(SourceId::defaultOutput()));
        QVERIFY(!backends.backendFor(SourceId::parse(u"pulse:x"_qs)));
        capture::AudioBackend *demo = backends.backendFor(SourceId::demo());
        QVERIFY(demo);
        QCOMPARE(demo->name(), std::string("demo"));
        capture::AudioBackend *file = backends.backendFor(SourceId::file(u"/nonexistent.wav"_qs));
        QVERIFY(file);
        QCOMPARE(file->name(), std::string("file"));
        QCOMPARE(file->devices().at(0).id, std::string("file:/nonexistent.wav"));
        capture::AudioBackend *qt = backends.backendFor(SourceId::qtInput(u"1"_qs));
        QVERIFY(qt);
        QCOMPARE(qt->name(), std::string("qt"));
        backends.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestSourceBackends)
#include "tst_sourcebackends.moc"
