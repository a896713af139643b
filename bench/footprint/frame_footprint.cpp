// How many distinct 64-byte cache lines (code and data) one live frame touches: the analysis of one
// hop (StreamFramer + SpectrumAnalyzer, default profile, 32 bands, 60 fps, 44.1 kHz) and the JSON
// line of --print-frames. Run under `valgrind --tool=lackey --trace-mem=yes` by footprint.py, which
// counts the lines between the two stores to `g_frameMarker` that bracket each frame.
//
// Why lines and not microseconds: the capture thread runs once every 16 ms and finds its caches
// cold each time; on the machines we measure on, a frame's analysis then costs 4-5x its hot time
// (with a 16 ms sleep between hops: 30-37 us against 7.4 us), about 30 ns per line it touches. The line count is that cost's
// measure, exactly repeatable, where the timing of one cold frame drowns in the machine's noise.
#include "core/framelinewriter.h"
#include "core/spectrumframe.h"
#include "dsp/spectrumanalyzer.h"
#include "dsp/streamframer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace spectray;

volatile long g_frameMarker = 0; // stored to before and after each measured part: footprint.py's brackets

int main(int argc, char **argv)
{
    const int hops = argc > 1 ? std::atoi(argv[1]) : 60;
    dsp::AnalyzerConfig config;
    config.fps = 60;
    config.bands = 32;
    config.sampleRate = 44100;
    dsp::SpectrumAnalyzer analyzer(config);
    dsp::StreamFramer framer(analyzer);
    wire::FrameLineWriter lines;
    SpectrumFrame frame;
    const int hop = analyzer.hopSize();
    std::vector<float> stereo(std::size_t(2 * hop));
    long n = 0;
    std::FILE *sink = std::fopen("/dev/null", "w");
    std::fprintf(stderr, "MARKER %p\n", static_cast<void *>(const_cast<long *>(&g_frameMarker)));
    for (int h = 0; h < hops; ++h) {
        for (int i = 0; i < hop; ++i, ++n) { // a chord and a little deterministic noise
            const float v = 0.3f * float(std::sin(0.05 * double(n)))
                + 0.1f * float(std::sin(0.37 * double((n * n) % 1000)));
            stereo[std::size_t(2 * i)] = stereo[std::size_t(2 * i + 1)] = v;
        }
        g_frameMarker = 1; // analysis
        framer.push(stereo.data(), std::size_t(hop), 2, [&](const dsp::FrameValues &values, uint64_t delivered) {
            frame.bands.assign(values.bands.begin(), values.bands.end());
            frame.streamTime = double(delivered) / config.sampleRate;
        });
        g_frameMarker = 0;
        frame.sequence = quint64(h);
        frame.wallClockMs = 1764633600000 + 17 * h;
        frame.playTsMs = frame.wallClockMs + 40;
        g_frameMarker = 2; // line
        const QByteArray &line = lines.frameLine(frame);
        std::fwrite(line.constData(), 1, std::size_t(line.size()), sink);
        g_frameMarker = 0;
    }
    std::fclose(sink);
    return 0;
}
