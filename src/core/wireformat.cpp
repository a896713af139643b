#include "wireformat.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace spectray::wire {

namespace {

// The longest frame object: the fixed text (about 110 bytes) plus four 64-bit numbers, the stream
// time and kMaxBands values of at most 6 characters and a comma each.
constexpr qsizetype kMaxFrameJsonBytes = 160 + 5 * 24 + wire::kMaxBands * 7;

// Appends literal text; the caller sized the buffer for the longest frame.
template <std::size_t N>
char *put(char *p, const char (&text)[N])
{
    std::memcpy(p, text, N - 1);
    return p + N - 1;
}

template <typename Int>
char *putInt(char *p, Int value)
{
    // 24 bytes hold any 64-bit integer: to_chars cannot fail here.
    return std::to_chars(p, p + 24, value).ptr;
}

char *putSeconds(char *p, double seconds)
{
    // Six decimals as "%.6f" (QByteArray::number(v, 'f', 6) before): microsecond resolution. A
    // non-finite time cannot be written in JSON at all, so it reads 0.
    if (!std::isfinite(seconds) || std::abs(seconds) >= 1e15)
        seconds = 0.0;
    // Fast path, the same digits: whole microseconds as an integer. The product is within a few
    // ulps of the exact x * 1e6, so unless that lies next to a half the rounding is the one
    // "%.6f" does on the exact value. Why not to_chars alone: its fixed-precision path (Ryu's
    // large tables and code) is several kB of cache lines that a frame, printed every 16 ms with
    // cold caches, pays for in full (issue 11).
    const double micros = seconds * 1e6;
    if (micros >= 0.0 && micros < 0x1p52) {
        const double rounded = std::nearbyint(micros);
        if (std::abs(micros - rounded) < 0.5 - 1e-9 * std::max(micros, 1.0)) {
            const auto whole = static_cast<std::uint64_t>(rounded);
            p = std::to_chars(p, p + 24, whole / 1000000).ptr;
            *p++ = '.';
            char digits[6];
            std::uint64_t fraction = whole % 1000000;
            for (int i = 5; i >= 0; --i, fraction /= 10)
                digits[i] = char('0' + fraction % 10);
            std::memcpy(p, digits, sizeof digits);
            return p + sizeof digits;
        }
    }
    return std::to_chars(p, p + 24, seconds, std::chars_format::fixed, 6).ptr;
}

} // namespace

// Written by hand rather than through QJsonDocument: this runs once per frame on the hot path and
// the object is flat numbers, so a direct write into a reused buffer is several times cheaper and
// allocates nothing (std::to_chars formats without the heap, unlike QByteArray::number).
void writeFrameJson(const SpectrumFrame &frame, QByteArray &out)
{
    out.resize(kMaxFrameJsonBytes); // no allocation once the buffer has held one frame
    char *const start = out.data();
    char *p = start;
    p = put(p, R"({"type":"frame","seq":)");
    p = putInt(p, frame.sequence);
    p = put(p, R"(,"t":)");
    p = putSeconds(p, frame.streamTime);
    if (frame.wallClockMs != 0) {
        p = put(p, R"(,"ts":)");
        p = putInt(p, frame.wallClockMs);
    }
    if (frame.playTsMs != 0) {
        p = put(p, R"(,"play_ts":)");
        p = putInt(p, frame.playTsMs);
    }
    p = put(p, R"(,"frequencies":[)");
    for (qsizetype i = 0; i < frame.bands.size(); ++i) {
        if (i != 0)
            *p++ = ',';
        p = putInt(p, frame.bands[i]);
    }
    p = put(p, R"(],"bass":)");
    p = putInt(p, frame.bass);
    p = put(p, R"(,"level":)");
    p = putInt(p, frame.level);
    p = put(p, R"(,"scale":)");
    p = putInt(p, frame.scale);
    *p++ = '}';
    Q_ASSERT(p - start <= kMaxFrameJsonBytes);
    out.resize(p - start); // shrinking keeps the capacity
}

QByteArray frameJson(const SpectrumFrame &frame)
{
    QByteArray out;
    writeFrameJson(frame, out);
    return out;
}

QJsonObject layoutObject(const BandLayout &layout)
{
    QJsonArray edges;
    for (double e : layout.edgesHz)
        edges.append(e);
    QJsonArray latency;
    for (double l : layout.bandLatencyMs)
        latency.append(l);
    QJsonArray centres;
    for (double c : layout.centresHz)
        centres.append(c);
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("layout")},
        {QStringLiteral("bands"), layout.bandCount()},
        {QStringLiteral("edges"), edges},
        {QStringLiteral("latency_ms"), latency},
        {QStringLiteral("fps"), layout.fps},
        {QStringLiteral("rate"), layout.sampleRate},
        {QStringLiteral("profile"), layout.profile},
        {QStringLiteral("fft_size"), layout.fftSize},
        {QStringLiteral("bass_fft_size"), layout.bassFftSize},
        {QStringLiteral("scale"), kScale},
        {QStringLiteral("centres"), centres},
        {QStringLiteral("labels"), QJsonArray::fromStringList(layout.labels)},
        {QStringLiteral("amplitude"), layout.amplitude},
        {QStringLiteral("range_db"), layout.rangeDb},
        {QStringLiteral("weighting"), layout.weighting},
        {QStringLiteral("band_layout"), layout.layout},
        {QStringLiteral("bands_per_octave"), layout.bandsPerOctave},
    };
}

QByteArray layoutJson(const BandLayout &layout)
{
    return QJsonDocument(layoutObject(layout)).toJson(QJsonDocument::Compact);
}

} // namespace spectray::wire
