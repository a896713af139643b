#include "wireformat.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace spectray::wire {

// Written by hand rather than through QJsonDocument: this runs once per frame on the hot path and
// the object is flat integers, so a direct append is several times cheaper and fully predictable.
QByteArray frameJson(const SpectrumFrame &frame)
{
    QByteArray out;
    out.reserve(96 + frame.bands.size() * 5);
    out += R"({"type":"frame","seq":)";
    out += QByteArray::number(frame.sequence);
    out += R"(,"t":)";
    out += QByteArray::number(frame.streamTime, 'f', 6);
    if (frame.wallClockMs != 0) {
        out += R"(,"ts":)";
        out += QByteArray::number(frame.wallClockMs);
    }
    out += R"(,"frequencies":[)";
    for (qsizetype i = 0; i < frame.bands.size(); ++i) {
        if (i != 0)
            out += ',';
        out += QByteArray::number(frame.bands[i]);
    }
    out += R"(],"bass":)";
    out += QByteArray::number(frame.bass);
    out += R"(,"level":)";
    out += QByteArray::number(frame.level);
    out += R"(,"scale":)";
    out += QByteArray::number(frame.scale);
    out += '}';
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
