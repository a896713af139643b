#pragma once

#include "spectrumframe.h"

#include <QByteArray>

#include <cstdio>

namespace spectray::wire {

// `spectray --print-frames`: one frame JSON object per line, the very object the LAN server sends.
// The line is built in a buffer kept from frame to frame, so printing allocates nothing once the
// first frame has sized it. Either written to a stdio stream here, or built (frameLine/textLine)
// for a caller that writes it its own way (the console's non-blocking printer).
class FrameLineWriter final
{
public:
    explicit FrameLineWriter(std::FILE *out = nullptr)
        : m_out(out)
    {
    }

    // The frame's line with its '\n', in the reused buffer: valid until the next call.
    const QByteArray &frameLine(const SpectrumFrame &frame);
    // The same for any other line (layouts, status).
    const QByteArray &textLine(const QByteArray &line);

    // Writes and flushes the frame's line to the stream given at construction (a reader on a pipe
    // sees each frame as it is made). False when the stream refused it (a closed pipe, a full disk).
    bool write(const SpectrumFrame &frame);
    bool writeLine(const QByteArray &line);

private:
    bool flushLine();

    std::FILE *m_out = nullptr;
    QByteArray m_line;
};

} // namespace spectray::wire
