// The source id format as docs/engine.md states it: every kind parses, prints back unchanged, and
// says what it is; text that is not an id stays text.
#include "core/sourceid.h"

#include <QTest>

using namespace spectray;

class TestSourceId final : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryKind_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("argument");
        QTest::newRow("default") << u"default-output"_qs << int(SourceId::Kind::DefaultOutput) << QString();
        QTest::newRow("demo") << u"demo"_qs << int(SourceId::Kind::Demo) << QString();
        QTest::newRow("file") << u"file:/tmp/a b.flac"_qs << int(SourceId::Kind::File) << u"/tmp/a b.flac"_qs;
        QTest::newRow("file with colon") << u"file:C:/x.wav"_qs << int(SourceId::Kind::File) << u"C:/x.wav"_qs;
        QTest::newRow("qt") << u"qt:alsa_input.usb"_qs << int(SourceId::Kind::QtInput) << u"alsa_input.usb"_qs;
        QTest::newRow("app") << u"app:firefox"_qs << int(SourceId::Kind::Application) << u"firefox"_qs;
        QTest::newRow("app except") << u"app-except:zoom"_qs << int(SourceId::Kind::AllExceptApplication)
                                    << u"zoom"_qs;
        const QString monitor = u"pulse:alsa_output.pci.analog-stereo.monitor"_qs;
        QTest::newRow("pulse monitor") << monitor << int(SourceId::Kind::SystemDevice) << monitor;
        QTest::newRow("pulse input") << u"pulse:alsa_input.usb-mic"_qs << int(SourceId::Kind::SystemDevice)
                                     << u"pulse:alsa_input.usb-mic"_qs;
        QTest::newRow("wasapi") << u"wasapi:{0.0.0.00000000}.{abc}"_qs << int(SourceId::Kind::SystemDevice)
                                << u"wasapi:{0.0.0.00000000}.{abc}"_qs;
        QTest::newRow("name") << u"USB Speakers"_qs << int(SourceId::Kind::Name) << u"USB Speakers"_qs;
    }

    void parsesEveryKind()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, argument);
        const SourceId id = SourceId::parse(text);
        QCOMPARE(int(id.kind()), kind);
        QCOMPARE(id.argument(), argument);
        QCOMPARE(id.toString(), text);                  // prints back as it was written
        QCOMPARE(SourceId::parse(id.toString()), id);   // and round-trips
    }

    void emptyAndSpacesMeanTheDefaultOutput()
    {
        QCOMPARE(SourceId::parse(QString()).kind(), SourceId::Kind::DefaultOutput);
        QCOMPARE(SourceId::parse(u"  "_qs).kind(), SourceId::Kind::DefaultOutput);
        QCOMPARE(SourceId::parse(u" demo\n"_qs).kind(), SourceId::Kind::Demo);
        QCOMPARE(SourceId().toString(), u"default-output"_qs);
    }

    void bareOrMisspelledPrefixesAreNotIds()
    {
        // A prefix with nothing after it names nothing; a prefix in another case is not the prefix.
        for (const QString &text : {u"file:"_qs, u"qt:"_qs, u"app:"_qs, u"app-except:"_qs, u"pulse:"_qs, u"DEMO"_qs, u"File:/a.wav"_qs}) {
            const SourceId id = SourceId::parse(text);
            QVERIFY2(id.kind() == SourceId::Kind::Name, qPrintable(text));
            QCOMPARE(id.toString(), text);
        }
    }

    void constructorsPrintTheFormat()
    {
        QCOMPARE(SourceId::demo().toString(), u"demo"_qs);
        QCOMPARE(SourceId::file(u"/music/x.ogg"_qs).toString(), u"file:/music/x.ogg"_qs);
        QCOMPARE(SourceId::qtInput(u"42"_qs).toString(), u"qt:42"_qs);
        QCOMPARE(SourceId::application(u"mpv"_qs).toString(), u"app:mpv"_qs);
        QCOMPARE(SourceId::allExceptApplication(u"mpv"_qs).toString(), u"app-except:mpv"_qs);
        QVERIFY(SourceId::allExceptApplication(u"mpv"_qs).isApplication());
        QVERIFY(!SourceId::demo().isApplication());
        QCOMPARE(SourceId::defaultOutput().toString(), u"default-output"_qs);
    }

    void virtualAndSelfDescribing()
    {
        QVERIFY(SourceId::demo().isVirtual());
        QVERIFY(SourceId::file(u"/a.wav"_qs).isVirtual());
        QVERIFY(!SourceId::defaultOutput().isVirtual());
        QVERIFY(!SourceId::parse(u"pulse:x"_qs).isVirtual());
        QVERIFY(SourceId::defaultOutput().isSelfDescribing());
        QVERIFY(SourceId::application(u"mpv"_qs).isSelfDescribing());
        QVERIFY(!SourceId::parse(u"pulse:x"_qs).isSelfDescribing());
        QVERIFY(!SourceId::qtInput(u"1"_qs).isSelfDescribing());
    }

    void displayNames()
    {
        // No translator installed: the English source strings.
        QCOMPARE(SourceId::demo().displayName(), u"Demo signal (synthetic)"_qs);
        QCOMPARE(SourceId::defaultOutput().displayName(), u"Default output (follows system)"_qs);
        QCOMPARE(SourceId::file(u"/a.wav"_qs).displayName(), u"File /a.wav"_qs);
        QVERIFY(SourceId::parse(u"pulse:x"_qs).displayName().isEmpty()); // the device list names it
    }
};

QTEST_GUILESS_MAIN(TestSourceId)
#include "tst_sourceid.moc"
