// libFuzzer: the sample path into the analyzer (StreamFramer -> SpectrumAnalyzer), with raw float
// bit patterns (NaN, Inf, denormals, huge values) as a capture device or a file may deliver them.
// Every value that leaves must be inside its documented wire range: bands and bass 0..1500,
// level 0..1000 (docs/protocol.md). SPECTRAY_FUZZ_NO_RANGE_CHECK=1 clamps the input to finite
// full scale and skips the range check: for a tree that does not sanitize samples yet.
#include "dsp/streamframer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

using namespace spectray::dsp;

namespace {
struct Pipeline
{
    std::unique_ptr<SpectrumAnalyzer> analyzer;
    std::unique_ptr<StreamFramer> framer;
};

// A few configurations, built once: FFTW planning per input would drown the fuzzer.
Pipeline &pipeline(unsigned which)
{
    static std::vector<Pipeline> all = [] {
        std::vector<Pipeline> v;
        const AnalyzerConfig configs[] = {
            {Profile::Default, 48000, 60, 32, 20.0, 16000.0, 0, 0},
            {Profile::Seed, 44100, 30, 32, 20.0, 16000.0, 0, 0},
            {Profile::Default, 8000, 240, 8, 20.0, 4000.0, 256, 0},
            {Profile::Default, 44100, 30, 256, 20.0, 20000.0, 0, 0},
        };
        for (const AnalyzerConfig &c : configs) {
            Pipeline p;
            p.analyzer = std::make_unique<SpectrumAnalyzer>(c);
            p.framer = std::make_unique<StreamFramer>(*p.analyzer);
            v.push_back(std::move(p));
        }
        return v;
    }();
    return all[which % all.size()];
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    static const bool checkRange = std::getenv("SPECTRAY_FUZZ_NO_RANGE_CHECK") == nullptr;
    Pipeline &p = pipeline(data[0]);
    const int channels = 1 + data[1] % 2;
    std::vector<float> samples((size - 2) / sizeof(float));
    if (!samples.empty())
        std::memcpy(samples.data(), data + 2, samples.size() * sizeof(float));
    if (!checkRange) {
        // Sanitized as the capture layer is to do (issue #9 item 1), so the rest of the path is
        // searched for memory errors instead of stopping at the known non-finite defect.
        for (float &s : samples)
            s = std::isfinite(s) ? std::clamp(s, -1.0f, 1.0f) : 0.0f;
    }
    p.framer->reset();
    p.analyzer->resetGain();
    // Repeat the input until at least two frames are due, so every input reaches analyze().
    const size_t need = size_t(p.analyzer->windowSize() + 2 * p.analyzer->hopSize()) * size_t(channels);
    std::vector<float> stream;
    stream.reserve(need + samples.size());
    while (!samples.empty() && stream.size() < need)
        stream.insert(stream.end(), samples.begin(), samples.end());
    if (stream.empty())
        stream.assign(need, 0.0f);
    const auto onFrame = [&](const FrameValues &f, uint64_t) {
        if (!checkRange)
            return;
        for (const int16_t b : f.bands) {
            if (b < 0 || b > 1500)
                std::abort();
        }
        if (f.bass < 0 || f.bass > 1500 || f.level < 0 || f.level > 1000)
            std::abort();
    };
    p.framer->push(stream.data(), stream.size() / size_t(channels), channels, onFrame);
    return 0;
}
