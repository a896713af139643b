#include "app/commandline.h"

#include <QTest>

using namespace spectray;

class TestCommandLine final : public QObject
{
    Q_OBJECT

    static std::optional<CommandLine> parse(const QStringList &args, QString *error)
    {
        return parseCommandLine(QStringList{QStringLiteral("spectray")} + args, error);
    }

private slots:
    void modes()
    {
        QString e;
        QCOMPARE(parse({}, &e)->mode, CommandLine::Mode::Desktop);
        QCOMPARE(parse({QStringLiteral("--headless")}, &e)->mode, CommandLine::Mode::Headless);
        QCOMPARE(parse({QStringLiteral("--list-devices"), QStringLiteral("--json")}, &e)->mode, CommandLine::Mode::ListDevices);
        const auto pf = parse({QStringLiteral("--print-frames"), QStringLiteral("--frames"), QStringLiteral("10"),
                               QStringLiteral("--source"), QStringLiteral("demo")}, &e);
        QCOMPARE(pf->mode, CommandLine::Mode::PrintFrames);
        QCOMPARE(pf->frames, 10);
        QCOMPARE(*pf->source, QStringLiteral("demo"));
        const auto an = parse({QStringLiteral("--analyze"), QStringLiteral("a.wav"), QStringLiteral("--profile"),
                               QStringLiteral("SEED"), QStringLiteral("--fps"), QStringLiteral("60")}, &e);
        QCOMPARE(an->mode, CommandLine::Mode::Analyze);
        QCOMPARE(an->analyzeFile, QStringLiteral("a.wav"));
        AnalysisConfig c;
        QVERIFY(applyAnalysisOptions(*an, c, &e));
        QCOMPARE(c.profile, QStringLiteral("seed"));
        QCOMPARE(c.fps, 60);
        QCOMPARE(c.bands, 32); // untouched
    }

    void badValuesNameTheOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("fps zero") << QStringList{QStringLiteral("--fps"), QStringLiteral("0")} << QStringLiteral("--fps");
        QTest::newRow("fps text") << QStringList{QStringLiteral("--fps"), QStringLiteral("fast")} << QStringLiteral("--fps");
        QTest::newRow("bands") << QStringList{QStringLiteral("--bands"), QStringLiteral("300")} << QStringLiteral("--bands");
        QTest::newRow("fft pow2") << QStringList{QStringLiteral("--fft-size"), QStringLiteral("1000")} << QStringLiteral("--fft-size");
        QTest::newRow("profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("loud")} << QStringLiteral("--profile");
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << QStringLiteral("--port");
        QTest::newRow("bind") << QStringList{QStringLiteral("--bind"), QStringLiteral("my-laptop")} << QStringLiteral("--bind");
        QTest::newRow("lang") << QStringList{QStringLiteral("--lang"), QStringLiteral("xx")} << QStringLiteral("--lang");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("two modes") << QStringList{QStringLiteral("--headless"), QStringLiteral("--list-devices")} << QStringLiteral("combined");
        QTest::newRow("json alone") << QStringList{QStringLiteral("--json")} << QStringLiteral("--json");
        QTest::newRow("frames alone") << QStringList{QStringLiteral("--frames"), QStringLiteral("3")} << QStringLiteral("--frames");
        QTest::newRow("positional") << QStringList{QStringLiteral("song.wav")} << QStringLiteral("song.wav");
        QTest::newRow("empty source") << QStringList{QStringLiteral("--source"), QStringLiteral(" ")} << QStringLiteral("--source");
    }

    void badValuesNameTheOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!parse(args, &error).has_value());
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    // --port 0 asks for any free port (for this run only); --bind takes IPv4 and IPv6 literals.
    void lanFlags()
    {
        QString e;
        const auto cli = parse({QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--bind"), QStringLiteral("::1")}, &e);
        QVERIFY2(cli, qPrintable(e));
        QCOMPARE(*cli->port, quint16(0));
        QCOMPARE(*cli->bind, QHostAddress(QHostAddress::LocalHostIPv6));
        const auto v4 = parse({QStringLiteral("--bind"), QStringLiteral(" 0.0.0.0 ")}, &e);
        QVERIFY2(v4, qPrintable(e));
        QCOMPARE(*v4->bind, QHostAddress(QHostAddress::AnyIPv4));
        QVERIFY(!parse({}, &e)->bind.has_value());
        QVERIFY(!parse({}, &e)->port.has_value());
    }

    void invertedRangeRejected()
    {
        QString e;
        const auto cli = parse({QStringLiteral("--min-hz"), QStringLiteral("900"), QStringLiteral("--max-hz"), QStringLiteral("1000")}, &e);
        QVERIFY(cli);
        AnalysisConfig c;
        c.maxHz = 800; // as if from settings
        CommandLine only = *cli;
        only.analysis.maxHz = -1;
        QVERIFY(!applyAnalysisOptions(only, c, &e));
        QVERIFY(e.contains(QStringLiteral("--max-hz")));
    }

    // Which runs go to the console helper: every mode that keeps running, unless a Qt Multimedia
    // input ("qt:") is the source; --help and --version are answered at once.
    void consoleHelperRuns()
    {
        QString e;
        const auto suits = [&](const QStringList &args) { return suitsConsoleHelper(*parse(args, &e)); };
        QVERIFY(suits({QStringLiteral("--print-frames")}));
        QVERIFY(suits({QStringLiteral("--headless"), QStringLiteral("--source"), QStringLiteral("pulse:x.monitor")}));
        QVERIFY(suits({QStringLiteral("--list-devices")}));
        QVERIFY(suits({QStringLiteral("--analyze"), QStringLiteral("a.wav")}));
        QVERIFY(suits({})); // the desktop mode, when main() found no display
        QVERIFY(!suits({QStringLiteral("--help")}));
        QVERIFY(!suits({QStringLiteral("--version")}));
        QVERIFY(!suits({QStringLiteral("--print-frames"), QStringLiteral("--source"), QStringLiteral("qt:alsa_input.usb")}));
        QVERIFY(!suits({QStringLiteral("--headless"), QStringLiteral("--source"), QStringLiteral("qt:x")}));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
