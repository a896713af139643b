#include "capture/soundfilereader.h"

#include <sndfile.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <sys/stat.h>
#include <vector>

namespace spectray::capture {

namespace {

SNDFILE *handle(void *p) { return static_cast<SNDFILE *>(p); }

// libsndfile opens a WAV/AIFF whose data chunk is cut short and quietly plays what is there; its
// log then has a line like "data : 192000 (should be 99956)". A header that declares more than
// the file holds means truncation; 0 and 0xFFFFFFFF are streaming writers' placeholders.
bool headerDeclaresMoreThanPresent(SNDFILE *file)
{
    char log[8192] = {};
    sf_command(file, SFC_GET_LOG_INFO, log, sizeof log);
    std::string_view text(log);
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string line(text.substr(pos, end - pos));
        pos = end + 1;
        if (line.rfind("data", 0) != 0 && line.rfind("SSND", 0) != 0)
            continue;
        unsigned long long declared = 0;
        unsigned long long actual = 0;
        const size_t colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        if (std::sscanf(line.c_str() + colon + 1, " %llu (should be %llu)", &declared, &actual) == 2
            && declared > actual && declared != 0xFFFFFFFFull)
            return true;
    }
    return false;
}

// Decodes the whole file once: a FLAC or Ogg stream cut short still opens and reports the
// header's length, and only decoding finds the gap.
int64_t decodableFrames(SNDFILE *file, int channels)
{
    std::vector<float> scratch(static_cast<size_t>(4096) * static_cast<size_t>(channels));
    int64_t total = 0;
    sf_count_t n = 0;
    while ((n = sf_readf_float(file, scratch.data(), 4096)) > 0)
        total += n;
    return total;
}

} // namespace

SoundFileReader::~SoundFileReader() { close(); }

bool SoundFileReader::open(const std::string &path, std::string &error)
{
    close();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        error = "file not found: " + path;
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = "not a file: " + path;
        return false;
    }
    if (st.st_size == 0) {
        error = "file is empty: " + path;
        return false;
    }

    SF_INFO info {};
    SNDFILE *file = sf_open(path.c_str(), SFM_READ, &info);
    if (!file) {
        FILE *probe = std::fopen(path.c_str(), "rb");
        if (!probe) {
            error = "cannot read file: " + path + " (" + std::strerror(errno) + ")";
            return false;
        }
        char magic[4] = {};
        const size_t got = std::fread(magic, 1, sizeof magic, probe);
        std::fclose(probe);
        // A known container that libsndfile cannot open is most likely cut short (an Ogg file
        // missing its headers' pages fails here rather than later).
        static const char *const kMagics[] = {"RIFF", "RF64", "fLaC", "OggS", "FORM"};
        for (const char *m : kMagics)
            if (got == 4 && std::memcmp(magic, m, 4) == 0) {
                error = "file is truncated or damaged: " + path;
                return false;
            }
        error = "not a supported audio file: " + path;
        return false;
    }
    if (info.channels <= 0 || info.samplerate <= 0) {
        sf_close(file);
        error = "not a supported audio file: " + path;
        return false;
    }
    if (info.frames == 0) {
        sf_close(file);
        error = "file is empty (no audio frames): " + path;
        return false;
    }
    // An Ogg stream without its last page has no known length.
    if (info.frames == SF_COUNT_MAX || headerDeclaresMoreThanPresent(file)) {
        sf_close(file);
        error = "file is truncated (shorter than its header says): " + path;
        return false;
    }
    const int64_t decodable = decodableFrames(file, info.channels);
    sf_close(file);
    if (decodable < info.frames) {
        error = "file is truncated (" + std::to_string(decodable) + " of " + std::to_string(info.frames)
                + " frames decodable): " + path;
        return false;
    }
    if (decodable == 0) {
        error = "file is empty (no audio frames): " + path;
        return false;
    }

    // Reopen rather than seek: seeking is not reliable for every format libsndfile reads.
    SF_INFO again {};
    file = sf_open(path.c_str(), SFM_READ, &again);
    if (!file) {
        error = "cannot reopen file: " + path;
        return false;
    }
    m_file = file;
    m_path = path;
    m_format = StreamFormat{again.samplerate, again.channels};
    m_frames = again.frames;
    m_read = 0;
    m_truncated = false;
    return true;
}

size_t SoundFileReader::read(float *interleaved, size_t frames)
{
    if (!m_file || frames == 0)
        return 0;
    const sf_count_t n = sf_readf_float(handle(m_file), interleaved, static_cast<sf_count_t>(frames));
    if (n <= 0) {
        if (m_read < m_frames)
            m_truncated = true;
        return 0;
    }
    m_read += n;
    return static_cast<size_t>(n);
}

bool SoundFileReader::rewind()
{
    if (!m_file)
        return false;
    if (sf_seek(handle(m_file), 0, SEEK_SET) == 0) {
        m_read = 0;
        return true;
    }
    SF_INFO info {};
    SNDFILE *file = sf_open(m_path.c_str(), SFM_READ, &info);
    if (!file)
        return false;
    sf_close(handle(m_file));
    m_file = file;
    m_read = 0;
    return true;
}

void SoundFileReader::close()
{
    if (m_file)
        sf_close(handle(m_file));
    m_file = nullptr;
    m_format = {};
    m_frames = 0;
    m_read = 0;
}

} // namespace spectray::capture
