#pragma once

#include "core/analysisconfig.h"

#include <QString>

namespace spectray {

class Engine;

// `spectray --list-devices [--json]`: the sources the engine offers, then exit 0.
int runListDevices(Engine &engine, bool json);

// `spectray --print-frames [--frames N]`: live frames from `source` as JSON lines on stdout (the
// layout line first, again whenever it changes), written on the audio thread as each frame is made
// (FramePrinter: a frame the reader has no room for is dropped and counted, never waited for; the
// count goes to stderr at the end). Status changes go to stderr. Runs until N frames are printed,
// SIGINT/SIGTERM, or a closed stdout; exit status 0.
int runPrintFrames(Engine &engine, const QString &source, const AnalysisConfig &config, qint64 frames);

} // namespace spectray
