// The docked strip under a window manager that honours struts (openbox, started by
// run-under-xvfb.sh --wm): for each edge the strip is a dock window with _NET_WM_STRUT_PARTIAL (read
// back with xprop, not with our own code), a maximised client window stops at it, and undocking
// gives the space back. Also one real run of the geometry restore, and the README screenshots.
#include "core/enginestatus.h"
#include "gui/dock/windowdocker.h"
#include "gui/spectrumwindow.h"

#include <QApplication>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QScreen>
#include <QTest>

#include <cmath>

using namespace spectray;
using spectray::gui::SpectrumWindow;
namespace dock = spectray::gui::dock;

Q_DECLARE_METATYPE(spectray::DockEdge)

namespace {

constexpr int kThickness = 64;
constexpr int kWaitMs = 10000; // hang guard; the window manager answers in ~50 ms here

// One property of a window as xprop prints it (independent of the code under test).
QString xprop(WId window, const char *property)
{
    QProcess p;
    p.start(QStringLiteral("xprop"), { QStringLiteral("-id"), QString::number(window), QString::fromLatin1(property) });
    if (!p.waitForFinished(5000))
        return {};
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

QList<int> cardinals(const QString &xpropLine)
{
    QList<int> values;
    const qsizetype eq = xpropLine.indexOf(u'=');
    if (eq < 0)
        return values;
    for (const QString &v : xpropLine.mid(eq + 1).split(u',', Qt::SkipEmptyParts))
        values.append(v.trimmed().toInt());
    return values;
}

// A spectrum that looks like music: falling with frequency, with a few peaks.
SpectrumFrame musicLikeFrame(int bands)
{
    SpectrumFrame f;
    f.scale = 1000;
    f.level = 600;
    f.bass = 700;
    for (int i = 0; i < bands; ++i) {
        const double x = double(i) / bands;
        const double v = 0.85 - 0.55 * x + 0.18 * std::sin(x * 19.0) + 0.08 * std::cos(x * 47.0);
        f.bands.append(qint16(std::clamp(v, 0.05, 1.0) * 1000));
    }
    return f;
}

} // namespace

class TestDock final : public QObject
{
    Q_OBJECT

    QRect m_screen;

    static void feed(SpectrumWindow &w)
    {
        EngineStatus running;
        running.state = EngineStatus::State::Running;
        w.setStatus(running);
        BandLayout layout;
        layout.fps = 1000;
        w.setBandLayout(layout);
        for (int i = 0; i < 3; ++i)
            w.onFrame(musicLikeFrame(48));
    }

    // A maximised ordinary window, as a user's editor or browser would be.
    static std::unique_ptr<QWidget> maximisedClient()
    {
        auto client = std::make_unique<QLabel>(QStringLiteral("A maximised window stops at the strip"));
        client->setAlignment(Qt::AlignCenter);
        client->setStyleSheet(QStringLiteral("background: #eceff1; color: #263238; font-size: 28px;"));
        client->setWindowTitle(QStringLiteral("Maximised window"));
        client->showMaximized();
        if (!QTest::qWaitForWindowExposed(client.get(), kWaitMs))
            return nullptr;
        return client;
    }

    static QRect expectedBar(DockEdge edge, const QRect &screen)
    {
        switch (edge) {
        case DockEdge::Top:
            return { screen.left(), screen.top(), screen.width(), kThickness };
        case DockEdge::Bottom:
            return { screen.left(), screen.bottom() - kThickness + 1, screen.width(), kThickness };
        case DockEdge::Left:
            return { screen.left(), screen.top(), kThickness, screen.height() };
        default:
            return { screen.right() - kThickness + 1, screen.top(), kThickness, screen.height() };
        }
    }

    // The work area a maximised client must fill: the screen minus the bar's side.
    static QRect workArea(DockEdge edge, const QRect &screen)
    {
        QRect r = screen;
        switch (edge) {
        case DockEdge::Top:
            r.setTop(screen.top() + kThickness);
            break;
        case DockEdge::Bottom:
            r.setBottom(screen.bottom() - kThickness);
            break;
        case DockEdge::Left:
            r.setLeft(screen.left() + kThickness);
            break;
        case DockEdge::Right:
            r.setRight(screen.right() - kThickness);
            break;
        case DockEdge::Off:
            break;
        }
        return r;
    }

private slots:
    void initTestCase()
    {
        if (QGuiApplication::platformName() != u"xcb")
            QSKIP("needs X11 (run through run-under-xvfb.sh --wm)");
        if (xprop(0, "").isEmpty() && QProcess::execute(QStringLiteral("xprop"), { QStringLiteral("-version") }) != 0)
            QSKIP("xprop is not installed (x11-utils)");
        m_screen = QGuiApplication::primaryScreen()->geometry();
    }

    void edgeIsReserved_data()
    {
        QTest::addColumn<DockEdge>("edge");
        QTest::newRow("top") << DockEdge::Top;
        QTest::newRow("bottom") << DockEdge::Bottom;
        QTest::newRow("left") << DockEdge::Left;
        QTest::newRow("right") << DockEdge::Right;
    }

