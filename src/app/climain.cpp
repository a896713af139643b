// The console helper (installed as libexec/spectray/spectray-cli): every mode of spectray that
// shows no window, in a program linked without Qt Widgets, Gui, OpenGL and Multimedia. spectray
// replaces itself with it (same PID, same arguments) for --headless, --print-frames, --list-devices
// and --analyze, so those runs map only QtCore, QtNetwork and the audio libraries (issue 11: RSS).
#include "commandline.h"
#include "consolemain.h"
#include "platform/platform.h"

#include <optional>

using namespace spectray;

int main(int argc, char **argv)
{
    platform::nameProcess(argc > 0 ? argv[0] : nullptr);
    setApplicationIdentity();
    QString error;
    const std::optional<CommandLine> parsed = parseCommandLine(argumentList(argc, argv), &error);
    if (!parsed)
        return usageError(error);
    return runConsoleMode(argc, argv, *parsed);
}
