#pragma once

#include "capture/audiobackend.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace spectray::capture {

// Reads WAV, FLAC and Ogg (whatever libsndfile reads) as interleaved float. open() refuses files
// that would decode to something misleading: missing, empty, not audio, or shorter than their
// header says (a truncated download must not be analysed as if it were whole).
class SoundFileReader final
{
public:
    SoundFileReader() = default;
    ~SoundFileReader();
    SoundFileReader(const SoundFileReader &) = delete;
    SoundFileReader &operator=(const SoundFileReader &) = delete;

    // On failure returns false and sets `error` to a one-line reason.
    bool open(const std::string &path, std::string &error);
    StreamFormat format() const { return m_format; }
    // Total frames as the file says (0 if unknown).
    int64_t frames() const { return m_frames; }
    // Reads up to `frames` frames; returns the number read, 0 at the end.
    size_t read(float *interleaved, size_t frames);
    // Back to the first frame (for looping playback).
    bool rewind();
    // True if the data turned out shorter than the header said (only reachable if open() could
    // not tell in advance).
    bool truncated() const { return m_truncated; }
    void close();

private:
    void *m_file = nullptr; // SNDFILE*, kept opaque so users need no sndfile.h
    std::string m_path;
    StreamFormat m_format;
    int64_t m_frames = 0;
    int64_t m_read = 0;
    bool m_truncated = false;
};

} // namespace spectray::capture
