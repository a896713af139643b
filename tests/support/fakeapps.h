#pragma once

#include "pulsedaemon.h"

#include <QString>

namespace spectray::test {

// Two fake players posing as applications (pacat with application.name "Alpha Player" / binary
// "alpha" and "Beta Player" / "beta"), for the per-application capture tests of every layer.
struct FakeApps
{
    static inline const QString kAlphaName = QStringLiteral("Alpha Player");
    static inline const QString kAlpha = QStringLiteral("alpha");
    static inline const QString kBetaName = QStringLiteral("Beta Player");
    static inline const QString kBeta = QStringLiteral("beta");

    TonePlayer alpha;
    TonePlayer beta;

    bool startAlpha(const QString &sink, double hz, double amplitude)
    {
        return alpha.start(sink, hz, amplitude, kAlphaName, kAlpha);
    }
    bool start(const QString &sink, double alphaHz, double betaHz, double amplitude)
    {
        return startAlpha(sink, alphaHz, amplitude) && beta.start(sink, betaHz, amplitude, kBetaName, kBeta);
    }
};

} // namespace spectray::test
