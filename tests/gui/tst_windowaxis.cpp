// The window's frequency axis and dB grid on Xvfb, read back from the rendered picture: labels are
// centred where the standard formulas put their frequencies, grid lines sit every 10 dB of range_db,
// and with both off (the default) nothing is drawn. Registered with OpenGL and with the QPainter
// fallback (SPECTRAY_NO_GL=1).
#include "gui/spectrumwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace spectray;
using spectray::gui::SceneStyle;
using spectray::gui::SpectrumWindow;

namespace {
// The window's geometry as documented in spectrumscene.h: a margin all round, the label strip
// under the bands when the axis is on.
constexpr int kMargin = 6;
constexpr int kStrip = 16;
constexpr int kHeight = 300;

// Geometric edges, lo..hi in n bands (the log layout's definition).
BandLayout logLayout(double lo, double hi, int n, const QString &amplitude, double rangeDb)
{
    BandLayout l;
    for (int i = 0; i <= n; ++i)
        l.edgesHz << lo * std::pow(hi / lo, double(i) / n);
    l.fps = 1000;
    l.amplitude = amplitude;
    l.rangeDb = rangeDb;
    l.layout = QStringLiteral("log");
    return l;
}

// The 31 one-third-octave bands 20 Hz..20 kHz: exact centres 1000 * 10^(x/10) (IEC 61260-1 base 10,
// G = 10^0.3, b = 3), edges at centre * 10^(+-1/20), named by the standard's nominal frequencies.
BandLayout thirdOctaveLayout()
{
    static const char *const nominal[] = { "20", "25", "31.5", "40", "50", "63", "80", "100", "125", "160", "200",
        "250", "315", "400", "500", "630", "800", "1k", "1.25k", "1.6k", "2k", "2.5k", "3.15k", "4k", "5k", "6.3k",
        "8k", "10k", "12.5k", "16k", "20k" };
    BandLayout l;
    for (int x = -17; x <= 13; ++x) {
        const double fc = 1000.0 * std::pow(10.0, x / 10.0);
        if (l.edgesHz.isEmpty())
            l.edgesHz << fc * std::pow(10.0, -1.0 / 20.0);
        l.edgesHz << fc * std::pow(10.0, 1.0 / 20.0);
        l.centresHz << fc;
        l.labels << QString::fromLatin1(nominal[x + 17]);
    }
    l.fps = 1000;
    l.amplitude = QStringLiteral("db");
    l.rangeDb = 65;
    l.layout = QStringLiteral("octave");
    l.bandsPerOctave = 3;
    return l;
}

int diff(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
}

// Centres of the runs of columns in rows y0..y1 that hold anything but the background; runs closer
// than 4 px are one label (the gaps between a label's glyphs).
QList<double> inkRuns(const QImage &img, int y0, int y1, int x0, int x1, QRgb bg)
{
    QList<double> centres;
    int first = -1, last = -100;
    for (int x = x0; x < x1; ++x) {
        bool ink = false;
        for (int y = y0; y <= y1 && !ink; ++y)
            ink = diff(img.pixel(x, y), bg) > 60;
        if (!ink)
            continue;
        if (x - last > 4) {
            if (first >= 0)
                centres << (first + last) / 2.0;
            first = x;
        }
        last = x;
    }
    if (first >= 0)
        centres << (first + last) / 2.0;
    return centres;
}
} // namespace

class TestWindowAxis : public QObject
{
    Q_OBJECT

    std::unique_ptr<SpectrumWindow> m_w;
    QRgb m_bg = 0;

    void setUpWindow(int width, const BandLayout &layout, bool axis, bool grid)
    {
        m_w = std::make_unique<SpectrumWindow>();
        m_w->setSceneStyle(style(axis, grid));
        m_w->setBandLayout(layout); // no status: a new window shows frames as they come
        m_w->setFixedSize(width, kHeight);
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
    }

    static SceneStyle style(bool axis, bool grid)
    {
        SceneStyle s;
        s.kind = SceneStyle::Kind::Bars;
        s.meter = SceneStyle::Meter::None;
        s.bassPulse = false;
        s.opacity = 1.0;
        s.axis = axis;
        s.dbGrid = grid;
        return s;
    }

