// Display/general settings through a temporary INI file, the dialog writing live, autostart.
#include "core/settings.h"
#include "core/styledefs.h"
#include "engine/enginesettings.h"
#include "gui/autostart.h"
#include "gui/guisettings.h"
#include "gui/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

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
        QCOMPARE(s.value(keys::style), u"bars"_qs);
        QCOMPARE(s.value(keys::peakHoldMs), 500);
        QCOMPARE(s.value(keys::peakFallMs), 750);
        QCOMPARE(s.value(keys::alwaysOnTop), true);
        QCOMPARE(s.value(keys::language), QString());
    }

    void windowAndWebShareOneLook()
    {
        // resources/styles.json is the one definition: the window offers its desktop styles (the
        // spectrogram among them) and the settings' ballistics defaults are the file's values.
        const StyleDefs &d = StyleDefs::shared();
        QCOMPARE(gui::styleIds(), d.desktopStyles);
        QVERIFY(d.desktopStyles.contains(u"spectrogram"_qs));
        QVERIFY(d.allStyles.contains(u"radial"_qs));
        QCOMPARE(double(keys::attackMs.defaultValue), d.attackMs);
        QCOMPARE(double(keys::releaseMs.defaultValue), d.releaseMs);
        QCOMPARE(double(keys::peakHoldMs.defaultValue), d.peakHoldMs);
        QCOMPARE(double(keys::peakFallMs.defaultValue), d.peakFallMs);
        QVERIFY(!gui::styleName(u"spectrogram"_qs).isEmpty());
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
        QCOMPARE(s.value(keys::style), u"led"_qs);
        QCOMPARE(s.value(keys::meter), u"needle"_qs);
        QCOMPARE(s.value(keys::accent), u"#ff5252"_qs);
        QCOMPARE(s.value(keys::opacity), 42);
        QCOMPARE(s.value(keys::attackMs), 10);
        QCOMPARE(s.value(keys::clickThrough), true);
        QCOMPARE(s.value(keys::language), u"de"_qs);
    }

    void badStoredValuesAreClampedOrReplaced()
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
            raw.setValue(u"general/language"_qs, u"klingon"_qs);
        }
        Settings s(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u".*"_qs));
        QCOMPARE(s.value(keys::opacity), 100);
        QCOMPARE(s.value(keys::peakHoldMs), 0);
        QCOMPARE(s.value(keys::releaseMs), keys::releaseMs.defaultValue);
        QCOMPARE(s.value(keys::style), u"bars"_qs);
        QCOMPARE(s.value(keys::accent), u"#29b6f6"_qs);
        QCOMPARE(s.value(keys::peaks), true);
        QCOMPARE(s.value(keys::language), QString());
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
        QCOMPARE(s.value(keys::style), u"mirrored"_qs);
        fps->setValue(60);
        QCOMPARE(s.value(keys::fps), 60);
        opacity->setValue(50);
        QCOMPARE(s.value(keys::opacity), 50);
        top->setChecked(false);
        QCOMPARE(s.value(keys::alwaysOnTop), false);
        QVERIFY(changed.size() >= 4);

        dialog.setDevices({{u"pulse:a.monitor"_qs, u"Speakers"_qs, AudioDevice::Kind::Loopback, true}});
        source->setCurrentIndex(source->findData(u"pulse:a.monitor"_qs));
        QCOMPARE(s.value(keys::source), u"pulse:a.monitor"_qs);

        // Changes made elsewhere show up after reload().
        s.setValue(keys::releaseMs, 900);
        dialog.reload();
        QCOMPARE(dialog.findChild<QSpinBox *>(u"releaseSpin"_qs)->value(), 900);
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
