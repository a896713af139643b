#include "spectrumscene.h"

#include "spectrumanimator.h"

#include "core/styledefs.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace spectray::gui {

SceneStyle::Kind SceneStyle::kindFromId(const QString &id)
{
    if (id == u"mirrored")
        return Kind::Mirrored;
    if (id == u"curve")
        return Kind::Curve;
    if (id == u"led")
        return Kind::Led;
    if (id == u"spectrogram")
        return Kind::Spectrogram;
    return Kind::Bars;
}

SceneStyle::Meter SceneStyle::meterFromId(const QString &id)
{
    if (id == u"none")
        return Meter::None;
    if (id == u"needle")
        return Meter::Needle;
    return Meter::Bar;
}

SpectrumScene::SpectrumScene()
    : m_historyRows(std::min(StyleDefs::shared().spectrogramRows, kMaxSpectrogramRows))
{
    m_history.assign(size_t(m_historyRows) * kMaxBands, 0.0f);
    m_vertices.reserve(size_t(maxVertexCount()) * kFloatsPerVertex);
    setStyle(m_style);
}

int SpectrumScene::maxVertexCount()
{
    // Per band: bar + two caps (mirrored) + one curve segment, or one cell per spectrogram row;
    // plus the edges and the meter.
    return kMaxBands * 6 * std::max(4, kMaxSpectrogramRows) + 6 * 8;
}

void SpectrumScene::setStyle(const SceneStyle &style)
{
    m_style = style;
    const QColor a = style.accent.isValid() ? style.accent : QColor(0x29, 0xb6, 0xf6);
    const QColor low = a.darker(180);
    m_low[0] = float(low.redF()), m_low[1] = float(low.greenF()), m_low[2] = float(low.blueF());
    m_mid[0] = float(a.redF()), m_mid[1] = float(a.greenF()), m_mid[2] = float(a.blueF());
    for (int i = 0; i < 3; ++i)
        m_high[i] = m_mid[i] + (1.0f - m_mid[i]) * 0.55f;
}

void SpectrumScene::background(float rgba[4], float bass) const
{
    const float pulse = m_style.bassPulse ? StyleDefs::shared().pulseStrength * std::clamp(bass, 0.0f, 1.0f) : 0.0f;
    const StyleDefs::Rgb &bg = StyleDefs::shared().background;
    const float base[3] = {bg.r, bg.g, bg.b};
    for (int i = 0; i < 3; ++i)
        rgba[i] = base[i] + (m_mid[i] - base[i]) * pulse;
    rgba[3] = float(m_style.opacity);
}

void SpectrumScene::colourAt(float f, float out[3]) const
{
    f = std::clamp(f, 0.0f, 1.0f);
    const float *a = f < 0.5f ? m_low : m_mid;
    const float *b = f < 0.5f ? m_mid : m_high;
    const float t = f < 0.5f ? f * 2.0f : (f - 0.5f) * 2.0f;
    for (int i = 0; i < 3; ++i)
        out[i] = a[i] + (b[i] - a[i]) * t;
}

void SpectrumScene::quad(float x0, float y0, float x1, float y1, float fBottom, float fTop, float alpha, bool led)
{
    // y0 is the top edge, y1 the bottom one (pixels, y grows downwards).
    float cb[3], ct[3];
    colourAt(fBottom, cb);
    colourAt(fTop, ct);
    const float segTop = led ? (y1 - y0) / kLedPitchPx : -1.0f;
    const float segBottom = led ? 0.0f : -1.0f;
    const float v[4][7] = {
        {x0, y1, cb[0], cb[1], cb[2], alpha, segBottom},
        {x1, y1, cb[0], cb[1], cb[2], alpha, segBottom},
        {x1, y0, ct[0], ct[1], ct[2], alpha, segTop},
        {x0, y0, ct[0], ct[1], ct[2], alpha, segTop},
    };
    for (int idx : {0, 1, 2, 0, 2, 3})
        m_vertices.insert(m_vertices.end(), v[idx], v[idx] + kFloatsPerVertex);
}

void SpectrumScene::trapezoid(float x0, float yTop0, float x1, float yTop1, float yBottom, float f0, float f1)
{
    float cb[3], c0[3], c1[3];
    colourAt(0.0f, cb);
    colourAt(f0, c0);
    colourAt(f1, c1);
    const float v[4][7] = {
        {x0, yBottom, cb[0], cb[1], cb[2], 1.0f, -1.0f},
        {x1, yBottom, cb[0], cb[1], cb[2], 1.0f, -1.0f},
        {x1, yTop1, c1[0], c1[1], c1[2], 1.0f, -1.0f},
        {x0, yTop0, c0[0], c0[1], c0[2], 1.0f, -1.0f},
    };
    for (int idx : {0, 1, 2, 0, 2, 3})
        m_vertices.insert(m_vertices.end(), v[idx], v[idx] + kFloatsPerVertex);
}

