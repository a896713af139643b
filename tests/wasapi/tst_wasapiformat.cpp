// Mix-format conversion and the silence clock of the WASAPI backend, run on Linux.

#include "capture/wasapi/sampleconvert.h"
#include "capture/wasapi/silenceclock.h"

#include <QTest>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace spectray::capture::wasapi;
using namespace std::chrono_literals;

namespace {

template<typename T>
std::vector<unsigned char> bytesOf(const std::vector<T> &v)
{
    std::vector<unsigned char> b(v.size() * sizeof(T));
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

std::vector<float> convert(const std::vector<unsigned char> &bytes, const MixFormat &f)
{
    const std::size_t frames = bytes.size() / std::size_t(f.bytesPerFrame());
    std::vector<float> out(frames * std::size_t(f.channels), 99.0f);
    convertToFloat(bytes.data(), frames, f, out.data());
    return out;
}

} // namespace

class TestWasapiFormat final : public QObject
{
    Q_OBJECT

private slots:
    void describesPlainAndExtensibleFormats()
    {
        MixFormat f = describeFormat(kWaveFormatExtensible, 2, 48000, 32, 32, SubFormat::IeeeFloat);
        QCOMPARE(f.encoding, SampleEncoding::Float);
        QCOMPARE(f.bytesPerFrame(), 8);
        f = describeFormat(kWaveFormatExtensible, 6, 44100, 32, 24, SubFormat::Pcm);
        QCOMPARE(f.encoding, SampleEncoding::Integer);
        QCOMPARE(f.validBits, 24);
        QCOMPARE(f.bytesPerFrame(), 24);
        f = describeFormat(kWaveFormatPcm, 1, 16000, 16, 0, SubFormat::None);
        QCOMPARE(f.encoding, SampleEncoding::Integer);
        QCOMPARE(f.validBits, 16);
        f = describeFormat(kWaveFormatIeeeFloat, 2, 96000, 64, 0, SubFormat::None);
        QCOMPARE(f.encoding, SampleEncoding::Float);
        std::string why;
        QVERIFY(isSupported(f, why));
        // AC-3 pass-through, or an extensible float with an odd width: refused with a reason.
        f = describeFormat(kWaveFormatExtensible, 2, 48000, 16, 16, SubFormat::Other);
        QVERIFY(!isSupported(f, why));
        QVERIFY(!why.empty());
        f = describeFormat(kWaveFormatIeeeFloat, 2, 48000, 16, 0, SubFormat::None);
        QVERIFY(!isSupported(f, why));
        f = describeFormat(kWaveFormatPcm, 0, 48000, 16, 0, SubFormat::None);
        QVERIFY(!isSupported(f, why));
    }

    void convertsFloat32()
    {
        const MixFormat f = describeFormat(kWaveFormatIeeeFloat, 2, 48000, 32, 0, SubFormat::None);
        const auto out = convert(bytesOf(std::vector<float>{0.5f, -0.25f, 1.0f, -1.0f}), f);
        QCOMPARE(out, (std::vector<float>{0.5f, -0.25f, 1.0f, -1.0f}));
    }

    void convertsFloat64()
    {
        const MixFormat f = describeFormat(kWaveFormatIeeeFloat, 1, 48000, 64, 0, SubFormat::None);
        const auto out = convert(bytesOf(std::vector<double>{0.125, -0.75}), f);
        QCOMPARE(out, (std::vector<float>{0.125f, -0.75f}));
    }

    void convertsInt16()
    {
        const MixFormat f = describeFormat(kWaveFormatPcm, 2, 44100, 16, 0, SubFormat::None);
        const auto out = convert(bytesOf(std::vector<std::int16_t>{0, 16384, -32768, 32767}), f);
        QCOMPARE(out[0], 0.0f);
        QCOMPARE(out[1], 0.5f);
        QCOMPARE(out[2], -1.0f);
        QVERIFY(qAbs(out[3] - 1.0f) < 1e-4f);
    }

    void convertsPacked24()
    {
        const MixFormat f = describeFormat(kWaveFormatExtensible, 1, 48000, 24, 24, SubFormat::Pcm);
        // Little-endian: +0x400000 (0.5), -0x800000 (-1), -1 LSB, +0x200000 (0.25).
        const std::vector<unsigned char> b{0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0x00, 0x00, 0x20};
        const auto out = convert(b, f);
        QCOMPARE(out.size(), std::size_t(4));
        QCOMPARE(out[0], 0.5f);
        QCOMPARE(out[1], -1.0f);
        QVERIFY(out[2] < 0.0f && out[2] > -1e-6f);
        QCOMPARE(out[3], 0.25f);
    }

    void converts24In32AndInt32()
    {
        // 24 valid bits left-justified in 32: the low byte is padding, scale is the container's.
        MixFormat f = describeFormat(kWaveFormatExtensible, 2, 48000, 32, 24, SubFormat::Pcm);
        auto out = convert(bytesOf(std::vector<std::int32_t>{0x40000000, -0x40000000 - 0x40000000}), f);
        QCOMPARE(out[0], 0.5f);
        QCOMPARE(out[1], -1.0f);
        f = describeFormat(kWaveFormatPcm, 1, 48000, 32, 0, SubFormat::None);
        out = convert(bytesOf(std::vector<std::int32_t>{0x20000000}), f);
        QCOMPARE(out[0], 0.25f);
    }

    void convertsUnsigned8()
    {
        const MixFormat f = describeFormat(kWaveFormatPcm, 1, 8000, 8, 0, SubFormat::None);
        const auto out = convert(std::vector<unsigned char>{128, 192, 0}, f);
        QCOMPARE(out, (std::vector<float>{0.0f, 0.5f, -1.0f}));
    }

