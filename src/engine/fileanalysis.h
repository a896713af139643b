#pragma once

#include "analysispipeline.h"
#include "core/analysisconfig.h"
#include "core/bandlayout.h"

#include <QString>

#include <cstdint>
#include <functional>

namespace spectray {

// What analyzeFile reports while it runs, in order: the layout once, then every frame.
struct FileAnalysisSinks
{
    std::function<void(const BandLayout &)> layout;
    AnalysisPipeline::FrameSink frame;                            // storage reused: copy to keep
    std::function<void(std::int64_t read, std::int64_t total)> progress; // after each chunk; may be empty
};

// The offline path of `spectray --analyze`: decodes the whole file and runs it through the same
// AnalysisPipeline as live capture, `chunkFrames` at a time (the frames do not depend on it).
// Returns an empty string on success, else a one-line reason (unreadable, truncated, too short for
// one analysis window, bad options). Frames reported before a failure must be thrown away.
QString analyzeFile(const QString &path, const AnalysisConfig &config, const FileAnalysisSinks &sinks,
                    std::size_t chunkFrames = 8192);

} // namespace spectray
