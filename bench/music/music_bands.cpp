// Is every band alive on real music? Analyses each file twice, "before" (the default profile as it
// was: linear amplitude, flat) and "after" (the current defaults, or the options given), and prints
// each band's mean and standard deviation over the piece in % of full scale (wire value / 10).
//   music_bands [--amplitude db|linear] [--weighting NAME] [--range-db N] [--layout log|octave]
//               [--bands-per-octave B] FILE...
// bench/music/run-music-bands.sh runs it on the recordings named in bench/music/README.md.
#include "capture/soundfilereader.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace spectray;

struct BandStats
{
    std::vector<double> sum, sumSq;
    long frames = 0;
    double mean(std::size_t b) const { return sum[b] / double(frames); }
    double stddev(std::size_t b) const
    {
        const double m = mean(b);
        return std::sqrt(std::max(0.0, sumSq[b] / double(frames) - m * m));
    }
};

bool analyse(const std::string &path, dsp::AnalyzerConfig config, BandStats &stats, std::vector<double> &centres)
{
    capture::SoundFileReader reader;
    std::string error;
    if (!reader.open(path, error)) {
        std::fprintf(stderr, "music_bands: %s\n", error.c_str());
        return false;
    }
    config.sampleRate = reader.format().sampleRate;
    dsp::SpectrumAnalyzer analyzer(config);
    dsp::StreamFramer framer(analyzer);
    centres = analyzer.centresHz();
    stats.sum.assign(centres.size(), 0.0);
    stats.sumSq.assign(centres.size(), 0.0);
    std::vector<float> buffer(4096 * std::size_t(reader.format().channels));
    for (;;) {
        const std::size_t n = reader.read(buffer.data(), 4096);
        if (n == 0)
            break;
        framer.push(buffer.data(), n, reader.format().channels, [&](const dsp::FrameValues &f, uint64_t) {
            for (std::size_t b = 0; b < f.bands.size(); ++b) {
                const double v = f.bands[b] / 10.0; // % of full scale
                stats.sum[b] += v;
                stats.sumSq[b] += v * v;
            }
            ++stats.frames;
        });
    }
    return stats.frames > 0;
}

bool parseOption(const char *name, const char *value, dsp::AnalyzerConfig &c)
{
    if (!std::strcmp(name, "--amplitude"))
        return dsp::parseAmplitude(value, c.amplitude);
    if (!std::strcmp(name, "--weighting"))
        return dsp::parseWeighting(value, c.weighting);
    if (!std::strcmp(name, "--layout"))
        return dsp::parseLayout(value, c.layout);
    if (!std::strcmp(name, "--range-db"))
        return (c.rangeDb = std::atof(value)) > 0.0;
    if (!std::strcmp(name, "--bands-per-octave"))
        return (c.bandsPerOctave = std::atoi(value)) > 0;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    dsp::AnalyzerConfig after;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] == '-' && argv[i][1] == '-') {
            if (i + 1 >= argc || !parseOption(argv[i], argv[i + 1], after)) {
                std::fprintf(stderr, "music_bands: bad option %s\n", argv[i]);
                return 2;
            }
            ++i;
        } else {
            files.emplace_back(argv[i]);
        }
    }
    dsp::AnalyzerConfig before;
    before.amplitude = dsp::Amplitude::Linear;
    before.weighting = dsp::Weighting::Flat;
    std::printf("after: amplitude %s, range %g dB, weighting %s, layout %s\n", dsp::amplitudeName(after.amplitude),
        after.rangeDb, dsp::weightingName(after.weighting), dsp::layoutName(after.layout));
    int failures = 0;
    for (const std::string &file : files) {
        BandStats was, now;
        std::vector<double> centresWas, centres;
        if (!analyse(file, before, was, centresWas) || !analyse(file, after, now, centres))
            return 1;
        std::printf("\n%s (%ld frames)\n  band   centre Hz   before mean/std %%   after mean/std %%\n", file.c_str(),
            now.frames);
        double minMean = 1e9, minStd = 1e9, wasMinMean = 1e9, wasMinStd = 1e9;
        int wasUnder10 = 0;
        for (std::size_t b = 0; b < centres.size(); ++b) {
            const bool same = b < centresWas.size();
            std::printf("  %4zu  %10.1f   %6.1f / %5.1f      %6.1f / %5.1f\n", b, centres[b], same ? was.mean(b) : 0.0,
                same ? was.stddev(b) : 0.0, now.mean(b), now.stddev(b));
            minMean = std::min(minMean, now.mean(b));
            minStd = std::min(minStd, now.stddev(b));
            if (same) {
                wasMinMean = std::min(wasMinMean, was.mean(b));
                wasMinStd = std::min(wasMinStd, was.stddev(b));
                wasUnder10 += was.mean(b) < 10.0 ? 1 : 0;
            }
        }
        const bool alive = minMean >= 10.0 && minStd >= 3.0;
        failures += alive ? 0 : 1;
        std::printf("  summary: before lowest mean %.1f %%, lowest std %.1f %%, %d bands under 10 %%; "
                    "after lowest mean %.1f %%, lowest std %.1f %% -> %s\n",
            wasMinMean, wasMinStd, wasUnder10, minMean, minStd, alive ? "alive" : "NOT alive");
    }
    return failures == 0 ? 0 : 1;
}
