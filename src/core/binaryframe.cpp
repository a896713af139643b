#include "core/binaryframe.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace spectray::wire {

namespace {
template <typename T>
void put(char *p, T v)
{
    qToLittleEndian<T>(v, p);
}
template <typename T>
T get(const char *p)
{
    return qFromLittleEndian<T>(p);
}
qint16 clamp16(int v)
{
    return qint16(std::clamp(v, -32768, 32767));
}
qint16 playDelay(qint64 ms)
{
    return qint16(std::clamp<qint64>(ms, -32768, 32767));
}
} // namespace

void encodeBinaryFrame(const SpectrumFrame &frame, QByteArray &out)
{
    const int n = int(std::min<qsizetype>(frame.bands.size(), 65535));
    out.resize(kBinaryHeaderBytes + 2 * n);
    char *p = out.data();
    std::memcpy(p, kBinaryMagic, 4);
    put<quint8>(p + 4, kBinaryVersion);
    // Play time present only with a wall clock to be relative to (a live frame).
    const bool hasPlayTime = frame.playTsMs != 0 && frame.wallClockMs != 0;
    put<quint8>(p + 5, hasPlayTime ? kBinaryFlagPlayTime : quint8(0));
    put<quint16>(p + 6, quint16(n));
    put<quint64>(p + 8, frame.sequence);
    double t = frame.streamTime;
    quint64 tBits = 0;
    std::memcpy(&tBits, &t, sizeof tBits);
    put<quint64>(p + 16, tBits);
    put<qint64>(p + 24, frame.wallClockMs);
    put<quint16>(p + 32, quint16(std::clamp(frame.scale, 0, 65535)));
    put<qint16>(p + 34, clamp16(frame.bass));
    put<qint16>(p + 36, clamp16(frame.level));
    put<qint16>(p + 38, hasPlayTime ? playDelay(frame.playTsMs - frame.wallClockMs) : qint16(0));
    char *b = p + kBinaryHeaderBytes;
    for (int i = 0; i < n; ++i)
        put<qint16>(b + 2 * i, frame.bands[i]);
}

bool decodeBinaryFrame(const QByteArray &data, SpectrumFrame *frame)
{
    if (data.size() < kBinaryHeaderBytes || std::memcmp(data.constData(), kBinaryMagic, 4) != 0)
        return false;
    const char *p = data.constData();
    if (get<quint8>(p + 4) != kBinaryVersion)
        return false;
    const int n = get<quint16>(p + 6);
    if (data.size() != kBinaryHeaderBytes + 2 * n)
        return false;
    SpectrumFrame f;
    f.sequence = get<quint64>(p + 8);
    const quint64 tBits = get<quint64>(p + 16);
    std::memcpy(&f.streamTime, &tBits, sizeof tBits);
    f.wallClockMs = get<qint64>(p + 24);
    f.scale = get<quint16>(p + 32);
    f.bass = get<qint16>(p + 34);
    f.level = get<qint16>(p + 36);
    if ((get<quint8>(p + 5) & kBinaryFlagPlayTime) != 0)
        f.playTsMs = f.wallClockMs + get<qint16>(p + 38);
    if (n > BandValues::kCapacity)
        return false;
    f.bands.resize(n);
    for (int i = 0; i < n; ++i)
        f.bands[i] = get<qint16>(p + kBinaryHeaderBytes + 2 * i);
    *frame = f;
    return true;
}

} // namespace spectray::wire
