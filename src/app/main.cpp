// Composition root: parses the command line, picks the mode, wires the layers together.
#include "analyzecommand.h"
#include "commandline.h"
#include "core/logging.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "engine/enginesettings.h"
#include "livecommands.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

using namespace spectray;

namespace {

int usageError(const QString &message)
{
    std::fprintf(stderr, "spectray: %s\n", message.toLocal8Bit().constData());
    return 2;
}

std::unique_ptr<Settings> openSettings(const CommandLine &cli)
{
    return cli.configFile.isEmpty() ? std::make_unique<Settings>() : std::make_unique<Settings>(cli.configFile);
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
        AnalysisConfig config = analysisConfigFrom(*settings);
        if (!applyAnalysisOptions(cli, config, &error))
            return usageError(error);
        Engine engine;
        return runPrintFrames(engine, cli.source.value_or(settings->value(keys::source)), config, cli.frames);
    }
    case CommandLine::Mode::Headless:
    case CommandLine::Mode::Desktop:
        break;
    }
    return usageError(QCoreApplication::translate("spectray::main", "this build has no desktop or headless mode yet"));
}
