#include "axisoverlay.h"

#include "core/styledefs.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace spectray::gui {

namespace {
constexpr double kLabelGapPx = 6.0; // least space between two frequency labels
constexpr double kFontPx = 10.0;
const QColor kTextColour(201, 209, 224, 210); // the web client's axis colour
const QColor kGridColour(255, 255, 255, 46);

QString frequencyText(double hz)
{
    return hz >= 1000.0 ? QString::number(hz / 1000.0) + u'k' : QString::number(hz);
}

QString dbText(double db)
{
    // The unit once, on the reference line; a real minus sign below it.
    if (db == 0.0)
        return QCoreApplication::translate("spectray::gui::AxisOverlay", "%1 dB").arg(0);
    return QChar(0x2212) + QString::number(-db);
}
} // namespace

void AxisOverlay::setLayout(const BandLayout &layout)
{
    if (layout.edgesHz == m_layout.edgesHz && layout.labels == m_layout.labels
        && layout.bandsPerOctave == m_layout.bandsPerOctave && layout.amplitude == m_layout.amplitude
        && layout.rangeDb == m_layout.rangeDb)
        return;
    m_layout = layout;
    m_dirty = true;
}

void AxisOverlay::refresh(QSize size, qreal dpr, const QRectF &plot, const SceneStyle &style)
{
    if (!m_dirty && size == m_size && dpr == m_dpr && plot == m_plot && style.axis == m_axis && style.dbGrid == m_grid
        && style.kind == m_kind)
        return;
    m_dirty = false;
    m_size = size;
    m_dpr = dpr;
    m_plot = plot;
    m_axis = style.axis;
    m_grid = style.dbGrid;
    m_kind = style.kind;
    draw(plot);
    ++m_generation;
}

std::vector<AxisOverlay::Label> AxisOverlay::frequencyLabels(const BandLayout &layout, double x0, double x1)
{
    std::vector<Label> out;
    const int n = layout.bandCount();
    if (n == 0 || x1 <= x0)
        return out;
    const double slot = (x1 - x0) / n;
    const StyleDefs &defs = StyleDefs::shared();
    if (layout.labels.size() == n && defs.axisNominalBandsPerOctave.contains(layout.bandsPerOctave)) {
        for (int i = 0; i < n; ++i)
            out.push_back({ x0 + slot * (i + 0.5), layout.labels[i] });
        return out;
    }
    // Bands are drawn in equal slots, so a frequency sits at its log position inside its own band.
    const QList<double> &e = layout.edgesHz;
    for (double f : defs.axisHz) {
        if (f < e.front() || f > e.back())
            continue;
        int i = 0;
        while (i < n - 1 && f > e[i + 1])
            ++i;
        const bool usable = e[i] > 0.0 && e[i + 1] > e[i];
        const double inside = usable ? std::log(f / e[i]) / std::log(e[i + 1] / e[i]) : 0.5;
        out.push_back({ x0 + slot * (i + inside), frequencyText(f) });
    }
    return out;
}

std::vector<AxisOverlay::GridLine> AxisOverlay::gridLines(
    const BandLayout &layout, const QRectF &plot, SceneStyle::Kind kind)
{
    std::vector<GridLine> out;
    const double range = layout.rangeDb;
    if (layout.amplitude != u"db" || !(range > 0.0) || kind == SceneStyle::Kind::Spectrogram || plot.isEmpty())
        return out;
    const double step = StyleDefs::shared().gridStepDb;
    // A band reads (dB - (ref - range)) / range: the line k steps below the reference is at that value.
    for (int k = 0; k * step < range - 1e-9; ++k) {
        const double v = 1.0 - k * step / range;
        if (kind == SceneStyle::Kind::Mirrored) {
            const double mid = plot.center().y(), half = plot.height() / 2.0;
            out.push_back({ mid - v * half, -k * step });
            out.push_back({ mid + v * half, -k * step });
        } else {
            out.push_back({ plot.bottom() - v * plot.height(), -k * step });
        }
    }
    return out;
}

