#pragma once

#include <QColor>
#include <QRectF>
#include <QSize>
#include <QString>

#include <vector>

namespace spectray::gui {

class SpectrumAnimator;

// How the window draws; chosen in settings, applied live.
struct SceneStyle
{
    enum class Kind { Bars, Mirrored, Curve, Led, Spectrogram };
    enum class Meter { None, Bar, Needle };

    Kind kind = Kind::Bars;
    Meter meter = Meter::Bar;
    bool bassPulse = true;
    QColor accent{0x29, 0xb6, 0xf6};
    double opacity = 0.85; // background alpha; the bars stay opaque
    bool axis = false;     // frequency labels under the bands (AxisOverlay)
    bool dbGrid = false;   // a line every 10 dB (AxisOverlay; db amplitude only)

    static Kind kindFromId(const QString &id);
    static Meter meterFromId(const QString &id);
};

// Turns the animator's state into triangles (pixel coordinates, origin top-left), one list for the
// whole picture so the GL view draws it in a single call. Vertex = x, y, r, g, b, a, seg, where seg
// is the LED segment coordinate (segments from the bar's bottom) or -1 where nothing is cut out.
// The buffer is reserved once for the largest band count; building never allocates after that.
class SpectrumScene final
{
public:
    static constexpr int kFloatsPerVertex = 7;
    static constexpr int kMaxBands = 256;
    static constexpr float kLedPitchPx = 6.0f; // one segment + gap (resources/styles.json)
    static constexpr float kMarginPx = 6.0f;
    static constexpr int kMaxSpectrogramRows = 64; // bounds the vertex buffer: rows x bands quads
    static constexpr float kAxisStripPx = 16.0f;   // room for the frequency labels under the bands

    // Where the bands and the meter go in a view of this size (meter empty when there is none);
    // the axis overlay labels the same plot rectangle.
    struct Areas
    {
        QRectF plot;
        QRectF meter;
    };
    Areas areas(QSize size) const;

    SpectrumScene();

    void setStyle(const SceneStyle &style);
    const SceneStyle &style() const { return m_style; }
    // Background colour (premultiplied-free RGBA, 0..1) including the bass pulse tint.
    void background(float rgba[4], float bass) const;
    void build(const SpectrumAnimator &anim, QSize size);
    // The spectrogram's time axis: one history row per frame shown (values normalised 0..1 of
    // `scale`, newest at the top), so it scrolls with the music's time whatever the paint rate;
    // build() only draws the rows. `bands` null = a silent row.
    void pushHistory(const qint16 *bands, int count, int scale);
    int historyRowsPushed() const { return m_historyPushed; } // for tests

    const std::vector<float> &vertices() const { return m_vertices; }
    int vertexCount() const { return int(m_vertices.size()) / kFloatsPerVertex; }
    static int maxVertexCount();

private:
    void quad(float x0, float y0, float x1, float y1, float fBottom, float fTop, float alpha, bool led);
    void trapezoid(float x0, float yTop0, float x1, float yTop1, float yBottom, float f0, float f1);
    void colourAt(float f, float out[3]) const;
    void buildMeter(float level, float x0, float y0, float x1, float y1);
    void buildSpectrogram(int n, float x0, float y0, float x1, float y1);
    void cell(float x0, float y0, float x1, float y1, const float rgb[3]);

    SceneStyle m_style;
    float m_low[3]{}, m_mid[3]{}, m_high[3]{};
    std::vector<float> m_vertices;
    // Spectrogram history: a ring of rows x kMaxBands values, one row per frame shown.
    std::vector<float> m_history;
    int m_historyRows = 0;
    int m_historyNext = 0;
    int m_historyBands = 0;
    int m_historyPushed = 0;
};

} // namespace spectray::gui
