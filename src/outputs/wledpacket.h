#pragma once

#include <QtGlobal>

#include <array>

namespace spectray::outputs {

// WLED "Audio Sync" v2 (usermods/audioreactive/audio_reactive.h, struct audioSyncPacket; see
// docs/wled.md for what was checked). The receiver's struct is not packed, so the compiler's natural
// alignment puts two padding bytes after the header and two after fftResult: 44 bytes on the wire.
// All multi-byte fields little-endian (the ESP32 is little-endian and reads the struct in place).
inline constexpr int kWledPacketSize = 44;
inline constexpr char kWledHeader[6] = { '0', '0', '0', '0', '2', '\0' };
inline constexpr quint16 kWledPort = 11988; // audioSyncPort default
inline constexpr char kWledMulticastGroup[] = "239.0.0.1"; // fftUdp.beginMulticast(239.0.0.1, port)
inline constexpr float kWledMaxPeakHz = 11025.0f; // the receiver clamps FFT_MajorPeak to 1..11025
inline constexpr int kWledMaxChannelValue = 254; // WLED's own sender clamps fftResult to 0..254

namespace wledoffset {
inline constexpr int header = 0; // char[6]
inline constexpr int reserved0 = 6; // u8[2], padding upstream (pressure in one fork)
inline constexpr int sampleRaw = 8; // f32
inline constexpr int sampleSmth = 12; // f32
inline constexpr int samplePeak = 16; // u8
inline constexpr int frameCounter = 17; // u8, reserved1 upstream
inline constexpr int fftResult = 18; // u8[16]
inline constexpr int zeroCrossings = 34; // u16, padding upstream
inline constexpr int fftMagnitude = 36; // f32
inline constexpr int fftMajorPeak = 40; // f32
} // namespace wledoffset

struct WledPacketFields
{
    float sampleRaw = 0.0f; // volume 0..255
    float sampleSmth = 0.0f; // smoothed volume 0..255
    quint8 samplePeak = 0; // 1 in the packet that carries a beat
    quint8 frameCounter = 0; // +1 per packet, wraps
    std::array<quint8, 16> fftResult {};
    quint16 zeroCrossings = 0;
    float fftMagnitude = 0.0f;
    float fftMajorPeak = 1.0f; // Hz, 1..11025
};

using WledPacket = std::array<char, kWledPacketSize>;

// Writes the 44 bytes; no allocation.
void encodeWledPacket(const WledPacketFields &fields, WledPacket &out);

} // namespace spectray::outputs
