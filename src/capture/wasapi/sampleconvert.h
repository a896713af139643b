#pragma once

// Mix-format description and conversion to float, free of Windows headers so that it is compiled
// and unit-tested on Linux too (tests/wasapi). The WASAPI backend fills MixFormat from the
// endpoint's WAVEFORMATEX(TENSIBLE) and calls convertToFloat on every packet.

#include <cstddef>
#include <cstdint>
#include <string>

namespace spectray::capture::wasapi {

enum class SampleEncoding {
    Unsupported,
    Float,   // IEEE float, 32 or 64 bit
    Integer, // signed PCM 16/24/32 bit (8 bit is unsigned, as in WAV)
};

// WAVEFORMATEXTENSIBLE's SubFormat, as far as we care; the Windows side compares the GUIDs.
enum class SubFormat {
    None, // plain WAVEFORMATEX (no extensible part)
    Pcm,
    IeeeFloat,
    Other,
};

struct MixFormat
{
    SampleEncoding encoding = SampleEncoding::Unsupported;
    int containerBits = 0; // wBitsPerSample: bytes per sample * 8
    int validBits = 0;     // Samples.wValidBitsPerSample; MSB-aligned inside the container
    int channels = 0;
    int sampleRate = 0;

    int bytesPerFrame() const { return channels * (containerBits / 8); }
};

// WAVEFORMATEX tag values (mmreg.h), repeated so this file needs no Windows header.
inline constexpr std::uint16_t kWaveFormatPcm = 0x0001;
inline constexpr std::uint16_t kWaveFormatIeeeFloat = 0x0003;
inline constexpr std::uint16_t kWaveFormatExtensible = 0xFFFE;

// Builds a MixFormat from WAVEFORMATEX fields; validBits 0 means "same as bitsPerSample".
MixFormat describeFormat(std::uint16_t formatTag, int channels, int sampleRate, int bitsPerSample,
                         int validBits, SubFormat subFormat);

// True if convertToFloat handles the format; otherwise `why` says what is wrong (for the UI).
bool isSupported(const MixFormat &format, std::string &why);

// Converts `frames` interleaved frames at `src` (bytesPerFrame() each, little-endian) to interleaved
// float in [-1, 1) at `dst` (frames * channels floats). Keeps the channel count: the engine mixes.
void convertToFloat(const void *src, std::size_t frames, const MixFormat &format, float *dst);

// Human-readable, e.g. "48000 Hz, 2 ch, float32" (logs and the probe).
std::string formatName(const MixFormat &format);

} // namespace spectray::capture::wasapi
