#pragma once

#include "core/bandlayout.h"
#include "core/spectrumframe.h"

namespace spectray {

// Takes the live frames on the thread that makes them (the audio thread), instead of the queued
// frameReady signal, for a consumer that is cheap and never blocks: `spectray --print-frames`
// writes each line right there, so no other thread is woken per frame (issue 11: context switches).
// Calls come with the analysis lock held, one at a time, in order: a layout before any frame that
// uses it (the current one at once when the tap is set on a running analysis). The layout may come
// on the worker thread (settings changed), frames on the audio thread; never both at once.
class FrameTap
{
public:
    virtual ~FrameTap() = default;
    virtual void tapLayout(const BandLayout &layout) = 0;
    virtual void tapFrame(const SpectrumFrame &frame) = 0;
};

} // namespace spectray
