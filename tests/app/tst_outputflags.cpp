// --wled [TARGET...], --wled-ttl, --wled-interface, --mqtt, --mqtt-ca, --mqtt-rate as parsed into
// the run's OutputOverrides (the binary's behaviour is in tests/outputs/tst_outputscli).
#include "app/commandline.h"
#include "app/outputflags.h"

#include <QTest>

using namespace spectray;

namespace {

std::optional<CommandLine> parse(const QStringList &args, QString *error)
{
    return parseCommandLine(QStringList { QStringLiteral("spectray") } + args, error);
}

} // namespace

class TestOutputFlags final : public QObject
{
    Q_OBJECT

private slots:
    void wledTakesAnyNumberOfTargets()
    {
        QCOMPARE(expandWledArguments({ QStringLiteral("spectray"), QStringLiteral("--wled"), QStringLiteral("a"),
                     QStringLiteral("b:1"), QStringLiteral("--headless") }),
            (QStringList { QStringLiteral("spectray"), QStringLiteral("--wled"), QStringLiteral("--wled-target=a"),
                QStringLiteral("--wled-target=b:1"), QStringLiteral("--headless") }));
        QString error;
        auto cli = parse({ QStringLiteral("--headless"), QStringLiteral("--wled") }, &error);
        QVERIFY2(cli, qPrintable(error));
        QVERIFY(cli->outputs.wledTargets);
        QCOMPARE(cli->outputs.wledTargets->size(), 1);
        QCOMPARE(cli->outputs.wledTargets->first().toString(), QStringLiteral("239.0.0.1:11988")); // WLED's group
        QCOMPARE(cli->outputs.wledTargets->first().kind, outputs::WledTarget::Kind::Multicast);

        cli = parse(
            { QStringLiteral("--wled"), QStringLiteral("10.0.0.7"), QStringLiteral("broadcast:21324"),
                QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--wled-ttl"), QStringLiteral("3") },
            &error);
        QVERIFY2(cli, qPrintable(error));
        QCOMPARE(cli->outputs.wledTargets->size(), 2);
        QCOMPARE(cli->outputs.wledTargets->at(0).toString(), QStringLiteral("10.0.0.7:11988"));
        QCOMPARE(cli->outputs.wledTargets->at(1).kind, outputs::WledTarget::Kind::Broadcast);
        QCOMPARE(cli->outputs.wledTargets->at(1).port, quint16(21324));
        QCOMPARE(cli->outputs.wledTtl, std::optional<int>(3));
        QCOMPARE(cli->source, std::optional<QString>(QStringLiteral("demo")));

        cli = parse({ QStringLiteral("--wled=wled.lan:99") }, &error);
        QVERIFY2(cli, qPrintable(error));
        QCOMPARE(cli->outputs.wledTargets->first().toString(), QStringLiteral("wled.lan:99"));

        cli = parse({ QStringLiteral("--headless") }, &error);
        QVERIFY(cli && !cli->outputs.hasWled() && !cli->outputs.hasMqtt()); // nothing unless asked
    }

    void mqttUrlAndRate()
    {
        QString error;
        const auto cli = parse({ QStringLiteral("--mqtt"), QStringLiteral("mqtts://me:p%40ss@broker.lan/home/pc"),
                                   QStringLiteral("--mqtt-rate"), QStringLiteral("15") },
            &error);
        QVERIFY2(cli, qPrintable(error));
        QVERIFY(cli->outputs.mqtt);
        QCOMPARE(cli->outputs.mqtt->host, QStringLiteral("broker.lan"));
        QCOMPARE(cli->outputs.mqtt->port, quint16(8883)); // mqtts default
        QCOMPARE(cli->outputs.mqtt->password, QStringLiteral("p@ss"));
        QCOMPARE(cli->outputs.mqtt->prefix, QStringLiteral("home/pc"));
        QCOMPARE(cli->outputs.mqttFrameRate, std::optional<int>(15));
    }

    void avOffsets()
    {
        QString error;
        const auto cli = parse({ QStringLiteral("--wled-av-offset"), QStringLiteral("-500"),
                                   QStringLiteral("--mqtt-av-offset"), QStringLiteral("120") },
            &error);
        QVERIFY2(cli, qPrintable(error));
        QCOMPARE(cli->outputs.wledAvOffsetMs, std::optional<int>(-500));
        QCOMPARE(cli->outputs.mqttAvOffsetMs, std::optional<int>(120));
        QVERIFY(cli->outputs.hasWled() && cli->outputs.hasMqtt());
    }

    void badValuesNameTheFlag_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("flag");
        QTest::newRow("target") << QStringList { QStringLiteral("--wled"), QStringLiteral("a b") }
                                << QStringLiteral("--wled");
        QTest::newRow("ttl") << QStringList { QStringLiteral("--wled-ttl"), QStringLiteral("256") }
                             << QStringLiteral("--wled-ttl");
        QTest::newRow("url") << QStringList { QStringLiteral("--mqtt"), QStringLiteral("mqtt://h/a/+") }
                             << QStringLiteral("--mqtt");
        QTest::newRow("rate") << QStringList { QStringLiteral("--mqtt-rate"), QStringLiteral("x") }
                              << QStringLiteral("--mqtt-rate");
        QTest::newRow("wled offset") << QStringList { QStringLiteral("--wled-av-offset"), QStringLiteral("501") }
                                     << QStringLiteral("--wled-av-offset");
        QTest::newRow("mqtt offset") << QStringList { QStringLiteral("--mqtt-av-offset"), QStringLiteral("-0.5") }
                                     << QStringLiteral("--mqtt-av-offset");
    }

    void badValuesNameTheFlag()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, flag);
        QString error;
        QVERIFY(!parse(args, &error));
        QVERIFY2(error.startsWith(flag) && !error.contains(u'\n'), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestOutputFlags)
#include "tst_outputflags.moc"
