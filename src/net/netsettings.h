#pragma once

#include "net/serveroptions.h"

#include "core/settings.h"

namespace spectray::keys {

// LAN server settings: owned by the net layer, edited by the settings dialog, read by the app.
bool isValidBindAddress(const QString &value); // "" (all interfaces) or a literal IP address
bool isValidToken(const QString &value);       // "" (not created yet) or 32 hex digits
bool isValidOriginList(const QString &value);  // space/comma separated http(s)://host[:port]

inline constexpr BoolKey serverEnabled{"server/enabled", true};
inline constexpr IntKey serverPort{"server/port", 8737, 1, 65535};
inline constexpr StringKey serverBind{"server/bind", "", &isValidBindAddress};
inline constexpr BoolKey serverLanAccess{"server/lanAccess", true};
inline constexpr StringKey serverToken{"server/token", "", &isValidToken};
inline constexpr BoolKey serverTokenOnLoopback{"server/requireTokenOnLoopback", false};
inline constexpr StringKey serverAllowedOrigins{"server/allowedOrigins", "", &isValidOriginList};
inline constexpr IntKey serverMaxClients{"server/maxClients", 32, 1, 1000};

} // namespace spectray::keys

namespace spectray::net {

// A fresh random 128-bit token as 32 lowercase hex digits (QRandomGenerator::system()).
QString generateToken();

// The stored token, creating and persisting one on first use.
QString ensureToken(Settings &settings);

// ServerOptions described by the stored settings (creates the token if needed). With LAN access
// off the server binds to loopback only, whatever the bind address says.
ServerOptions serverOptionsFrom(Settings &settings);

} // namespace spectray::net
