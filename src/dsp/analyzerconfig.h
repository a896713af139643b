#pragma once

#include "core/wirescale.h"

#include <string>

namespace spectray::dsp {

// The analysis profiles. One code path; they differ only in parameters and band integration.
enum class Profile {
    Seed,    // the seed service's math exactly (1024-point FFT, its band edges, mean magnitude)
    Default, // every band carries its own frequency content from 20 Hz up (long bass FFT)
};

const char *profileName(Profile profile);              // "seed" / "default"
bool parseProfile(const std::string &name, Profile &out); // case-insensitive

// How a band's level becomes a 0..1 value (default profile; the seed profile is always linear).
enum class Amplitude {
    Linear, // band RMS / auto-gain reference, as the seed (0..1.5)
    Db,     // (level_dB - bottom) / (ref_dB - bottom), 0..1; see docs/dsp.md
};
// Applied to band power before the scale (default profile; the seed profile is always flat).
enum class Weighting {
    Flat,
    A,      // IEC 61672-1 A-weighting (analytic), 0 dB at 1 kHz
    Tilt3,  // +3 dB per octave around 1 kHz
    Tilt4_5 // +4.5 dB per octave around 1 kHz
};
// Where the band edges lie (default profile; the seed profile has its own log edges).
enum class Layout {
    Log,    // `bands` geometric bands from minHz to maxHz
    Octave, // 1/b-octave bands of the IEC 61260-1 base-10 grid whose centres lie in minHz..maxHz
};

const char *amplitudeName(Amplitude amplitude); // "linear" / "db"
const char *weightingName(Weighting weighting); // "flat" / "a" / "tilt3" / "tilt4.5"
const char *layoutName(Layout layout);          // "log" / "octave"
bool parseAmplitude(const std::string &name, Amplitude &out); // case-insensitive
bool parseWeighting(const std::string &name, Weighting &out);
bool parseLayout(const std::string &name, Layout &out);
bool isBandsPerOctave(int b); // 1, 2, 3, 6, 12 or 24

struct AnalyzerConfig
{
    Profile profile = Profile::Default;
    int sampleRate = 44100; // of the stream being analysed
    int fps = 30;           // frames per second, 1..240
    int bands = 32;         // 8..256
    double minHz = 20.0;
    double maxHz = 16000.0; // capped at sampleRate / 2
    // Seed: its one FFT (1024). Default: the shortest FFT of the band ladder (256; 512 at 88.2/96
    // kHz) and bassFftSize the longest (8192; 16384): each band reads the shortest one that keeps
    // it isolated from its neighbours (windowchoice.h).
    int fftSize = 0;        // 0 = profile's choice; else power of two 256..65536
    int bassFftSize = 0;    // 0 = profile's choice; Default profile only (used when > fftSize)
    Amplitude amplitude = Amplitude::Db;
    double rangeDb = 65.0;  // 40..90: the dB span of the scale below the reference (docs/dsp.md)
    Weighting weighting = Weighting::Flat; // docs/dsp.md: tilts bury real music's sub-bass
    Layout layout = Layout::Log;
    int bandsPerOctave = 3; // octave layout: 1, 2, 3, 6, 12 or 24
};

inline constexpr double kMinRangeDb = 40.0;
inline constexpr double kMaxRangeDb = 90.0;
inline constexpr int kMinBands = 8;   // log layout
inline constexpr int kMaxBands = wire::kMaxBands; // any layout (a frame's band capacity)

// Empty when the configuration is usable, else a one-line reason naming the bad option.
std::string validate(const AnalyzerConfig &config);

// The configuration as the analyzer runs it: FFT sizes filled in (bassFftSize 0 = single FFT),
// maxHz capped at the Nyquist frequency, `bands` the octave layout's count, and for the seed
// profile amplitude linear and weighting flat. Call only on a configuration validate() accepts.
AnalyzerConfig resolve(const AnalyzerConfig &config);

// How many of the newest samples the `level` value is the RMS of, for a resolved configuration:
// seed 1024; default max(fftSize, 1024 rate-scaled), at most the longest window.
int levelWindowSize(const AnalyzerConfig &resolved);

} // namespace spectray::dsp
