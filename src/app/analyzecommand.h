#pragma once

#include "core/analysisconfig.h"

#include <QString>

#include <cstdio>

namespace spectray {

// `spectray --analyze FILE`: the layout line, then one wire frame per line, on `out`. Nothing is
// written to `out` unless the whole file decoded; a bad file or option prints one line on `err`
// and returns 2. Progress goes to `err` only when it is a terminal.
int runAnalyze(const QString &path, const AnalysisConfig &config, std::FILE *out, std::FILE *err);

} // namespace spectray
