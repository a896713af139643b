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

} // namespace spectray::wire
