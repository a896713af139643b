// `--print-frames` output written on the audio thread (FramePrinter): with a fast reader every line
// arrives whole and in order; --frames N stops after exactly N lines; a reader that stops reading
// never blocks the writer (frames are dropped whole and counted, a layout line is kept); a closed
// pipe ends the run once. Lines are checked with Qt's JSON parser against the values put in.
#include "app/frameprinter.h"
#include "app/platform/platform.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace spectray;

namespace {

SpectrumFrame frameNumbered(quint64 seq, int bands)
{
    SpectrumFrame f;
    f.sequence = seq;
    f.streamTime = double(seq) / 60.0;
    f.wallClockMs = 1'800'000'000'000 + qint64(seq);
    f.playTsMs = f.wallClockMs + 40;
    for (int b = 0; b < bands; ++b)
        f.bands.append(qint16((int(seq) * 7 + b * 13) % 1501));
    f.bass = int(seq % 1000);
    f.level = int((seq * 3) % 1000);
    return f;
}

BandLayout layoutWith(int bands)
{
    BandLayout l;
    for (int b = 0; b <= bands; ++b)
        l.edgesHz.append(20.0 * std::pow(1000.0, double(b) / bands)); // 20 Hz .. 20 kHz
    for (int b = 0; b < bands; ++b) {
        l.centresHz.append(std::sqrt(l.edgesHz[b] * l.edgesHz[b + 1]));
        l.bandLatencyMs.append(10.0);
    }
    l.fps = 60;
    l.sampleRate = 48000;
    l.profile = QStringLiteral("default");
    l.amplitude = QStringLiteral("db");
    l.weighting = QStringLiteral("flat");
    l.layout = QStringLiteral("log");
    return l;
}

struct Pipe
{
    int fds[2] = { -1, -1 };
    Pipe() { QVERIFY(::pipe(fds) == 0); }
    ~Pipe() { closeRead(), closeWrite(); }
    void closeRead()
    {
        if (fds[0] >= 0)
            ::close(fds[0]);
        fds[0] = -1;
    }
    void closeWrite()
    {
        if (fds[1] >= 0)
            ::close(fds[1]);
        fds[1] = -1;
    }
    // Everything buffered now (the read end made non-blocking for this).
    QByteArray readAvailable()
    {
        ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        QByteArray all;
        char buf[65536];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
            all.append(buf, n);
        return all;
    }
};

// Every line must be a whole JSON object; returns them in order.
QList<QJsonObject> parseLines(const QByteArray &bytes)
{
    QList<QJsonObject> out;
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        return {}; // a cut line
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(line, &e);
        if (e.error != QJsonParseError::NoError || !d.isObject())
            return {};
        out.append(d.object());
    }
    return out;
}

bool matches(const QJsonObject &o, const SpectrumFrame &f)
{
    const QJsonArray bands = o.value(u"frequencies").toArray();
    if (o.value(u"type").toString() != u"frame" || o.value(u"seq").toInteger() != qint64(f.sequence)
        || bands.size() != f.bands.size() || o.value(u"bass").toInt() != f.bass || o.value(u"level").toInt() != f.level
        || o.value(u"play_ts").toInteger() != f.playTsMs)
        return false;
    for (qsizetype b = 0; b < bands.size(); ++b) {
        if (bands[b].toInt() != f.bands[b])
            return false;
    }
    return true;
}

} // namespace

