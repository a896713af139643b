#pragma once

#include "net/serveroptions.h"

#include "core/settings.h"

// The server keys are in core/settingskeys.h (one schema for every layer); this maps them to
// ServerOptions.
namespace spectray::net {

// A fresh random 128-bit token as 32 lowercase hex digits (QRandomGenerator::system()).
QString generateToken();

// The stored token, creating and persisting one on first use. When it cannot be saved it is still
// kept by Settings for the run, so the printed URL stays the same until Spectray exits.
QString ensureToken(Settings &settings);

// ServerOptions described by the stored settings (creates the token if needed). With LAN access
// off the server binds to loopback only, whatever the bind address says.
ServerOptions serverOptionsFrom(Settings &settings);

} // namespace spectray::net
