// Composition root of the desktop app: parses the command line and runs the desktop itself; every
// mode without a window is handed to the console helper (spectray-cli, src/app/climain.cpp) by
// replacing this process, so a console run never maps Qt Widgets, Gui, OpenGL or Multimedia.
#include "commandline.h"
#include "consolemain.h"
#include "core/logging.h"
#include "core/settings.h"
#include "desktopapp.h"
#include "engine/enginesettings.h"
#include "gui/guisettings.h"
#include "gui/singleinstance.h"
#include "gui/translations.h"
#include "outputs/outputservice.h"
#include "platform/platform.h"
#include "session.h"

#include <QApplication>

#include <memory>

using namespace spectray;

namespace {

int runDesktopMode(int argc, char **argv, const CommandLine &cli, const QStringList &arguments)
{
    const QString platformChoice = platform::chooseGuiPlatform();
    QApplication app(argc, argv);
    if (!platformChoice.isEmpty())
        qCInfo(lcApp).noquote() << platformChoice << QStringLiteral("(Qt platform: %1)").arg(QGuiApplication::platformName());
    QApplication::setQuitOnLastWindowClosed(false); // the tray keeps running without a window
    platform::ignoreBrokenPipe();
    const auto settings = openSettings(cli, true);
    gui::installTranslators(app, cli.lang.isEmpty() ? settings->valueName(keys::language) : cli.lang);

    DesktopOptions options;
    options.arguments = arguments;
    options.source = cli.source.value_or(QString());
    options.showWindow = cli.showWindow;
    options.noCapture = cli.noCapture;
    options.instanceKey = cli.configFile;
    // A running instance takes our arguments (e.g. --source) and shows its window; we are done.
    const std::unique_ptr<gui::SingleInstance> instance = acquireSingleInstance(options);
    if (!instance)
        return 0;

    AnalysisConfig config = analysisConfigFrom(*settings);
    QString error;
    if (cli.analysisGiven && !applyAnalysisOptions(cli, config, &error))
        return usageError(error);
    if (cli.analysisGiven)
        storeAnalysisConfig(*settings, config);
    Session session(*settings);
    session.lan().setOverrides(lanOverrides(cli));
    session.outputs().setOverrides(cli.outputs);
    return runDesktop(session, *instance, options);
}

} // namespace

int main(int argc, char **argv)
{
    setApplicationIdentity();
    const QStringList arguments = argumentList(argc, argv);
    QString error;
    const std::optional<CommandLine> parsed = parseCommandLine(arguments, &error);
    if (!parsed)
        return usageError(error);
    const CommandLine &cli = *parsed;

    if (cli.mode == CommandLine::Mode::Desktop && platform::haveDisplay())
        return runDesktopMode(argc, argv, cli, arguments);
    if (suitsConsoleHelper(cli)) {
        // Same PID and arguments, so whatever watches or signals this process keeps working.
        // Returns only when the helper could not be run: then this process does the work itself.
        const QString why = platform::execConsoleHelper(argv);
        qCDebug(lcApp).noquote() << QStringLiteral("running the console mode in-process: %1").arg(why);
    }
    return runConsoleMode(argc, argv, cli);
}
