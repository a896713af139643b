// Linux side of platform::releaseStartupPages(): /proc/self/smaps says which mappings are the
// program's files and untouched by writes; madvise(MADV_PAGEOUT) lets their pages go.
#include "app/platform/platform.h"

#include <sys/mman.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__linux__) && !defined(MADV_PAGEOUT)
#define MADV_PAGEOUT 21 // Linux 5.4 (include/uapi/asm-generic/mman-common.h); older headers lack it
#endif

namespace spectray::platform {

namespace {

struct Range
{
    uintptr_t start = 0;
    uintptr_t end = 0;
};

// One mapping of smaps while its lines are read: the header decides whether it may go at all, its
// "Anonymous:" line whether a page of it was ever written (relocated data made read-only afterwards,
// RELRO, looks like a file mapping but its written pages exist nowhere else).
struct Candidate
{
    Range range;
    bool fileBacked = false;
    long anonymousKb = 0;
};

// "start-end perms offset dev inode path": private (p), not writable, a file on disk with an inode,
// not deleted (a memfd or a replaced library reads as "(deleted)"), not a shared memory segment.
bool parseHeader(const char *line, Candidate &c)
{
    unsigned long long start = 0;
    unsigned long long end = 0;
    char perms[8] = {};
    unsigned long long offset = 0;
    char dev[32] = {};
    unsigned long long inode = 0;
    int pathAt = 0;
    if (std::sscanf(line, "%llx-%llx %7s %llx %31s %llu %n", &start, &end, perms, &offset, dev, &inode, &pathAt) < 6)
        return false;
    const char *path = line + pathAt;
    c = Candidate {};
    c.range = Range { uintptr_t(start), uintptr_t(end) };
    c.fileBacked = std::strlen(perms) == 4 && perms[1] != 'w' && perms[3] == 'p' && inode != 0 && path[0] == '/'
        && std::strstr(path, " (deleted)") == nullptr;
    return true;
}

std::vector<Range> untouchedFileMappings()
{
    std::vector<Range> ranges;
    std::FILE *smaps = std::fopen("/proc/self/smaps", "re");
    if (!smaps)
        return ranges;
    char *line = nullptr;
    size_t capacity = 0;
    Candidate current;
    bool inMapping = false;
    while (::getline(&line, &capacity, smaps) > 0) {
        if (std::strncmp(line, "Anonymous:", 10) == 0) {
            current.anonymousKb = std::strtol(line + 10, nullptr, 10);
        } else if (std::strncmp(line, "VmFlags:", 8) == 0) { // the last line of every mapping
            if (inMapping && current.fileBacked && current.anonymousKb == 0)
                ranges.push_back(current.range);
            inMapping = false;
        } else if (!inMapping && parseHeader(line, current)) {
            inMapping = true;
        }
    }
    std::free(line);
    std::fclose(smaps);
    return ranges;
}

} // namespace

qint64 releaseStartupPages()
{
#if defined(__linux__)
    qint64 advised = 0;
    bool unknownAdvice = false;
    for (const Range &r : untouchedFileMappings()) {
        if (::madvise(reinterpret_cast<void *>(r.start), r.end - r.start, MADV_PAGEOUT) == 0)
            advised += qint64(r.end - r.start);
        else
            unknownAdvice = unknownAdvice || errno == EINVAL;
    }
    return advised == 0 && unknownAdvice ? -1 : advised; // EINVAL everywhere: a kernel before 5.4
#else
    return -1;
#endif
}

} // namespace spectray::platform
