#include "capture/wasapi/sampleconvert.h"

#include <cstring>

namespace spectray::capture::wasapi {

MixFormat describeFormat(std::uint16_t formatTag, int channels, int sampleRate, int bitsPerSample,
                         int validBits, SubFormat subFormat)
{
    MixFormat f;
    f.channels = channels;
    f.sampleRate = sampleRate;
    f.containerBits = bitsPerSample;
    f.validBits = (validBits > 0 && validBits <= bitsPerSample) ? validBits : bitsPerSample;

    bool isFloat = formatTag == kWaveFormatIeeeFloat;
    bool isPcm = formatTag == kWaveFormatPcm;
    if (formatTag == kWaveFormatExtensible) {
        isFloat = subFormat == SubFormat::IeeeFloat;
        isPcm = subFormat == SubFormat::Pcm;
    }
    if (isFloat && (bitsPerSample == 32 || bitsPerSample == 64))
        f.encoding = SampleEncoding::Float;
    else if (isPcm && (bitsPerSample == 8 || bitsPerSample == 16 || bitsPerSample == 24 || bitsPerSample == 32))
        f.encoding = SampleEncoding::Integer;
    return f;
}

bool isSupported(const MixFormat &format, std::string &why)
{
    if (format.encoding == SampleEncoding::Unsupported) {
        why = "unsupported sample format (" + std::to_string(format.containerBits) + " bit, not PCM or float)";
        return false;
    }
    if (format.channels < 1 || format.channels > 64) {
        why = "unsupported channel count " + std::to_string(format.channels);
        return false;
    }
    if (format.sampleRate < 8000 || format.sampleRate > 768000) {
        why = "unsupported sample rate " + std::to_string(format.sampleRate);
        return false;
    }
    return true;
}

namespace {

// Little-endian loads through memcpy: packets are byte buffers with no alignment guarantee.
template<typename T>
T load(const unsigned char *p)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

float int24ToFloat(const unsigned char *p)
{
    // Assemble in the top three bytes of an int32 so the sign comes for free.
    const std::uint32_t u = (std::uint32_t(p[0]) << 8) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 24);
    return float(static_cast<std::int32_t>(u)) * (1.0f / 2147483648.0f);
}

} // namespace

void convertToFloat(const void *src, std::size_t frames, const MixFormat &format, float *dst)
{
    const auto *in = static_cast<const unsigned char *>(src);
    const std::size_t samples = frames * std::size_t(format.channels);
    // Integer samples narrower than their container are MSB-aligned (WAVEFORMATEXTENSIBLE), so
    // scaling by the container's full range is right whatever validBits says.
    switch (format.encoding) {
    case SampleEncoding::Float:
        if (format.containerBits == 32) {
            std::memcpy(dst, in, samples * sizeof(float));
        } else {
            for (std::size_t i = 0; i < samples; ++i)
                dst[i] = float(load<double>(in + i * 8));
        }
        return;
    case SampleEncoding::Integer:
        switch (format.containerBits) {
        case 8:
            for (std::size_t i = 0; i < samples; ++i)
                dst[i] = float(int(in[i]) - 128) * (1.0f / 128.0f);
            return;
        case 16:
            for (std::size_t i = 0; i < samples; ++i)
                dst[i] = float(load<std::int16_t>(in + i * 2)) * (1.0f / 32768.0f);
            return;
        case 24:
            for (std::size_t i = 0; i < samples; ++i)
                dst[i] = int24ToFloat(in + i * 3);
            return;
        case 32:
            for (std::size_t i = 0; i < samples; ++i)
                dst[i] = float(load<std::int32_t>(in + i * 4)) * (1.0f / 2147483648.0f);
            return;
        default:
            break;
        }
        break;
    case SampleEncoding::Unsupported:
        break;
    }
    std::memset(dst, 0, samples * sizeof(float));
}

std::string formatName(const MixFormat &format)
{
    std::string s = std::to_string(format.sampleRate) + " Hz, " + std::to_string(format.channels) + " ch, ";
    switch (format.encoding) {
    case SampleEncoding::Float: s += "float" + std::to_string(format.containerBits); break;
    case SampleEncoding::Integer:
        s += "int" + std::to_string(format.containerBits);
        if (format.validBits != format.containerBits)
            s += " (" + std::to_string(format.validBits) + " valid)";
        break;
    case SampleEncoding::Unsupported: s += "unsupported"; break;
    }
    return s;
}

} // namespace spectray::capture::wasapi
