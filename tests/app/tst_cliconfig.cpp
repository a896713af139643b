// `spectray --config FILE` as a user (or an attacker) runs it (issue 9): a node that is not a regular
// file is refused with one line and exit 2 and is left as it was; a damaged file is kept as a .bak
// before it is rewritten; a file that cannot be saved is said once on stderr.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

class TestCliConfig final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY), args);
        if (!p.waitForFinished(30000)) { // hang guard: a FIFO used to block startup forever
            p.kill();
            p.waitForFinished();
            return {-100, p.readAllStandardOutput(), "timed out"};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    static QStringList printFrames(const QString &config)
    {
        return {QStringLiteral("--config"), config, QStringLiteral("--print-frames"), QStringLiteral("--source"),
                QStringLiteral("demo"), QStringLiteral("--frames"), QStringLiteral("1")};
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
    }

    // Runs `--headless` on loopback until it prints its URLs, then stops it with SIGTERM.
    static Run runHeadless(const QString &config)
    {
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY),
                {QStringLiteral("--headless"), QStringLiteral("--config"), config, QStringLiteral("--source"),
                 QStringLiteral("demo"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                 QStringLiteral("--port"), QString::number(freePort())});
        QByteArray out;
        for (int i = 0; i < 300 && !out.contains("Ctrl+C") && p.state() != QProcess::NotRunning; ++i) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput();
        }
        p.terminate();
        if (!p.waitForFinished(10000)) {
            p.kill();
            p.waitForFinished();
        }
        out += p.readAllStandardOutput();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, out, p.readAllStandardError()};
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static int countLines(const QByteArray &text, const char *needle)
    {
        int n = 0;
        for (const QByteArray &line : text.split('\n'))
            n += line.contains(needle) ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void refusesNodesThatAreNotFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("fifo") << QStringLiteral("fifo");
        QTest::newRow("char device") << QStringLiteral("chardev");
        QTest::newRow("link to /dev/null") << QStringLiteral("devnull");
        QTest::newRow("directory") << QStringLiteral("dir");
    }

    void refusesNodesThatAreNotFiles()
    {
        QFETCH(QString, kind);
        const QString path = m_dir.filePath(kind + QStringLiteral(".ini"));
        const QByteArray native = QFile::encodeName(path);
        struct stat devNull{};
        QCOMPARE(::lstat("/dev/null", &devNull), 0);
        if (kind == u"fifo") {
            QCOMPARE(::mkfifo(native.constData(), 0600), 0);
        } else if (kind == u"chardev") {
            if (::mknod(native.constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
                QSKIP("mknod needs root; the FIFO and /dev/null link rows cover the same refusal");
        } else if (kind == u"devnull") {
            QVERIFY(QFile::link(QStringLiteral("/dev/null"), path));
        } else {
            QVERIFY(QDir().mkpath(path));
        }
        struct stat before{};
        QCOMPARE(::lstat(native.constData(), &before), 0);

        const Run r = run(printFrames(path));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QCOMPARE(r.err.count('\n'), 1);
        const QByteArray expected = QByteArray("spectray: Settings file ").append(native);
        QVERIFY2(r.err.startsWith(expected), r.err.constData());

        struct stat after{};
        QCOMPARE(::lstat(native.constData(), &after), 0);
        QCOMPARE(after.st_mode, before.st_mode);
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(after.st_rdev, before.st_rdev);
        QCOMPARE(after.st_size, before.st_size);
        struct stat devNullAfter{};
        QCOMPARE(::lstat("/dev/null", &devNullAfter), 0);
        QVERIFY(S_ISCHR(devNullAfter.st_mode));
        QCOMPARE(devNullAfter.st_ino, devNull.st_ino);
        QCOMPARE(QDir(m_dir.path()).entryList({kind + QStringLiteral(".ini*")}, QDir::AllEntries | QDir::System),
                 QStringList{kind + QStringLiteral(".ini")});
    }

    // Reading a file never rewrites it, even when values in it are repaired for the run.
    void readingLeavesTheFileAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("read.ini"));
        const QByteArray text = "; keep me\n[audio]\nfps=banana\n[server]\nport=0\n";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        const Run r = run(printFrames(path));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(readAll(path), text);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".bak")));
    }

    // A 2 KB garbage file used to be replaced by a fresh 48-byte one without a word.
    void damagedFileIsBackedUpBeforeTheTokenIsSaved()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.ini"));
        QByteArray garbage;
        quint32 x = 777;
        for (int i = 0; i < 2048; ++i) {
            x = x * 1664525u + 1013904223u;
            garbage.append(char(x >> 24));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
        f.close();
        const Run r = runHeadless(path);
        QVERIFY2(r.out.contains("Ctrl+C"), r.err.constData());
        QCOMPARE(readAll(path + QStringLiteral(".bak")), garbage);
        QCOMPARE(countLines(r.err, ".bak"), 1);
        QVERIFY2(r.err.contains(QFile::encodeName(path).append(".bak")), r.err.constData());
        QVERIFY(readAll(path).contains("token="));
    }

    // The settings cannot be written (a file is where the folder should be): one stderr line, and the
    // token made for this run is the same in every URL printed.
    void unsaveableSettingsAreSaidOnce()
    {
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        const Run r = runHeadless(blocker + QStringLiteral("/spectray.ini"));
        QVERIFY2(r.out.contains("Ctrl+C"), r.err.constData());
        QCOMPARE(countLines(r.err, "cannot be saved"), 1);
        static const QRegularExpression tokenRe(QStringLiteral("#t=([0-9a-f]{32})"));
        QSet<QString> tokens;
        for (auto it = tokenRe.globalMatch(QString::fromUtf8(r.out)); it.hasNext();)
            tokens.insert(it.next().captured(1));
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(readAll(blocker), QByteArray("x"));
    }
};

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cliconfig.moc"
