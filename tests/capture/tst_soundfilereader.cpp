#include "capture/soundfilereader.h"
#include "testsignals.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using spectray::capture::SoundFileReader;

class TestSoundFileReader final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    static std::string s(const QString &p) { return p.toStdString(); }

    // Keeps the first `bytes` bytes of `from` in `to`.
    static void truncateCopy(const QString &from, const QString &to, qint64 bytes)
    {
        QFile in(from);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(to);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.read(bytes));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto tone = spectray::test::sine(440.0, 0.5, 48000, 1.0, 2);
        QVERIFY(spectray::test::writeAudioFile(path("t.wav"), tone, 48000, 2));
        QVERIFY(spectray::test::writeAudioFile(path("t.flac"), tone, 48000, 2));
        QVERIFY(spectray::test::writeAudioFile(path("t.ogg"), tone, 48000, 2));
    }

    void readsFormats_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("wav") << QStringLiteral("t.wav");
        QTest::newRow("flac") << QStringLiteral("t.flac");
        QTest::newRow("ogg") << QStringLiteral("t.ogg");
    }
    void readsFormats()
    {
        QFETCH(QString, name);
        SoundFileReader reader;
        std::string error;
        QVERIFY2(reader.open(s(m_dir.filePath(name)), error), error.c_str());
        QCOMPARE(reader.format().sampleRate, 48000);
        QCOMPARE(reader.format().channels, 2);
        QCOMPARE(reader.frames(), int64_t(48000));
        std::vector<float> buf(1000 * 2);
        int64_t total = 0;
        double peak = 0.0;
        while (size_t n = reader.read(buf.data(), 1000)) {
            total += static_cast<int64_t>(n);
            for (size_t i = 0; i < n * 2; ++i)
                peak = std::max(peak, static_cast<double>(std::fabs(buf[i])));
        }
        QCOMPARE(total, int64_t(48000));
        QVERIFY(!reader.truncated());
        QVERIFY2(peak > 0.45 && peak < 0.55, qPrintable(QString::number(peak)));
        QVERIFY(reader.rewind());
        QCOMPARE(reader.read(buf.data(), 1000), size_t(1000));
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << path("nope.wav") << QStringLiteral("not found");
        QTest::newRow("empty") << path("empty.wav") << QStringLiteral("empty");
        QTest::newRow("header-only wav") << path("zero.wav") << QStringLiteral("empty");
        QTest::newRow("text") << path("text.wav") << QStringLiteral("not a supported audio file");
        QTest::newRow("truncated wav") << path("cut.wav") << QStringLiteral("truncated");
        QTest::newRow("truncated flac") << path("cut.flac") << QStringLiteral("truncated");
        QTest::newRow("truncated ogg") << path("cut.ogg") << QStringLiteral("truncated");
        QTest::newRow("directory") << m_dir.path() << QStringLiteral("not a file");
    }
    void rejectsBadInput()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QFile(path("empty.wav")).open(QIODevice::WriteOnly);
        {
            QFile text(path("text.wav"));
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write("this is not audio\n");
        }
        QVERIFY(spectray::test::writeAudioFile(path("zero.wav"), {}, 48000, 2));
        truncateCopy(path("t.wav"), path("cut.wav"), QFileInfo(path("t.wav")).size() / 2);
        truncateCopy(path("t.flac"), path("cut.flac"), QFileInfo(path("t.flac")).size() * 3 / 4);
        truncateCopy(path("t.ogg"), path("cut.ogg"), QFileInfo(path("t.ogg")).size() / 2);

        SoundFileReader reader;
        std::string error;
        QVERIFY(!reader.open(s(file), error));
        QVERIFY2(QString::fromStdString(error).contains(reason), error.c_str());
        QVERIFY2(error.find('\n') == std::string::npos, "one line");
        QCOMPARE(reader.read(nullptr, 0), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestSoundFileReader)
#include "tst_soundfilereader.moc"
