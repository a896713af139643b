// The placement rules on made-up monitor layouts: a saved window comes back fully visible on its
// monitor or, when that one is gone, on the primary one; the docked strip's rectangle; and the
// _NET_WM_STRUT_PARTIAL values, worked out by hand from the EWMH specification (struts are
// measured from the edges of the root window, which spans every monitor).
#include "gui/dock/placement.h"

#include <QTest>

using namespace spectray;
using namespace spectray::gui::dock;

namespace {

// Two monitors side by side: a 1920x1080 primary at the origin and a 1280x1024 one to its right,
// each with a 30 px panel at the bottom.
QList<ScreenInfo> twoMonitors()
{
    return {
        { QStringLiteral("DP-1"), QRect(0, 0, 1920, 1080), QRect(0, 0, 1920, 1050), true },
        { QStringLiteral("HDMI-1"), QRect(1920, 0, 1280, 1024), QRect(1920, 0, 1280, 994), false },
    };
}

bool fullyInside(const QRect &r, const QRect &area)
{
    return area.contains(r.topLeft()) && area.contains(r.bottomRight());
}

} // namespace

class TestPlacement final : public QObject
{
    Q_OBJECT

private slots:
    void keepsAPositionOnAMonitorThatExists()
    {
        const QRect saved(2000, 100, 480, 140);
        QCOMPARE(placeWindow(saved, QStringLiteral("HDMI-1"), twoMonitors(), QSize(480, 140)), saved);
    }

    void bringsAWindowFromAMissingMonitorToThePrimary()
    {
        // Saved on a third monitor (right of HDMI-1) that is unplugged now.
        const QRect saved(3500, 900, 480, 140);
        const QRect placed = placeWindow(saved, QStringLiteral("DP-2"), twoMonitors(), QSize(480, 140));
        QCOMPARE(placed.size(), QSize(480, 140));
        QVERIFY(fullyInside(placed, QRect(0, 0, 1920, 1050)));
        // Clamped toward where it was: the primary's right edge, its y kept.
        QCOMPARE(placed, QRect(1920 - 480, 900, 480, 140));
    }

    void primaryIsChosenNotTheFirstListed()
    {
        QList<ScreenInfo> screens = twoMonitors();
        screens[0].primary = false;
        screens[1].primary = true;
        const QRect placed = placeWindow(QRect(-3000, -50, 300, 100), QStringLiteral("gone"), screens, QSize());
        QCOMPARE(placed, QRect(1920, 0, 300, 100));
    }

    void shrinksAWindowLargerThanTheMonitor()
    {
        const QRect placed = placeWindow(QRect(100, 100, 4000, 2000), QStringLiteral("HDMI-1"), twoMonitors(), QSize());
        QCOMPARE(placed, QRect(1920, 0, 1280, 994));
    }

    void partlyOffItsMonitorIsPulledBackIn()
    {
        // On DP-1 but hanging below its panel (the monitor became smaller).
        const QRect placed = placeWindow(QRect(-40, 1000, 480, 140), QStringLiteral("DP-1"), twoMonitors(), QSize());
        QCOMPARE(placed, QRect(0, 1050 - 140, 480, 140));
    }

    void nothingSavedCentresTheDefaultSize()
    {
        const QRect placed = placeWindow(QRect(), QString(), twoMonitors(), QSize(480, 140));
        QCOMPARE(placed, QRect(720, 455, 480, 140)); // (1920-480)/2, (1050-140)/2
    }

    void noScreensKeepsTheSavedRectangle()
    {
        QCOMPARE(placeWindow(QRect(5, 6, 70, 80), QStringLiteral("x"), {}, QSize()), QRect(5, 6, 70, 80));
    }

    void dockRectangles()
    {
        const QRect hdmi(1920, 0, 1280, 1024);
        QCOMPARE(dockRect(DockEdge::Top, hdmi, 0, 64), QRect(1920, 0, 1280, 64));
        QCOMPARE(dockRect(DockEdge::Bottom, hdmi, 0, 64), QRect(1920, 960, 1280, 64));
        QCOMPARE(dockRect(DockEdge::Left, hdmi, 0, 80), QRect(1920, 0, 80, 1024));
        QCOMPARE(dockRect(DockEdge::Right, hdmi, 0, 80), QRect(3120, 0, 80, 1024));
        // A set length, centred along the edge.
        QCOMPARE(dockRect(DockEdge::Top, hdmi, 640, 48), QRect(2240, 0, 640, 48));
        QCOMPARE(dockRect(DockEdge::Right, hdmi, 512, 48), QRect(3152, 256, 48, 512));
        // Longer than the edge: the whole edge; thicker than half the monitor: half.
        QCOMPARE(dockRect(DockEdge::Bottom, hdmi, 5000, 900), QRect(1920, 512, 1280, 512));
        QVERIFY(!dockRect(DockEdge::Off, hdmi, 0, 64).isValid());
    }

