// The real window on Xvfb (xcb + llvmpipe): pixels, repaint economy. Registered twice: with OpenGL
// and with SPECTRAY_NO_GL=1 (the QPainter fallback).
#include "core/enginestatus.h"
#include "gui/spectrumwindow.h"

#include <QApplication>
#include <QTest>

using namespace spectray;
using spectray::gui::SceneStyle;
using spectray::gui::SpectrumWindow;

namespace {
constexpr int kMargin = 6;
constexpr int kSlot = 100;   // 4 bands x 100 px
constexpr int kHeight = 200; // drawable height

SpectrumFrame frame(const QList<qint16> &bands)
{
    SpectrumFrame f;
    f.bands.assign(bands.begin(), bands.end());
    f.scale = 1000;
    return f;
}

bool lit(QRgb p)
{
    return qRed(p) + qGreen(p) + qBlue(p) > 150;
}

// First and last lit row in column x, or {-1, -1}.
QPair<int, int> litSpan(const QImage &img, int x)
{
    int top = -1, bottom = -1;
    for (int y = 0; y < img.height(); ++y) {
        if (lit(img.pixel(x, y))) {
            if (top < 0)
                top = y;
            bottom = y;
        }
    }
    return {top, bottom};
}

EngineStatus running()
{
    EngineStatus s;
    s.state = EngineStatus::State::Running;
    return s;
}
} // namespace

class TestSpectrumWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<SpectrumWindow> m_w;

    void setUpWindow(SceneStyle::Kind kind)
    {
        m_w = std::make_unique<SpectrumWindow>();
        SceneStyle style;
        style.kind = kind;
        style.meter = SceneStyle::Meter::None;
        style.bassPulse = false;
        style.opacity = 1.0;
        m_w->setSceneStyle(style);
        gui::SpectrumAnimator::Params p;
        p.attackMs = 0;
        p.releaseMs = 0;
        p.peaks = false;
        m_w->setAnimationParams(p);
        BandLayout layout;
        layout.fps = 1000; // 1 ms interpolation: the test looks at the settled picture
        m_w->setBandLayout(layout);
        m_w->setStatus(running());
        m_w->setFixedSize(2 * kMargin + 4 * kSlot, 2 * kMargin + kHeight);
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
    }

    QImage settledImage()
    {
        if (!QTest::qWaitFor([this] { return !m_w->isAnimating(); }, 3000))
            qWarning("window still animating after 3 s");
        QTest::qWait(50);
        return m_w->grabImage();
    }