    QImage picture()
    {
        QTest::qWait(100);
        const QImage img = m_w->grabImage().convertToFormat(QImage::Format_RGB32);
        m_bg = img.pixel(1, 1); // the margin: background only
        // Kept for a look by eye: build/tests/gui/windowaxis-<test>-<gl|painter>.png
        img.save(QStringLiteral(SPECTRAY_TEST_OUTPUT_DIR "/windowaxis-%1-%2.png")
                     .arg(QString::fromLatin1(QTest::currentTestFunction()),
                         m_w->usesOpenGl() ? QStringLiteral("gl") : QStringLiteral("painter")));
        return img;
    }

private slots:
    void init() { m_w.reset(); }

    // Log layout 25 Hz..16 kHz: 50, 100 ... 10k at x0 + w * log(f / 25) / log(16000 / 25).
    void labelsAtLogPositions()
    {
        const int width = 800;
        setUpWindow(width, logLayout(25, 16000, 32, QStringLiteral("db"), 60), true, false);
        const QImage img = picture();
        const double x0 = kMargin, x1 = width - kMargin, bottom = kHeight - kMargin - kStrip;
        QCOMPARE(m_w->plotArea(), QRectF(QPointF(x0, kMargin), QPointF(x1, bottom)));
        const QList<double> runs = inkRuns(img, int(bottom) + 1, kHeight - 2, 0, width, m_bg);
        const QList<double> hz { 50, 100, 200, 500, 1000, 2000, 5000, 10000 };
        QCOMPARE(runs.size(), hz.size());
        for (int i = 0; i < hz.size(); ++i) {
            const double expected = x0 + (x1 - x0) * std::log(hz[i] / 25.0) / std::log(16000.0 / 25.0);
            QVERIFY2(std::abs(runs[i] - expected) <= 3.0,
                qPrintable(
                    QStringLiteral("%1 Hz: label centred at %2, expected %3").arg(hz[i]).arg(runs[i]).arg(expected)));
        }
        // 1 kHz in particular: log position between 25 Hz and 16 kHz (57.1 % of the width).
        QVERIFY(std::abs(runs[4] - (x0 + 0.5708 * (x1 - x0))) <= 3.0);
        // Nothing of the axis inside the plot when the grid is off.
        QCOMPARE(inkRuns(img, kMargin, int(bottom) - 1, 0, width, m_bg).size(), 0);
    }

    // The 31-band third-octave layout: each nominal label under its own band's centre.
    void thirdOctaveNominalLabels()
    {
        const int width = 1300;
        setUpWindow(width, thirdOctaveLayout(), true, false);
        const QImage img = picture();
        const double x0 = kMargin, x1 = width - kMargin, bottom = kHeight - kMargin - kStrip;
        const QList<double> runs = inkRuns(img, int(bottom) + 1, kHeight - 2, 0, width, m_bg);
        QCOMPARE(runs.size(), 31);
        const double slot = (x1 - x0) / 31.0;
        for (int i = 0; i < 31; ++i)
            QVERIFY2(std::abs(runs[i] - (x0 + slot * (i + 0.5))) <= 3.0, qPrintable(QString::number(i)));
    }

    // db amplitude, range 60: lines at 0, -10 ... -50 dB, i.e. (60 - 10 k) / 60 of the plot's height
    // above its bottom, each with its label at the left; nothing between the lines.
    void gridEveryTenDb()
    {
        const int width = 600;
        setUpWindow(width, logLayout(25, 16000, 32, QStringLiteral("db"), 60), false, true);
        const QImage img = picture();
        const double top = kMargin, bottom = kHeight - kMargin; // no label strip: the axis is off
        const int probeX = width - kMargin - 20;
        for (int k = 0; k < 6; ++k) {
            const double y = bottom - (60.0 - 10.0 * k) / 60.0 * (bottom - top);
            bool found = false;
            for (int row = int(std::floor(y)) - 1; row <= int(std::floor(y)) + 1; ++row)
                found = found || diff(img.pixel(probeX, row), m_bg) > 40;
            QVERIFY2(found, qPrintable(QStringLiteral("no grid line at y=%1 (-%2 dB)").arg(y).arg(10 * k)));
            const double between = y + (bottom - top) / 12.0; // halfway to the next line down
            QVERIFY2(diff(img.pixel(probeX, int(between)), m_bg) <= 10, qPrintable(QString::number(between)));
            // The label: text pixels left of the line, within half a step of it.
            const QList<double> label = inkRuns(img, int(y) - 5, int(y) + 5, kMargin, kMargin + 40, m_bg);
            QVERIFY2(!label.isEmpty(), qPrintable(QStringLiteral("no label for -%1 dB").arg(10 * k)));
        }
        QVERIFY(diff(img.pixel(probeX, kHeight - 2), m_bg) <= 10); // no strip, no labels under the plot
    }