void SpectrumScene::buildMeter(float level, float x0, float y0, float x1, float y1)
{
    const float h = y1 - y0;
    if (m_style.meter == SceneStyle::Meter::Bar) {
        quad(x0, y0, x1, y1, 0.0f, 0.0f, 0.25f, false); // track
        quad(x0, y1 - level * h, x1, y1, 0.0f, level, 1.0f, false);
        return;
    }
    // Needle: a thin quad turning about the bottom centre, -60..+60 degrees.
    const float cx = (x0 + x1) * 0.5f, cy = y1;
    const float len = std::min(h, (x1 - x0)) * 0.95f;
    const float angle = float((-60.0 + 120.0 * double(level)) * std::numbers::pi / 180.0);
    const float dx = std::sin(angle), dy = -std::cos(angle);
    const float w = 1.5f;
    float c[3];
    colourAt(0.5f + level * 0.5f, c);
    const float tipX = cx + dx * len, tipY = cy + dy * len;
    const float v[4][7] = {
        {cx - dy * w, cy + dx * w, c[0], c[1], c[2], 1.0f, -1.0f},
        {cx + dy * w, cy - dx * w, c[0], c[1], c[2], 1.0f, -1.0f},
        {tipX + dy * w, tipY - dx * w, c[0], c[1], c[2], 1.0f, -1.0f},
        {tipX - dy * w, tipY + dx * w, c[0], c[1], c[2], 1.0f, -1.0f},
    };
    quad(x0, y1 - 3.0f, x1, y1, 0.0f, 0.0f, 0.4f, false); // base line
    for (int idx : {0, 1, 2, 0, 2, 3})
        m_vertices.insert(m_vertices.end(), v[idx], v[idx] + kFloatsPerVertex);
}

void SpectrumScene::cell(float x0, float y0, float x1, float y1, const float rgb[3])
{
    const float v[4][7] = {
        {x0, y1, rgb[0], rgb[1], rgb[2], 1.0f, -1.0f},
        {x1, y1, rgb[0], rgb[1], rgb[2], 1.0f, -1.0f},
        {x1, y0, rgb[0], rgb[1], rgb[2], 1.0f, -1.0f},
        {x0, y0, rgb[0], rgb[1], rgb[2], 1.0f, -1.0f},
    };
    for (int idx : {0, 1, 2, 0, 2, 3})
        m_vertices.insert(m_vertices.end(), v[idx], v[idx] + kFloatsPerVertex);
}

void SpectrumScene::pushHistory(const qint16 *bands, int count, int scale)
{
    const int n = std::min(count, kMaxBands);
    if (n != m_historyBands) {
        std::fill(m_history.begin(), m_history.end(), 0.0f);
        m_historyBands = n;
    }
    float *row = m_history.data() + ptrdiff_t(m_historyNext) * kMaxBands;
    for (int i = 0; i < n; ++i)
        row[i] = bands && scale > 0 ? std::clamp(float(bands[i]) / float(scale), 0.0f, 1.0f) : 0.0f;
    m_historyNext = (m_historyNext + 1) % m_historyRows;
    ++m_historyPushed;
}

void SpectrumScene::buildSpectrogram(int n, float x0, float y0, float x1, float y1)
{
    // Waterfall: frequency across, the newest row at the top, older rows flowing down; colours from
    // the shared perceptually uniform map, so equal steps in level look like equal steps in colour.
    // Rows come from pushHistory(), one per frame: painting more often than frames arrive (or
    // less) does not change how fast it scrolls.
    if (n != m_historyBands)
        return; // no frame of this layout yet
    const StyleDefs &defs = StyleDefs::shared();
    const float colW = (x1 - x0) / float(n), rowH = (y1 - y0) / float(m_historyRows);
    float rgb[3];
    for (int age = 0; age < m_historyRows; ++age) {
        const int row = (m_historyNext - 1 - age + 2 * m_historyRows) % m_historyRows;
        const float *r = m_history.data() + ptrdiff_t(row) * kMaxBands;
        const float top = y0 + rowH * float(age);
        for (int i = 0; i < n; ++i) {
            defs.colormapAt(r[i], rgb);
            cell(x0 + colW * float(i), top, x0 + colW * float(i + 1), top + rowH, rgb);
        }
    }
}

