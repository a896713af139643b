// The tray icon under a StatusNotifierItem host (xfce4-panel's status tray, started by
// run-under-xvfb.sh --sni): KDE, GNOME with AppIndicator and XFCE show tray icons this way, and Qt
// takes this path whenever a watcher is on the session bus. Checked from outside Qt, with gdbus:
// the watcher lists our item, the item carries our tooltip and menu; a real right click on the
// icon in the panel makes the host ask our menu for its contents (DBusMenu AboutToShow).
#include "core/enginestatus.h"
#include "gui/desktopactions.h"
#include "gui/traycontroller.h"
#include "snitesthelpers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace spectray;

using test::getProperty;
using test::registeredItems;

class TestTraySni final : public QObject
{
    Q_OBJECT

private slots:
    void itemRegisteredWithWatcherAndMenuOpens()
    {
        if (QStandardPaths::findExecutable(u"gdbus"_qs).isEmpty() || QStandardPaths::findExecutable(u"xdotool"_qs).isEmpty())
            QSKIP("gdbus (libglib2.0-bin) and xdotool are needed");
        QVERIFY2(registeredItems().isEmpty(), "another item is already registered on this private bus");
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);

        gui::DesktopActions actions;
        gui::TrayController tray(&actions);
        QVERIFY(tray.isTrayAvailable());
        EngineStatus status;
        status.state = EngineStatus::State::Running;
        status.deviceName = u"Speakers"_qs;
        tray.setStatus(status);

        // The watcher lists exactly one item: ours (Qt names its service after our PID).
        QElapsedTimer t;
        t.start();
        QStringList items;
        QVERIFY2(QTest::qWaitFor([&] { return !(items = registeredItems()).isEmpty(); }, 20000),
                 "no StatusNotifierItem registered with org.kde.StatusNotifierWatcher");
        qInfo("registered with the watcher after %lld ms: %s", t.elapsed(), qPrintable(items.join(u' ')));
        QCOMPARE(items.size(), 1);
        const QString service = items.first().section(u'/', 0, 0);
        const QString path = u"/"_qs + items.first().section(u'/', 1);
        QVERIFY2(service.contains(QString::number(QCoreApplication::applicationPid())) || service.startsWith(u':'),
                 qPrintable(service));

        // The item, read over D-Bus: our tooltip (device name) and a menu object.
        const QString item = u"org.kde.StatusNotifierItem"_qs;
        QTRY_VERIFY2_WITH_TIMEOUT(getProperty(service, path, item, u"ToolTip"_qs).contains(u"Speakers"_qs),
                                  qPrintable(getProperty(service, path, item, u"ToolTip"_qs)), 10000);
        const QString menuPath = getProperty(service, path, item, u"Menu"_qs);
        QVERIFY2(menuPath.contains(u"objectpath"_qs) || menuPath.contains(u'/'), qPrintable(menuPath));

        // A real right click on the icon in the panel (top-left: the panel holds only the tray).
        // The host shows our menu itself (DBusMenu), so what we see is its AboutToShow request,
        // which Qt turns into QMenu::aboutToShow.
        QSignalSpy shown(tray.menu(), &QMenu::aboutToShow);
        QTest::qWait(500); // the host lays the new button out
        for (int x = 8; x <= 40 && shown.isEmpty(); x += 16) {
            QVERIFY(test::runTool(u"xdotool"_qs, {u"mousemove"_qs, QString::number(x), u"16"_qs, u"click"_qs, u"3"_qs}) == 0);
            (void)QTest::qWaitFor([&] { return !shown.isEmpty(); }, 5000);
        }
        QVERIFY2(!shown.isEmpty(), "a right click on the icon in the SNI host did not open our menu");
        test::runTool(u"xdotool"_qs, {u"key"_qs, u"Escape"_qs});
    }
};

QTEST_MAIN(TestTraySni)
#include "tst_traysni.moc"