void AxisOverlay::draw(const QRectF &plot)
{
    m_regions.clear();
    const bool labels = m_axis && m_layout.bandCount() > 0;
    const bool grid = m_grid && m_layout.amplitude == u"db";
    if ((!labels && !grid) || m_size.isEmpty()) {
        m_image = QImage();
        return;
    }
    const QSize pixels = (QSizeF(m_size) * m_dpr).toSize();
    if (m_image.size() != pixels)
        m_image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(m_dpr);
    m_image.fill(Qt::transparent);
    QPainter p(&m_image);
    QFont font = p.font();
    font.setPixelSize(int(kFontPx));
    p.setFont(font);
    if (grid)
        drawGrid(p, plot);
    if (labels)
        drawLabels(p, plot);
}

void AxisOverlay::drawLabels(QPainter &p, const QRectF &plot)
{
    const QFontMetricsF fm(p.font());
    const double top = plot.bottom(), height = SpectrumScene::kAxisStripPx;
    double lastRight = -1e9;
    p.setPen(kTextColour);
    for (const Label &l : frequencyLabels(m_layout, plot.left(), plot.right())) {
        const double w = fm.horizontalAdvance(l.text);
        // Labels never leave the window, and one that would touch its left neighbour is dropped.
        const double left = std::clamp(l.x - w / 2.0, 0.0, double(m_size.width()) - w);
        if (left < lastRight + kLabelGapPx)
            continue;
        lastRight = left + w;
        p.drawText(QRectF(left, top, w, height), Qt::AlignCenter, l.text);
    }
    m_regions.push_back(QRectF(0.0, top, m_size.width(), height));
}

void AxisOverlay::drawGrid(QPainter &p, const QRectF &plot)
{
    const std::vector<GridLine> lines = gridLines(m_layout, plot, m_kind);
    if (lines.empty())
        return;
    const QFontMetricsF fm(p.font());
    const double step = StyleDefs::shared().gridStepDb;
    const double spacing = plot.height() / (m_kind == SceneStyle::Kind::Mirrored ? 2.0 : 1.0) * step / m_layout.rangeDb;
    if (spacing < 3.0)
        return; // denser than that the lines are a grey wash, not a scale
    // Labels on every line when they fit between lines, else on every other one (0, -20, -40 ...).
    const double textH = std::ceil(fm.height()) + 2.0;
    const int labelEvery = spacing >= textH ? 1 : spacing * 2 >= textH ? 2 : 0;
    const auto labelled
        = [&](const GridLine &g) { return labelEvery > 0 && int(std::lround(-g.db / step)) % labelEvery == 0; };
    double labelW = 0.0;
    for (const GridLine &g : lines)
        labelW = labelled(g) ? std::max(labelW, std::ceil(fm.horizontalAdvance(dbText(g.db))) + 3.0) : labelW;
    // Every line starts right of the label column, so the regions the views copy never overlap
    // (an overlapping region would be blended twice).
    const double lineLeft = plot.left() + labelW;
    const size_t firstLabel = m_regions.size();
    for (const GridLine &g : lines) {
        const double row = std::floor(g.y);
        p.setPen(kGridColour);
        p.drawLine(QPointF(lineLeft, row + 0.5), QPointF(plot.right(), row + 0.5));
        m_regions.push_back(QRectF(lineLeft, row, plot.right() - lineLeft, 1.0));
        if (!labelled(g))
            continue;
        const QRectF box = QRectF(plot.left(), std::round(g.y - textH / 2.0), labelW, textH)
                               .intersected(QRectF(0.0, 0.0, m_size.width(), plot.bottom()));
        // Mirrored bars bring the two halves' lowest lines together in the middle: one label there.
        const auto overlaps = [&box](const QRectF &r) { return r.intersects(box); };
        if (std::any_of(m_regions.begin() + ptrdiff_t(firstLabel), m_regions.end(), overlaps))
            continue;
        p.setPen(kTextColour);
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, dbText(g.db));
        m_regions.push_back(box);
    }
}

} // namespace spectray::gui
