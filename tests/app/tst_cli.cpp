// `spectray --analyze/--list-devices/--print-frames` run as a user runs them.
#include "clirun.h"
#include "testsignals.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    using Run = spectray::test::CliRun;

    static Run run(const QStringList &args) { return spectray::test::runCli(args); }

    QString file(const QString &name) const { return m_dir.filePath(name); }

    static QList<QJsonObject> lines(const QByteArray &out) { return spectray::test::jsonLines(out); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        using namespace spectray::test;
        QVERIFY(writeAudioFile(file(QStringLiteral("tone.wav")), sine(1000, 0.5, 44100, 2.0, 2), 44100, 2));
        QVERIFY(writeAudioFile(file(QStringLiteral("tone.flac")), sine(250, 0.5, 48000, 2.0, 1), 48000, 1));
        QFile empty(file(QStringLiteral("empty.wav")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QFile text(file(QStringLiteral("notes.wav")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("these are not the samples you are looking for\n");
        text.close();
        QFile whole(file(QStringLiteral("tone.wav")));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QFile cut(file(QStringLiteral("truncated.wav")));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(whole.read(whole.size() / 2));
    }

    void versionAndHelp()
    {
        const Run v = run({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("spectray "));
        const Run h = run({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("--analyze"));
        QVERIFY(h.out.contains("--print-frames"));
    }

    void analyzeWav()
    {
        const Run r = run({QStringLiteral("--analyze"), file(QStringLiteral("tone.wav"))});
        QCOMPARE(r.exitCode, 0);
        const auto objects = lines(r.out);
        QVERIFY(objects.size() > 50);
        const QJsonObject layout = objects.first();
        QCOMPARE(layout.value(u"type").toString(), QStringLiteral("layout"));
        QCOMPARE(layout.value(u"rate").toInt(), 44100);
        QCOMPARE(layout.value(u"profile").toString(), QStringLiteral("default"));
        const QJsonArray edges = layout.value(u"edges").toArray();
        QCOMPARE(edges.size(), 33);
        int toneBand = -1;
        for (int i = 0; i < 32; ++i) {
            if (edges[i].toDouble() <= 1000 && 1000 < edges[i + 1].toDouble())
                toneBand = i;
        }
        // 2 s at 30 fps: frames at k*hop + W samples.
        const int frames = int(objects.size()) - 1;
        QVERIFY2(frames >= 50 && frames <= 61, qPrintable(QString::number(frames)));
        for (int i = 1; i < objects.size(); ++i) {
            const QJsonObject f = objects[i];
            QCOMPARE(f.value(u"type").toString(), QStringLiteral("frame"));
            QCOMPARE(f.value(u"seq").toInt(), i - 1);
            QCOMPARE(f.value(u"scale").toInt(), 1000);
            QVERIFY(!f.contains(u"ts"));
            const QJsonArray bands = f.value(u"frequencies").toArray();
            QCOMPARE(bands.size(), 32);
            int loudest = 0;
            for (int b = 1; b < 32; ++b)
                loudest = bands[b].toInt() > bands[loudest].toInt() ? b : loudest;
            QCOMPARE(loudest, toneBand);
        }
    }

    void analyzeFlacWithOptions()
    {
        const Run r = run({QStringLiteral("--analyze"), file(QStringLiteral("tone.flac")), QStringLiteral("--profile"),
                           QStringLiteral("seed"), QStringLiteral("--fps"), QStringLiteral("60"), QStringLiteral("--bands"),
                           QStringLiteral("16")});
        QCOMPARE(r.exitCode, 0);
        const auto objects = lines(r.out);
        QVERIFY(objects.size() > 100);
        QCOMPARE(objects.first().value(u"profile").toString(), QStringLiteral("seed"));
        QCOMPARE(objects.first().value(u"fps").toInt(), 60);
        QCOMPARE(objects.first().value(u"rate").toInt(), 48000);
        QCOMPARE(objects.last().value(u"frequencies").toArray().size(), 16);
        // A 250 Hz tone at amplitude 0.5: RMS -9 dB, i.e. level (−9+60)/54 ≈ 0.944.
        QVERIFY(qAbs(objects.last().value(u"level").toInt() - 944) <= 2);
    }

    void sameOutputEveryRun()
    {
        const Run a = run({QStringLiteral("--analyze"), file(QStringLiteral("tone.wav"))});
        const Run b = run({QStringLiteral("--analyze"), file(QStringLiteral("tone.wav"))});
        QCOMPARE(a.out, b.out);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        const QString missing = file(QStringLiteral("missing.wav"));
        QTest::newRow("missing") << QStringList{QStringLiteral("--analyze"), missing} << QByteArray("not found");
        QTest::newRow("empty") << QStringList{QStringLiteral("--analyze"), file(QStringLiteral("empty.wav"))} << QByteArray("empty");
        QTest::newRow("not audio") << QStringList{QStringLiteral("--analyze"), file(QStringLiteral("notes.wav"))} << QByteArray("not a supported audio file");
        QTest::newRow("truncated") << QStringList{QStringLiteral("--analyze"), file(QStringLiteral("truncated.wav"))} << QByteArray("truncated");
        QTest::newRow("directory") << QStringList{QStringLiteral("--analyze"), m_dir.path()} << QByteArray(m_dir.path().toUtf8());
        QTest::newRow("bad fps") << QStringList{QStringLiteral("--analyze"), file(QStringLiteral("tone.wav")), QStringLiteral("--fps"), QStringLiteral("999")} << QByteArray("--fps");
        QTest::newRow("bad bands") << QStringList{QStringLiteral("--analyze"), file(QStringLiteral("tone.wav")), QStringLiteral("--bands"), QStringLiteral("4")} << QByteArray("--bands");
        QTest::newRow("bad fft") << QStringList{QStringLiteral("--analyze"), file(QStringLiteral("tone.wav")), QStringLiteral("--fft-size"), QStringLiteral("1000")} << QByteArray("--fft-size");
        QTest::newRow("bad profile") << QStringList{QStringLiteral("--analyze"), file(QStringLiteral("tone.wav")), QStringLiteral("--profile"), QStringLiteral("x")} << QByteArray("--profile");
        QTest::newRow("no file") << QStringList{QStringLiteral("--analyze")} << QByteArray("analyze");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--nope")} << QByteArray("nope");
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), r.out.left(200).constData()); // nothing half-printed
        QCOMPARE(r.err.count('\n'), 1);                          // one line
        QVERIFY2(r.err.contains(mentions), r.err.constData());
    }

    void listDevicesJson()
    {
        const Run r = run({QStringLiteral("--list-devices"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray devices = QJsonDocument::fromJson(r.out).array();
        QVERIFY(devices.size() >= 2);
        QStringList ids;
        for (const auto &d : devices)
            ids << d.toObject().value(u"id").toString();
        QVERIFY(ids.contains(QStringLiteral("default-output")));
        QVERIFY(ids.contains(QStringLiteral("demo")));
    }

    void printFramesFromDemo()
    {
        const Run r = run({QStringLiteral("--print-frames"), QStringLiteral("--frames"), QStringLiteral("15"),
                           QStringLiteral("--source"), QStringLiteral("demo")});
        QCOMPARE(r.exitCode, 0);
        const auto objects = lines(r.out);
        QCOMPARE(objects.size(), 16);
        QCOMPARE(objects.first().value(u"type").toString(), QStringLiteral("layout"));
        QCOMPARE(objects.last().value(u"type").toString(), QStringLiteral("frame"));
        QVERIFY(objects.last().value(u"ts").toInteger() > 1600000000000);
    }

    // Frames are written on the audio thread and never wait for stdout: a reader that stops for
    // 3 s loses frames (whole ones, counted on stderr) but the analysis goes on, and --frames N
    // still means N lines.
    void printFramesWithAStalledReader()
    {
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY),
            { QStringLiteral("--print-frames"), QStringLiteral("--frames"), QStringLiteral("300"),
                QStringLiteral("--fps"), QStringLiteral("60"), QStringLiteral("--bands"), QStringLiteral("256"),
                QStringLiteral("--source"), QStringLiteral("demo") });
        QVERIFY(p.waitForStarted(10000));
        // No event loop and no waitFor*: QProcess reads nothing, so its 64 kB pipe fills within a
        // second (60 lines of ~1.3 kB per second).
        QThread::sleep(3);
        QVERIFY2(p.state() == QProcess::Running, "a stalled reader must not end the run");
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (p.state() == QProcess::Running && clock.elapsed() < 60000) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const auto objects = lines(out); // empty if any line is cut or not JSON
        QCOMPARE(objects.size(), 301);
        QCOMPARE(objects.first().value(u"type").toString(), QStringLiteral("layout"));
        qint64 biggestGap = 0;
        for (int i = 2; i < objects.size(); ++i) {
            const qint64 gap = objects[i].value(u"seq").toInteger() - objects[i - 1].value(u"seq").toInteger();
            QVERIFY2(gap >= 1, "frames in order, none twice");
            QCOMPARE(objects[i].value(u"frequencies").toArray().size(), 256);
            biggestGap = std::max(biggestGap, gap);
        }
        // The analysis ran on while nobody read: the frames after the stall are over a second
        // (60 frames) later than the last ones that fit in the pipe.
        QVERIFY2(biggestGap >= 60, qPrintable(QString::number(biggestGap)));
        QVERIFY2(p.readAllStandardError().contains("not printed"), "the drops are reported");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
