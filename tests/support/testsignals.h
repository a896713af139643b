#pragma once

#include <QString>

#include <vector>

namespace spectray::test {

// Deterministic test signals (interleaved float) and a writer for the formats libsndfile handles.
std::vector<float> sine(double hz, double amplitude, int sampleRate, double seconds, int channels = 1);
std::vector<float> silence(int sampleRate, double seconds, int channels = 1);
// Logarithmic sweep from `fromHz` to `toHz`.
std::vector<float> sweep(double fromHz, double toHz, double amplitude, int sampleRate, double seconds,
                         int channels = 1);
// Seeded white noise, uniform in [-amplitude, amplitude].
std::vector<float> noise(double amplitude, int sampleRate, double seconds, unsigned seed, int channels = 1);

// Writes `samples` (interleaved) as WAV (16-bit PCM), FLAC (16-bit) or Ogg Vorbis, chosen by the
// file name's ending. Returns false on failure.
bool writeAudioFile(const QString &path, const std::vector<float> &samples, int sampleRate, int channels);

} // namespace spectray::test
