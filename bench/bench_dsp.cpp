// Per-frame cost of each analysis profile, with and without the stream framer.
// SPECTRAY_BENCH_SIGNAL=path.f32 (mono float32 raw, as bench/seed_numpy_bench.py writes it) makes
// the input the same signal the numpy timing uses; otherwise a synthetic one is generated.
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numbers>
#include <random>
#include <vector>

namespace {

using namespace spectray::dsp;

const std::vector<float> &signal()
{
    static const std::vector<float> samples = [] {
        std::vector<float> s;
        if (const char *path = std::getenv("SPECTRAY_BENCH_SIGNAL")) {
            std::ifstream in(path, std::ios::binary);
            in.seekg(0, std::ios::end);
            const auto bytes = std::size_t(in.tellg());
            in.seekg(0);
            s.resize(bytes / sizeof(float));
            in.read(reinterpret_cast<char *>(s.data()), std::streamsize(s.size() * sizeof(float)));
        }
        if (s.size() < 44100 * 2) {
            std::mt19937 rng(1);
            std::uniform_real_distribution<float> d(-0.1f, 0.1f);
            s.resize(44100 * 10);
            for (std::size_t i = 0; i < s.size(); ++i)
                s[i] = float(0.3 * std::sin(2 * std::numbers::pi * 440.0 * double(i) / 44100.0)) + d(rng);
        }
        return s;
    }();
    return samples;
}

AnalyzerConfig configFor(Profile profile)
{
    AnalyzerConfig c;
    c.profile = profile;
    return c;
}

// The default profile as it was before issue #10 (linear amplitude, no weighting).
AnalyzerConfig linearFlat()
{
    AnalyzerConfig c;
    c.amplitude = Amplitude::Linear;
    c.weighting = Weighting::Flat;
    return c;
}

// The densest layout: 1/24-octave bands over the default range (231 bands), A-weighted.
AnalyzerConfig octave24()
{
    AnalyzerConfig c;
    c.layout = Layout::Octave;
    c.bandsPerOctave = 24;
    c.weighting = Weighting::A;
    return c;
}

AnalyzerConfig at48k(AnalyzerConfig c)
{
    c.sampleRate = 48000;
    return c;
}

// Issue #11 measures at 60 fps: a hop of 735 samples, so the 8192-point window runs every other
// frame (docs/dsp.md); this is the mean per frame over both kinds.
AnalyzerConfig at60fps(AnalyzerConfig c)
{
    c.fps = 60;
    return c;
}

AnalyzerConfig thirdOctave()
{
    AnalyzerConfig c;
    c.layout = Layout::Octave;
    c.bandsPerOctave = 3;
    return c;
}

// What the band holding `hz` shows lags the newest sample by (half its window), in ms.
double latencyAt(const SpectrumAnalyzer &analyzer, double hz)
{
    const auto &edges = analyzer.edgesHz();
    for (std::size_t b = 0; b + 1 < edges.size(); ++b)
        if (hz >= edges[b] && hz < edges[b + 1])
            return analyzer.bandLatencyMs()[b];
    return 0.0;
}

void analyzeOnly(benchmark::State &state, const AnalyzerConfig &config)
{
    SpectrumAnalyzer analyzer(config);
    state.counters["lat250ms"] = latencyAt(analyzer, 250.0);
    state.counters["lat1kms"] = latencyAt(analyzer, 1000.0);
    state.counters["lat4kms"] = latencyAt(analyzer, 4000.0);
    const auto &sizes = analyzer.bandFftSizes();
    state.counters["shortestFft"] = double(*std::min_element(sizes.begin(), sizes.end()));
    const auto &s = signal();
    const std::size_t w = std::size_t(analyzer.windowSize());
    const std::size_t hop = std::size_t(analyzer.hopSize());
    FrameValues out;
    std::size_t at = 0;
    for (auto _ : state) {
        if (at + w > s.size()) {
            at = 0;
            analyzer.restart(); // not one hop on from the last window
        }
        analyzer.analyzeNext(s.data() + at, out); // as the framer calls it
        benchmark::DoNotOptimize(out.bands.data());
        at += hop;
    }
    state.SetItemsProcessed(state.iterations()); // items = frames
}

// Writes 16 MB, so what a frame reads next comes from memory: a live capture wakes once per
// frame, and between two frames other programs (the audio server, the player) run on the core.
void evictCaches()
{
    static std::vector<char> junk(std::size_t(16) << 20);
    static char value = 0;
    ++value;
    for (std::size_t i = 0; i < junk.size(); i += 64)
        junk[i] = value;
    benchmark::DoNotOptimize(junk.data());
}

// One hop of stereo samples per iteration (one frame each): mixing, ring buffer and analysis;
// `cold`: the caches emptied before each hop, outside the timing.
void framerFrames(benchmark::State &state, const AnalyzerConfig &config, bool cold)
{
    SpectrumAnalyzer analyzer(config);
    StreamFramer framer(analyzer);
    const auto &mono = signal();
    const std::size_t hop = std::size_t(analyzer.hopSize());
    std::vector<float> stereo(mono.size() * 2);
    for (std::size_t i = 0; i < mono.size(); ++i)
        stereo[2 * i] = stereo[2 * i + 1] = mono[i];
    std::size_t at = 0;
    std::size_t frames = 0;
    const StreamFramer::FrameCallback onFrame = [&frames](const FrameValues &, uint64_t) { ++frames; };
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            evictCaches();
            state.ResumeTiming();
        }
        if (at + hop > mono.size())
            at = 0;
        framer.push(stereo.data() + 2 * at, hop, 2, onFrame);
        at += hop;
    }
    state.counters["frames"] = double(frames);
    state.SetItemsProcessed(state.iterations());
}

void withFramer(benchmark::State &state, const AnalyzerConfig &config)
{
    framerFrames(state, config, false);
}

void withFramerCold(benchmark::State &state, const AnalyzerConfig &config)
{
    framerFrames(state, config, true);
}

// Building an analyser (band plan, window choice, FFTW plans): paid once per configuration.
void construct(benchmark::State &state, const AnalyzerConfig &config)
{
    for (auto _ : state) {
        SpectrumAnalyzer analyzer(config);
        benchmark::DoNotOptimize(analyzer.bandFftSizes().data());
    }
}

BENCHMARK_CAPTURE(analyzeOnly, seed, configFor(Profile::Seed))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(analyzeOnly, default, configFor(Profile::Default))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(analyzeOnly, default_linear_flat, linearFlat())->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(analyzeOnly, octave24_a, octave24())->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(analyzeOnly, default_48k, at48k(configFor(Profile::Default)))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(analyzeOnly, default_60fps, at60fps(configFor(Profile::Default)))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(analyzeOnly, octave3, thirdOctave())->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(analyzeOnly, octave3_48k, at48k(thirdOctave()))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(construct, default, configFor(Profile::Default))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(construct, octave24_a, octave24())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(withFramer, seed, configFor(Profile::Seed))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(withFramer, default, configFor(Profile::Default))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(withFramer, default_60fps, at60fps(configFor(Profile::Default)))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(withFramerCold, default_60fps, at60fps(configFor(Profile::Default)))->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
