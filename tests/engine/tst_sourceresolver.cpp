#include "engine/sourceresolver.h"

#include <QTest>

using namespace spectray;

class TestSourceResolver final : public QObject
{
    Q_OBJECT

    AudioDeviceList devices() const
    {
        return {
            {QStringLiteral("default-output"), QStringLiteral("Default output (follows system)"), AudioDevice::Kind::Loopback, false},
            {QStringLiteral("pulse:mic"), QStringLiteral("USB Speakers Microphone"), AudioDevice::Kind::Input, true},
            {QStringLiteral("pulse:spk.monitor"), QStringLiteral("Monitor of USB Speakers"), AudioDevice::Kind::Loopback, true},
            {QStringLiteral("pulse:hdmi.monitor"), QStringLiteral("Monitor of HDMI Output"), AudioDevice::Kind::Loopback, false},
        };
    }

private slots:
    void exactId()
    {
        QCOMPARE(resolveSource(QStringLiteral("pulse:hdmi.monitor"), devices()).id.toString(),
                 QStringLiteral("pulse:hdmi.monitor"));
    }

    void substringIsCaseInsensitiveAndPrefersLoopback()
    {
        // "usb speakers" is in both the microphone's and the monitor's names: the loopback wins.
        const ResolvedSource r = resolveSource(QStringLiteral("usb SPEAKERS"), devices());
        QCOMPARE(r.id.toString(), QStringLiteral("pulse:spk.monitor"));
        QVERIFY(r.warning.isEmpty());
        QCOMPARE(resolveSource(QStringLiteral("microphone"), devices()).id.toString(), QStringLiteral("pulse:mic"));
    }

    void passThroughIds()
    {
        QCOMPARE(resolveSource(QStringLiteral("demo"), devices()).id.toString(), QStringLiteral("demo"));
        QCOMPARE(resolveSource(QStringLiteral("file:/tmp/a.wav"), {}).id.toString(), QStringLiteral("file:/tmp/a.wav"));
        QCOMPARE(resolveSource(QString(), devices()).id.toString(), QStringLiteral("default-output"));
    }

    void unknownFallsBackWithWarning()
    {
        const ResolvedSource r = resolveSource(QStringLiteral("Nonexistent Card"), devices());
        QCOMPARE(r.id.toString(), QStringLiteral("default-output"));
        QVERIFY(r.warning.contains(QStringLiteral("Nonexistent Card")));
    }
};

QTEST_GUILESS_MAIN(TestSourceResolver)
#include "tst_sourceresolver.moc"
