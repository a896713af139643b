// libFuzzer: the sound-file reader (WAV/FLAC/Ogg/... through libsndfile) on arbitrary bytes.
// SoundFileReader opens paths, so the input goes into an in-memory file (memfd) and the reader
// opens /proc/self/fd/N: the same code the CLI runs, without touching the disk.
#include "capture/soundfilereader.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using spectray::capture::SoundFileReader;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const int fd = memfd_create("fuzz-audio", 0);
    if (fd < 0)
        return 0;
    if (size > 0 && write(fd, data, size) != ssize_t(size)) {
        close(fd);
        return 0;
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    SoundFileReader reader;
    std::string error;
    if (reader.open(path, error)) {
        const auto format = reader.format();
        if (format.channels <= 0 || format.sampleRate <= 0)
            std::abort(); // open() promised a usable format
        std::vector<float> buffer(size_t(256) * size_t(format.channels));
        size_t total = 0;
        // Bounded: at most 1 M frames per input, whatever the header claims.
        for (int i = 0; i < 4096; ++i) {
            const size_t n = reader.read(buffer.data(), 256);
            if (n == 0 || n > 256)
                break;
            total += n;
        }
        (void)total;
        (void)reader.rewind();
    } else if (error.empty()) {
        std::abort(); // a refusal always says why
    }
    reader.close();
    close(fd);
    return 0;
}
