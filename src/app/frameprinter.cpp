#include "frameprinter.h"

#include "core/wireformat.h"

#include <thread>

namespace spectray {

FramePrinter::FramePrinter(platform::NoWaitWriter out, qint64 limit, std::function<void()> done)
    : m_out(out)
    , m_limit(limit)
    , m_done(std::move(done))
{
}

void FramePrinter::tapLayout(const BandLayout &layout)
{
    if (m_finished)
        return;
    // Rare (a new stream or settings) and long (~14 kB, more than a pipe takes in one go): queued
    // behind anything left over, and written as far as the pipe takes it now.
    m_pending.append(m_lines.textLine(wire::layoutJson(layout)));
    flushPending();
}

void FramePrinter::tapFrame(const SpectrumFrame &frame)
{
    if (m_finished)
        return;
    if (!flushPending()) {
        if (!m_finished)
            m_dropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    const QByteArray &line = m_lines.frameLine(frame);
    // A frame line is at most ~1.5 kB (256 bands), under PIPE_BUF: a pipe takes it whole or not at all.
    const qint64 n = m_out.write(line.constData(), line.size());
    if (n < 0) {
        fail();
        return;
    }
    if (n == 0) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (n < line.size()) // a terminal or file took part of it: the rest before anything else
        m_pending.append(line.constData() + n, line.size() - n);
    if (m_printed.fetch_add(1, std::memory_order_relaxed) + 1 == m_limit)
        finish();
}

bool FramePrinter::flushPending()
{
    while (!m_pending.isEmpty()) {
        const qint64 n = m_out.write(m_pending.constData(), m_pending.size());
        if (n < 0) {
            fail();
            return false;
        }
        if (n == 0)
            return false;
        m_pending.remove(0, n);
    }
    return true;
}

bool FramePrinter::drain(std::chrono::milliseconds patience)
{
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (!flushPending()) {
        if (failed() || std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

void FramePrinter::fail()
{
    m_failed.store(true, std::memory_order_relaxed);
    m_pending.clear();
    finish();
}

void FramePrinter::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_done)
        m_done();
}

} // namespace spectray
