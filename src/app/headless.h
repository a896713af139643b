#pragma once

#include "core/analysisconfig.h"

#include <QString>

namespace spectray {

class Session;

// What `spectray --headless` was asked for; the LAN server's settings and --port/--bind are the
// session's LanService's business (set before calling runHeadless).
struct HeadlessOptions
{
    QString source; // device id/name, "demo", "file:PATH" (cli.source or keys::source)
    AnalysisConfig analysis; // settings with --profile/--fps/... applied
    bool printQrCode = true; // only ever printed when stdout is a terminal
};

// The headless front-end: starts the session's LAN server and capture, prints the URLs to open
// (loopback, then the LAN URLs in LanService order, each with the token) and, on a terminal, a QR
// code of the LAN URL; runs until SIGINT/SIGTERM, then clients get a going-away close and the
// capture stream is released. Returns the exit code: 0 after a clean shutdown, 1 when the server
// cannot listen or is turned off in the settings.
int runHeadless(Session &session, const HeadlessOptions &options);

} // namespace spectray
