#include "styledefs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace spectray {

QByteArray StyleDefs::json()
{
    static const QByteArray bytes = [] {
        QFile f(QStringLiteral(":/spectray/styles.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    return bytes;
}

const StyleDefs &StyleDefs::shared()
{
    static const StyleDefs defs = parse(json());
    return defs;
}

StyleDefs StyleDefs::parse(const QByteArray &json)
{
    StyleDefs d;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    for (const QJsonValue v : o.value(QStringLiteral("styles")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString id = s.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            continue;
        d.allStyles << id;
        if (s.value(QStringLiteral("desktop")).toBool())
            d.desktopStyles << id;
    }
    if (d.desktopStyles.isEmpty()) // a broken file must not leave the window without a style
        d.desktopStyles = d.allStyles = { QStringLiteral("bars") };
    const QJsonObject b = o.value(QStringLiteral("ballistics")).toObject();
    d.attackMs = b.value(QStringLiteral("attack_ms")).toDouble(d.attackMs);
    d.releaseMs = b.value(QStringLiteral("release_ms")).toDouble(d.releaseMs);
    d.peakHoldMs = b.value(QStringLiteral("peak_hold_ms")).toDouble(d.peakHoldMs);
    d.peakFallMs = b.value(QStringLiteral("peak_fall_ms")).toDouble(d.peakFallMs);
    const QJsonObject g = o.value(QStringLiteral("geometry")).toObject();
    d.ledPitchPx = float(g.value(QStringLiteral("led_pitch_px")).toDouble(d.ledPitchPx));
    d.capPx = float(g.value(QStringLiteral("cap_px")).toDouble(d.capPx));
    parseColour(o.value(QStringLiteral("background")).toString(), &d.background);
    d.pulseStrength = float(o.value(QStringLiteral("pulse_strength")).toDouble(d.pulseStrength));
    for (const QJsonValue v : o.value(QStringLiteral("themes")).toArray()) {
        const QJsonObject t = v.toObject();
        Theme theme { t.value(QStringLiteral("id")).toString(), {} };
        if (parseColour(t.value(QStringLiteral("accent")).toString(), &theme.accent))
            d.themes << theme;
    }
    const QJsonObject cm = o.value(QStringLiteral("colormap")).toObject();
    for (const QJsonValue v : cm.value(QStringLiteral("stops")).toArray()) {
        Rgb c;
        if (parseColour(v.toString(), &c))
            d.colormap << c;
    }
    if (d.colormap.size() < 2)
        d.colormap = { Rgb { 0, 0, 0 }, Rgb { 1, 1, 1 } };
    d.spectrogramRows = std::clamp(o.value(QStringLiteral("spectrogram_rows")).toInt(d.spectrogramRows), 8, 256);
    const QJsonObject axis = o.value(QStringLiteral("axis")).toObject();
    for (const QJsonValue v : axis.value(QStringLiteral("hz")).toArray()) {
        if (v.toDouble() > 0.0)
            d.axisHz << v.toDouble();
    }
    for (const QJsonValue v : axis.value(QStringLiteral("nominal_bands_per_octave")).toArray())
        d.axisNominalBandsPerOctave << v.toInt();
    // At least 5 dB: 90 dB of range is then 18 lines, which AxisOverlay::kMaxRegions has room for.
    d.gridStepDb = std::clamp(axis.value(QStringLiteral("grid_step_db")).toDouble(d.gridStepDb), 5.0, 40.0);
    return d;
}

void StyleDefs::colormapAt(float f, float out[3]) const
{
    const float x = std::clamp(f, 0.0f, 1.0f) * float(colormap.size() - 1);
    const int i = std::min(int(x), int(colormap.size()) - 2);
    const float t = x - float(i);
    const Rgb &a = colormap[i];
    const Rgb &b = colormap[i + 1];
    out[0] = a.r + (b.r - a.r) * t;
    out[1] = a.g + (b.g - a.g) * t;
    out[2] = a.b + (b.b - a.b) * t;
}

bool StyleDefs::parseColour(const QString &hex, Rgb *out)
{
    if (hex.size() != 7 || !hex.startsWith(u'#'))
        return false;
    bool ok = false;
    const uint v = hex.mid(1).toUInt(&ok, 16);
    if (!ok)
        return false;
    *out = Rgb { float((v >> 16) & 0xff) / 255.0f, float((v >> 8) & 0xff) / 255.0f, float(v & 0xff) / 255.0f };
    return true;
}

} // namespace spectray
