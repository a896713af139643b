#include "commandline.h"

#include "core/sourceid.h"
#include "engine/dspoptions.h"
#include "outputflags.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::CommandLine", text);
}

// Reads an integer option within [min, max]; false with a message naming the option otherwise.
bool readInt(const QCommandLineParser &p, const QString &name, qint64 min, qint64 max, qint64 &out, QString *error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = p.value(name).trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = tr("--%1 must be a whole number from %2 to %3 (got \"%4\")").arg(name).arg(min).arg(max).arg(p.value(name));
        return false;
    }
    out = v;
    return true;
}

bool readDouble(const QCommandLineParser &p, const QString &name, double min, double max, double &out, QString *error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double v = p.value(name).trimmed().toDouble(&ok);
    if (!ok || !(v >= min && v <= max)) { // written so that "nan" (which toDouble accepts) fails too
        *error = tr("--%1 must be a number from %2 to %3 (got \"%4\")").arg(name).arg(min).arg(max).arg(p.value(name));
        return false;
    }
    out = v;
    return true;
}

// --amplitude, --weighting, --layout: a name dsp knows (the names on the wire), stored as core's value.
template<typename DspEnum, typename Parse>
bool readNamed(const QCommandLineParser &p, const QString &name, Parse parse, const QString &choices,
               std::optional<DspEnum> &out, QString *error)
{
    if (!p.isSet(name))
        return true;
    DspEnum value{};
    if (!parse(p.value(name).trimmed().toStdString(), value)) {
        *error = tr("--%1 must be %2 (got \"%3\")").arg(name, choices, p.value(name));
        return false;
    }
    out = value;
    return true;
}

// The amplitude scale, weighting and band layout options (issue #10).
bool readScaleOptions(const QCommandLineParser &p, CommandLine &cli, QString *error)
{
    std::optional<dsp::Amplitude> amplitude;
    std::optional<dsp::Weighting> weighting;
    std::optional<dsp::Layout> layout;
    double rangeDb = -1;
    qint64 perOctave = -1;
    if (!readNamed(p, QStringLiteral("amplitude"), dsp::parseAmplitude, tr("db or linear"), amplitude, error)
        || !readNamed(p, QStringLiteral("weighting"), dsp::parseWeighting, tr("flat, a, tilt3 or tilt4.5"), weighting,
                      error)
        || !readNamed(p, QStringLiteral("layout"), dsp::parseLayout, tr("log or octave"), layout, error)
        || !readDouble(p, QStringLiteral("range-db"), dsp::kMinRangeDb, dsp::kMaxRangeDb, rangeDb, error)
        || !readInt(p, QStringLiteral("bands-per-octave"), 1, 24, perOctave, error))
        return false;
    if (perOctave > 0 && !dsp::isBandsPerOctave(int(perOctave))) {
        *error = tr("--bands-per-octave must be 1, 2, 3, 6, 12 or 24 (got %1)").arg(perOctave);
        return false;
    }
    if (amplitude)
        cli.amplitude = engine::toCore(*amplitude);
    if (weighting)
        cli.weighting = engine::toCore(*weighting);
    if (layout)
        cli.layout = engine::toCore(*layout);
    cli.analysis.rangeDb = rangeDb;
    cli.analysis.bandsPerOctave = int(perOctave);
    cli.analysisGiven = cli.analysisGiven || amplitude || weighting || layout || rangeDb > 0 || perOctave > 0;
    return true;
}

} // namespace

