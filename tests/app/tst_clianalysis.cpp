// --amplitude, --range-db, --weighting, --layout and --bands-per-octave through the real binary
// (issue #10): the layout message of `--analyze` and `--print-frames` carries what was asked for, the
// octave grid equals IEC 61260-1's base-10 formulas computed here, the weightings move band levels
// by the amounts their definitions give, and bad values end in one line on stderr with status 2.
#include "clirun.h"
#include "testsignals.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <cmath>
#include <csignal>

using spectray::test::jsonLines;
using spectray::test::runCli;

namespace {

// IEC 61260-1 base-10 grid: G = 10^(3/10); band x has exact centre 1000 G^(x/b) for odd b and
// 1000 G^((2x+1)/(2b)) for even b; its edges are centre G^(-1/(2b)) and centre G^(+1/(2b)).
double exactCentre(int x, int b)
{
    const double exponent = b % 2 == 1 ? double(x) / b : double(2 * x + 1) / (2.0 * b);
    return 1000.0 * std::pow(10.0, 0.3 * exponent);
}

// The grid's centres between lo and hi. The test's bounds (21 Hz, 17.7 kHz) are at least 0.6 % from
// every centre of every grid (1.2 % for b = 1, 3), more than nominal rounding moves a centre, so
// "nominal centre in range" and "exact centre in range" pick the same bands.
QList<double> expectedCentres(int b, double lo, double hi)
{
    QList<double> out;
    for (int x = -40 * b; x <= 40 * b; ++x) {
        const double fc = exactCentre(x, b);
        if (fc >= lo && fc <= hi)
            out << fc;
    }
    return out;
}

bool near(double a, double b, double relative = 1e-9)
{
    return std::abs(a - b) <= relative * std::abs(b);
}

QList<double> numbers(const QJsonValue &v)
{
    QList<double> out;
    for (const QJsonValue x : v.toArray())
        out << x.toDouble();
    return out;
}

} // namespace

