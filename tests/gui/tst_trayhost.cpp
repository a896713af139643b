// The tray icon with a real tray host (trayer, started by run-under-xvfb.sh --tray): the icon
// appears, its menu opens (from code and from a real right click), a screenshot is saved.
#include "core/enginestatus.h"
#include "gui/desktopactions.h"
#include "gui/traycontroller.h"

#include <QApplication>
#include <QMenu>
#include <QScreen>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace spectray;

namespace {
void screenshot(const QString &name)
{
    const QString import = QStandardPaths::findExecutable(u"import"_qs);
    if (import.isEmpty())
        return;
    const QString path = QStringLiteral(SPECTRAY_TEST_OUTPUT_DIR "/") + name;
    QProcess::execute(import, {u"-window"_qs, u"root"_qs, path});
    qInfo().noquote() << "screenshot:" << path;
}
} // namespace

class TestTrayHost : public QObject
{
    Q_OBJECT

private slots:
    void iconAppearsAndMenuOpens()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 5000);
        gui::DesktopActions actions;
        actions.setDevices({{u"pulse:speakers.monitor"_qs, u"Speakers"_qs, AudioDevice::Kind::Loopback, true},
                            {u"pulse:mic"_qs, u"Microphone"_qs, AudioDevice::Kind::Input, false}});
        gui::TrayController tray(&actions);
        QVERIFY(tray.isTrayAvailable());
        EngineStatus status;
        status.state = EngineStatus::State::Running;
        status.deviceName = u"Speakers"_qs;
        tray.setStatus(status);
        tray.setFrameRate(30);
        QVERIFY(tray.toolTip().contains(u"Speakers"_qs));
        QVERIFY(tray.toolTip().contains(u"30"_qs));

        QTRY_VERIFY_WITH_TIMEOUT(tray.trayIcon()->geometry().width() > 0, 5000);
        const QRect icon = tray.trayIcon()->geometry();
        QVERIFY(icon.height() > 0);

        // A left click asks for the window.
        QSignalSpy toggle(&tray, &gui::TrayController::toggleWindowRequested);
        emit tray.trayIcon()->activated(QSystemTrayIcon::Trigger);
        QCOMPARE(toggle.size(), 1);

        // A real right click on the icon, if xdotool is here; else open it from code.
        const QString xdotool = QStandardPaths::findExecutable(u"xdotool"_qs);
        if (!xdotool.isEmpty()) {
            // trayer (run-under-xvfb.sh --tray) docks in the top-right corner; the XEmbed icon's
            // reported geometry is not always in screen coordinates, so aim at the corner.
            const QRect screen = QGuiApplication::primaryScreen()->geometry();
            const QPoint c(screen.right() - 11, 16);
            QProcess::execute(xdotool, {u"mousemove"_qs, QString::number(c.x()), QString::number(c.y()), u"click"_qs, u"3"_qs});
            if (!QTest::qWaitFor([&] { return tray.menu()->isVisible(); }, 3000))
                qWarning("right click did not open the menu; opening it from code");
        }
        if (!tray.menu()->isVisible())
            tray.menu()->popup(QGuiApplication::primaryScreen()->geometry().topRight() + QPoint(-300, 32));
        QTRY_VERIFY(tray.menu()->isVisible());
        QTest::qWait(300);
        screenshot(u"tray-menu.png"_qs);
        tray.menu()->hide();
    }
};

QTEST_MAIN(TestTrayHost)
#include "tst_trayhost.moc"
