// Composition root: parses the command line, picks the mode, builds the session and its front-end.
#include "analyzecommand.h"
#include "commandline.h"
#include "console.h"
#include "core/logging.h"
#include "core/settings.h"
#include "desktopapp.h"
#include "engine/engine.h"
#include "engine/enginesettings.h"
#include "gui/guisettings.h"
#include "gui/singleinstance.h"
#include "gui/traycontroller.h"
#include "gui/translations.h"
#include "headless.h"
#include "livecommands.h"
#include "net/lanservice.h"
#include "outputs/outputservice.h"
#include "platform/platform.h"
#include "session.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

using namespace spectray;

namespace {

int usageError(const QString &message)
{
    printError(message);
    return 2;
}

// The settings file named by --config, or the user's. A file that may not be opened (a device,
// FIFO, directory ...) is a usage error in the console modes: one line, exit 2, nothing touched.
// The desktop passes `inMemoryOk` and runs on defaults, showing the problem in the tray.
std::unique_ptr<Settings> openSettings(const CommandLine &cli, bool inMemoryOk = false)
{
    auto settings = cli.configFile.isEmpty() ? std::make_unique<Settings>() : std::make_unique<Settings>(cli.configFile);
    if (!settings->openError().isEmpty() && !inMemoryOk) {
        usageError(settings->openError());
        return nullptr;
    }
    return settings;
}

// --port/--bind mean the same in every mode: where the LAN server listens in this run. They
// override the stored settings and are never written to them.
net::LanOverrides lanOverrides(const CommandLine &cli)
{
    net::LanOverrides o;
    o.port = cli.port;
    o.bind = cli.bind;
    return o;
}

int runHeadlessMode(int argc, char **argv, const CommandLine &cli)
{
    QCoreApplication app(argc, argv);
    platform::ignoreBrokenPipe(); // a closed stdout must not kill the server
    const auto settings = openSettings(cli);
    if (!settings)
        return 2;
    HeadlessOptions options;
    options.analysis = analysisConfigFrom(*settings);
    QString error;
    if (!applyAnalysisOptions(cli, options.analysis, &error))
        return usageError(error);
    options.source = cli.source.value_or(settings->value(keys::source));
    Session session(*settings);
    session.lan().setOverrides(lanOverrides(cli));
    session.outputs().setOverrides(cli.outputs);
    return runHeadless(session, options);
}

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
    QCoreApplication::setOrganizationName(QStringLiteral("Spectray"));
    QCoreApplication::setApplicationName(QStringLiteral("spectray"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPECTRAY_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    const std::optional<CommandLine> parsed = parseCommandLine(arguments, &error);
    if (!parsed)
        return usageError(error);
    const CommandLine &cli = *parsed;

    switch (cli.mode) {
    case CommandLine::Mode::Help:
        std::fputs(cli.helpText.toLocal8Bit().constData(), stdout);
        return 0;
    case CommandLine::Mode::Version:
        std::printf("spectray %s\n", SPECTRAY_VERSION);
        return 0;
    case CommandLine::Mode::Analyze: {
        // Offline analysis uses the built-in defaults plus the options given, never the user's
        // settings, so the same command gives the same output on every machine.
        QCoreApplication app(argc, argv);
        AnalysisConfig config;
        if (!applyAnalysisOptions(cli, config, &error))
            return usageError(error);
        return runAnalyze(cli.analyzeFile, config, stdout, stderr);
    }
    case CommandLine::Mode::ListDevices: {
        QCoreApplication app(argc, argv);
        Engine engine;
        return runListDevices(engine, cli.json);
    }
    case CommandLine::Mode::PrintFrames: {
        QCoreApplication app(argc, argv);
        const auto settings = openSettings(cli);
        if (!settings)
            return 2;
        AnalysisConfig config = analysisConfigFrom(*settings);
        if (!applyAnalysisOptions(cli, config, &error))
            return usageError(error);
        Engine engine;
        return runPrintFrames(engine, cli.source.value_or(settings->value(keys::source)), config, cli.frames);
    }
    case CommandLine::Mode::Headless:
        return runHeadlessMode(argc, argv, cli);
    case CommandLine::Mode::Desktop:
        if (!platform::haveDisplay()) {
            printError(QCoreApplication::translate("spectray::main",
                                                   "no display found — running headless (capture and LAN server only)"));
            return runHeadlessMode(argc, argv, cli);
        }
        return runDesktopMode(argc, argv, cli, arguments);
    }
    return 0;
}
