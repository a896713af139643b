// The desktop composition with the real Engine (demo source, no audio server needed): tray/menu
// actions reach the capture worker, the window receives frames, settings changes apply live.
#include "app/desktopapp.h"
#include "app/session.h"
#include "net/lanservice.h"
#include "net/netsettings.h"
#include "net/streamserver.h"
#include "core/metatypes.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "engine/enginesettings.h"
#include "gui/desktopactions.h"
#include "gui/guisettings.h"
#include "gui/singleinstance.h"
#include "gui/spectrumwindow.h"
#include "gui/qrdialog.h"
#include "gui/traycontroller.h"
#include "hangguard.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include "gui/settingsdialog.h"
#include <QMenu>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace spectray;


class TestDesktopApp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        registerMetaTypes();
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_qs).toUtf8()); // autostart stays here
    }

    void actionsDriveTheEngine()
    {
        Settings settings(m_dir.filePath(u"app.ini"_qs));
        settings.setValue(keys::captureOnStart, false);
        settings.setValue(keys::serverEnabled, false); // no server on a fixed port or all interfaces
        gui::SingleInstance instance(QUuid::createUuid().toString());
        QVERIFY(instance.listen());
        DesktopOptions options;
        options.source = u"demo"_qs;
        Session session(settings);
        Engine &engine = session.engine();
        DesktopApp app(session, instance, options);
        app.start();
        QVERIFY(app.window()->isVisible()); // first run shows the window
        QCOMPARE(engine.status().state, EngineStatus::State::Stopped);

        // Start capture from the menu: the worker runs the demo source and frames reach the window.
        QSignalSpy frames(&engine, &Engine::frameReady);
        app.actions()->startStopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, EngineStatus::State::Running, test::kHangGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() > 3, test::kHangGuardMs);
        QTRY_VERIFY(app.window()->paintCount() > 0);
        QCOMPARE(app.actions()->startStopAction()->text(), u"Stop capture"_qs);

        // A device picked in the Source menu reaches the worker with that id.
        QTRY_VERIFY_WITH_TIMEOUT(!engine.devices().isEmpty(), test::kHangGuardMs);
        QAction *demo = nullptr;
        for (QAction *a : app.actions()->sourceMenu()->actions())
            if (a->data().toString() == u"demo")
                demo = a;
        QVERIFY(demo);
        app.actions()->setSelectedDevice(defaultOutputDeviceId());
        emit app.actions()->deviceSelected(u"demo"_qs);
        QCOMPARE(settings.value(keys::source), u"demo"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(engine.selectedDeviceId(), u"demo"_qs, test::kHangGuardMs);
        QVERIFY(demo->isChecked());

        // Stop from the menu.
        app.actions()->startStopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, EngineStatus::State::Stopped, test::kHangGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(!app.window()->isAnimating(), test::kHangGuardMs);

        // Display settings apply live, from anywhere.
        settings.setValue(keys::alwaysOnTop, false);
        QVERIFY(!app.window()->alwaysOnTop());
        QVERIFY(!app.actions()->alwaysOnTopAction()->isChecked());
        settings.setValue(keys::style, u"led"_qs);
        QCOMPARE(app.window()->sceneStyle().kind, gui::SceneStyle::Kind::Led);
        app.actions()->alwaysOnTopAction()->trigger();
        QVERIFY(settings.value(keys::alwaysOnTop));
        QVERIFY(app.window()->alwaysOnTop());

        // The frequency axis and dB grid: off by default, toggled from the window's Style menu.
        QVERIFY(!app.window()->sceneStyle().axis && !app.window()->sceneStyle().dbGrid);
        for (const QString &name : {u"actionFrequencyAxis"_qs, u"actionDbGrid"_qs}) {
            QAction *toggle = nullptr;
            for (QWidget *w : QApplication::allWidgets())
                toggle = toggle ? toggle : w->findChild<QAction *>(name);
            QVERIFY2(toggle, qPrintable(name));
            toggle->trigger();
        }
        QVERIFY(settings.value(keys::frequencyAxis) && settings.value(keys::dbGrid));
        QVERIFY(app.window()->sceneStyle().axis && app.window()->sceneStyle().dbGrid);

        // Showing/hiding from the tray is remembered.
        app.actions()->showWindowAction()->trigger();
        QVERIFY(!app.window()->isVisible());
        QCOMPARE(settings.value(keys::windowVisible), false);
    }

    void serverJoinsTheTrayAndDialog()
    {
        Settings settings(m_dir.filePath(u"server.ini"_qs));
        settings.setValue(keys::captureOnStart, false);
        settings.setValue(keys::serverLanAccess, false); // loopback only
        settings.setValue(keys::serverBind, u"127.0.0.1"_qs); // never all interfaces
        gui::SingleInstance instance(QUuid::createUuid().toString());
        Session session(settings);
        session.lan().setOverrides({quint16(0), std::nullopt}); // any free port, loopback from the settings
        net::StreamServer &server = session.lan().server();
        DesktopApp app(session, instance, DesktopOptions{});
        app.start();
        QVERIFY(server.isListening());
        QVERIFY(app.actions()->webMenu()->menuAction()->isVisible());
        QCOMPARE(session.lan().localUrl().host(), u"127.0.0.1"_qs);
        QVERIFY(session.lan().localUrl().fragment().startsWith(u"t="_qs));
        QVERIFY(session.lan().lanUrls().isEmpty()); // LAN access off: no URL for other devices

        const QString token = settings.value(keys::serverToken);
        QVERIFY(!token.isEmpty());
        emit app.actions()->regenerateTokenRequested();
        QVERIFY(settings.value(keys::serverToken) != token);
        QCOMPARE(session.lan().localUrl().fragment(), u"t="_qs + settings.value(keys::serverToken));
        // No LAN URL, so no QR code to scan (a notification says why instead).
        emit app.actions()->showQrRequested();
        QVERIFY(!app.qrDialog());

        // The Network page shows the server's settings and writes edits back.
        gui::SettingsDialog *dialog = app.settingsDialog();
        auto *lan = dialog->findChild<QCheckBox *>(u"lanAccessCheck"_qs);
        QVERIFY(lan && !lan->isChecked());
        settings.setValue(keys::serverEnabled, false); // stops it, live (once the event loop runs)
        QTRY_VERIFY_WITH_TIMEOUT(!server.isListening(), test::kHangGuardMs);
    }

    void secondLaunchArgumentsAreApplied()
    {
        Settings settings(m_dir.filePath(u"args.ini"_qs));
        settings.setValue(keys::captureOnStart, false);
        settings.setValue(keys::serverEnabled, false);
        settings.setValue(keys::firstRunDone, true);
        settings.setValue(keys::windowVisible, false);
        gui::SingleInstance instance(QUuid::createUuid().toString());
        Session session(settings);
        Engine &engine = session.engine();
        DesktopApp app(session, instance, DesktopOptions{});
        app.start();
        // Without a tray the window is the main surface and always shown; with one it stays hidden.
        QCOMPARE(app.window()->isVisible(), !app.tray()->isTrayAvailable());
        app.window()->hide();
        app.handleArguments({u"spectray"_qs, u"--source"_qs, u"demo"_qs});
        QVERIFY(app.window()->isVisible());
        QCOMPARE(settings.value(keys::source), u"demo"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(engine.selectedDeviceId(), u"demo"_qs, test::kHangGuardMs);
    }
};

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
