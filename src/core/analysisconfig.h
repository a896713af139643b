#pragma once

#include <QMetaType>
#include <QString>

namespace spectray {

// How a band's power becomes a 0..1 value (default profile only; the seed profile is always linear).
enum class AmplitudeScale { Linear, Db };
// Tilt or weighting applied to band power before the amplitude scale. Stored names: "flat", "a",
// "tilt3", "tilt4.5".
enum class Weighting { Flat, A, Tilt3, Tilt4_5 };
// How the band edges are laid out: N geometric bands, or the IEC 61260-1 fractional-octave grid.
enum class BandLayoutKind { Log, Octave };

// What the user asks the analysis to do. Validated and clamped by the engine/dsp; defaults are the
// seed's numbers except for the profile, whose default fixes the seed's low-frequency resolution.
// The defaults here are the only ones: the settings schema and the command line read them from here.
struct AnalysisConfig
{
    QString profile = QStringLiteral("default"); // "default" or "seed"
    int fps = 30;                                  // 1..240
    int bands = 32;                                // 8..256 (log layout)
    double minHz = 20.0;
    double maxHz = 16000.0;
    int fftSize = 0;      // 0 = profile's choice (1024 for seed)
    int bassFftSize = 0;  // 0 = profile's choice (default profile only)
    AmplitudeScale amplitude = AmplitudeScale::Db;
    // 65 dB and flat: measured on real recordings (bench/music, docs/dsp.md), a tilt pushes their
    // 20-35 Hz bands under the scale's bottom, while the dB scale alone keeps the treble moving.
    double rangeDb = 65.0;                 // 40..90: dB below the reference that reads 0
    Weighting weighting = Weighting::Flat;
    BandLayoutKind layout = BandLayoutKind::Log;
    int bandsPerOctave = 3;                // 1, 2, 3, 6, 12 or 24 (octave layout)

    friend bool operator==(const AnalysisConfig &, const AnalysisConfig &) = default;
};

} // namespace spectray

Q_DECLARE_METATYPE(spectray::AnalysisConfig)
