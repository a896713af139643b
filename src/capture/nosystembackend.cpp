// Platforms without a system loopback backend (macOS for now): only demo, file and Qt inputs.
#include "capture/audiobackend.h"

namespace spectray::capture {

std::unique_ptr<AudioBackend> createSystemBackend() { return nullptr; }

} // namespace spectray::capture
