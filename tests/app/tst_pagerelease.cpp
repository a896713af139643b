// platform::releaseStartupPages() on Linux, judged by what the kernel reports in /proc/self/smaps
// (the figures `top` and bench/vs-cava read): a private read-only mapping of a file, read once,
// stops being resident and still reads the same bytes; a private mapping the process wrote to and
// then made read-only (what the dynamic linker does with relocated data) keeps every written byte.
#include "app/platform/platform.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <numeric>

namespace {

constexpr qint64 kBytes = 2 * 1024 * 1024;

struct Residency
{
    long rssKb = -1;
    long anonymousKb = -1;
};

// The smaps block of the mapping that starts at `start`, read independently of the code under test.
Residency residencyOf(const void *start)
{
    Residency r;
    char header[32];
    std::snprintf(header, sizeof header, "%lx-", reinterpret_cast<unsigned long>(start));
    std::FILE *smaps = std::fopen("/proc/self/smaps", "r");
    if (!smaps)
        return r;
    char line[512];
    bool inside = false;
    while (std::fgets(line, sizeof line, smaps)) {
        if (std::strncmp(line, header, std::strlen(header)) == 0)
            inside = true;
        else if (inside && std::strncmp(line, "Rss:", 4) == 0)
            r.rssKb = std::strtol(line + 4, nullptr, 10);
        else if (inside && std::strncmp(line, "Anonymous:", 10) == 0)
            r.anonymousKb = std::strtol(line + 10, nullptr, 10);
        else if (inside && std::strncmp(line, "VmFlags:", 8) == 0)
            break;
    }
    std::fclose(smaps);
    return r;
}

long sumOf(const unsigned char *data, qint64 size)
{
    return std::accumulate(data, data + size, 0L);
}

} // namespace

class TestPageRelease final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // On disk, not in /tmp: a tmpfs file's pages are shared memory, which no advice can drop.
        m_dir = std::make_unique<QTemporaryDir>(QDir::currentPath() + QStringLiteral("/pagerelease-XXXXXX"));
        QVERIFY(m_dir->isValid());
        QFile file(m_dir->filePath(QStringLiteral("data.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray block(kBytes, Qt::Uninitialized);
        for (qint64 i = 0; i < kBytes; ++i)
            block[i] = char(i * 7 % 251);
        QCOMPARE(file.write(block), kBytes);
        QVERIFY(file.flush());
        QCOMPARE(::fsync(file.handle()), 0); // clean page-cache pages: dropping them needs no write-back
        m_expectedSum = sumOf(reinterpret_cast<const unsigned char *>(block.constData()), kBytes);
        file.close();
        m_file.setFileName(file.fileName());
        QVERIFY(m_file.open(QIODevice::ReadOnly));
    }

    void readOnlyFilePagesGoAndComeBack()
    {
        void *map = ::mmap(nullptr, kBytes, PROT_READ, MAP_PRIVATE, m_file.handle(), 0);
        QVERIFY(map != MAP_FAILED);
        const auto *bytes = static_cast<const unsigned char *>(map);
        QCOMPARE(sumOf(bytes, kBytes), m_expectedSum); // every page read: all resident
        QVERIFY2(residencyOf(map).rssKb >= kBytes / 1024 * 9 / 10, "the mapping was read whole");

        const qint64 advised = spectray::platform::releaseStartupPages();
        QVERIFY2(advised >= kBytes, qPrintable(QString::number(advised)));
        const Residency after = residencyOf(map);
        QVERIFY2(after.rssKb >= 0 && after.rssKb <= kBytes / 1024 / 10, qPrintable(QString::number(after.rssKb)));

        QCOMPARE(sumOf(bytes, kBytes), m_expectedSum); // back on first touch, the same bytes
        ::munmap(map, kBytes);
    }

    void writtenPrivatePagesStay()
    {
        void *map = ::mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE, m_file.handle(), 0);
        QVERIFY(map != MAP_FAILED);
        auto *bytes = static_cast<unsigned char *>(map);
        std::memset(bytes, 3, kBytes); // copy-on-write: the process's own pages now, nowhere on disk
        QCOMPARE(::mprotect(map, kBytes, PROT_READ), 0); // r--p, as RELRO after relocation
        const Residency before = residencyOf(map);
        QCOMPARE(before.anonymousKb, long(kBytes / 1024));

        spectray::platform::releaseStartupPages();
        const Residency after = residencyOf(map);
        QCOMPARE(after.anonymousKb, before.anonymousKb);
        QCOMPARE(after.rssKb, before.rssKb);
        QCOMPARE(sumOf(bytes, kBytes), 3L * kBytes);
        ::munmap(map, kBytes);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QFile m_file;
    long m_expectedSum = 0;
};

QTEST_GUILESS_MAIN(TestPageRelease)
#include "tst_pagerelease.moc"
