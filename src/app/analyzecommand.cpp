#include "analyzecommand.h"

#include "capture/soundfilereader.h"
#include "core/spectrumframe.h"
#include "core/wireformat.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"
#include "engine/dspoptions.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <unistd.h>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::Analyze", text);
}

int fail(std::FILE *err, const QString &message)
{
    std::fprintf(err, "spectray: %s\n", message.toLocal8Bit().constData());
    return 2;
}

BandLayout layoutOf(const dsp::SpectrumAnalyzer &analyzer)
{
    BandLayout layout;
    const auto &edges = analyzer.edgesHz();
    layout.edgesHz = QList<double>(edges.begin(), edges.end());
    const auto &latency = analyzer.bandLatencyMs();
    layout.bandLatencyMs = QList<double>(latency.begin(), latency.end());
    layout.fps = analyzer.config().fps;
    layout.sampleRate = analyzer.config().sampleRate;
    layout.profile = QString::fromLatin1(dsp::profileName(analyzer.config().profile));
    layout.fftSize = analyzer.fftSize();
    layout.bassFftSize = analyzer.bassFftSize();
    engine::fillScaleFields(analyzer, layout);
    return layout;
}

} // namespace

int runAnalyze(const QString &path, const AnalysisConfig &config, std::FILE *out, std::FILE *err)
{
    capture::SoundFileReader reader;
    std::string error;
    if (!reader.open(path.toStdString(), error))
        return fail(err, QString::fromStdString(error));
    const capture::StreamFormat format = reader.format();

    dsp::AnalyzerConfig cfg;
    if (!dsp::parseProfile(config.profile.toStdString(), cfg.profile))
        return fail(err, tr("unknown profile \"%1\"").arg(config.profile));
    cfg.sampleRate = format.sampleRate;
    cfg.fps = config.fps;
    cfg.bands = config.bands;
    cfg.minHz = config.minHz;
    cfg.maxHz = std::min(config.maxHz, format.sampleRate / 2.0);
    cfg.fftSize = config.fftSize;
    cfg.bassFftSize = config.bassFftSize;
    engine::applyScaleOptions(config, cfg);
    if (const std::string problem = dsp::validate(cfg); !problem.empty())
        return fail(err, QString::fromStdString(problem));

    std::unique_ptr<dsp::SpectrumAnalyzer> analyzer;
    try {
        analyzer = std::make_unique<dsp::SpectrumAnalyzer>(cfg);
    } catch (const std::exception &e) {
        return fail(err, QString::fromUtf8(e.what()));
    }
    dsp::StreamFramer framer(*analyzer);

    // Everything is collected first and written only when the whole file decoded, so a file that
    // fails half-way never leaves output that looks complete.
    QByteArray output = wire::layoutJson(layoutOf(*analyzer));
    output += '\n';
    SpectrumFrame frame;
    frame.wallClockMs = 0;
    const auto onFrame = [&](const dsp::FrameValues &values, std::uint64_t delivered) {
        frame.bands = QList<qint16>(values.bands.begin(), values.bands.end());
        frame.bass = values.bass;
        frame.level = values.level;
        frame.streamTime = double(delivered) / format.sampleRate;
        output += wire::frameJson(frame);
        output += '\n';
        ++frame.sequence;
    };

    const bool progress = isatty(fileno(err)) != 0;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    constexpr std::size_t kChunkFrames = 8192;
    std::vector<float> buffer(kChunkFrames * std::size_t(format.channels));
    std::int64_t readTotal = 0;
    while (const std::size_t got = reader.read(buffer.data(), kChunkFrames)) {
        framer.push(buffer.data(), got, format.channels, onFrame);
        readTotal += std::int64_t(got);
        if (progress && reader.frames() > 0 && sinceProgress.elapsed() > 200) {
            std::fprintf(err, "\ranalysing %s: %3d%%", path.toLocal8Bit().constData(),
                         int(100 * readTotal / reader.frames()));
            sinceProgress.restart();
        }
    }
    if (progress)
        std::fprintf(err, "\r\033[K");
    if (reader.truncated() || (reader.frames() > 0 && readTotal < reader.frames()))
        return fail(err, tr("%1: the file is truncated (%2 of %3 frames could be read)")
                             .arg(path).arg(readTotal).arg(reader.frames()));
    if (frame.sequence == 0)
        return fail(err, tr("%1: too short to analyse (%2 frames; at least %3 are needed for one analysis window)")
                             .arg(path).arg(readTotal).arg(analyzer->windowSize()));

    if (std::fwrite(output.constData(), 1, std::size_t(output.size()), out) != std::size_t(output.size())
        || std::fflush(out) != 0)
        return fail(err, tr("could not write the output"));
    return 0;
}

} // namespace spectray
