#include "dsp/analyzerconfig.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace spectray::dsp {

namespace {

bool isPowerOfTwo(int n)
{
    return n > 0 && (n & (n - 1)) == 0;
}

std::string fftSizeProblem(const char *option, int size)
{
    if (size == 0 || (isPowerOfTwo(size) && size >= 256 && size <= 65536))
        return {};
    return std::string(option) + " must be a power of two from 256 to 65536 (got " + std::to_string(size) + ")";
}

// 44.1 and 48 kHz get the base sizes; 88.2/96 kHz twice them, so the bins keep their width in Hz.
int rateScaled(int base, int sampleRate)
{
    const int octaves = int(std::lround(std::log2(double(sampleRate) / 44100.0)));
    const int scaled = octaves >= 0 ? base << std::min(octaves, 4) : base >> std::min(-octaves, 2);
    return std::clamp(scaled, 256, 65536);
}

std::string number(double v)
{
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

const char *profileName(Profile profile)
{
    return profile == Profile::Seed ? "seed" : "default";
}

bool parseProfile(const std::string &name, Profile &out)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower == "seed") {
        out = Profile::Seed;
        return true;
    }
    if (lower == "default") {
        out = Profile::Default;
        return true;
    }
    return false;
}

std::string validate(const AnalyzerConfig &c)
{
    if (c.sampleRate < 8000 || c.sampleRate > 768000)
        return "sample rate must be from 8000 to 768000 Hz (got " + std::to_string(c.sampleRate) + ")";
    if (c.fps < 1 || c.fps > 240)
        return "fps must be from 1 to 240 (got " + std::to_string(c.fps) + ")";
    if (c.bands < 8 || c.bands > 256)
        return "bands must be from 8 to 256 (got " + std::to_string(c.bands) + ")";
    if (!std::isfinite(c.minHz) || c.minHz <= 0.0)
        return "min frequency must be above 0 Hz (got " + number(c.minHz) + ")";
    if (!std::isfinite(c.maxHz) || c.maxHz <= c.minHz)
        return "max frequency must be above the min frequency (got " + number(c.minHz) + ".." + number(c.maxHz) + " Hz)";
    if (c.minHz >= c.sampleRate / 2.0)
        return "min frequency must be below half the sample rate (got " + number(c.minHz) + " Hz at "
               + std::to_string(c.sampleRate) + " Hz)";
    if (auto p = fftSizeProblem("fft size", c.fftSize); !p.empty())
        return p;
    if (auto p = fftSizeProblem("bass fft size", c.bassFftSize); !p.empty())
        return p;
    if (c.profile == Profile::Seed && c.bassFftSize != 0)
        return "bass fft size applies only to the default profile";
    return {};
}

AnalyzerConfig resolve(const AnalyzerConfig &config)
{
    AnalyzerConfig r = config;
    r.maxHz = std::min(config.maxHz, config.sampleRate / 2.0);
    if (r.profile == Profile::Seed) {
        if (r.fftSize == 0)
            r.fftSize = 1024; // the seed's chunk_size, whatever the rate
        r.bassFftSize = 0;
        return r;
    }
    if (r.fftSize == 0)
        r.fftSize = rateScaled(1024, r.sampleRate);
    if (r.bassFftSize == 0)
        r.bassFftSize = rateScaled(8192, r.sampleRate);
    if (r.bassFftSize <= r.fftSize)
        r.bassFftSize = 0; // a long FFT no longer than the short one adds nothing
    return r;
}

} // namespace spectray::dsp
