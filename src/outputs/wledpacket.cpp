#include "outputs/wledpacket.h"

#include <QtEndian>

#include <cstring>

namespace spectray::outputs {

namespace {
void putFloat(char *p, float v)
{
    quint32 bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    qToLittleEndian<quint32>(bits, p);
}
} // namespace

void encodeWledPacket(const WledPacketFields &fields, WledPacket &out)
{
    out.fill(0);
    char *p = out.data();
    std::memcpy(p + wledoffset::header, kWledHeader, sizeof kWledHeader);
    putFloat(p + wledoffset::sampleRaw, fields.sampleRaw);
    putFloat(p + wledoffset::sampleSmth, fields.sampleSmth);
    p[wledoffset::samplePeak] = char(fields.samplePeak);
    p[wledoffset::frameCounter] = char(fields.frameCounter);
    for (int i = 0; i < 16; ++i)
        p[wledoffset::fftResult + i] = char(fields.fftResult[std::size_t(i)]);
    qToLittleEndian<quint16>(fields.zeroCrossings, p + wledoffset::zeroCrossings);
    putFloat(p + wledoffset::fftMagnitude, fields.fftMagnitude);
    putFloat(p + wledoffset::fftMajorPeak, fields.fftMajorPeak);
}

} // namespace spectray::outputs