SpectrumScene::Areas SpectrumScene::areas(QSize size) const
{
    const float m = kMarginPx;
    float x1 = float(size.width()) - m;
    const float x0 = m, y0 = m, y1 = float(size.height()) - m;
    Areas a;
    if (m_style.meter != SceneStyle::Meter::None) {
        const float meterW = m_style.meter == SceneStyle::Meter::Needle ? std::min(64.0f, (y1 - y0) * 1.2f) : 14.0f;
        if (x1 - x0 > meterW * 3) {
            a.meter = QRectF(QPointF(x1 - meterW, y0), QPointF(x1, y1));
            x1 -= meterW + m;
        }
    }
    // The labels sit under the bands only: the meter keeps its full height.
    const float bottom = m_style.axis && y1 - y0 > 3 * kAxisStripPx ? y1 - kAxisStripPx : y1;
    a.plot = QRectF(QPointF(x0, y0), QPointF(x1, bottom));
    return a;
}

void SpectrumScene::build(const SpectrumAnimator &anim, QSize size)
{
    m_vertices.clear(); // keeps capacity
    const Areas a = areas(size);
    if (!a.meter.isEmpty())
        buildMeter(anim.level(), float(a.meter.left()), float(a.meter.top()), float(a.meter.right()),
                   float(a.meter.bottom()));
    const float x0 = float(a.plot.left()), x1 = float(a.plot.right());
    const float y0 = float(a.plot.top()), y1 = float(a.plot.bottom());
    const int n = std::min(anim.bandCount(), kMaxBands);
    if (n == 0 || x1 <= x0 || y1 <= y0)
        return;
    const float slot = (x1 - x0) / float(n);
    const float barW = std::max(1.0f, slot * (n > 64 ? 0.9f : 0.78f));
    const float h = y1 - y0;
    const auto &values = anim.values();
    const auto &peaks = anim.peaks();
    const bool showPeaks = anim.params().peaks;
    const float cap = 3.0f;

    switch (m_style.kind) {
    case SceneStyle::Kind::Spectrogram:
        buildSpectrogram(n, x0, y0, x1, y1);
        break;
    case SceneStyle::Kind::Bars:
    case SceneStyle::Kind::Led: {
        const bool led = m_style.kind == SceneStyle::Kind::Led;
        for (int i = 0; i < n; ++i) {
            const float v = values[size_t(i)];
            const float bx = x0 + slot * float(i) + (slot - barW) * 0.5f;
            if (v > 0.0f)
                quad(bx, y1 - v * h, bx + barW, y1, 0.0f, v, 1.0f, led);
            const float p = peaks[size_t(i)];
            if (showPeaks && p > 0.0f)
                quad(bx, y1 - p * h - cap, bx + barW, y1 - p * h, p, p, 1.0f, false);
        }
        break;
    }
    case SceneStyle::Kind::Mirrored: {
        const float mid = (y0 + y1) * 0.5f, half = h * 0.5f;
        for (int i = 0; i < n; ++i) {
            const float v = values[size_t(i)];
            const float bx = x0 + slot * float(i) + (slot - barW) * 0.5f;
            if (v > 0.0f) {
                quad(bx, mid - v * half, bx + barW, mid, 0.0f, v, 1.0f, false);
                quad(bx, mid, bx + barW, mid + v * half, v, 0.0f, 1.0f, false);
            }
            const float p = peaks[size_t(i)];
            if (showPeaks && p > 0.0f) {
                quad(bx, mid - p * half - cap, bx + barW, mid - p * half, p, p, 1.0f, false);
                quad(bx, mid + p * half, bx + barW, mid + p * half + cap, p, p, 1.0f, false);
            }
        }
        break;
    }
    case SceneStyle::Kind::Curve: {
        float px = x0, pv = values[0];
        for (int i = 0; i <= n; ++i) {
            const float cx = i < n ? x0 + slot * (float(i) + 0.5f) : x1;
            const float cv = i < n ? values[size_t(i)] : values[size_t(n - 1)];
            trapezoid(px, y1 - pv * h, cx, y1 - cv * h, y1, pv, cv);
            px = cx;
            pv = cv;
        }
        for (int i = 0; showPeaks && i < n; ++i) {
            const float p = peaks[size_t(i)];
            const float cx = x0 + slot * (float(i) + 0.5f);
            if (p > values[size_t(i)] + 0.01f)
                quad(cx - 2.0f, y1 - p * h - 2.0f, cx + 2.0f, y1 - p * h + 2.0f, p, p, 1.0f, false);
        }
        break;
    }
    }
}

} // namespace spectray::gui
