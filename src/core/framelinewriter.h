#pragma once

#include "spectrumframe.h"

#include <QByteArray>

namespace spectray::wire {

// `spectray --print-frames`: one frame JSON object per line, the very object the LAN server sends.
// The line is built in a buffer kept from frame to frame, so printing allocates nothing once the
// first frame has sized it; the caller writes it its own way (the console's non-blocking printer).
class FrameLineWriter final
{
public:
    // The frame's line with its '\n', in the reused buffer: valid until the next call.
    const QByteArray &frameLine(const SpectrumFrame &frame);
    // The same for any other line (layouts, status).
    const QByteArray &textLine(const QByteArray &line);

private:
    QByteArray m_line;
};

} // namespace spectray::wire
