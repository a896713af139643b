#pragma once

#include "spectrumframe.h"

#include <QByteArray>

#include <cstdio>

namespace spectray::wire {

// `spectray --print-frames`: one frame JSON object per line on a stdio stream, the very object the
// LAN server sends. The line is built in a buffer kept from frame to frame, so printing allocates
// nothing once the first frame has sized it.
class FrameLineWriter final
{
public:
    explicit FrameLineWriter(std::FILE *out)
        : m_out(out)
    {
    }

    // Writes and flushes the frame's line (a reader on a pipe sees each frame as it is made).
    // False when the stream refused it (a closed pipe, a full disk).
    bool write(const SpectrumFrame &frame);
    // The same for any other line (layouts, status).
    bool writeLine(const QByteArray &line);

private:
    bool flushLine();

    std::FILE *m_out = nullptr;
    QByteArray m_line;
};

} // namespace spectray::wire
