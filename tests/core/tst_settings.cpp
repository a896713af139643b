#include "core/settings.h"
#include "engine/enginesettings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

class TestSettings final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsWhenEmpty()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(s.value(keys::fps), 30);
        QCOMPARE(s.value(keys::bands), 32);
        QCOMPARE(s.value(keys::profile), QStringLiteral("default"));
        QCOMPARE(s.value(keys::captureOnStart), true);
        QCOMPARE(s.value(keys::maxHz), 16000.0);
    }

    void roundTripThroughFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        {
            Settings s(path);
            QSignalSpy changed(&s, &Settings::changed);
            s.setValue(keys::fps, 60);
            s.setValue(keys::profile, QStringLiteral("seed"));
            s.setValue(keys::captureOnStart, false);
            s.setValue(keys::fps, 60); // unchanged: no second signal
            QCOMPARE(changed.count(), 3);
            QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("audio/fps"));
        }
        Settings again(path);
        QCOMPARE(again.value(keys::fps), 60);
        QCOMPARE(again.value(keys::profile), QStringLiteral("seed"));
        QCOMPARE(again.value(keys::captureOnStart), false);
    }

    void setterClampsAndRefusesInvalid()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        s.setValue(keys::fps, 1000);
        QCOMPARE(s.value(keys::fps), 240);
        s.setValue(keys::bands, -5);
        QCOMPARE(s.value(keys::bands), 8);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing invalid value")));
        QVERIFY(!s.setValue(keys::profile, QStringLiteral("fancy")));
        QCOMPARE(s.value(keys::profile), QStringLiteral("default"));
    }

    void corruptStoredValuesAreReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[audio]\nfps=banana\nbands=100000\nprofile=loud\ncaptureOnStart=maybe\nmaxHz=nan\n");
        f.close();
        Settings s(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("audio/fps.*not a whole number")));
        QCOMPARE(s.value(keys::fps), 30);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("audio/bands.*out of range")));
        QCOMPARE(s.value(keys::bands), 256);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("audio/profile.*invalid")));
        QCOMPARE(s.value(keys::profile), QStringLiteral("default"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("audio/captureOnStart")));
        QCOMPARE(s.value(keys::captureOnStart), true);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("audio/maxHz")));
        QCOMPARE(s.value(keys::maxHz), 16000.0);
        // Repaired in the store: reading again gives no warning and the same values.
        QCOMPARE(s.value(keys::fps), 30);
        QCOMPARE(s.value(keys::bands), 256);
    }

    void analysisConfigFromSettings()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        AnalysisConfig c;
        c.profile = QStringLiteral("seed");
        c.fps = 144;
        c.bands = 64;
        c.minHz = 30;
        c.maxHz = 12000;
        storeAnalysisConfig(s, c);
        QCOMPARE(analysisConfigFrom(s), c);
        // An inverted range cannot be used: both ends go back to their defaults.
        s.setValue(keys::minHz, 900.0);
        s.setValue(keys::maxHz, 1000.0);
        const AnalysisConfig repaired = analysisConfigFrom(s);
        QCOMPARE(repaired.minHz, 20.0);
        QCOMPARE(repaired.maxHz, 16000.0);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
