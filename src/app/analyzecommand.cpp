#include "analyzecommand.h"

#include "core/wireformat.h"
#include "engine/fileanalysis.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include "platform/platform.h"

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

} // namespace

int runAnalyze(const QString &path, const AnalysisConfig &config, std::FILE *out, std::FILE *err)
{
    // Everything is collected first and written only when the whole file decoded, so a file that
    // fails half-way never leaves output that looks complete.
    QByteArray output;
    const bool progress = platform::isTerminal(err);
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    FileAnalysisSinks sinks;
    sinks.layout = [&output](const BandLayout &layout) { output += wire::layoutJson(layout) + '\n'; };
    sinks.frame = [&output, json = QByteArray()](const SpectrumFrame &frame) mutable {
        wire::writeFrameJson(frame, json);
        output += json;
        output += '\n';
    };
    if (progress) {
        sinks.progress = [&](std::int64_t read, std::int64_t total) {
            if (total > 0 && sinceProgress.elapsed() > 200) {
                std::fprintf(err, "\ranalysing %s: %3d%%", path.toLocal8Bit().constData(), int(100 * read / total));
                sinceProgress.restart();
            }
        };
    }
    const QString error = analyzeFile(path, config, sinks);
    if (progress)
        std::fprintf(err, "\r\033[K");
    if (!error.isEmpty())
        return fail(err, error);
    if (std::fwrite(output.constData(), 1, std::size_t(output.size()), out) != std::size_t(output.size())
        || std::fflush(out) != 0)
        return fail(err, tr("could not write the output"));
    return 0;
}

} // namespace spectray
