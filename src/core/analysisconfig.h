#pragma once

#include <QMetaType>
#include <QString>

namespace spectray {

// What the user asks the analysis to do. Validated and clamped by the engine/dsp; defaults are the
// seed's numbers except for the profile, whose default fixes the seed's low-frequency resolution.
struct AnalysisConfig
{
    QString profile = QStringLiteral("default"); // "default" or "seed"
    int fps = 30;                                  // 1..240
    int bands = 32;                                // 8..256
    double minHz = 20.0;
    double maxHz = 16000.0;
    int fftSize = 0;      // 0 = profile's choice (1024 for seed)
    int bassFftSize = 0;  // 0 = profile's choice (default profile only)

    friend bool operator==(const AnalysisConfig &, const AnalysisConfig &) = default;
};

} // namespace spectray

Q_DECLARE_METATYPE(spectray::AnalysisConfig)