std::optional<CommandLine> parseCommandLine(const QStringList &arguments, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Spectray shows what your computer is playing as a live spectrum: in the tray, in a floating window, "
           "and on any browser on your network."));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version and exit."));
    p.addOption(help);
    p.addOption(version);
    p.addOptions({
        {QStringLiteral("list-devices"), tr("List capture sources and exit.")},
        {QStringLiteral("json"), tr("With --list-devices: print JSON.")},
        {QStringLiteral("source"), tr("Capture from SOURCE: a device id, part of a device name, \"default-output\", "
                                      "\"demo\" or \"file:PATH\"."), QStringLiteral("SOURCE")},
        {QStringLiteral("print-frames"), tr("Print live frames as JSON lines on stdout.")},
        {QStringLiteral("frames"), tr("With --print-frames: stop after N frames."), QStringLiteral("N")},
        {QStringLiteral("analyze"), tr("Analyse an audio file (WAV, FLAC, Ogg) and print JSON lines."), QStringLiteral("FILE")},
        {QStringLiteral("profile"), tr("Analysis profile: default or seed."), QStringLiteral("NAME")},
        {QStringLiteral("fps"), tr("Frames per second (1-240)."), QStringLiteral("N")},
        {QStringLiteral("bands"), tr("Number of bands (8-256)."), QStringLiteral("N")},
        {QStringLiteral("fft-size"), tr("Shortest FFT of the analysis ladder (power of two, 256-65536)."), QStringLiteral("N")},
        {QStringLiteral("min-hz"), tr("Lowest frequency shown (10-1000)."), QStringLiteral("HZ")},
        {QStringLiteral("max-hz"), tr("Highest frequency shown (1000-24000)."), QStringLiteral("HZ")},
        {QStringLiteral("amplitude"), tr("Band amplitude scale: db or linear."), QStringLiteral("SCALE")},
        {QStringLiteral("range-db"), tr("With --amplitude db: the dB span shown (40-90)."), QStringLiteral("DB")},
        {QStringLiteral("weighting"), tr("Weighting before the scale: flat, a, tilt3 or tilt4.5."), QStringLiteral("NAME")},
        {QStringLiteral("layout"), tr("Band layout: log (--bands geometric bands) or octave."), QStringLiteral("LAYOUT")},
        {QStringLiteral("bands-per-octave"), tr("With --layout octave: 1, 2, 3, 6, 12 or 24."), QStringLiteral("B")},
        {QStringLiteral("headless"), tr("Run capture and the LAN server without any window.")},
        {QStringLiteral("port"), tr("LAN server port for this run (0: any free port). Overrides the stored "
                                    "setting without changing it."), QStringLiteral("PORT")},
        {QStringLiteral("bind"), tr("LAN server address for this run: 0.0.0.0 (all IPv4), :: (all IPv6), "
                                    "127.0.0.1 (this computer only) or one of this computer's addresses. "
                                    "Overrides the stored settings, LAN access included, without changing "
                                    "them."), QStringLiteral("ADDRESS")},
        {QStringLiteral("show"), tr("Show the spectrum window (also asks a running instance to show it).")},
        {QStringLiteral("no-capture"), tr("Start without capturing (use the tray menu to start).")},
        {QStringLiteral("lang"), tr("User interface language (en, ru, de)."), QStringLiteral("LANG")},
        {QStringLiteral("config"), tr("Read and write settings in FILE instead of the user's settings."), QStringLiteral("FILE")},
    });
    addOutputOptions(p);

    CommandLine cli;
    if (!p.parse(expandWledArguments(arguments))) {
        *error = p.errorText();
        return std::nullopt;
    }
    if (!p.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument \"%1\" (see --help)").arg(p.positionalArguments().constFirst());
        return std::nullopt;
    }
    cli.helpText = p.helpText();
    // The parser runs before any QCoreApplication exists (the mode decides which kind to make), so
    // Qt cannot know the program name and writes a placeholder; name it as it was started.
    const QString program = QFileInfo(arguments.value(0)).fileName();
    cli.helpText.replace(
        QStringLiteral("<executable_name>"), program.isEmpty() ? QCoreApplication::applicationName() : program);

    int modes = 0;
    for (const char *m : {"list-devices", "print-frames", "analyze", "headless"})
        modes += p.isSet(QString::fromLatin1(m)) ? 1 : 0;
    if (modes > 1) {
        *error = tr("--list-devices, --print-frames, --analyze and --headless cannot be combined");
        return std::nullopt;
    }
    if (p.isSet(help))
        cli.mode = CommandLine::Mode::Help;
    else if (p.isSet(version))
        cli.mode = CommandLine::Mode::Version;
    else if (p.isSet(QStringLiteral("list-devices")))
        cli.mode = CommandLine::Mode::ListDevices;
    else if (p.isSet(QStringLiteral("print-frames")))
        cli.mode = CommandLine::Mode::PrintFrames;
    else if (p.isSet(QStringLiteral("analyze")))
        cli.mode = CommandLine::Mode::Analyze;
    else if (p.isSet(QStringLiteral("headless")))
        cli.mode = CommandLine::Mode::Headless;

    if (p.isSet(QStringLiteral("json")) && cli.mode != CommandLine::Mode::ListDevices) {
        *error = tr("--json goes with --list-devices");
        return std::nullopt;
    }
    cli.json = p.isSet(QStringLiteral("json"));
    if (p.isSet(QStringLiteral("frames")) && cli.mode != CommandLine::Mode::PrintFrames) {
        *error = tr("--frames goes with --print-frames");
        return std::nullopt;
    }
    if (!readInt(p, QStringLiteral("frames"), 1, std::numeric_limits<int>::max(), cli.frames, error))
        return std::nullopt;
    if (p.isSet(QStringLiteral("source"))) {
        cli.source = p.value(QStringLiteral("source")).trimmed();
        if (cli.source->isEmpty()) {
            *error = tr("--source needs a value (see --list-devices)");
            return std::nullopt;
        }
    }
    cli.analyzeFile = p.value(QStringLiteral("analyze"));
    if (cli.mode == CommandLine::Mode::Analyze && cli.analyzeFile.isEmpty()) {
        *error = tr("--analyze needs a file name");
        return std::nullopt;
    }

    // Analysis options are validated here for their own ranges; combinations (e.g. bands that do
    // not fit the frequency range at this rate) are checked by the analyzer with the real rate.
    qint64 fps = -1, bands = -1, fft = -1;
    double minHz = -1, maxHz = -1;
    if (!readInt(p, QStringLiteral("fps"), 1, 240, fps, error) || !readInt(p, QStringLiteral("bands"), 8, 256, bands, error)
        || !readInt(p, QStringLiteral("fft-size"), 256, 65536, fft, error)
        || !readDouble(p, QStringLiteral("min-hz"), 10, 1000, minHz, error)
        || !readDouble(p, QStringLiteral("max-hz"), 1000, 24000, maxHz, error))
        return std::nullopt;
    if (fft > 0 && (fft & (fft - 1)) != 0) {
        *error = tr("--fft-size must be a power of two (got %1)").arg(fft);
        return std::nullopt;
    }
    if (p.isSet(QStringLiteral("profile"))) {
        const QString profile = p.value(QStringLiteral("profile")).trimmed().toLower();
        if (profile != u"default" && profile != u"seed") {
            *error = tr("--profile must be \"default\" or \"seed\" (got \"%1\")").arg(p.value(QStringLiteral("profile")));
            return std::nullopt;
        }
        cli.analysis.profile = profile;
        cli.analysisGiven = true;
    } else {
        cli.analysis.profile.clear(); // "not given": keep the settings' value
    }
    cli.analysis.fps = int(fps);
    cli.analysis.bands = int(bands);
    cli.analysis.fftSize = int(fft);
    cli.analysis.minHz = minHz;
    cli.analysis.maxHz = maxHz;
    cli.analysisGiven = cli.analysisGiven || fps > 0 || bands > 0 || fft > 0 || minHz > 0 || maxHz > 0;
    if (!readScaleOptions(p, cli, error))
        return std::nullopt;

    if (p.isSet(QStringLiteral("port"))) {
        qint64 port = 0;
        if (!readInt(p, QStringLiteral("port"), 0, 65535, port, error))
            return std::nullopt;
        cli.port = quint16(port);
    }
    if (p.isSet(QStringLiteral("bind"))) {
        const QString text = p.value(QStringLiteral("bind")).trimmed();
        const QHostAddress address(text);
        if (address.isNull()) {
            *error = tr("--bind: \"%1\" is not an IP address").arg(text);
            return std::nullopt;
        }
        cli.bind = address;
    }
    if (p.isSet(QStringLiteral("lang"))) {
        cli.lang = p.value(QStringLiteral("lang")).trimmed().toLower();
        if (cli.lang != u"en" && cli.lang != u"ru" && cli.lang != u"de") {
            *error = tr("--lang must be en, ru or de (got \"%1\")").arg(p.value(QStringLiteral("lang")));
            return std::nullopt;
        }
    }
    if (!readOutputOptions(p, cli.outputs, error))
        return std::nullopt;
    cli.configFile = p.value(QStringLiteral("config"));
    cli.showWindow = p.isSet(QStringLiteral("show"));
    cli.noCapture = p.isSet(QStringLiteral("no-capture"));
    return cli;
}

