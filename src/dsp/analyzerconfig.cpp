#include "dsp/analyzerconfig.h"

#include "dsp/bandplan.h"

#include <algorithm>
#include <array>
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

std::string lowered(const std::string &name)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return lower;
}

// Names and values of an option, in one table each, so parsing and naming cannot disagree.
template<typename E, std::size_t N>
bool parseNamed(const std::array<std::pair<const char *, E>, N> &table, const std::string &name, E &out)
{
    const std::string lower = lowered(name);
    for (const auto &[text, value] : table) {
        if (lower == text) {
            out = value;
            return true;
        }
    }
    return false;
}

template<typename E, std::size_t N>
const char *nameOf(const std::array<std::pair<const char *, E>, N> &table, E value)
{
    for (const auto &[text, v] : table)
        if (v == value)
            return text;
    return table.front().first;
}

constexpr std::array<std::pair<const char *, Amplitude>, 2> kAmplitudes = {{
    {"linear", Amplitude::Linear},
    {"db", Amplitude::Db},
}};
constexpr std::array<std::pair<const char *, Weighting>, 4> kWeightings = {{
    {"flat", Weighting::Flat},
    {"a", Weighting::A},
    {"tilt3", Weighting::Tilt3},
    {"tilt4.5", Weighting::Tilt4_5},
}};
constexpr std::array<std::pair<const char *, Layout>, 2> kLayouts = {{
    {"log", Layout::Log},
    {"octave", Layout::Octave},
}};

int octaveBandCount(const AnalyzerConfig &c)
{
    const double nyquist = c.sampleRate / 2.0;
    return int(octaveCentresHz(c.bandsPerOctave, c.minHz, std::min(c.maxHz, nyquist), nyquist).size());
}

std::string layoutProblem(const AnalyzerConfig &c)
{
    if (!isBandsPerOctave(c.bandsPerOctave))
        return "bands per octave must be 1, 2, 3, 6, 12 or 24 (got " + std::to_string(c.bandsPerOctave) + ")";
    if (c.layout == Layout::Log) {
        if (c.bands < kMinBands || c.bands > kMaxBands)
            return "bands must be from 8 to 256 (got " + std::to_string(c.bands) + ")";
        return {};
    }
    if (c.profile == Profile::Seed)
        return "the octave layout applies only to the default profile";
    const int count = octaveBandCount(c);
    if (count < 1 || count > kMaxBands)
        return "the 1/" + std::to_string(c.bandsPerOctave) + "-octave layout from " + number(c.minHz) + " to "
               + number(c.maxHz) + " Hz has " + std::to_string(count) + " bands (must be 1 to 256)";
    return {};
}

} // namespace

const char *amplitudeName(Amplitude amplitude)
{
    return nameOf(kAmplitudes, amplitude);
}

const char *weightingName(Weighting weighting)
{
    return nameOf(kWeightings, weighting);
}

const char *layoutName(Layout layout)
{
    return nameOf(kLayouts, layout);
}

bool parseAmplitude(const std::string &name, Amplitude &out)
{
    return parseNamed(kAmplitudes, name, out);
}

bool parseWeighting(const std::string &name, Weighting &out)
{
    return parseNamed(kWeightings, name, out);
}

bool parseLayout(const std::string &name, Layout &out)
{
    return parseNamed(kLayouts, name, out);
}

bool isBandsPerOctave(int b)
{
    return b == 1 || b == 2 || b == 3 || b == 6 || b == 12 || b == 24;
}

const char *profileName(Profile profile)
{
    return profile == Profile::Seed ? "seed" : "default";
}

bool parseProfile(const std::string &name, Profile &out)
{
    const std::string lower = lowered(name);
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
    if (!(c.rangeDb >= kMinRangeDb && c.rangeDb <= kMaxRangeDb))
        return "range must be from 40 to 90 dB (got " + number(c.rangeDb) + ")";
    return layoutProblem(c);
}

AnalyzerConfig resolve(const AnalyzerConfig &config)
{
    AnalyzerConfig r = config;
    r.maxHz = std::min(config.maxHz, config.sampleRate / 2.0);
    if (r.layout == Layout::Octave)
        r.bands = octaveBandCount(r);
    if (r.profile == Profile::Seed) {
        r.amplitude = Amplitude::Linear; // the seed's scale, whatever the default profile's options say
        r.weighting = Weighting::Flat;
        if (r.fftSize == 0)
            r.fftSize = 1024; // the seed's chunk_size, whatever the rate
        r.bassFftSize = 0;
        return r;
    }
    if (r.fftSize == 0)
        r.fftSize = rateScaled(256, r.sampleRate); // the ladder's bottom: the treble's window

    if (r.bassFftSize == 0)
        r.bassFftSize = rateScaled(8192, r.sampleRate);
    if (r.bassFftSize <= r.fftSize)
        r.bassFftSize = 0; // a long FFT no longer than the short one adds nothing
    return r;
}

int levelWindowSize(const AnalyzerConfig &resolved)
{
    if (resolved.profile == Profile::Seed)
        return resolved.fftSize; // the seed's RMS over its chunk
    // ~23 ms as before the FFT ladder reached below 1024 points: the RMS of a shorter run would
    // flicker with every bass cycle. Never longer than the window the analyser is given.
    const int longest = std::max(resolved.fftSize, resolved.bassFftSize);
    return std::min(longest, std::max(resolved.fftSize, rateScaled(1024, resolved.sampleRate)));
}

} // namespace spectray::dsp
