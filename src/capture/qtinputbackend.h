#pragma once

#include "capture/audiobackend.h"

namespace spectray::capture {

// Ordinary inputs (microphones, line-in) through Qt Multimedia's QAudioSource, on any platform.
// Device ids are "qt:<QAudioDevice::id()>". Needs a running Qt event loop on the thread that
// calls open() (the engine worker thread has one). Lives in spectray_capture_qt so the core
// capture library stays free of Qt. spectray_capture_noqt defines it too, returning nullptr, for
// programs that must not load Qt Multimedia (the console helper); a program links one of the two.
std::unique_ptr<AudioBackend> createQtInputBackend();

} // namespace spectray::capture