bool suitsConsoleHelper(const CommandLine &cli)
{
    if (cli.mode == CommandLine::Mode::Help || cli.mode == CommandLine::Mode::Version)
        return false; // done before a second program could even start
    return !cli.source || SourceId::parse(*cli.source).kind() != SourceId::Kind::QtInput;
}

bool applyAnalysisOptions(const CommandLine &cli, AnalysisConfig &base, QString *error)
{
    const AnalysisConfig &o = cli.analysis;
    if (!o.profile.isEmpty())
        base.profile = o.profile;
    if (o.fps > 0)
        base.fps = o.fps;
    if (o.bands > 0)
        base.bands = o.bands;
    if (o.fftSize > 0)
        base.fftSize = o.fftSize;
    if (o.minHz > 0)
        base.minHz = o.minHz;
    if (o.maxHz > 0)
        base.maxHz = o.maxHz;
    if (cli.amplitude)
        base.amplitude = *cli.amplitude;
    if (cli.weighting)
        base.weighting = *cli.weighting;
    if (cli.layout)
        base.layout = *cli.layout;
    if (o.rangeDb > 0)
        base.rangeDb = o.rangeDb;
    if (o.bandsPerOctave > 0)
        base.bandsPerOctave = o.bandsPerOctave;
    if (base.maxHz <= base.minHz) {
        *error = tr("--max-hz (%1) must be above --min-hz (%2)").arg(base.maxHz).arg(base.minHz);
        return false;
    }
    return true;
}

} // namespace spectray
