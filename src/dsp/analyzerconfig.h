#pragma once

#include <string>

namespace spectray::dsp {

// The analysis profiles. One code path; they differ only in parameters and band integration.
enum class Profile {
    Seed,    // the seed service's math exactly (1024-point FFT, its band edges, mean magnitude)
    Default, // every band carries its own frequency content from 20 Hz up (long bass FFT)
};

const char *profileName(Profile profile);              // "seed" / "default"
bool parseProfile(const std::string &name, Profile &out); // case-insensitive

struct AnalyzerConfig
{
    Profile profile = Profile::Default;
    int sampleRate = 44100; // of the stream being analysed
    int fps = 30;           // frames per second, 1..240
    int bands = 32;         // 8..256
    double minHz = 20.0;
    double maxHz = 16000.0; // capped at sampleRate / 2
    int fftSize = 0;        // 0 = profile's choice; else power of two 256..65536
    int bassFftSize = 0;    // 0 = profile's choice; Default profile only (used when > fftSize)
};

// Empty when the configuration is usable, else a one-line reason naming the bad option.
std::string validate(const AnalyzerConfig &config);

// The configuration as the analyzer runs it: FFT sizes filled in (bassFftSize 0 = single FFT),
// maxHz capped at the Nyquist frequency. Call only on a configuration validate() accepts.
AnalyzerConfig resolve(const AnalyzerConfig &config);

} // namespace spectray::dsp
