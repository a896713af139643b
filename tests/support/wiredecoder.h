#pragma once
// A reader of Spectray's binary frame written from docs/protocol.md ("Binary frames") alone, so
// tests check the encoder against the documented layout, never against its own decoder.
#include <QByteArray>

#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace spectray::test {

struct WireFrame
{
    std::uint8_t version = 0;
    std::uint8_t flags = 0;
    std::uint64_t sequence = 0;
    double streamTime = 0.0;
    std::int64_t wallClockMs = 0;
    int scale = 0;
    int bass = 0;
    int level = 0;
    int playDelayMs = 0; // offset 38, i16: play_ts - ts when flags bit 0 is set
    std::vector<int> bands;

    bool hasPlayTime() const { return (flags & 0x01) != 0; }
    std::int64_t playTsMs() const { return hasPlayTime() ? wallClockMs + playDelayMs : 0; }
};

namespace wiredetail {
// Little-endian, byte by byte.
inline std::uint64_t le(const QByteArray &d, int at, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | std::uint8_t(d[at + i]);
    return v;
}
inline int le16s(const QByteArray &d, int at)
{
    const int u = int(le(d, at, 2));
    return u >= 0x8000 ? u - 0x10000 : u;
}
} // namespace wiredetail

// "SPTR", u8 version 1, u8 flags, u16 N, u64 sequence, f64 t, i64 ts, u16 scale, i16 bass,
// i16 level, i16 play_delay, i16 bands[N]; 40 + 2N bytes.
inline std::optional<WireFrame> decodeWireFrame(const QByteArray &d)
{
    using namespace wiredetail;
    if (d.size() < 40 || !d.startsWith("SPTR"))
        return std::nullopt;
    WireFrame f;
    f.version = std::uint8_t(d[4]);
    f.flags = std::uint8_t(d[5]);
    const int n = int(le(d, 6, 2));
    if (f.version != 1 || d.size() != 40 + 2 * n)
        return std::nullopt;
    f.sequence = le(d, 8, 8);
    const std::uint64_t tBits = le(d, 16, 8);
    std::memcpy(&f.streamTime, &tBits, sizeof f.streamTime);
    f.wallClockMs = std::int64_t(le(d, 24, 8));
    f.scale = int(le(d, 32, 2));
    f.bass = le16s(d, 34);
    f.level = le16s(d, 36);
    f.playDelayMs = le16s(d, 38);
    for (int i = 0; i < n; ++i)
        f.bands.push_back(le16s(d, 40 + 2 * i));
    return f;
}

} // namespace spectray::test