    // Off by default, and the grid only in db amplitude: nothing is drawn then.
    void nothingWhenOff_data()
    {
        QTest::addColumn<bool>("axis");
        QTest::addColumn<bool>("grid");
        QTest::addColumn<QString>("amplitude");
        QTest::newRow("defaults") << SceneStyle {}.axis << SceneStyle {}.dbGrid << QStringLiteral("db");
        QTest::newRow("grid in linear") << false << true << QStringLiteral("linear");
    }

    void nothingWhenOff()
    {
        QFETCH(bool, axis);
        QFETCH(bool, grid);
        QFETCH(QString, amplitude);
        QVERIFY(!axis);
        setUpWindow(600, logLayout(25, 16000, 32, amplitude, amplitude == u"db" ? 60 : 0), axis, grid);
        const QImage img = picture();
        int drawn = 0;
        for (int y = 0; y < img.height(); ++y) {
            for (int x = 0; x < img.width(); ++x)
                drawn += diff(img.pixel(x, y), m_bg) > 10 ? 1 : 0;
        }
        QCOMPARE(drawn, 0);
    }

    // Toggling live, and frames do not redraw the axis picture (it is cached per layout and size).
    void cachedAcrossFrames()
    {
        setUpWindow(600, logLayout(25, 16000, 32, QStringLiteral("db"), 60), false, false);
        m_w->setSceneStyle(style(true, true));
        const quint64 generation = m_w->overlayGeneration();
        SpectrumFrame f;
        f.scale = 1000;
        QElapsedTimer clock;
        clock.start();
        const int paintsBefore = m_w->paintCount();
        for (int i = 0; i < 60; ++i) {
            f.bands = spectray::BandValues(32, qint16(200 + 10 * (i % 20)));
            f.sequence = quint64(i);
            m_w->onFrame(f);
            QTest::qWait(5);
        }
        QCOMPARE(m_w->overlayGeneration(), generation);
        QVERIFY(m_w->paintCount() > paintsBefore);
        qInfo("%d paints in %lld ms with the axis and grid on", m_w->paintCount() - paintsBefore,
            qint64(clock.elapsed()));
        m_w->resize(640, kHeight); // fixed size: nothing changes
        m_w->setFixedSize(700, kHeight);
        QTRY_VERIFY(m_w->overlayGeneration() != generation);
    }

    // The figure for the docs: the median time to render one picture (grabbed, so it is drawn now)
    // of two windows side by side, axis and grid off and on, grabbed in turn so that a loaded
    // machine slows both alike (the overlay adds one textured draw or a few drawImage rectangles).
    void paintCost()
    {
        setUpWindow(800, logLayout(25, 16000, 32, QStringLiteral("db"), 60), false, false);
        SpectrumWindow on;
        on.setSceneStyle(style(true, true));
        on.setBandLayout(logLayout(25, 16000, 32, QStringLiteral("db"), 60));
        on.setFixedSize(800, kHeight);
        on.show();
        QVERIFY(QTest::qWaitForWindowExposed(&on));
        std::vector<double> offUs, onUs;
        QElapsedTimer t;
        for (int i = 0; i < 100; ++i) {
            for (auto [w, out] : { std::pair { m_w.get(), &offUs }, std::pair { &on, &onUs } }) {
                t.start();
                (void)w->grabImage();
                out->push_back(double(t.nsecsElapsed()) / 1000.0);
            }
        }
        const auto median = [](std::vector<double> &v) {
            std::nth_element(v.begin(), v.begin() + ptrdiff_t(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        qInfo("rendering 800x300, median of 100: %.0f us a picture with the axis and grid off, %.0f us on (%s)",
            median(offUs), median(onUs), m_w->usesOpenGl() ? "OpenGL" : "QPainter");
    }
};

QTEST_MAIN(TestWindowAxis)
#include "tst_windowaxis.moc"
