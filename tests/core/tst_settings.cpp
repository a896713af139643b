// The settings schema: typed keys, defaults, repair of stored values, typed change notification.
// File safety (refused nodes, backups, save failures) is in tst_settingsfile.cpp.
#include "core/settings.h"
#include "engine/enginesettings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

class TestSettings final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshFile() { return m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_n)); }

    QString writeFile(const QByteArray &text)
    {
        const QString path = freshFile();
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return {};
        return path;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void defaultsWhenEmpty()
    {
        Settings s(freshFile());
        QCOMPARE(s.value(keys::fps), 30);
        QCOMPARE(s.value(keys::bands), 32);
        QCOMPARE(s.value(keys::profile), AudioProfile::Default);
        QCOMPARE(s.valueName(keys::profile), QStringLiteral("default"));
        QCOMPARE(s.value(keys::captureOnStart), true);
        QCOMPARE(s.value(keys::maxHz), 16000.0);
        QCOMPARE(s.value(keys::serverPort), 8737);
        QCOMPARE(s.value(keys::serverMaxClients), 32);
        QCOMPARE(s.value(keys::serverLanAccess), true);
        QCOMPARE(s.value(keys::serverAllowedHosts), QString());
        QCOMPARE(s.value(keys::style), DisplayStyle::Bars);
        QCOMPARE(s.value(keys::meter), MeterStyle::Bar);
        QCOMPARE(s.value(keys::language), UiLanguage::System);
        QCOMPARE(s.valueName(keys::language), QString());
    }

    // The analysis keys take their defaults from AnalysisConfig, the one place they are defined.
    void analysisDefaultsComeFromAnalysisConfig()
    {
        Settings s(freshFile());
        const AnalysisConfig defaults;
        QCOMPARE(analysisConfigFrom(s), defaults);
        QCOMPARE(s.value(keys::amplitude), defaults.amplitude);
        QCOMPARE(s.value(keys::rangeDb), defaults.rangeDb);
        QCOMPARE(s.value(keys::weighting), defaults.weighting);
        QCOMPARE(s.value(keys::layout), defaults.layout);
        QCOMPARE(s.value(keys::bandsPerOctave), defaults.bandsPerOctave);
    }

    void roundTripThroughFileWithTypedNotification()
    {
        const QString path = freshFile();
        {
            Settings s(path);
            QSignalSpy changed(&s, &Settings::changed);
            s.setValue(keys::fps, 60);
            s.setValue(keys::profile, AudioProfile::Seed);
            s.setValue(keys::captureOnStart, false);
            s.setValue(keys::fps, 60); // unchanged: no second signal
            s.setValue(keys::weighting, Weighting::Tilt4_5);
            QCOMPARE(changed.count(), 4);
            QCOMPARE(changed.at(0).at(0).value<SettingId>(), SettingId::Fps);
            QCOMPARE(changed.at(1).at(0).value<SettingId>(), SettingId::Profile);
            QCOMPARE(changed.at(3).at(0).value<SettingId>(), SettingId::Weighting);
        }
        // Enums are stored by their documented names (issue 8), not by number.
        const QByteArray text = readAll(path);
        QVERIFY2(text.contains("profile=seed"), text.constData());
        QVERIFY2(text.contains("weighting=tilt4.5"), text.constData());
        Settings again(path);
        QCOMPARE(again.value(keys::fps), 60);
        QCOMPARE(again.value(keys::profile), AudioProfile::Seed);
        QCOMPARE(again.value(keys::captureOnStart), false);
        QCOMPARE(again.value(keys::weighting), Weighting::Tilt4_5);
    }

    // What QSettings writes for the general keys must read back in the next run. The text is the
    // file QSettings 6.4 wrote for them; QSettings caches files per process, so a round trip inside
    // one test would not read the disk. The old "general/language" key read this as nothing.
    void generalKeysSurviveARestart()
    {
        const QString path = writeFile("[%General]\nfirstRunDone=true\nlanguage=de\nstartAtLogin=true\n");
        QVERIFY(!path.isEmpty());
        Settings s(path);
        QCOMPARE(s.value(keys::firstRunDone), true);
        QCOMPARE(s.value(keys::language), UiLanguage::German);
        QCOMPARE(s.value(keys::startAtLogin), true);
    }

    // Every key has its own id and its own name, and every id has a key.
    void everyKeyOnce()
    {
        struct Row
        {
            SettingId id;
            QString name;
        };
        const auto row = [](const auto &key) { return Row{key.id, QString::fromLatin1(key.name)}; };
        const QList<Row> rows = {
            row(keys::source),
            row(keys::profile),
            row(keys::fps),
            row(keys::bands),
            row(keys::minHz),
            row(keys::maxHz),
            row(keys::captureOnStart),
            row(keys::amplitude),
            row(keys::rangeDb),
            row(keys::weighting),
            row(keys::layout),
            row(keys::bandsPerOctave),
            row(keys::serverEnabled),
            row(keys::serverPort),
            row(keys::serverBind),
            row(keys::serverLanAccess),
            row(keys::serverToken),
            row(keys::serverTokenOnLoopback),
            row(keys::serverAllowedOrigins),
            row(keys::serverAllowedHosts),
            row(keys::serverMaxClients),
            row(keys::style),
            row(keys::meter),
            row(keys::bassPulse),
            row(keys::accent),
            row(keys::peaks),
            row(keys::peakHoldMs),
            row(keys::peakFallMs),
            row(keys::attackMs),
            row(keys::releaseMs),
            row(keys::opacity),
            row(keys::alwaysOnTop),
            row(keys::clickThrough),
            row(keys::frequencyAxis),
            row(keys::dbGrid),
            row(keys::windowVisible),
            row(keys::windowGeometry),
            row(keys::windowScreen),
            row(keys::dockEdge),
            row(keys::dockScreen),
            row(keys::dockLength),
            row(keys::dockThickness),
            row(keys::firstRunDone),
            row(keys::startAtLogin),
            row(keys::language),
            row(keys::ledSyncEnabled),
            row(keys::ledSyncTargets),
            row(keys::ledSyncTtl),
            row(keys::ledSyncInterface),
            row(keys::mqttEnabled),
            row(keys::mqttUrl),
            row(keys::mqttPassword),
            row(keys::mqttCaFile),
            row(keys::mqttPrefix),
            row(keys::mqttFrameRate),
            row(keys::mqttLevelRate),
            row(keys::windowAvOffsetMs),
            row(keys::webAvOffsetMs),
            row(keys::ledSyncAvOffsetMs),
            row(keys::mqttAvOffsetMs),
        };
        QSet<int> ids;
        QSet<QString> names;
        for (const Row &r : rows) {
            QVERIFY2(!ids.contains(int(r.id)), qPrintable(r.name));
            QVERIFY2(!names.contains(r.name.toLower()), qPrintable(r.name)); // QSettings is case-blind on Windows
            ids.insert(int(r.id));
            names.insert(r.name.toLower());
        }
        QCOMPARE(ids.size(), int(SettingId::MqttAvOffset) + 1);
    }

    void groups()
    {
        QCOMPARE(settingGroup(SettingId::Source), SettingGroup::Audio);
        QCOMPARE(settingGroup(SettingId::BandsPerOctave), SettingGroup::Audio);
        QCOMPARE(settingGroup(SettingId::ServerAllowedHosts), SettingGroup::Server);
        QCOMPARE(settingGroup(SettingId::ServerToken), SettingGroup::Server);
        QCOMPARE(settingGroup(SettingId::Style), SettingGroup::Display);
        QCOMPARE(settingGroup(SettingId::ClickThrough), SettingGroup::Display);
        QCOMPARE(settingGroup(SettingId::WindowGeometry), SettingGroup::Window);
        QCOMPARE(settingGroup(SettingId::WindowScreen), SettingGroup::Window);
        QCOMPARE(settingGroup(SettingId::DockEdge), SettingGroup::Display); // applied live to the window
        QCOMPARE(settingGroup(SettingId::Language), SettingGroup::General);
        QCOMPARE(settingGroup(SettingId::LedSyncTargets), SettingGroup::Outputs);
        QCOMPARE(settingGroup(SettingId::MqttLevelRate), SettingGroup::Outputs);
        // Each A/V offset is applied by its output.
        QCOMPARE(settingGroup(SettingId::WindowAvOffset), SettingGroup::Display);
        QCOMPARE(settingGroup(SettingId::WebAvOffset), SettingGroup::Server);
        QCOMPARE(settingGroup(SettingId::LedSyncAvOffset), SettingGroup::Outputs);
        QCOMPARE(settingGroup(SettingId::MqttAvOffset), SettingGroup::Outputs);
    }

    void avOffsetsClampToHalfASecond()
    {
        // Issue 11: the user offset is -500..+500 ms for every output.
        Settings s(freshFile());
        s.setValue(keys::windowAvOffsetMs, 900);
        QCOMPARE(s.value(keys::windowAvOffsetMs), 500);
        s.setValue(keys::ledSyncAvOffsetMs, -2000);
        QCOMPARE(s.value(keys::ledSyncAvOffsetMs), -500);
        s.setValue(keys::webAvOffsetMs, -120);
        QCOMPARE(s.value(keys::webAvOffsetMs), -120);
        QCOMPARE(s.value(keys::mqttAvOffsetMs), 0);
    }

    void setterClampsAndRefusesInvalid()
    {
        Settings s(freshFile());
        s.setValue(keys::fps, 1000);
        QCOMPARE(s.value(keys::fps), 240);
        s.setValue(keys::bands, -5);
        QCOMPARE(s.value(keys::bands), 8);
        s.setValue(keys::bandsPerOctave, 5); // nearest allowed of 1,2,3,6,12,24
        QCOMPARE(s.value(keys::bandsPerOctave), 6);
        s.setValue(keys::bandsPerOctave, 100);
        QCOMPARE(s.value(keys::bandsPerOctave), 24);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing invalid value")));
        QVERIFY(!s.setValue(keys::profile, QStringLiteral("fancy")));
        QCOMPARE(s.value(keys::profile), AudioProfile::Default);
        QVERIFY(s.setValue(keys::style, QStringLiteral("led")));
        QCOMPARE(s.value(keys::style), DisplayStyle::Led);
    }

    // Values that cannot be used go back to the default (not the nearest end of the range), with a
    // warning: port=0 used to become port=1 (issue 9).
    void unusableStoredValuesGiveTheDefault()
    {
        const QString path = writeFile("[audio]\nfps=banana\nbands=100000\nprofile=loud\ncaptureOnStart=maybe\n"
                                       "maxHz=nan\nbandsPerOctave=5\nweighting=pink\nrangeDb=10\n"
                                       "[server]\nport=0\nmaxClients=-4\nallowedHosts=bad/host\n"
                                       "[display]\nstyle=sparkles\nmeter=NEEDLE\n");
        QVERIFY(!path.isEmpty());
        Settings s(path);
        const auto expectWarning = [](const char *pattern) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QString::fromLatin1(pattern)));
        };
        expectWarning("audio/fps.*not a whole number");
        QCOMPARE(s.value(keys::fps), 30);
        expectWarning("audio/bands.*out of range");
        QCOMPARE(s.value(keys::bands), 32);
        expectWarning("audio/profile.*not a known name");
        QCOMPARE(s.value(keys::profile), AudioProfile::Default);
        expectWarning("audio/captureOnStart");
        QCOMPARE(s.value(keys::captureOnStart), true);
        expectWarning("audio/maxHz");
        QCOMPARE(s.value(keys::maxHz), 16000.0);
        expectWarning("audio/bandsPerOctave.*allowed");
        QCOMPARE(s.value(keys::bandsPerOctave), 3);
        expectWarning("audio/weighting.*not a known name");
        QCOMPARE(s.value(keys::weighting), Weighting::Flat); // the documented default (docs/dsp.md)
        expectWarning("audio/rangeDb.*out of range");
        QCOMPARE(s.value(keys::rangeDb), 65.0);
        expectWarning("server/port.*out of range");
        QCOMPARE(s.value(keys::serverPort), 8737);
        expectWarning("server/maxClients.*out of range");
        QCOMPARE(s.value(keys::serverMaxClients), 32);
        expectWarning("server/allowedHosts.*invalid");
        QCOMPARE(s.value(keys::serverAllowedHosts), QString());
        expectWarning("display/style.*not a known name");
        QCOMPARE(s.value(keys::style), DisplayStyle::Bars);
        expectWarning("display/meter.*not a known name"); // names are case-sensitive
        QCOMPARE(s.value(keys::meter), MeterStyle::Bar);
        // Warned once: reading again gives the same values and no further warning.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
        QCOMPARE(s.value(keys::fps), 30);
        QCOMPARE(s.value(keys::serverPort), 8737);
    }

    void analysisConfigFromSettings()
    {
        Settings s(freshFile());
        AnalysisConfig c;
        c.profile = QStringLiteral("seed");
        c.fps = 144;
        c.bands = 64;
        c.minHz = 30;
        c.maxHz = 12000;
        c.amplitude = AmplitudeScale::Linear;
        c.rangeDb = 75;
        c.weighting = Weighting::A;
        c.layout = BandLayoutKind::Octave;
        c.bandsPerOctave = 12;
        storeAnalysisConfig(s, c);
        QCOMPARE(analysisConfigFrom(s), c);
        // An inverted range cannot be used: both ends go back to their defaults.
        s.setValue(keys::minHz, 900.0);
        s.setValue(keys::maxHz, 1000.0);
        const AnalysisConfig repaired = analysisConfigFrom(s);
        QCOMPARE(repaired.minHz, 20.0);
        QCOMPARE(repaired.maxHz, 16000.0);
    }

    // Examples from RFC 4291 section 2.2 and RFC 1123 host names.
    void validators_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("bind");
        QTest::addColumn<bool>("hosts");
        QTest::newRow("empty") << QString() << true << true;
        QTest::newRow("ipv4") << QStringLiteral("192.168.1.20") << true << true;
        QTest::newRow("ipv4 256") << QStringLiteral("192.168.1.256") << false << true; // a valid DNS name shape
        QTest::newRow("ipv4 short") << QStringLiteral("10.1.2") << false << true;
        QTest::newRow("ipv6 full") << QStringLiteral("2001:DB8:0:0:8:800:200C:417A") << true << true;
        QTest::newRow("ipv6 compressed") << QStringLiteral("2001:DB8::8:800:200C:417A") << true << true;
        QTest::newRow("ipv6 loopback") << QStringLiteral("::1") << true << true;
        QTest::newRow("ipv6 any") << QStringLiteral("::") << true << true;
        QTest::newRow("ipv6 v4 tail") << QStringLiteral("::FFFF:129.144.52.38") << true << true;
        QTest::newRow("ipv6 scope") << QStringLiteral("fe80::1%eth0") << true << true;
        QTest::newRow("ipv6 two gaps") << QStringLiteral("1::2::3") << false << false;
        QTest::newRow("ipv6 nine groups") << QStringLiteral("1:2:3:4:5:6:7:8:9") << false << false;
        QTest::newRow("ipv6 bracketed") << QStringLiteral("[::1]") << false << true;
        QTest::newRow("name") << QStringLiteral("spectray.home.arpa") << false << true;
        QTest::newRow("names") << QStringLiteral("a.local, b-c.example  d") << false << true;
        QTest::newRow("name with port") << QStringLiteral("host:8737") << false << false;
        QTest::newRow("url") << QStringLiteral("http://host") << false << false;
        QTest::newRow("leading dash") << QStringLiteral("-host") << false << false;
    }

    void validators()
    {
        QFETCH(QString, value);
        QFETCH(bool, bind);
        QFETCH(bool, hosts);
        QCOMPARE(keys::isValidBindAddress(value), bind);
        QCOMPARE(keys::isValidHostList(value), hosts);
    }

    void colours()
    {
        QVERIFY(keys::isValidColor(QStringLiteral("#29b6f6")));
        QVERIFY(keys::isValidColor(QStringLiteral("#abc")));
        QVERIFY(keys::isValidColor(QStringLiteral("#ff29b6f6")));
        QVERIFY(!keys::isValidColor(QStringLiteral("29b6f6")));
        QVERIFY(!keys::isValidColor(QStringLiteral("#29b6f")));
        QVERIFY(!keys::isValidColor(QStringLiteral("red")));
    }

    void windowGeometryIsReadableText()
    {
        QVERIFY(keys::isValidRect(QString()));
        QVERIFY(keys::isValidRect(QStringLiteral("-1920,0,480,140")));
        QVERIFY(!keys::isValidRect(QStringLiteral("10,10,0,140")));
        QVERIFY(!keys::isValidRect(QStringLiteral("10,10,480")));
        // What QWidget::saveGeometry() stored before: refused, so the window is placed afresh.
        QVERIFY(!keys::isValidRect(QStringLiteral("AdnQywADAAAAAAGTAAABJwAAA3IAAAG0")));
    }

    // The list splitter and the token check are written out (no regex at start, issue 11); the
    // patterns they replace are the reference: "[\\s,]+" (skip empty) and "^[0-9a-f]{32}$".
    void listsAndTokensMatchTheirPatterns_data()
    {
        QTest::addColumn<QString>("text");
        const QList<QString> rows{u""_qs, u" "_qs, u","_qs, u"a"_qs, u"a,b"_qs, u" a , b ,, c "_qs,
            u"a\tb\nc\rd\ve\ff"_qs, u"a\u00a0b"_qs, u"a\u2028b"_qs, u"a\u0085b"_qs, u",,x,,"_qs,
            u"http://a.lan, https://b:8080"_qs, u"0123456789abcdef0123456789abcdef"_qs,
            u"0123456789ABCDEF0123456789abcdef"_qs, u"0123456789abcdef0123456789abcde"_qs,
            u"0123456789abcdef0123456789abcdef0"_qs, u"0123456789abcdeg0123456789abcdef"_qs,
            u"0123456789abcdef0123456789abcde\u0661"_qs};
        for (const QString &row : rows)
            QTest::newRow(qPrintable(row)) << row;
    }

    void listsAndTokensMatchTheirPatterns()
    {
        QFETCH(QString, text);
        static const QRegularExpression separators(u"[\\s,]+"_qs);
        static const QRegularExpression token(u"^[0-9a-f]{32}$"_qs);
        QCOMPARE(keys::splitList(text), text.split(separators, Qt::SkipEmptyParts));
        QCOMPARE(keys::isValidToken(text), text.isEmpty() || token.match(text).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