    void edgeIsReserved()
    {
        QFETCH(DockEdge, edge);
        SpectrumWindow bar;
        bar.setGeometry(200, 200, 480, 140);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar, kWaitMs));
        QTest::qWait(100); // the window manager may still place the new window
        const QRect floating = bar.geometry();
        bar.docker().setSpec(dock::DockSpec { edge, QString(), 0, kThickness });
        QVERIFY(QTest::qWaitForWindowExposed(&bar, kWaitMs));
        const QRect expected = expectedBar(edge, m_screen);
        QTRY_COMPARE_WITH_TIMEOUT(bar.geometry(), expected, kWaitMs);
        QVERIFY2(bar.docker().limitation().isEmpty(), qPrintable(bar.docker().limitation()));

        // What the window manager reads, as xprop shows it.
        QVERIFY2(xprop(bar.winId(), "_NET_WM_WINDOW_TYPE").contains(u"_NET_WM_WINDOW_TYPE_DOCK"),
            qPrintable(xprop(bar.winId(), "_NET_WM_WINDOW_TYPE")));
        const QList<int> strut = cardinals(xprop(bar.winId(), "_NET_WM_STRUT_PARTIAL"));
        QCOMPARE(strut.size(), 12);
        const int side = edge == DockEdge::Left ? 0 : edge == DockEdge::Right ? 1 : edge == DockEdge::Top ? 2 : 3;
        QCOMPARE(strut.at(side), kThickness);

        std::unique_ptr<QWidget> client = maximisedClient();
        QVERIFY(client);
        const QRect area = workArea(edge, m_screen);
        QTRY_COMPARE_WITH_TIMEOUT(client->frameGeometry(), area, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(bar.geometry(), expected, kWaitMs); // the strip stays where it belongs
        QVERIFY(!client->frameGeometry().intersects(bar.geometry()));
        qInfo("%s: strip %dx%d at %d,%d; maximised client %dx%d at %d,%d", QTest::currentDataTag(), bar.width(),
            bar.height(), bar.x(), bar.y(), client->frameGeometry().width(), client->frameGeometry().height(),
            client->frameGeometry().x(), client->frameGeometry().y());

        // Undocked: an ordinary window again, and the space goes back to the maximised client.
        bar.docker().setSpec(dock::DockSpec {});
        QVERIFY(QTest::qWaitForWindowExposed(&bar, kWaitMs));
        QTRY_COMPARE_WITH_TIMEOUT(bar.geometry(), floating, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(xprop(bar.winId(), "_NET_WM_STRUT_PARTIAL").contains(u"not found"), kWaitMs);
        QVERIFY(!xprop(bar.winId(), "_NET_WM_WINDOW_TYPE").contains(u"_NET_WM_WINDOW_TYPE_DOCK"));
        QTRY_COMPARE_WITH_TIMEOUT(client->frameGeometry(), m_screen, kWaitMs);
    }

    void clickThroughKeepsTheReservation()
    {
        // Click-through recreates the native window; the new one must be a dock with struts too.
        SpectrumWindow bar;
        bar.docker().setSpec(dock::DockSpec { DockEdge::Top, QString(), 0, kThickness });
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar, kWaitMs));
        bar.setClickThrough(true);
        QVERIFY(QTest::qWaitForWindowExposed(&bar, kWaitMs));
        QVERIFY(bar.clickThrough());
        QVERIFY(xprop(bar.winId(), "_NET_WM_WINDOW_TYPE").contains(u"_NET_WM_WINDOW_TYPE_DOCK"));
        QCOMPARE(cardinals(xprop(bar.winId(), "_NET_WM_STRUT_PARTIAL")).value(2), kThickness);
        std::unique_ptr<QWidget> client = maximisedClient();
        QVERIFY(client);
        QTRY_COMPARE_WITH_TIMEOUT(client->frameGeometry(), workArea(DockEdge::Top, m_screen), kWaitMs);
    }

    void savedOnAMissingMonitorComesBackOnThePrimary()
    {
        // The same call DesktopApp makes at start, with the real screen list of this X server.
        const QRect placed = dock::placeWindow(
            QRect(4200, 3000, 480, 140), QStringLiteral("GONE-1"), dock::currentScreens(), QSize(480, 140));
        SpectrumWindow w;
        w.setGeometry(placed);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w, kWaitMs));
        const QRect avail = QGuiApplication::primaryScreen()->availableGeometry();
        QTRY_VERIFY_WITH_TIMEOUT(avail.contains(w.frameGeometry()), kWaitMs);
        QCOMPARE(w.size(), QSize(480, 140));
        QCOMPARE(dock::screenNameAt(w.geometry()), QGuiApplication::primaryScreen()->name());
    }

    void screenshots_data()
    {
        QTest::addColumn<DockEdge>("edge");
        QTest::newRow("top") << DockEdge::Top;
        QTest::newRow("bottom") << DockEdge::Bottom;
    }

    // docs/screenshots/dock-top.png and dock-bottom.png are these, scaled to half size.
    void screenshots()
    {
        QFETCH(DockEdge, edge);
        SpectrumWindow bar;
        bar.docker().setSpec(dock::DockSpec { edge, QString(), 0, 96 });
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar, kWaitMs));
        feed(bar);
        std::unique_ptr<QWidget> client = maximisedClient();
        QVERIFY(client);
        QTest::qWait(400); // let the bars rise and the window manager draw its frame
        const QImage shot = bar.screen()->grabWindow(0).toImage().scaledToWidth(640, Qt::SmoothTransformation);
        QVERIFY(!shot.isNull());
        const QString path
            = QStringLiteral(SPECTRAY_TEST_OUTPUT_DIR "/dock-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(shot.save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
};

QTEST_MAIN(TestDock)
#include "tst_dock.moc"