    void keepsChannelOrderForManyChannels()
    {
        // 7.1 int16: each channel carries its own index so a swap or stride bug shows.
        const MixFormat f = describeFormat(kWaveFormatExtensible, 8, 48000, 16, 16, SubFormat::Pcm);
        std::vector<std::int16_t> in;
        for (int frame = 0; frame < 3; ++frame)
            for (int ch = 0; ch < 8; ++ch)
                in.push_back(std::int16_t((ch + 1) * 1024 * (frame % 2 ? -1 : 1)));
        const auto out = convert(bytesOf(in), f);
        QCOMPARE(out.size(), std::size_t(24));
        for (int frame = 0; frame < 3; ++frame)
            for (int ch = 0; ch < 8; ++ch)
                QCOMPARE(out[std::size_t(frame * 8 + ch)], float((ch + 1) * 1024 * (frame % 2 ? -1 : 1)) / 32768.0f);
    }

    void unalignedInputIsFine()
    {
        const MixFormat f = describeFormat(kWaveFormatPcm, 1, 48000, 16, 0, SubFormat::None);
        std::array<unsigned char, 5> raw{0xAA, 0x00, 0x40, 0x00, 0xC0}; // int16 0x4000, 0xC000 at offset 1
        std::array<float, 2> out{};
        convertToFloat(raw.data() + 1, 2, f, out.data());
        QCOMPARE(out[0], 0.5f);
        QCOMPARE(out[1], -0.5f);
    }

    void formatNameIsReadable()
    {
        QCOMPARE(formatName(describeFormat(kWaveFormatExtensible, 2, 48000, 32, 32, SubFormat::IeeeFloat)),
                 std::string("48000 Hz, 2 ch, float32"));
        QCOMPARE(formatName(describeFormat(kWaveFormatExtensible, 2, 44100, 32, 24, SubFormat::Pcm)),
                 std::string("44100 Hz, 2 ch, int32 (24 valid)"));
    }

    void silenceClockStaysQuietWhilePacketsFlow()
    {
        SilenceClock clock(100ms);
        auto t = SilenceClock::Clock::time_point{} + 1s;
        clock.reset(48000, t);
        for (int i = 0; i < 100; ++i) {
            // 10 ms packets arriving 3 ms after their first frame was recorded, with jitter in
            // the timestamps: nothing is ever dropped and no zeros are added.
            const auto start = t + i * 10ms + (i % 3) * 100us;
            QCOMPARE(clock.onPacket(start + 13ms, start, 480), std::uint64_t(0));
            QCOMPARE(clock.silenceDue(start + 15ms, 48000), std::uint64_t(0));
        }
        // Late but within the gap (jitter): still nothing.
        QCOMPARE(clock.silenceDue(t + 990ms + 13ms + 99ms, 48000), std::uint64_t(0));
    }

    void silenceClockFillsGapsOnTime()
    {
        SilenceClock clock(60ms);
        auto t = SilenceClock::Clock::time_point{} + 1s;
        clock.reset(48000, t);
        // The first call after the gap covers everything since the stream started...
        QCOMPARE(clock.silenceDue(t + 60ms, 48000), std::uint64_t(2880));
        // ...and then it keeps pace with wall time, 20 ms per 20 ms wake-up.
        std::uint64_t total = 2880;
        for (int i = 1; i <= 47; ++i)
            total += clock.silenceDue(t + 60ms + i * 20ms, 48000);
        QCOMPARE(total, std::uint64_t(48000)); // exactly one second of frames for one second
        // Sound starts after real silence: the new packet is current, so (almost) nothing of it
        // is dropped: at most the part the last wake-up's zeros already covered.
        const auto start = t + 1005ms;
        QVERIFY(clock.onPacket(start + 10ms, start, 480) == 0);
        QCOMPARE(clock.silenceDue(t + 1020ms, 48000), std::uint64_t(0));
    }

    void silenceClockDoesNotDoubleCountAHiccup()
    {
        // Packets stall for 150 ms, zeros stand in, then the late packets arrive in a burst.
        SilenceClock clock(100ms);
        const auto t = SilenceClock::Clock::time_point{} + 1s;
        clock.reset(48000, t);
        QCOMPARE(clock.onPacket(t + 10ms, t, 480), std::uint64_t(0)); // covers [t, t+10ms)
        std::uint64_t delivered = 480;
        delivered += clock.silenceDue(t + 110ms, 48000);                // zeros for [t+10, t+110)
        QCOMPARE(delivered, std::uint64_t(480 + 4800));
        // The burst: 15 packets of 10 ms for [t+10, t+160), all arriving at t+160ms.
        for (int i = 0; i < 15; ++i) {
            const auto start = t + 10ms + i * 10ms;
            delivered += 480 - clock.onPacket(t + 160ms, start, 480);
        }
        // Frames handed on == wall time covered (160 ms), not 260 ms.
        QCOMPARE(delivered, std::uint64_t(48 * 160));
        QCOMPARE(clock.silenceDue(t + 170ms, 48000), std::uint64_t(0));
    }

    void silenceClockBoundsALongStall()
    {
        SilenceClock clock(60ms);
        const auto t = SilenceClock::Clock::time_point{} + 1s;
        clock.reset(44100, t);
        QCOMPARE(clock.silenceDue(t + 30s, 4410), std::uint64_t(4410));
        // Re-anchored at the stall's end: the backlog is dropped, not chased.
        QCOMPARE(clock.silenceDue(t + 30s + 20ms, 44100), std::uint64_t(882));
        QCOMPARE(clock.silenceDue(t + 30s + 100ms, 44100), std::uint64_t(3528));
    }
};

QTEST_GUILESS_MAIN(TestWasapiFormat)
#include "tst_wasapiformat.moc"
