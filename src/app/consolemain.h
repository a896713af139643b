#pragma once

#include "commandline.h"
#include "net/lanservice.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace spectray {

class Settings;

// What both programs' main() share: `spectray` (the desktop app, which hands the console modes to
// the helper) and `spectray-cli` (the console helper, linked without Qt Widgets/Gui/Multimedia so a
// console run maps none of them: issue 11, RSS).

// Organisation, application name and version, before anything reads settings.
void setApplicationIdentity();
// argv as strings, program name first, for parseCommandLine().
QStringList argumentList(int argc, char **argv);
// Prints the one-line error and returns the usage-error status (2).
int usageError(const QString &message);
// The settings file named by --config, or the user's. A file that may not be opened (a device,
// FIFO, directory ...) is a usage error in the console modes: one line, exit 2, nothing touched.
// The desktop passes `inMemoryOk` and runs on defaults, showing the problem in the tray.
std::unique_ptr<Settings> openSettings(const CommandLine &cli, bool inMemoryOk = false);
// --port/--bind mean the same in every mode: where the LAN server listens in this run. They
// override the stored settings and are never written to them.
net::LanOverrides lanOverrides(const CommandLine &cli);

// Runs every mode that shows no window: --help, --version, --analyze, --list-devices,
// --print-frames, --headless, and the desktop mode where no display exists (headless, said once).
// Creates the QCoreApplication itself.
int runConsoleMode(int argc, char **argv, const CommandLine &cli);

} // namespace spectray
