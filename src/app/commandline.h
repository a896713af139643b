#pragma once

#include "core/analysisconfig.h"
#include "outputs/outputsettings.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace spectray {

// Everything the command line can ask for, validated. Parsing happens before any QCoreApplication
// exists, because the mode decides whether a QApplication (GUI) is created at all.
struct CommandLine
{
    enum class Mode { Desktop, Headless, ListDevices, PrintFrames, Analyze, Help, Version };

    Mode mode = Mode::Desktop;
    bool json = false;             // --list-devices --json
    std::optional<QString> source; // --source
    qint64 frames = 0;             // --print-frames --frames N (0 = until interrupted)
    QString analyzeFile;           // --analyze FILE
    AnalysisConfig analysis;       // --profile/--fps/--bands/--fft-size/--min-hz/--max-hz over settings
    bool analysisGiven = false;    // any of the analysis options was given
    // --amplitude/--weighting/--layout when given (--range-db and --bands-per-octave: in `analysis`,
    // -1 when not given)
    std::optional<AmplitudeScale> amplitude;
    std::optional<Weighting> weighting;
    std::optional<BandLayoutKind> layout;
    QString configFile;            // --config FILE (INI) instead of the user's settings
    QString lang;                  // --lang ru|de|en
    // --port/--bind: where the LAN server listens in this run (desktop and headless alike); they
    // override the stored server settings and are never written to them.
    std::optional<quint16> port;      // 0: any free port
    std::optional<QHostAddress> bind; // a literal IPv4/IPv6 address
    // --wled/--wled-ttl/--wled-interface/--mqtt/--mqtt-ca/--mqtt-rate (outputflags.cpp): the LAN
    // outputs in this run, desktop and headless alike; never written to the settings.
    outputs::OutputOverrides outputs;
    bool showWindow = false;       // --show
    bool noCapture = false;        // --no-capture: start without capturing
    QString helpText;
};

// Parses `arguments` (argv as strings, program name first). On a bad option or value returns
// std::nullopt and sets `error` to one line naming it; the caller exits with status 2.
std::optional<CommandLine> parseCommandLine(const QStringList &arguments, QString *error);

// True when a run without a window is worth handing to the console helper (src/app/climain.cpp), a
// program that never maps the GUI libraries: any mode that keeps running (not --help/--version) and
// no "qt:" source (Qt Multimedia's inputs, which the helper is built without).
bool suitsConsoleHelper(const CommandLine &cli);

// Applies --profile & co. on top of `base` (from settings), validating ranges.
bool applyAnalysisOptions(const CommandLine &cli, AnalysisConfig &base, QString *error);

} // namespace spectray
