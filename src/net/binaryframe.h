#pragma once

// The binary frame codec moved to core (core/binaryframe.h) so the MQTT publisher in src/outputs
// shares the one definition without linking the server; these names keep the server's code as it was.
#include "core/binaryframe.h"

namespace spectray::net {
using wire::decodeBinaryFrame;
using wire::encodeBinaryFrame;
using wire::kBinaryHeaderBytes;
using wire::kBinaryMagic;
using wire::kBinaryVersion;
} // namespace spectray::net
