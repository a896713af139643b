// Settings files are never destroyed (issue 9): nodes that are not regular files are refused without
// being opened, reading never rewrites, a copy is kept before a file that needed repair is
// rewritten, and a file that cannot be saved is reported once while values stay for the run.
#include "core/settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace spectray;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// What a user's hand-edited file may look like: comments QSettings drops when it writes.
const QByteArray commentedFile = "; my Spectray settings\n[audio]\n# 60 is smoother\nfps=60\n\n[server]\nport=0\n";

// 2 KB of deterministic binary garbage (a linear congruential generator), as in the report.
QByteArray garbage()
{
    QByteArray out;
    quint32 x = 12345;
    for (int i = 0; i < 2048; ++i) {
        x = x * 1103515245u + 12345u;
        out.append(char(x >> 24));
    }
    return out;
}

} // namespace

class TestSettingsFile final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    // A fresh empty folder per test, so the files made beside the settings can be listed.
    QString freshDir()
    {
        const QString path = m_dir.filePath(QString::number(++m_n));
        QDir().mkpath(path);
        return path;
    }

    static QStringList entries(const QString &dir)
    {
        return QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }

    // A refused file: in-memory settings that work, and nothing made or changed on disk.
    static void checkRefused(const QString &dir, const QString &path)
    {
        const QStringList before = entries(dir);
        {
            Settings s(path);
            QVERIFY2(s.openError().contains(QDir::toNativeSeparators(path)), qPrintable(s.openError()));
            QVERIFY(!s.canSave());
            QCOMPARE(s.problems(), QStringList{s.openError()});
            QCOMPARE(s.value(keys::serverPort), 8737);
            QSignalSpy changed(&s, &Settings::changed);
            s.setValue(keys::fps, 50);
            QCOMPARE(s.value(keys::fps), 50); // kept for the run
            QCOMPARE(changed.count(), 1);
            s.sync();
        }
        QCOMPARE(entries(dir), before);
    }

    // 0 when a read-only file gives exactly one problem and keeps the values set; else which check failed.
    static int checkReadOnly(const QString &path)
    {
        QtMessageHandler quiet = [](QtMsgType, const QMessageLogContext &, const QString &) {};
        qInstallMessageHandler(quiet);
        Settings s(path);
        int problems = 0;
        QObject::connect(&s, &Settings::problem, [&problems] { ++problems; });
        s.setValue(keys::fps, 50);
        s.setValue(keys::fps, 40);
        if (problems != 1)
            return 10 + problems;
        if (s.value(keys::fps) != 40 || s.canSave())
            return 20;
        return 0;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void refusesDirectory()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(QDir().mkpath(path));
        checkRefused(dir, path);
        QVERIFY(QFileInfo(path).isDir());
    }

#ifdef Q_OS_UNIX
    // Opening a FIFO for reading blocks until a writer comes: it used to hang startup forever.
    void refusesFifoWithoutOpeningIt()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        checkRefused(dir, path);
        struct stat st{};
        QCOMPARE(::lstat(QFile::encodeName(path).constData(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
    }

    // A device node used to be replaced by a 48-byte regular file (as root: the system's /dev/null).
    void refusesCharacterDevice()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/null");
        if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
            QSKIP("mknod needs root (CAP_MKNOD); the FIFO and symlink cases cover the same check");
        checkRefused(dir, path);
        struct stat st{};
        QCOMPARE(::lstat(QFile::encodeName(path).constData(), &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
        QCOMPARE(st.st_rdev, makedev(1, 3));
    }

    // A link to the real /dev/null (the issue's `--config /dev/null`), without touching /dev/null.
    void refusesLinkToDevNull()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), path));
        struct stat before{};
        QCOMPARE(::lstat("/dev/null", &before), 0);
        checkRefused(dir, path);
        QCOMPARE(QFileInfo(path).symLinkTarget(), QStringLiteral("/dev/null"));
        struct stat after{};
        QCOMPARE(::lstat("/dev/null", &after), 0);
        QVERIFY(S_ISCHR(after.st_mode));
        QCOMPARE(after.st_ino, before.st_ino);
    }

    void refusesSocket()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/s.ini");
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(path);
        QVERIFY(name.size() < qsizetype(sizeof(address.sun_path)));
        std::copy(name.begin(), name.end(), address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        checkRefused(dir, path);
        ::close(fd);
    }

    // A dangling link: QSettings would create a file wherever it points.
    void refusesDanglingLink()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(QFile::link(dir + QStringLiteral("/elsewhere/x.ini"), path));
        checkRefused(dir, path);
    }
