// The console helper (installed as libexec/spectray/spectray-cli): every mode of spectray that
// shows no window, in a program linked without Qt Widgets, Gui, OpenGL and Multimedia. spectray
// replaces itself with it (same PID, same arguments) for --headless, --print-frames, --list-devices
// and --analyze, so those runs map only QtCore, QtNetwork and the audio libraries (issue 11: RSS).
#include "commandline.h"
#include "consolemain.h"
#include "platform/platform.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <optional>

using namespace spectray;

int main(int argc, char **argv)
{
    platform::nameProcess(argc > 0 ? argv[0] : nullptr);
    // The few patterns this program matches (validation of some settings when they change) run
    // interpreted: PCRE2's JIT compiler is most of what libpcre2-16 would keep resident, 0.2-0.4 MB
    // (bench/rss), for no speed anyone could notice. A value the user set wins.
    if (!qEnvironmentVariableIsSet("QT_ENABLE_REGEXP_JIT"))
        qputenv("QT_ENABLE_REGEXP_JIT", "0");
    // Qt's own Unix event loop rather than GLib's: nothing here needs a GLib main context (libpulse
    // runs its own thread), and the GLib dispatcher keeps 0.3-0.4 MB more resident (bench/rss).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    // No Qt plugin serves a console mode, and one would load by itself: QWebSocket's constructor
    // asks for the default TLS configuration, which loads Qt's OpenSSL backend and with it libssl
    // and libcrypto, 4.3 MB resident with 10 WebSocket clients (bench/rss) for a server that speaks
    // plain HTTP only. An empty plugin path makes Qt fall back to its built-in certificate-only
    // backend. (Nothing here loads a library by plugin path: libmosquitto is opened by soname.)
    QCoreApplication::setLibraryPaths({});
    setApplicationIdentity();
    QString error;
    const std::optional<CommandLine> parsed = parseCommandLine(argumentList(argc, argv), &error);
    if (!parsed)
        return usageError(error);
    return runConsoleMode(argc, argv, *parsed);
}
