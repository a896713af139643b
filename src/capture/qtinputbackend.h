#pragma once

#include "capture/audiobackend.h"

namespace spectray::capture {

// Ordinary inputs (microphones, line-in) through Qt Multimedia's QAudioSource, on any platform.
// Device ids are "qt:<QAudioDevice::id()>". Needs a running Qt event loop on the thread that
// calls open() (the engine worker thread has one). Lives in spectray_capture_qt so the core
// capture library stays free of Qt.
std::unique_ptr<AudioBackend> createQtInputBackend();

} // namespace spectray::capture
