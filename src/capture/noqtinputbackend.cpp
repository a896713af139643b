#include "capture/qtinputbackend.h"

namespace spectray::capture {

// The console helper (spectray-cli) links this instead of qtinputbackend.cpp: Qt Multimedia maps
// QtGui, QtNetwork and more into the process, which is what the helper exists to avoid. Without a
// backend a "qt:" source fails to open with the engine's ordinary "nothing plays this" status.
std::unique_ptr<AudioBackend> createQtInputBackend()
{
    return nullptr;
}

} // namespace spectray::capture