#endif

    void linkToRegularFileIsFollowed()
    {
        const QString dir = freshDir();
        const QString real = dir + QStringLiteral("/real.ini");
        QVERIFY(writeAll(real, "[audio]\nfps=50\n"));
        QVERIFY(QFile::link(real, dir + QStringLiteral("/link.ini")));
        Settings s(dir + QStringLiteral("/link.ini"));
        QVERIFY(s.openError().isEmpty());
        QCOMPARE(s.value(keys::fps), 50);
    }

    // Reading (even values that need repair) never writes: the file keeps its bytes, comments included.
    void readingNeverRewrites()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(writeAll(path, commentedFile));
        {
            Settings s(path);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("server/port.*out of range")));
            QCOMPARE(s.value(keys::serverPort), 8737);
            QCOMPARE(s.value(keys::fps), 60);
            QCOMPARE(s.value(keys::style), DisplayStyle::Bars);
            s.sync();
        }
        QCOMPARE(readAll(path), commentedFile);
        QCOMPARE(entries(dir), QStringList{QStringLiteral("spectray.ini")});
    }

    // A 2 KB garbage file used to be replaced by a fresh one without a word.
    void garbageIsBackedUpBeforeTheFirstWrite()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(writeAll(path, garbage()));
        Settings s(path);
        QSignalSpy problems(&s, &Settings::problem);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("original is kept at")));
        s.setValue(keys::fps, 50);
        s.setValue(keys::bands, 40);
        QCOMPARE(problems.count(), 1); // one copy, one message
        const QString backup = path + QStringLiteral(".bak");
        QVERIFY2(problems.at(0).at(0).toString().contains(QDir::toNativeSeparators(backup)),
                 qPrintable(problems.at(0).at(0).toString()));
        QCOMPARE(readAll(backup), garbage());
        Settings again(path);
        QCOMPARE(again.value(keys::fps), 50);
        QCOMPARE(again.value(keys::bands), 40);
    }

    // Comments are dropped by QSettings when it rewrites the file; the .bak copy keeps them, and the
    // values repaired while reading are written with the first change.
    void commentsAndRepairsAreBackedUp()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(writeAll(path, commentedFile));
        QVERIFY(writeAll(path + QStringLiteral(".bak"), "an older backup\n"));
        Settings s(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("server/port.*out of range")));
        QCOMPARE(s.value(keys::serverPort), 8737);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("original is kept at")));
        s.setValue(keys::bassPulse, false);
        // The older backup is not overwritten; this one has a time stamp.
        QCOMPARE(readAll(path + QStringLiteral(".bak")), QByteArray("an older backup\n"));
        const QStringList stamped = QDir(dir).entryList({QStringLiteral("spectray.ini.*.bak")});
        QCOMPARE(stamped.size(), 1);
        QCOMPARE(readAll(dir + u'/' + stamped.first()), commentedFile);
        const QByteArray now = readAll(path);
        QVERIFY2(now.contains("port=8737"), now.constData());
        QVERIFY2(now.contains("fps=60"), now.constData());
    }

    // Setting a value the file already holds is not a write: a commented file stays as it is.
    void settingTheSameValueDoesNotWrite()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        const QByteArray text = "; notes\n[%General]\nfirstRunDone=true\n[audio]\nfps=60\nmaxHz=16000\n";
        QVERIFY(writeAll(path, text));
        {
            Settings s(path);
            QSignalSpy changed(&s, &Settings::changed);
            s.setValue(keys::firstRunDone, true);
            s.setValue(keys::fps, 60);
            s.setValue(keys::maxHz, 16000.0);
            QCOMPARE(changed.count(), 0);
        }
        QCOMPARE(readAll(path), text);
        QCOMPARE(entries(dir), QStringList{QStringLiteral("spectray.ini")});
    }

    // A clean file is simply updated: no copy, no message.
    void cleanFileNeedsNoBackup()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(writeAll(path, "[audio]\nfps=60\n"));
        Settings s(path);
        QSignalSpy problems(&s, &Settings::problem);
        s.setValue(keys::fps, 50);
        QCOMPARE(problems.count(), 0);
        QCOMPARE(entries(dir), QStringList{QStringLiteral("spectray.ini")});
    }

    // The folder cannot be created (a regular file is in the way: fails for root too). One message,
    // values kept for the run (e.g. a token made at start stays the same).
    void cannotSaveIsReportedOnce()
    {
        const QString dir = freshDir();
        QVERIFY(writeAll(dir + QStringLiteral("/notadir"), "x"));
        const QString path = dir + QStringLiteral("/notadir/spectray.ini");
        Settings s(path);
        QVERIFY(s.openError().isEmpty());
        QSignalSpy problems(&s, &Settings::problem);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot be saved")));
        s.setValue(keys::serverToken, QStringLiteral("0123456789abcdef0123456789abcdef"));
        s.setValue(keys::fps, 50);
        s.sync();
        QCOMPARE(problems.count(), 1);
        QVERIFY(!s.canSave());
        QCOMPARE(s.value(keys::serverToken), QStringLiteral("0123456789abcdef0123456789abcdef"));
        QCOMPARE(s.value(keys::fps), 50);
        QCOMPARE(readAll(dir + QStringLiteral("/notadir")), QByteArray("x"));
    }

#ifdef Q_OS_UNIX
    // A read-only file in a read-only folder. Root ignores permission bits, so as root the check runs
    // in a child process that has become `nobody` (uid/gid 65534).
    void readOnlyFileIsReported()
    {
        const QString dir = freshDir();
        const QString path = dir + QStringLiteral("/spectray.ini");
        QVERIFY(writeAll(path, "[audio]\nfps=60\n"));
        const auto readOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
        const auto traversable = readOnly | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(path, readOnly));
        QVERIFY(QFile::setPermissions(dir, traversable));
        int status = 0;
        if (::geteuid() == 0) {
            // Let `nobody` reach the folder through the temporary directories above it.
            QVERIFY(QFile::setPermissions(m_dir.path(), traversable | QFile::WriteOwner));
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                const bool dropped = ::setgid(65534) == 0 && ::setuid(65534) == 0;
                ::_exit(dropped ? checkReadOnly(path) : 3);
            }
            QCOMPARE(::waitpid(child, &status, 0), child);
            QVERIFY(WIFEXITED(status));
            status = WEXITSTATUS(status);
        } else {
            status = checkReadOnly(path);
        }
        QFile::setPermissions(dir, traversable | QFile::WriteOwner);
        QCOMPARE(status, 0);
        QCOMPARE(readAll(path), QByteArray("[audio]\nfps=60\n"));
    }
#endif
};

QTEST_GUILESS_MAIN(TestSettingsFile)
#include "tst_settingsfile.moc"
