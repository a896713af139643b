#include "testsignals.h"

#include <sndfile.h>

#include <cmath>
#include <numbers>
#include <random>

namespace spectray::test {

namespace {
std::vector<float> fill(int sampleRate, double seconds, int channels, auto &&sampleAt)
{
    const auto frames = static_cast<std::size_t>(std::llround(sampleRate * seconds));
    std::vector<float> out(frames * std::size_t(channels));
    for (std::size_t i = 0; i < frames; ++i) {
        const float v = float(sampleAt(i));
        for (int c = 0; c < channels; ++c)
            out[i * std::size_t(channels) + std::size_t(c)] = v;
    }
    return out;
}
} // namespace

std::vector<float> sine(double hz, double amplitude, int sampleRate, double seconds, int channels)
{
    return fill(sampleRate, seconds, channels, [&](std::size_t i) {
        return amplitude * std::sin(2.0 * std::numbers::pi * hz * double(i) / sampleRate);
    });
}

std::vector<float> silence(int sampleRate, double seconds, int channels)
{
    return fill(sampleRate, seconds, channels, [](std::size_t) { return 0.0; });
}

std::vector<float> sweep(double fromHz, double toHz, double amplitude, int sampleRate, double seconds, int channels)
{
    const double k = std::log(toHz / fromHz);
    return fill(sampleRate, seconds, channels, [&](std::size_t i) {
        const double t = double(i) / sampleRate;
        const double phase = 2.0 * std::numbers::pi * fromHz * seconds / k * (std::exp(t / seconds * k) - 1.0);
        return amplitude * std::sin(phase);
    });
}

std::vector<float> noise(double amplitude, int sampleRate, double seconds, unsigned seed, int channels)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> dist(-amplitude, amplitude);
    return fill(sampleRate, seconds, channels, [&](std::size_t) { return dist(rng); });
}

bool writeAudioFile(const QString &path, const std::vector<float> &samples, int sampleRate, int channels)
{
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".flac")))
        info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    else if (lower.endsWith(QLatin1String(".ogg")))
        info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    else
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE *file = sf_open(path.toLocal8Bit().constData(), SFM_WRITE, &info);
    if (!file)
        return false;
    const auto frames = sf_count_t(samples.size() / std::size_t(channels));
    const sf_count_t written = sf_writef_float(file, samples.data(), frames);
    sf_close(file);
    return written == frames;
}

} // namespace spectray::test
