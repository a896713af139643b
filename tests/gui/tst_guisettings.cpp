// Display/general settings through a temporary INI file, the dialog writing live, autostart.
#include "core/settings.h"
#include "core/styledefs.h"
#include "gui/autostart.h"
#include "gui/guisettings.h"
#include "gui/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTabWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace spectray;

class TestGuiSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString freshFile(const QString &name) { return m_dir.filePath(name); }

private slots:
    void defaults()
    {
        Settings s(freshFile(u"defaults.ini"_qs));
        QCOMPARE(s.value(keys::style), DisplayStyle::Bars);
        QCOMPARE(s.value(keys::peakHoldMs), 500);
        QCOMPARE(s.value(keys::peakFallMs), 750);
        QCOMPARE(s.value(keys::alwaysOnTop), true);
        QCOMPARE(s.value(keys::language), UiLanguage::System);
    }

    void windowAndWebShareOneLook()
    {
        // resources/styles.json is the one definition: the window offers its desktop styles (the
        // spectrogram among them) and the settings' ballistics defaults are the file's values.
        const StyleDefs &d = StyleDefs::shared();
        QCOMPARE(gui::styleIds(), d.desktopStyles);
        QStringList stored; // the names the settings schema accepts for display/style
        for (const char *name : keys::styleNames)
            stored.append(QString::fromLatin1(name));
        QCOMPARE(stored, d.desktopStyles);
        QVERIFY(d.desktopStyles.contains(u"spectrogram"_qs));
        QVERIFY(d.allStyles.contains(u"radial"_qs));
        QCOMPARE(double(keys::attackMs.defaultValue), d.attackMs);
        QCOMPARE(double(keys::releaseMs.defaultValue), d.releaseMs);
        QCOMPARE(double(keys::peakHoldMs.defaultValue), d.peakHoldMs);
        QCOMPARE(double(keys::peakFallMs.defaultValue), d.peakFallMs);
        QVERIFY(!gui::styleName(u"spectrogram"_qs).isEmpty());
        // The frequency axis both draw: the round frequencies an analyzer shows, nominal band names
        // on the R10-named grids (octaves and thirds), a line every 10 dB.
        QCOMPARE(d.axisHz, (QList<double>{20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000}));
        QCOMPARE(d.axisNominalBandsPerOctave, (QList<int>{1, 3}));
        QCOMPARE(d.gridStepDb, 10.0);
        const StyleDefs odd = StyleDefs::parse(R"({"axis": {"hz": [100, -5, "x", 1000], "grid_step_db": 1}})");
        QCOMPARE(odd.axisHz, (QList<double>{100, 1000})); // junk left out
        QCOMPARE(odd.gridStepDb, 5.0);                     // never denser than the window has room for
        // The accent presets are the page's themes: the ids and colours the file itself lists (read
        // here straight from the served bytes, not through StyleDefs), each with a name.
        const QJsonArray themes = QJsonDocument::fromJson(StyleDefs::json()).object().value(u"themes").toArray();
        const QList<gui::AccentPreset> presets = gui::accentPresets();
        QCOMPARE(presets.size(), themes.size());
        for (qsizetype i = 0; i < presets.size(); ++i) {
            const QJsonObject theme = themes.at(i).toObject();
            QCOMPARE(presets.at(i).color, theme.value(u"accent").toString().toLower());
            QVERIFY(!presets.at(i).name.isEmpty());
            QVERIFY2(presets.at(i).name != theme.value(u"id").toString(), "every theme has a display name");
        }
    }

    void roundTripThroughFile()
    {
        const QString path = freshFile(u"roundtrip.ini"_qs);
        {
            Settings s(path);
            s.setValue(keys::style, u"led"_qs);
            s.setValue(keys::meter, u"needle"_qs);
            s.setValue(keys::accent, u"#ff5252"_qs);
            s.setValue(keys::opacity, 42);
            s.setValue(keys::attackMs, 10);
            s.setValue(keys::clickThrough, true);
            s.setValue(keys::language, u"de"_qs);
            s.sync();
        }
        Settings s(path);
        QCOMPARE(s.value(keys::style), DisplayStyle::Led);
        QCOMPARE(s.value(keys::meter), MeterStyle::Needle);
        QCOMPARE(s.value(keys::accent), u"#ff5252"_qs);
        QCOMPARE(s.value(keys::opacity), 42);
        QCOMPARE(s.value(keys::attackMs), 10);
        QCOMPARE(s.value(keys::clickThrough), true);
        QCOMPARE(s.value(keys::language), UiLanguage::German);
    }

    void badStoredValuesAreReplaced()
    {
        const QString path = freshFile(u"bad.ini"_qs);
        {
            QSettings raw(path, QSettings::IniFormat);
            raw.setValue(u"display/opacity"_qs, 5000);
            raw.setValue(u"display/peakHoldMs"_qs, -3);
            raw.setValue(u"display/releaseMs"_qs, u"soon"_qs);
            raw.setValue(u"display/style"_qs, u"sparkles"_qs);
            raw.setValue(u"display/accent"_qs, u"not-a-colour"_qs);
            raw.setValue(u"display/peaks"_qs, u"maybe"_qs);
            raw.setValue(u"General/language"_qs, u"klingon"_qs);
        }
        Settings s(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u".*"_qs));
        // Out of range gives the default, not the nearest end (issue 9: port=0 became 1).
        QCOMPARE(s.value(keys::opacity), 85);
        QCOMPARE(s.value(keys::peakHoldMs), 500);
        QCOMPARE(s.value(keys::releaseMs), 250);
        QCOMPARE(s.value(keys::style), DisplayStyle::Bars);
        QCOMPARE(s.value(keys::accent), u"#29b6f6"_qs);
        QCOMPARE(s.value(keys::peaks), true);
        QCOMPARE(s.value(keys::language), UiLanguage::System);
        // Setting out of range clamps; an invalid string is refused.
        s.setValue(keys::opacity, 1);
        QCOMPARE(s.value(keys::opacity), 10);
        QVERIFY(!s.setValue(keys::style, u"nope"_qs));
    }

    void dialogWritesLive()
    {
        Settings s(freshFile(u"dialog.ini"_qs));
        gui::SettingsDialog dialog(s, nullptr);
        QSignalSpy changed(&s, &Settings::changed);
        auto *style = dialog.findChild<QComboBox *>(u"styleCombo"_qs);
        auto *fps = dialog.findChild<QSpinBox *>(u"fpsSpin"_qs);
        auto *opacity = dialog.findChild<QSlider *>(u"opacitySlider"_qs);
        auto *top = dialog.findChild<QCheckBox *>(u"alwaysOnTopCheck"_qs);
        auto *source = dialog.findChild<QComboBox *>(u"sourceCombo"_qs);
        QVERIFY(style && fps && opacity && top && source);
        QCOMPARE(fps->value(), 30);
        style->setCurrentIndex(style->findData(u"mirrored"_qs));
        QCOMPARE(s.value(keys::style), DisplayStyle::Mirrored);
        fps->setValue(60);
        QCOMPARE(s.value(keys::fps), 60);
        opacity->setValue(50);
        QCOMPARE(s.value(keys::opacity), 50);
        top->setChecked(false);
        QCOMPARE(s.value(keys::alwaysOnTop), false);
        auto *axis = dialog.findChild<QCheckBox *>(u"frequencyAxisCheck"_qs);
        auto *grid = dialog.findChild<QCheckBox *>(u"dbGridCheck"_qs);
        QVERIFY(axis && grid && !axis->isChecked() && !grid->isChecked()); // off by default
        axis->setChecked(true);
        grid->setChecked(true);
        QVERIFY(s.value(keys::frequencyAxis) && s.value(keys::dbGrid));
        QVERIFY(changed.size() >= 4);

        dialog.setDevices({{u"pulse:a.monitor"_qs, u"Speakers"_qs, AudioDevice::Kind::Loopback, true}});
        source->setCurrentIndex(source->findData(u"pulse:a.monitor"_qs));
        QCOMPARE(s.value(keys::source), u"pulse:a.monitor"_qs);

        // Changes made elsewhere show up after reload().
        s.setValue(keys::releaseMs, 900);
        dialog.reload();
        QCOMPARE(dialog.findChild<QSpinBox *>(u"releaseSpin"_qs)->value(), 900);
    }

    // The new analysis controls write the keys by their stored names; the spin box range is the key's.
    void audioPageEditsAnalysisKeys()
    {
        Settings s(freshFile(u"audio.ini"_qs));
        gui::SettingsDialog dialog(s, nullptr);
        auto *amplitude = dialog.findChild<QComboBox *>(u"amplitudeCombo"_qs);
        auto *weighting = dialog.findChild<QComboBox *>(u"weightingCombo"_qs);
        auto *layout = dialog.findChild<QComboBox *>(u"layoutCombo"_qs);
        auto *perOctave = dialog.findChild<QComboBox *>(u"bandsPerOctaveCombo"_qs);
        auto *range = dialog.findChild<QDoubleSpinBox *>(u"rangeDbSpin"_qs);
        QVERIFY(amplitude && weighting && layout && perOctave && range);
        QCOMPARE(amplitude->currentData().toString(), u"db"_qs);
        QCOMPARE(weighting->currentData().toString(), u"flat"_qs); // the documented defaults (docs/dsp.md)
        QCOMPARE(range->value(), 65.0);
        QCOMPARE(range->minimum(), 40.0);
        QCOMPARE(range->maximum(), 90.0);
        QCOMPARE(perOctave->count(), 6);

        amplitude->setCurrentIndex(amplitude->findData(u"linear"_qs));
        weighting->setCurrentIndex(weighting->findData(u"a"_qs));
        layout->setCurrentIndex(layout->findData(u"octave"_qs));
        perOctave->setCurrentIndex(perOctave->findData(12));
        range->setValue(72);
        QCOMPARE(s.value(keys::amplitude), AmplitudeScale::Linear);
        QCOMPARE(s.value(keys::weighting), Weighting::A);
        QCOMPARE(s.value(keys::layout), BandLayoutKind::Octave);
        QCOMPARE(s.value(keys::bandsPerOctave), 12);
        QCOMPARE(s.value(keys::rangeDb), 72.0);
        s.sync();
        QSettings raw(s.fileName(), QSettings::IniFormat);
        QCOMPARE(raw.value(u"audio/weighting"_qs).toString(), u"a"_qs);
        QCOMPARE(raw.value(u"audio/layout"_qs).toString(), u"octave"_qs);
    }

    // The Network page shows and edits the server keys themselves (the mirror struct had other
    // defaults: port 8765, 16 clients, LAN off).
    void networkPageEditsServerKeys()
    {
        Settings s(freshFile(u"network.ini"_qs));
        s.setValue(keys::serverToken, u"0123456789abcdef0123456789abcdef"_qs);
        gui::SettingsDialog dialog(s, nullptr);
        auto *pages = dialog.findChild<QTabWidget *>(u"pages"_qs);
        auto *network = dialog.findChild<QWidget *>(u"networkPage"_qs);
        QVERIFY(pages && network);
        QVERIFY(!pages->isTabVisible(pages->indexOf(network)));
        dialog.setNetworkAvailable(true);
        QVERIFY(pages->isTabVisible(pages->indexOf(network)));

        auto *port = dialog.findChild<QSpinBox *>(u"portSpin"_qs);
        auto *clients = dialog.findChild<QSpinBox *>(u"maxClientsSpin"_qs);
        auto *lan = dialog.findChild<QCheckBox *>(u"lanAccessCheck"_qs);
        auto *bind = dialog.findChild<QLineEdit *>(u"bindEdit"_qs);
        auto *hosts = dialog.findChild<QLineEdit *>(u"allowedHostsEdit"_qs);
        auto *token = dialog.findChild<QLineEdit *>(u"tokenEdit"_qs);
        QVERIFY(port && clients && lan && bind && hosts && token);
        QCOMPARE(port->value(), 8737);
        QCOMPARE(clients->value(), 32);
        QCOMPARE(clients->maximum(), 1000);
        QVERIFY(lan->isChecked());
        QCOMPARE(token->text(), u"0123456789abcdef0123456789abcdef"_qs);

        QSignalSpy changed(&s, &Settings::changed);
        port->setValue(9000);
        lan->setChecked(false);
        QCOMPARE(s.value(keys::serverPort), 9000);
        QCOMPARE(s.value(keys::serverLanAccess), false);
        bind->setText(u"127.0.0.1"_qs);
        emit bind->editingFinished();
        QCOMPARE(s.value(keys::serverBind), u"127.0.0.1"_qs);
        hosts->setText(u"spectray.home.arpa, tv.local"_qs);
        emit hosts->editingFinished();
        QCOMPARE(s.value(keys::serverAllowedHosts), u"spectray.home.arpa, tv.local"_qs);
        QCOMPARE(changed.count(), 4);
        QCOMPARE(changed.at(0).at(0).value<SettingId>(), SettingId::ServerPort);

        // Refused by the schema: nothing stored, the field shows the stored value again.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Refusing invalid value for server/bind"_qs));
        bind->setText(u"not-an-address"_qs);
        emit bind->editingFinished();
        QCOMPARE(s.value(keys::serverBind), u"127.0.0.1"_qs);
        QCOMPARE(bind->text(), u"127.0.0.1"_qs);

        // A token made elsewhere (the server regenerating it) shows up at once.
        s.setValue(keys::serverToken, u"fedcba9876543210fedcba9876543210"_qs);
        QCOMPARE(token->text(), u"fedcba9876543210fedcba9876543210"_qs);
        QSignalSpy regenerate(&dialog, &gui::SettingsDialog::regenerateTokenRequested);
        dialog.findChild<QToolButton *>(u"regenerateTokenButton"_qs)->click();
        QCOMPARE(regenerate.count(), 1);
    }

    // Changes made elsewhere (the tray) show up in the open dialog without a reload() call.
    void dialogFollowsOutsideChanges()
    {
        Settings s(freshFile(u"outside.ini"_qs));
        gui::SettingsDialog dialog(s, nullptr);
        s.setValue(keys::alwaysOnTop, false);
        QVERIFY(!dialog.findChild<QCheckBox *>(u"alwaysOnTopCheck"_qs)->isChecked());
        s.setValue(keys::style, DisplayStyle::Curve);
        QCOMPARE(dialog.findChild<QComboBox *>(u"styleCombo"_qs)->currentData().toString(), u"curve"_qs);
    }

    void dockPageEditsDockKeys()
    {
        Settings s(freshFile(u"dock.ini"_qs));
        gui::SettingsDialog dialog(s, nullptr);
        auto *edge = dialog.findChild<QComboBox *>(u"dockEdgeCombo"_qs);
        auto *screen = dialog.findChild<QComboBox *>(u"dockScreenCombo"_qs);
        auto *length = dialog.findChild<QSpinBox *>(u"dockLengthSpin"_qs);
        auto *thickness = dialog.findChild<QSpinBox *>(u"dockThicknessSpin"_qs);
        QVERIFY(edge && screen && length && thickness);
        QCOMPARE(edge->currentData().toString(), u"off"_qs);
        QCOMPARE(length->value(), 0); // shown as "Whole edge"
        QCOMPARE(thickness->value(), 64);
        edge->setCurrentIndex(edge->findData(u"bottom"_qs));
        QCOMPARE(s.value(keys::dockEdge), DockEdge::Bottom);
        thickness->setValue(40);
        QCOMPARE(s.value(keys::dockThickness), 40);
        length->setValue(800);
        QCOMPARE(s.value(keys::dockLength), 800);
        // The tray changed it: the page follows. A stored monitor that is not connected stays listed.
        s.setValue(keys::dockEdge, DockEdge::Left);
        QCOMPARE(edge->currentData().toString(), u"left"_qs);
        s.setValue(keys::dockScreen, u"HDMI-9"_qs);
        QCOMPARE(screen->currentData().toString(), u"HDMI-9"_qs);
        QCOMPARE(s.value(keys::dockScreen), u"HDMI-9"_qs);
    }

    void xdgAutostartEntry()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_qs).toUtf8());
        auto autostart = gui::createAutoStart(u"/usr/bin/spectray"_qs);
        QCOMPARE(autostart->location(), m_dir.filePath(u"config/autostart/io.github.spectray.Spectray.desktop"_qs));
        QVERIFY(!autostart->isEnabled());
        QVERIFY(autostart->setEnabled(true));
        QVERIFY(autostart->isEnabled());
        QFile f(autostart->location());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.startsWith(u"[Desktop Entry]\n"_qs));
        QVERIFY(text.contains(u"\nExec=/usr/bin/spectray\n"_qs));
        QVERIFY(text.contains(u"\nType=Application\n"_qs));

        Settings s(freshFile(u"autostart.ini"_qs));
        gui::SettingsDialog dialog(s, autostart.get());
        auto *box = dialog.findChild<QCheckBox *>(u"startAtLoginCheck"_qs);
        QVERIFY(box->isChecked());
        box->setChecked(false);
        QVERIFY(!autostart->isEnabled());
        QCOMPARE(s.value(keys::startAtLogin), false);
    }
};

QTEST_MAIN(TestGuiSettings)
#include "tst_guisettings.moc"
