#include "framelinewriter.h"

#include "wireformat.h"

namespace spectray::wire {

const QByteArray &FrameLineWriter::frameLine(const SpectrumFrame &frame)
{
    writeFrameJson(frame, m_line);
    m_line.append('\n'); // within the capacity writeFrameJson reserved for the longest frame
    return m_line;
}

const QByteArray &FrameLineWriter::textLine(const QByteArray &line)
{
    m_line.resize(0); // keeps the capacity
    m_line.append(line);
    m_line.append('\n');
    return m_line;
}

bool FrameLineWriter::write(const SpectrumFrame &frame)
{
    frameLine(frame);
    return flushLine();
}

bool FrameLineWriter::writeLine(const QByteArray &line)
{
    textLine(line);
    return flushLine();
}

bool FrameLineWriter::flushLine()
{
    // One fwrite of the whole line, so a reader never sees half a line between two flushes.
    const auto n = std::size_t(m_line.size());
    return m_out && std::fwrite(m_line.constData(), 1, n, m_out) == n && std::fflush(m_out) == 0;
}

} // namespace spectray::wire