class TestCliAnalysis final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

    // `--analyze tones.wav ARGS`: the layout message and the last frame.
    QPair<QJsonObject, QJsonObject> analyze(const QStringList &args)
    {
        const auto r = runCli(QStringList { QStringLiteral("--analyze"), file(QStringLiteral("tones.wav")) } + args);
        if (r.exitCode != 0) {
            qWarning("exit %d: %s", r.exitCode, r.err.constData());
            return {};
        }
        const QList<QJsonObject> objects = jsonLines(r.out);
        if (objects.size() < 2)
            return {};
        return { objects.first(), objects.last() };
    }

    // dB between two bands of a db-amplitude frame: value difference over the scale, times range_db.
    static double dbBetween(const QJsonObject &layout, const QJsonObject &frame, double hzA, double hzB)
    {
        const QList<double> centres = numbers(layout.value(u"centres"));
        const QJsonArray values = frame.value(u"frequencies").toArray();
        const auto band = [&](double hz) {
            for (qsizetype i = 0; i < centres.size(); ++i) {
                if (near(centres[i], hz, 1e-6))
                    return values[i].toDouble();
            }
            return qQNaN();
        };
        return (band(hzA) - band(hzB)) / frame.value(u"scale").toDouble() * layout.value(u"range_db").toDouble();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Three equal tones on third-octave centres (100 Hz, 1 kHz, 10 kHz), 6 s at 48 kHz. Loud
        // (-10.5 dBFS each), so the scale's -75 dBFS gate stays below ref - range for the ranges used
        // here and a band reads (dB - (ref - range)) / range exactly (docs/dsp.md); long enough for
        // the auto-gain's attack (half way in 0.62 s) to have reached the loudest band by the last frame.
        using namespace spectray::test;
        std::vector<float> mix = sine(100, 0.3, 48000, 6.0);
        for (double hz : { 1000.0, 10000.0 }) {
            const std::vector<float> t = sine(hz, 0.3, 48000, 6.0);
            for (size_t i = 0; i < mix.size(); ++i)
                mix[i] += t[i];
        }
        QVERIFY(writeAudioFile(file(QStringLiteral("tones.wav")), mix, 48000, 1));
    }

    void octaveGrid_data()
    {
        QTest::addColumn<int>("b");
        for (int b : { 1, 2, 3, 6, 12, 24 })
            QTest::addRow("1/%d octave", b) << b;
    }

    void octaveGrid()
    {
        QFETCH(int, b);
        const auto [layout, frame] = analyze({ QStringLiteral("--layout"), QStringLiteral("octave"),
            QStringLiteral("--bands-per-octave"), QString::number(b), QStringLiteral("--min-hz"), QStringLiteral("21"),
            QStringLiteral("--max-hz"), QStringLiteral("17700") });
        QCOMPARE(layout.value(u"type").toString(), QStringLiteral("layout"));
        QCOMPARE(layout.value(u"band_layout").toString(), QStringLiteral("octave"));
        QCOMPARE(layout.value(u"bands_per_octave").toInt(), b);
        const QList<double> want = expectedCentres(b, 21, 17700);
        const QList<double> centres = numbers(layout.value(u"centres"));
        const QList<double> edges = numbers(layout.value(u"edges"));
        QCOMPARE(centres.size(), want.size());
        QCOMPARE(edges.size(), want.size() + 1);
        QCOMPARE(layout.value(u"bands").toInt(), int(want.size()));
        QCOMPARE(frame.value(u"frequencies").toArray().size(), want.size());
        const double half = std::pow(10.0, 0.3 / (2.0 * b));
        for (qsizetype i = 0; i < want.size(); ++i) {
            QVERIFY2(near(centres[i], want[i]),
                qPrintable(QStringLiteral("centre %1: %2, want %3").arg(i).arg(centres[i]).arg(want[i])));
            QVERIFY2(near(edges[i], want[i] / half), qPrintable(QString::number(i)));
            QVERIFY2(near(edges[i + 1], want[i] * half), qPrintable(QString::number(i)));
        }
    }

    // The 31-band RTA: 20 Hz..20 kHz in thirds, labelled with the standard's nominal frequencies.
    void thirdOctaveRta()
    {
        const auto [layout, frame] = analyze({ QStringLiteral("--layout"), QStringLiteral("octave"),
            QStringLiteral("--bands-per-octave"), QStringLiteral("3"), QStringLiteral("--min-hz"), QStringLiteral("20"),
            QStringLiteral("--max-hz"), QStringLiteral("20000") });
        const QStringList nominal = QStringLiteral("20 25 31.5 40 50 63 80 100 125 160 200 250 315 400 500 630 800 "
                                                   "1k 1.25k 1.6k 2k 2.5k 3.15k 4k 5k 6.3k 8k 10k 12.5k 16k 20k")
                                        .split(u' ');
        QStringList labels;
        for (const QJsonValue v : layout.value(u"labels").toArray())
            labels << v.toString();
        QCOMPARE(labels, nominal);
        const QList<double> centres = numbers(layout.value(u"centres"));
        QCOMPARE(centres.size(), 31);
        for (int x = -17; x <= 13; ++x)
            QVERIFY(near(centres[x + 17], 1000.0 * std::pow(10.0, x / 10.0)));
    }

    // What the layout message says about the scale, and what the bands show.
    void amplitudeAndWeighting_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("amplitude");
        QTest::addColumn<double>("rangeDb");
        QTest::addColumn<QString>("weighting");
        QTest::addColumn<double>("db1kOver100"); // 1 kHz band minus 100 Hz band, dB
        QTest::addColumn<double>("db10kOver1k"); // 10 kHz band minus 1 kHz band, dB
        // flat: equal tones read equal. a: IEC 61672-1 table 3, A(100 Hz) = -19.1 dB, A(1 kHz) = 0,
        // A(10 kHz) = -2.5 dB. tilt3 / tilt4.5: +3 / +4.5 dB per octave about 1 kHz, so a decade
        // (log2(10) = 3.32 octaves) is 9.97 / 14.95 dB.
        QTest::newRow("flat, range 50") << QStringList { QStringLiteral("--weighting"), QStringLiteral("flat"),
            QStringLiteral("--range-db"), QStringLiteral("50") }
                                        << QStringLiteral("db") << 50.0 << QStringLiteral("flat") << 0.0 << 0.0;
        QTest::newRow("a") << QStringList { QStringLiteral("--weighting"), QStringLiteral("a"),
            QStringLiteral("--amplitude"), QStringLiteral("db"), QStringLiteral("--range-db"), QStringLiteral("60") }
                           << QStringLiteral("db") << 60.0 << QStringLiteral("a") << 19.1 << -2.5;
        QTest::newRow("tilt3") << QStringList { QStringLiteral("--weighting"), QStringLiteral("tilt3"),
            QStringLiteral("--range-db"), QStringLiteral("60") }
                               << QStringLiteral("db") << 60.0 << QStringLiteral("tilt3") << 3.0 * std::log2(10.0)
                               << 3.0 * std::log2(10.0);
        QTest::newRow("tilt4.5") << QStringList { QStringLiteral("--weighting"), QStringLiteral("tilt4.5"),
            QStringLiteral("--range-db"), QStringLiteral("70") }
                                 << QStringLiteral("db") << 70.0 << QStringLiteral("tilt4.5") << 4.5 * std::log2(10.0)
                                 << 4.5 * std::log2(10.0);
        // linear: range_db is 0 on the wire (protocol.md), no dB to compare.
        QTest::newRow("linear") << QStringList { QStringLiteral("--amplitude"), QStringLiteral("linear") }
                                << QStringLiteral("linear") << 0.0 << QStringLiteral("flat") << qQNaN() << qQNaN();
    }

    void amplitudeAndWeighting()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, amplitude);
        QFETCH(double, rangeDb);
        QFETCH(QString, weighting);
        QFETCH(double, db1kOver100);
        QFETCH(double, db10kOver1k);
        const auto [layout, frame] = analyze(args
            + QStringList { QStringLiteral("--layout"), QStringLiteral("octave"), QStringLiteral("--bands-per-octave"),
                QStringLiteral("3") });
        QCOMPARE(layout.value(u"amplitude").toString(), amplitude);
        QCOMPARE(layout.value(u"range_db").toDouble(), rangeDb);
        QCOMPARE(layout.value(u"weighting").toString(), weighting);
        if (std::isnan(db1kOver100))
            return;
        const double a = dbBetween(layout, frame, 1000, 100), b = dbBetween(layout, frame, 10000, 1000);
        qInfo("%s: 1 kHz - 100 Hz = %.2f dB (want %.2f), 10 kHz - 1 kHz = %.2f dB (want %.2f)", QTest::currentDataTag(),
            a, db1kOver100, b, db10kOver1k);
        QVERIFY2(std::abs(a - db1kOver100) <= 0.6,
            qPrintable(QStringLiteral("1 kHz over 100 Hz: %1 dB, want %2").arg(a).arg(db1kOver100)));
        QVERIFY2(std::abs(b - db10kOver1k) <= 0.6,
            qPrintable(QStringLiteral("10 kHz over 1 kHz: %1 dB, want %2").arg(b).arg(db10kOver1k)));
    }

    // The live path says the same: --print-frames from the demo source.
    void printFramesLayout()
    {
        const auto r = runCli({ QStringLiteral("--print-frames"), QStringLiteral("--frames"), QStringLiteral("2"),
            QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--layout"), QStringLiteral("log"),
            QStringLiteral("--bands"), QStringLiteral("24"), QStringLiteral("--amplitude"), QStringLiteral("db"),
            QStringLiteral("--range-db"), QStringLiteral("45"), QStringLiteral("--weighting"),
            QStringLiteral("tilt4.5") });
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> objects = jsonLines(r.out);
        QVERIFY(!objects.isEmpty());
        const QJsonObject layout = objects.first();
        QCOMPARE(layout.value(u"type").toString(), QStringLiteral("layout"));
        QCOMPARE(layout.value(u"band_layout").toString(), QStringLiteral("log"));
        QCOMPARE(layout.value(u"amplitude").toString(), QStringLiteral("db"));
        QCOMPARE(layout.value(u"range_db").toDouble(), 45.0);
        QCOMPARE(layout.value(u"weighting").toString(), QStringLiteral("tilt4.5"));
        QCOMPARE(layout.value(u"centres").toArray().size(), 24);
        QCOMPARE(layout.value(u"labels").toArray().size(), 0);
        // Log layout: geometric edges, each centre the geometric mean of its edges.
        const QList<double> edges = numbers(layout.value(u"edges"));
        const QList<double> centres = numbers(layout.value(u"centres"));
        QCOMPARE(edges.size(), 25);
        for (int i = 0; i < 24; ++i)
            QVERIFY(near(centres[i], std::sqrt(edges[i] * edges[i + 1]), 1e-9));
    }

    // --headless: the hello a browser gets carries the same fields (loopback, a port of its own).
    void headlessHello()
    {
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY),
            { QStringLiteral("--headless"), QStringLiteral("--config"), file(QStringLiteral("headless.ini")),
                QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--layout"),
                QStringLiteral("octave"), QStringLiteral("--bands-per-octave"), QStringLiteral("1"),
                QStringLiteral("--weighting"), QStringLiteral("a"), QStringLiteral("--range-db"),
                QStringLiteral("55") });
        QByteArray out;
        (void)QTest::qWaitFor(
            [&] {
                out += p.readAllStandardOutput();
                return out.contains("Ctrl+C") || p.state() == QProcess::NotRunning;
            },
            30000);
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/#t=([0-9a-f]{32})"))
                  .match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        QWebSocket ws;
        // A client that connects before the engine's first layout gets a hello with 0 bands and
        // then a `layout` message with the same fields (docs/protocol.md): take whichever has them.
        QJsonObject hello;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString type = o.value(u"type").toString();
            if ((type == u"hello" || type == u"layout") && o.value(u"bands").toInt() > 0)
                hello = o;
        });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?t=%2").arg(m.captured(1), m.captured(2))));
        QTRY_VERIFY_WITH_TIMEOUT(!hello.isEmpty(), 20000);
        ws.close();
        ::kill(pid_t(p.processId()), SIGTERM);
        if (!p.waitForFinished(20000))
            p.kill();
        QCOMPARE(hello.value(u"amplitude").toString(), QStringLiteral("db"));
        QCOMPARE(hello.value(u"range_db").toDouble(), 55.0);
        QCOMPARE(hello.value(u"weighting").toString(), QStringLiteral("a"));
        QCOMPARE(hello.value(u"band_layout").toString(), QStringLiteral("octave"));
        QCOMPARE(hello.value(u"bands_per_octave").toInt(), 1);
        // Octave bands 20 Hz..16 kHz (the default range): 31.5, 63 ... 16k, exact centres 1000 * 10^(0.3 x).
        const QList<double> centres = numbers(hello.value(u"centres"));
        QCOMPARE(centres.size(), 10);
        for (int x = -5; x <= 4; ++x)
            QVERIFY(near(centres[x + 5], 1000.0 * std::pow(10.0, 0.3 * x)));
        QStringList labels;
        for (const QJsonValue v : hello.value(u"labels").toArray())
            labels << v.toString();
        QCOMPARE(labels.join(u' '), QStringLiteral("31.5 63 125 250 500 1k 2k 4k 8k 16k"));
        QCOMPARE(numbers(hello.value(u"edges")).size(), 11);
    }

    void badValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        const auto row = [](const char *name, const QString &flag, const QString &value) {
            QTest::newRow(name) << QStringList { flag, value } << flag.toUtf8();
        };
        row("amplitude name", QStringLiteral("--amplitude"), QStringLiteral("loud"));
        row("weighting name", QStringLiteral("--weighting"), QStringLiteral("c"));
        row("weighting empty", QStringLiteral("--weighting"), QString());
        row("layout name", QStringLiteral("--layout"), QStringLiteral("mel"));
        row("range 5", QStringLiteral("--range-db"), QStringLiteral("5"));
        row("range 120", QStringLiteral("--range-db"), QStringLiteral("120"));
        row("range text", QStringLiteral("--range-db"), QStringLiteral("loud"));
        row("range nan", QStringLiteral("--range-db"), QStringLiteral("nan"));
        row("bpo 5", QStringLiteral("--bands-per-octave"), QStringLiteral("5"));
        row("bpo 0", QStringLiteral("--bands-per-octave"), QStringLiteral("0"));
        row("bpo text", QStringLiteral("--bands-per-octave"), QStringLiteral("third"));
        row("bpo fraction", QStringLiteral("--bands-per-octave"), QStringLiteral("3.5"));
    }

    // In every mode that takes them: one line naming the flag, status 2, nothing on stdout.
    void badValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const QList<QStringList> modes = {
            { QStringLiteral("--analyze"), file(QStringLiteral("tones.wav")) },
            { QStringLiteral("--print-frames"), QStringLiteral("--source"), QStringLiteral("demo") },
            { QStringLiteral("--headless"), QStringLiteral("--source"), QStringLiteral("demo"),
                QStringLiteral("--no-capture") },
        };
        for (const QStringList &mode : modes) {
            const auto r = runCli(mode + args, 30000);
            const QByteArray what = mode.first().toUtf8() + ' ' + args.join(u' ').toUtf8() + ": " + r.err;
            QVERIFY2(r.exitCode == 2, what.constData());
            QVERIFY2(r.out.isEmpty(), what.constData());
            QVERIFY2(r.err.count('\n') == 1, what.constData());
            QVERIFY2(r.err.contains(mentions), what.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_clianalysis.moc"
