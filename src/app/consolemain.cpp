#include "consolemain.h"

#include "analyzecommand.h"
#include "console.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "engine/enginesettings.h"
#include "headless.h"
#include "livecommands.h"
#include "outputs/outputservice.h"
#include "platform/platform.h"
#include "session.h"

#include <QCoreApplication>

#include <cstdio>

namespace spectray {

namespace {

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
    // After the engine's threads exist (they inherit a policy from the thread that creates them):
    // only this one, woken once per frame to send it, waits for the audio thread to finish.
    platform::wakeWithoutPreempting();
    session.lan().setOverrides(lanOverrides(cli));
    session.outputs().setOverrides(cli.outputs);
    return runHeadless(session, options);
}

int runPrintFramesMode(int argc, char **argv, const CommandLine &cli)
{
    QCoreApplication app(argc, argv);
    const auto settings = openSettings(cli);
    if (!settings)
        return 2;
    AnalysisConfig config = analysisConfigFrom(*settings);
    QString error;
    if (!applyAnalysisOptions(cli, config, &error))
        return usageError(error);
    Engine engine;
    return runPrintFrames(engine, cli.source.value_or(settings->value(keys::source)), config, cli.frames);
}

} // namespace

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Spectray"));
    QCoreApplication::setApplicationName(QStringLiteral("spectray"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPECTRAY_VERSION));
}

QStringList argumentList(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

int usageError(const QString &message)
{
    printError(message);
    return 2;
}

std::unique_ptr<Settings> openSettings(const CommandLine &cli, bool inMemoryOk)
{
    auto settings
        = cli.configFile.isEmpty() ? std::make_unique<Settings>() : std::make_unique<Settings>(cli.configFile);
    if (!settings->openError().isEmpty() && !inMemoryOk) {
        usageError(settings->openError());
        return nullptr;
    }
    return settings;
}

net::LanOverrides lanOverrides(const CommandLine &cli)
{
    net::LanOverrides o;
    o.port = cli.port;
    o.bind = cli.bind;
    return o;
}

int runConsoleMode(int argc, char **argv, const CommandLine &cli)
{
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
        QString error;
        if (!applyAnalysisOptions(cli, config, &error))
            return usageError(error);
        return runAnalyze(cli.analyzeFile, config, stdout, stderr);
    }
    case CommandLine::Mode::ListDevices: {
        QCoreApplication app(argc, argv);
        Engine engine;
        return runListDevices(engine, cli.json);
    }
    case CommandLine::Mode::PrintFrames:
        return runPrintFramesMode(argc, argv, cli);
    case CommandLine::Mode::Headless:
        return runHeadlessMode(argc, argv, cli);
    case CommandLine::Mode::Desktop:
        // spectray runs the desktop itself where a display exists, so this is a start without one,
        // or the helper started by hand.
        printError(platform::haveDisplay() ? QCoreApplication::translate(
                       "spectray::main", "this program has no window (that is spectray) — running headless")
                                           : QCoreApplication::translate("spectray::main",
                                               "no display found — running headless (capture and LAN server only)"));
        return runHeadlessMode(argc, argv, cli);
    }
    return 0;
}

} // namespace spectray