class TestFramePrinter final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { platform::ignoreBrokenPipe(); } // as runPrintFrames does

    void fastReaderGetsEveryLineInOrder()
    {
        Pipe pipe;
        // Room for every line (1 MB, the unprivileged maximum), so a reader thread starved by a
        // loaded machine still loses nothing: what is checked is order and whole lines.
        QVERIFY(::fcntl(pipe.fds[1], F_SETPIPE_SZ, 1 << 20) >= (1 << 20));
        QByteArray received;
        std::thread reader([&] {
            char buf[4096];
            for (ssize_t n; (n = ::read(pipe.fds[0], buf, sizeof buf)) > 0;)
                received.append(buf, n);
        });
        int done = 0;
        {
            FramePrinter printer(platform::NoWaitWriter(pipe.fds[1]), 0, [&] { ++done; });
            printer.tapLayout(layoutWith(32));
            for (int i = 0; i < 600; ++i) {
                printer.tapFrame(frameNumbered(quint64(i), 8 + i % 249));
                if (i % 10 == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1)); // frames come paced
            }
            QCOMPARE(printer.printed() + printer.dropped(), 600);
            pipe.closeWrite();
        }
        reader.join();
        const QList<QJsonObject> lines = parseLines(received);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first().value(u"type").toString(), QStringLiteral("layout"));
        QCOMPARE(lines.first().value(u"edges").toArray().size(), 33);
        QCOMPARE(lines.size(), 601);
        for (int i = 0; i < 600; ++i)
            QVERIFY2(matches(lines[i + 1], frameNumbered(quint64(i), 8 + i % 249)), qPrintable(QString::number(i)));
        QCOMPARE(done, 0);
    }

    void limitStopsAfterExactlyNFrames()
    {
        Pipe pipe;
        int done = 0;
        FramePrinter printer(platform::NoWaitWriter(pipe.fds[1]), 7, [&] { ++done; });
        printer.tapLayout(layoutWith(16));
        for (int i = 0; i < 20; ++i)
            printer.tapFrame(frameNumbered(quint64(i), 16));
        printer.tapLayout(layoutWith(16)); // after the end: nothing more
        QCOMPARE(done, 1);
        QCOMPARE(printer.printed(), 7);
        const QList<QJsonObject> lines = parseLines(pipe.readAvailable());
        QCOMPARE(lines.size(), 1 + 7);
        for (int i = 0; i < 7; ++i)
            QVERIFY(matches(lines[i + 1], frameNumbered(quint64(i), 16)));
    }

    void stoppedReaderNeverBlocksAndLinesStayWhole()
    {
        Pipe pipe;
        int done = 0;
        FramePrinter printer(platform::NoWaitWriter(pipe.fds[1]), 0, [&] { ++done; });
        printer.tapLayout(layoutWith(256));
        // 256 bands: ~1.3 kB a line, so a 64 kB pipe is full after ~40 frames. Nobody reads: if a
        // write waited, this loop would never end (the test's timeout would say so).
        const int frames = 400;
        for (int i = 0; i < frames; ++i)
            printer.tapFrame(frameNumbered(quint64(i), 256));
        QVERIFY(printer.dropped() > 0);
        QCOMPARE(printer.printed() + printer.dropped(), frames);
        const qint64 first = printer.printed();
        QList<QJsonObject> lines = parseLines(pipe.readAvailable());
        QCOMPARE(lines.size(), 1 + first); // every line that got in is whole
        for (qint64 i = 0; i < first; ++i)
            QVERIFY(matches(lines[i + 1], frameNumbered(quint64(i), 256)));
        // The reader is back: the next frames are printed again, after the gap.
        for (int i = frames; i < frames + 5; ++i)
            printer.tapFrame(frameNumbered(quint64(i), 256));
        lines = parseLines(pipe.readAvailable());
        QCOMPARE(lines.size(), 5);
        for (int k = 0; k < 5; ++k)
            QVERIFY(matches(lines[k], frameNumbered(quint64(frames + k), 256)));
        QCOMPARE(done, 0);
        QVERIFY(!printer.failed());
    }

    void layoutLineIsKeptWhenThePipeIsFull()
    {
        Pipe pipe;
        FramePrinter printer(platform::NoWaitWriter(pipe.fds[1]), 0, {});
        int i = 0;
        while (printer.dropped() == 0 && i < 10000) // fill the pipe with frames
            printer.tapFrame(frameNumbered(quint64(i++), 256));
        const qint64 before = printer.printed();
        printer.tapLayout(layoutWith(200)); // ~10 kB: does not fit now
        printer.tapFrame(frameNumbered(quint64(i++), 256)); // dropped: the layout goes first
        QCOMPARE(printer.printed(), before);
        QByteArray out = pipe.readAvailable();
        printer.tapFrame(frameNumbered(quint64(i), 256)); // the rest of the layout, then this frame
        QVERIFY(printer.drain(std::chrono::milliseconds(1000)));
        out += pipe.readAvailable();
        const QList<QJsonObject> lines = parseLines(out);
        QCOMPARE(lines.size(), before + 2);
        QCOMPARE(lines[before].value(u"type").toString(), QStringLiteral("layout"));
        QCOMPARE(lines[before].value(u"edges").toArray().size(), 201);
        QVERIFY(matches(lines[before + 1], frameNumbered(quint64(i), 256)));
    }

    void regularFileTakesEveryLine()
    {
        // `--print-frames > file`: the kernel refuses RWF_NOWAIT for most files, so the writer
        // falls back to poll + write, which a file always passes.
        QTemporaryFile file;
        QVERIFY(file.open());
        FramePrinter printer(platform::NoWaitWriter(int(file.handle())), 0, {});
        printer.tapLayout(layoutWith(32));
        for (int i = 0; i < 100; ++i)
            printer.tapFrame(frameNumbered(quint64(i), 32));
        QCOMPARE(printer.printed(), 100);
        QCOMPARE(printer.dropped(), 0);
        QFile back(file.fileName());
        QVERIFY(back.open(QIODevice::ReadOnly));
        const QList<QJsonObject> lines = parseLines(back.readAll());
        QCOMPARE(lines.size(), 101);
        for (int i = 0; i < 100; ++i)
            QVERIFY(matches(lines[i + 1], frameNumbered(quint64(i), 32)));
    }

    void closedPipeEndsTheRunOnce()
    {
        Pipe pipe;
        int done = 0;
        FramePrinter printer(platform::NoWaitWriter(pipe.fds[1]), 0, [&] { ++done; });
        printer.tapFrame(frameNumbered(0, 32));
        pipe.closeRead(); // `spectray --print-frames | head -1` after head exited
        for (int i = 1; i < 10; ++i)
            printer.tapFrame(frameNumbered(quint64(i), 32));
        QVERIFY(printer.failed());
        QCOMPARE(done, 1);
        QCOMPARE(printer.printed(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFramePrinter)
#include "tst_frameprinter.moc"
