#pragma once

// A WLED Audio Sync v2 receiver written from the protocol (WLED usermods/audioreactive,
// receiveAudioData()/decodeAudioData()), not from Spectray's encoder: it accepts a datagram only if
// it is exactly sizeof(audioSyncPacket) == 44 bytes and its first 6 bytes are "00002\0", then reads
// the struct in place as the ESP32 does. On top of WLED's rules it checks the frame counter (byte 17)
// goes up by one per packet, modulo 256.

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <cstdint>
#include <cstring>
#include <vector>

namespace spectray::testwled {

struct AudioSyncPacket // audioSyncPacket, not packed: natural alignment gives the offsets
{
    char header[6];
    float sampleRaw;
    float sampleSmth;
    uint8_t samplePeak;
    uint8_t reserved1; // frame counter
    uint8_t fftResult[16];
    float FFT_Magnitude;
    float FFT_MajorPeak;
};
static_assert(sizeof(AudioSyncPacket) == 44);

struct Received
{
    AudioSyncPacket packet;
    qint64 atMs;
};

class Receiver final
{
public:
    explicit Receiver(const QHostAddress &bindTo = QHostAddress::LocalHost)
    {
        m_socket.bind(bindTo, 0);
        QObject::connect(&m_socket, &QUdpSocket::readyRead, &m_socket, [this] { drain(); });
        m_clock.start();
    }
    quint16 port() const { return m_socket.localPort(); }
    void close() { m_socket.close(); }
    void drain()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_socket.receiveDatagram();
            const QByteArray data = d.data();
            if (data.size() != int(sizeof(AudioSyncPacket)) || std::strncmp(data.constData(), "00002", 6) != 0) {
                ++rejected;
                continue;
            }
            Received r;
            std::memcpy(&r.packet, data.constData(), sizeof r.packet);
            r.atMs = m_clock.elapsed();
            if (!packets.empty() && uint8_t(packets.back().packet.reserved1 + 1) != r.packet.reserved1)
                ++counterBreaks;
            packets.push_back(r);
        }
    }
    int countBetween(qint64 fromMs, qint64 toMs) const
    {
        int n = 0;
        for (const Received &r : packets)
            n += (r.atMs >= fromMs && r.atMs < toMs) ? 1 : 0;
        return n;
    }
    qint64 now() const { return m_clock.elapsed(); }

    std::vector<Received> packets;
    int rejected = 0;
    int counterBreaks = 0;

private:
    QUdpSocket m_socket;
    QElapsedTimer m_clock;
};

inline bool allZero(const AudioSyncPacket &p)
{
    for (uint8_t v : p.fftResult)
        if (v != 0)
            return false;
    return p.sampleRaw == 0.0f && p.sampleSmth == 0.0f && p.samplePeak == 0 && p.FFT_Magnitude == 0.0f;
}

inline int loudest(const AudioSyncPacket &p)
{
    int best = 0;
    for (int i = 1; i < 16; ++i)
        if (p.fftResult[i] > p.fftResult[best])
            best = i;
    return best;
}

} // namespace spectray::testwled