private slots:
    void init()
    {
        m_w.reset();
    }

    void usesTheExpectedRenderer()
    {
        setUpWindow(SceneStyle::Kind::Bars);
        QCOMPARE(m_w->usesOpenGl(), qEnvironmentVariableIntValue("SPECTRAY_NO_GL") != 1);
    }

    void barHeights_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("bars") << int(SceneStyle::Kind::Bars);
        QTest::newRow("mirrored") << int(SceneStyle::Kind::Mirrored);
        QTest::newRow("curve") << int(SceneStyle::Kind::Curve);
        QTest::newRow("led") << int(SceneStyle::Kind::Led);
    }

    void barHeights()
    {
        QFETCH(int, kind);
        setUpWindow(SceneStyle::Kind(kind));
        const QList<qint16> values{250, 500, 750, 1000};
        m_w->onFrame(frame(values));
        const QImage img = settledImage();
        QCOMPARE(img.width(), 2 * kMargin + 4 * kSlot);
        const int bottom = kMargin + kHeight; // first row below the drawable area
        const int mid = kMargin + kHeight / 2;
        for (int i = 0; i < values.size(); ++i) {
            const int x = kMargin + i * kSlot + kSlot / 2;
            const int h = values[i] * kHeight / 1000;
            const auto [top, last] = litSpan(img, x);
            const QString where = QStringLiteral("band %1: lit %2..%3, expected height %4").arg(i).arg(top).arg(last).arg(h);
            switch (SceneStyle::Kind(kind)) {
            case SceneStyle::Kind::Bars:
            case SceneStyle::Kind::Curve:
                QVERIFY2(qAbs(top - (bottom - h)) <= 2, qPrintable(where));
                QVERIFY2(qAbs(last - (bottom - 1)) <= 1, qPrintable(where));
                break;
            case SceneStyle::Kind::Led:
                // The top segment may be in its gap: within one LED pitch below the bar's top.
                QVERIFY2(top >= bottom - h - 1 && top <= bottom - h + 7, qPrintable(where));
                QVERIFY2(qAbs(last - (bottom - 1)) <= 1, qPrintable(where));
                break;
            case SceneStyle::Kind::Mirrored:
                QVERIFY2(qAbs(top - (mid - h / 2)) <= 2, qPrintable(where));
                QVERIFY2(qAbs(last - (mid + h / 2 - 1)) <= 2, qPrintable(where));
                break;
            case SceneStyle::Kind::Spectrogram: // not a bar style: spectrogramUsesViridis()
                break;
            }
            // Between bars (slot gap) nothing is lit except for the curve.
            if (SceneStyle::Kind(kind) != SceneStyle::Kind::Curve)
                QVERIFY(litSpan(img, kMargin + i * kSlot + 2).first < 0);
        }
    }

    void spectrogramUsesViridis()
    {
        // The newest row (top) shows each band in the viridis map; endpoints from the published map
        // (van der Walt & Smith, matplotlib): 0 = #440154, full scale = #fde725.
        setUpWindow(SceneStyle::Kind::Spectrogram);
        m_w->onFrame(frame({0, 1000, 0, 1000}));
        const QImage img = settledImage();
        const int y = kMargin + 1;
        const QRgb low = img.pixel(kMargin + kSlot / 2, y), high = img.pixel(kMargin + kSlot + kSlot / 2, y);
        const auto near = [](QRgb p, int r, int g, int b) {
            return qAbs(qRed(p) - r) <= 6 && qAbs(qGreen(p) - g) <= 6 && qAbs(qBlue(p) - b) <= 6;
        };
        QVERIFY2(near(low, 0x44, 0x01, 0x54), qPrintable(QColor(low).name()));
        QVERIFY2(near(high, 0xfd, 0xe7, 0x25), qPrintable(QColor(high).name()));
        QCOMPARE(SceneStyle::kindFromId(QStringLiteral("spectrogram")), SceneStyle::Kind::Spectrogram);
    }

    void noRepaintWhileSettledOrStopped()
    {
        setUpWindow(SceneStyle::Kind::Bars);
        m_w->onFrame(frame({500, 500, 500, 500}));
        QVERIFY(m_w->isAnimating());
        settledImage();
        QVERIFY(!m_w->isAnimating());
        int paints = m_w->paintCount();
        QTest::qWait(400);
        QCOMPARE(m_w->paintCount(), paints); // nothing changed: nothing drawn

        EngineStatus stopped;
        stopped.state = EngineStatus::State::Stopped;
        m_w->setStatus(stopped);
        QVERIFY(m_w->isAnimating()); // the bars fall to zero first
        const QImage empty = settledImage();
        QCOMPARE(litSpan(empty, kMargin + kSlot / 2).first, -1);
        paints = m_w->paintCount();
        for (int i = 0; i < 10; ++i) { // a late frame after stop changes nothing
            m_w->onFrame(frame({900, 900, 900, 900}));
            QTest::qWait(30);
        }
        QVERIFY(!m_w->isAnimating());
        QCOMPARE(m_w->paintCount(), paints);
    }

    void rendersAtDisplayRateWhileFramesFlow()
    {
        setUpWindow(SceneStyle::Kind::Bars);
        gui::SpectrumAnimator::Params p;
        p.releaseMs = 300;
        m_w->setAnimationParams(p);
        BandLayout layout;
        layout.fps = 20;
        m_w->setBandLayout(layout);
        const int before = m_w->paintCount();
        for (int i = 0; i < 10; ++i) { // 20 data frames/s for 0.5 s
            m_w->onFrame(frame({qint16(i % 2 ? 900 : 100), 500, 300, 700}));
            QTest::qWait(50);
        }
        const int paints = m_w->paintCount() - before;
        // At ~60 Hz we expect ~30 paints for 10 data frames; the bound only says "more than one per frame".
        QVERIFY2(paints > 15, qPrintable(QString::number(paints)));
        QVERIFY2(paints < 80, qPrintable(QString::number(paints)));
    }

    void hiddenWindowDoesNotAnimate()
    {
        setUpWindow(SceneStyle::Kind::Bars);
        m_w->hide();
        m_w->onFrame(frame({500, 500, 500, 500}));
        QVERIFY(!m_w->isAnimating());
        m_w->show();
        QVERIFY(m_w->isAnimating());
    }

    void alwaysOnTopAndClickThroughToggle()
    {
        setUpWindow(SceneStyle::Kind::Bars);
        QVERIFY(m_w->alwaysOnTop());
        m_w->setAlwaysOnTop(false);
        QVERIFY(!m_w->alwaysOnTop());
        QVERIFY(m_w->isVisible());
        m_w->setClickThrough(true);
        QVERIFY(m_w->clickThrough());
        QVERIFY(m_w->isVisible());
        m_w->setClickThrough(false);
        QVERIFY(!m_w->clickThrough());
    }

    void dragMovesAndEdgeResizes()
    {
        setUpWindow(SceneStyle::Kind::Bars);
        m_w->setMinimumSize(50, 30);
        m_w->setMaximumSize(2000, 2000);
        const QPoint start = m_w->pos();
        QTest::mousePress(m_w.get(), Qt::LeftButton, {}, QPoint(100, 100));
        QMouseEvent move(QEvent::MouseMove, QPointF(130, 120), m_w->mapToGlobal(QPointF(130, 120)), Qt::NoButton,
                         Qt::LeftButton, {});
        QApplication::sendEvent(m_w.get(), &move);
        QTest::mouseRelease(m_w.get(), Qt::LeftButton, {}, QPoint(130, 120));
        QTRY_COMPARE(m_w->pos(), start + QPoint(30, 20));

        const QSize size = m_w->size();
        const QPoint corner(size.width() - 2, size.height() - 2);
        QTest::mousePress(m_w.get(), Qt::LeftButton, {}, corner);
        QMouseEvent drag(QEvent::MouseMove, QPointF(corner + QPoint(40, 30)),
                         m_w->mapToGlobal(QPointF(corner + QPoint(40, 30))), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(m_w.get(), &drag);
        QTest::mouseRelease(m_w.get(), Qt::LeftButton, {}, corner + QPoint(40, 30));
        QTRY_COMPARE(m_w->size(), size + QSize(40, 30));
    }
};

QTEST_MAIN(TestSpectrumWindow)
#include "tst_spectrumwindow.moc"
