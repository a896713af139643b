#pragma once

#include "core/framelinewriter.h"
#include "engine/frametap.h"
#include "platform/platform.h"

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <functional>

namespace spectray {

// `spectray --print-frames`: each frame's JSON line is written on the thread that makes the frame
// (an Engine FrameTap), so no other thread wakes per frame (issue 11). stdout is never waited for:
// a frame the reader has no room for is dropped whole and counted, while the analysis (and the
// frames' seq and t) go on, so a slow or stopped reader cannot stall the audio thread, and every
// line that is printed is whole. A layout line is never dropped: what the pipe does not take at
// once is written before any later frame. Lines are built in one reused buffer (FrameLineWriter).
class FramePrinter final : public FrameTap
{
public:
    // `done` runs once, on the writing thread, after the `limit`-th frame line (0: no limit) or when
    // stdout failed (a closed pipe); nothing is written after it.
    FramePrinter(platform::NoWaitWriter out, qint64 limit, std::function<void()> done);

    void tapLayout(const BandLayout &layout) override;
    void tapFrame(const SpectrumFrame &frame) override;

    // Once the tap is removed: writes what a full pipe left over (the end of a long line), waiting
    // at most `patience` for the reader; false if it could not.
    bool drain(std::chrono::milliseconds patience);

    qint64 printed() const { return m_printed.load(std::memory_order_relaxed); }
    qint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    bool failed() const { return m_failed.load(std::memory_order_relaxed); }

private:
    bool flushPending(); // true when nothing is left over
    void fail();
    void finish();

    platform::NoWaitWriter m_out;
    const qint64 m_limit;
    std::function<void()> m_done;
    wire::FrameLineWriter m_lines;
    QByteArray m_pending; // the unwritten end of a line: goes out before anything else
    bool m_finished = false;
    std::atomic<qint64> m_printed { 0 };
    std::atomic<qint64> m_dropped { 0 };
    std::atomic<bool> m_failed { false };
};

} // namespace spectray