    void strutsOnASingleMonitor()
    {
        const QList<QRect> one { QRect(0, 0, 1280, 1024) };
        // left, right, top, bottom, left_start_y, left_end_y, right_start_y, right_end_y,
        // top_start_x, top_end_x, bottom_start_x, bottom_end_x (end values inclusive).
        QCOMPARE(*strutPartial(DockEdge::Top, QRect(0, 0, 1280, 64), one),
            (StrutPartial { 0, 0, 64, 0, 0, 0, 0, 0, 0, 1279, 0, 0 }));
        QCOMPARE(*strutPartial(DockEdge::Bottom, QRect(0, 960, 1280, 64), one),
            (StrutPartial { 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 1279 }));
        QCOMPARE(*strutPartial(DockEdge::Left, QRect(0, 256, 80, 512), one),
            (StrutPartial { 80, 0, 0, 0, 256, 767, 0, 0, 0, 0, 0, 0 }));
        QCOMPARE(*strutPartial(DockEdge::Right, QRect(1200, 0, 80, 1024), one),
            (StrutPartial { 0, 80, 0, 0, 0, 0, 0, 1023, 0, 0, 0, 0 }));
        QVERIFY(!strutPartial(DockEdge::Off, QRect(0, 0, 10, 10), one));
    }

    void strutsAcrossTwoMonitors()
    {
        const QList<QRect> two { QRect(0, 0, 1920, 1080), QRect(1920, 0, 1280, 1024) };
        // Root is 3200x1080. The bottom of the right monitor is 56 px above the root's bottom, so
        // its 64 px bar reserves 120 px from the root's edge, over the right monitor's x range.
        QCOMPARE(*strutPartial(DockEdge::Bottom, QRect(1920, 960, 1280, 64), two),
            (StrutPartial { 0, 0, 0, 120, 0, 0, 0, 0, 0, 0, 1920, 3199 }));
        // The outer right edge of the right monitor: 80 px from the root's right edge.
        QCOMPARE(*strutPartial(DockEdge::Right, QRect(3120, 0, 80, 1024), two),
            (StrutPartial { 0, 80, 0, 0, 0, 0, 0, 1023, 0, 0, 0, 0 }));
        // The left monitor's right edge is an inner edge: reserving it would take the whole right
        // monitor's rows too, so it cannot be expressed.
        QVERIFY(!strutPartial(DockEdge::Right, QRect(1840, 0, 80, 1080), two));
        QVERIFY(!strutPartial(DockEdge::Left, QRect(1920, 0, 80, 1024), two));
        // Tops are both on the root's top edge.
        QCOMPARE(*strutPartial(DockEdge::Top, QRect(1920, 0, 1280, 48), two),
            (StrutPartial { 0, 0, 48, 0, 0, 0, 0, 0, 1920, 3199, 0, 0 }));
    }

    void stackedMonitorsMakeTheMiddleEdgeInner()
    {
        const QList<QRect> stacked { QRect(0, 0, 1920, 1080), QRect(0, 1080, 1920, 1080) };
        QVERIFY(!strutPartial(DockEdge::Bottom, QRect(0, 1016, 1920, 64), stacked));
        QCOMPARE(*strutPartial(DockEdge::Bottom, QRect(0, 2096, 1920, 64), stacked),
            (StrutPartial { 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 1919 }));
    }

    void rectText()
    {
        QCOMPARE(rectToText(QRect(-10, 20, 300, 40)), QStringLiteral("-10,20,300,40"));
        QCOMPARE(rectFromText(QStringLiteral("-10,20,300,40")), QRect(-10, 20, 300, 40));
        QVERIFY(!rectFromText(QStringLiteral("AdnQywADAAAAAAA=")).isValid()); // an old saveGeometry blob
        QVERIFY(!rectFromText(QStringLiteral("1,2,0,4")).isValid());
        QVERIFY(!rectFromText(QString()).isValid());
    }
};

QTEST_GUILESS_MAIN(TestPlacement)
#include "tst_placement.moc"
