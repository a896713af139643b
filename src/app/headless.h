#pragma once

#include "core/analysisconfig.h"

#include <QString>

#include <optional>

namespace spectray {

class Engine;
class Settings;

// What `spectray --headless` was asked for; everything not given comes from the settings.
struct HeadlessOptions
{
    QString source;                // device id/name, "demo", "file:PATH" (e.g. cli.source or keys::source)
    AnalysisConfig analysis;       // settings with --profile/--fps/... applied
    std::optional<quint16> port;   // --port (overrides server/port)
    std::optional<QString> bind;   // --bind (overrides server/bind and LAN access)
    bool printQrCode = true;       // only ever printed when stdout is a terminal
};

// Runs capture and the LAN server without any GUI until SIGINT/SIGTERM. Prints the URLs to open
// (loopback and each LAN address, with the token) and, on a terminal, a QR code of the LAN URL.
// On a signal, clients get a going-away close and the capture stream is released.
// Returns the process exit code: 0 after a clean shutdown, 1 if the server cannot listen,
// 2 for a bad --bind value.
int runHeadless(Engine &engine, Settings &settings, const HeadlessOptions &options);

} // namespace spectray
