#pragma once

#include "core/bandlayout.h"
#include "spectrumscene.h"

#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>

#include <vector>

class QPainter;

namespace spectray::gui {

// The window's frequency labels and dB grid. Both depend only on the band layout, the view's size
// and the style, so they are drawn once into an image when one of those changes and the views copy
// that image over every picture: no text is laid out and nothing is allocated per frame.
class AxisOverlay final
{
public:
    struct Label
    {
        double x = 0.0; // centre of the text, view pixels
        QString text;
    };
    struct GridLine
    {
        double y = 0.0; // view pixels
        double db = 0.0; // 0 at the auto-gain reference, negative below
    };

    void setLayout(const BandLayout &layout);
    // Redraws the image if anything it depends on changed; otherwise only compares.
    void refresh(QSize size, qreal dpr, const QRectF &plot, const SceneStyle &style);
    // ARGB32 premultiplied, the raster engine's own format (no conversion when QPainter draws it; GL
    // takes it as BGRA 8_8_8_8_REV); null when nothing is shown.
    const QImage &image() const { return m_image; }
    quint64 generation() const { return m_generation; }
    // The parts of the image that hold anything (view pixels, never overlapping): the views copy
    // only these, so the overlay costs a strip and a few lines per picture, not a whole window.
    const std::vector<QRectF> &regions() const { return m_regions; }
    static constexpr int kMaxRegions = 128; // strip + (line + label) x 2 sides x (90 dB / 5 dB steps)

    // Every label this layout gets across x0..x1, before labels that would overlap are dropped:
    // octave layouts named on the R10 series (styles.json) label each band at its centre with its
    // nominal name; any other layout gets round frequencies at their log position inside their band.
    static std::vector<Label> frequencyLabels(const BandLayout &layout, double x0, double x1);
    // The grid lines of a db layout in the plot (the style's kind decides: mirrored bars grow both
    // ways from the middle, the spectrogram has no level axis); empty in linear amplitude.
    static std::vector<GridLine> gridLines(const BandLayout &layout, const QRectF &plot, SceneStyle::Kind kind);

private:
    void draw(const QRectF &plot);
    void drawLabels(QPainter &p, const QRectF &plot);
    void drawGrid(QPainter &p, const QRectF &plot);

    BandLayout m_layout;
    bool m_dirty = true;
    QSize m_size;
    qreal m_dpr = 1.0;
    QRectF m_plot;
    bool m_axis = false;
    bool m_grid = false;
    SceneStyle::Kind m_kind = SceneStyle::Kind::Bars;
    QImage m_image;
    std::vector<QRectF> m_regions;
    quint64 m_generation = 0;
};

} // namespace spectray::gui
