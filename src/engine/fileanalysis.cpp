#include "fileanalysis.h"

#include "capture/soundfilereader.h"

#include <QCoreApplication>

#include <vector>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::Analyze", text);
}

} // namespace

QString analyzeFile(const QString &path, const AnalysisConfig &config, const FileAnalysisSinks &sinks,
                    std::size_t chunkFrames)
{
    capture::SoundFileReader reader;
    std::string error;
    if (!reader.open(path.toStdString(), error))
        return QString::fromStdString(error);
    const capture::StreamFormat format = reader.format();

    AnalysisPipeline pipeline(AnalysisPipeline::Clock::Stream);
    QString problem;
    if (!pipeline.configure(config, format.sampleRate, &problem))
        return problem;
    if (sinks.layout)
        sinks.layout(pipeline.layout());

    chunkFrames = std::max<std::size_t>(chunkFrames, 1);
    std::vector<float> buffer(chunkFrames * std::size_t(format.channels));
    std::int64_t readTotal = 0;
    while (const std::size_t got = reader.read(buffer.data(), chunkFrames)) {
        pipeline.push(buffer.data(), got, format.channels, sinks.frame);
        readTotal += std::int64_t(got);
        if (sinks.progress)
            sinks.progress(readTotal, reader.frames());
    }
    if (reader.truncated() || (reader.frames() > 0 && readTotal < reader.frames()))
        return tr("%1: the file is truncated (%2 of %3 frames could be read)")
            .arg(path)
            .arg(readTotal)
            .arg(reader.frames());
    if (pipeline.framesMade() == 0)
        return tr("%1: too short to analyse (%2 frames; at least %3 are needed for one analysis window)")
            .arg(path)
            .arg(readTotal)
            .arg(pipeline.windowSize());
    return {};
}

} // namespace spectray
