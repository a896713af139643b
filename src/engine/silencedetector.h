#pragma once

#include <cstddef>
#include <cstdint>

namespace spectray {

// Decides when a source has gone quiet and when it is back. Digital silence means exact zeros (a
// paused player, a muted stream) or packets the source marks silent; dither or room noise is still
// sound, so the spectrum keeps moving with it. Silent after `holdSeconds` of silence without a
// break; the first non-zero sample ends it. Pure logic on the samples: no clock, no Qt.
class SilenceDetector final
{
public:
    enum class Change {
        None,
        SoundReturned, // this chunk ends a silent spell: its frames should be shown
        BecameSilent,  // silence has now lasted holdSeconds: stop frames after this chunk
    };

    explicit SilenceDetector(double holdSeconds = 2.0) : m_holdSeconds(holdSeconds) {}

    // One chunk of interleaved samples as it arrives. At most one change per chunk: sound
    // returning is reported before, silence starting after, the chunk's own analysis.
    Change observe(const float *interleaved, std::size_t frames, int channels, int sampleRate, bool silentHint);
    bool isSilent() const { return m_silent; }
    void reset(); // a new stream: not silent, no silence counted yet

private:
    double m_holdSeconds;
    std::uint64_t m_silentRunFrames = 0; // frames of unbroken silence up to the newest sample
    bool m_silent = false;
};

} // namespace spectray
