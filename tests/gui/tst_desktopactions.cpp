// Tray/context menu model: structure, signals, live Source menu, translation. Offscreen platform.
#include "gui/desktopactions.h"
#include "gui/translations.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace spectray;
using spectray::gui::DesktopActions;

namespace {
AudioDeviceList devices()
{
    return {
        {QStringLiteral("pulse:speakers.monitor"), QStringLiteral("Speakers"), AudioDevice::Kind::Loopback, true},
        {QStringLiteral("pulse:hdmi.monitor"), QStringLiteral("HDMI"), AudioDevice::Kind::Loopback, false},
        {QStringLiteral("pulse:mic"), QStringLiteral("Microphone"), AudioDevice::Kind::Input, false},
        {QStringLiteral("demo"), QStringLiteral("Demo"), AudioDevice::Kind::Virtual, false},
    };
}

// Visible texts of a menu; sections as "[title]", separators as "-".
QStringList texts(const QMenu *menu)
{
    QStringList out;
    for (QAction *a : menu->actions()) {
        if (!a->isVisible())
            continue;
        if (a->isSeparator())
            out << (a->text().isEmpty() ? QStringLiteral("-") : u'[' + a->text() + u']');
        else
            out << a->text();
    }
    return out;
}

QAction *sourceAction(const DesktopActions &d, const QString &id)
{
    for (QAction *a : d.sourceMenu()->actions())
        if (a->data().toString() == id)
            return a;
    return nullptr;
}
} // namespace

class TestDesktopActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        gui::installTranslators(*qApp, QStringLiteral("en"));
    }

    void dockMenu()
    {
        DesktopActions d;
        QStringList edges;
        for (QAction *a : d.dockMenu()->actions()) {
            if (!a->isSeparator())
                edges.append(a->data().toString());
        }
        QCOMPARE(edges, QStringList({u"off"_qs, u"top"_qs, u"bottom"_qs, u"left"_qs, u"right"_qs}));
        QSignalSpy picked(&d, &DesktopActions::dockEdgeSelected);
        d.dockMenu()->findChild<QAction *>(u"actionDock_left"_qs)->trigger();
        QCOMPARE(picked.size(), 1);
        QCOMPARE(picked.at(0).at(0).toString(), u"left"_qs);
        d.setDockEdge(u"bottom"_qs); // the setting changed elsewhere: the menu follows
        QVERIFY(d.dockMenu()->findChild<QAction *>(u"actionDock_bottom"_qs)->isChecked());
        QVERIFY(!d.dockMenu()->findChild<QAction *>(u"actionDock_left"_qs)->isChecked());
    }

    void menuStructure()
    {
        DesktopActions d;
        std::unique_ptr<QMenu> menu(d.createMenu());
        QCOMPARE(texts(menu.get()),
                 QStringList({u"Start capture"_qs, u"Source"_qs, u"-"_qs, u"Show spectrum window"_qs, u"Always on top"_qs,
                              u"Click-through (mouse passes to windows below)"_qs, u"Dock to screen edge"_qs, u"-"_qs,
                              u"Settings…"_qs, u"About Spectray"_qs, u"Quit"_qs}));
        QVERIFY(d.showWindowAction()->isCheckable());
        QVERIFY(d.alwaysOnTopAction()->isCheckable());
        // The web submenu appears once a server reports its state.
        d.setServerInfo(QUrl(u"http://192.168.1.5:8737/#t=abc"_qs), 2, true);
        QVERIFY(texts(menu.get()).contains(u"Web clients"_qs));
        QCOMPARE(texts(d.webMenu()), QStringList({u"Open in browser"_qs, u"Copy URL"_qs, u"Show QR code…"_qs, u"-"_qs,
                                                  u"Clients connected: 2"_qs, u"Allow LAN access"_qs,
                                                  u"Regenerate access token"_qs}));
    }

    void startStopFollowsStatus()
    {
        DesktopActions d;
        QSignalSpy start(&d, &DesktopActions::startRequested);
        QSignalSpy stop(&d, &DesktopActions::stopRequested);
        d.startStopAction()->trigger();
        QCOMPARE(start.size(), 1);
        EngineStatus s;
        s.state = EngineStatus::State::Running;
        d.setStatus(s);
        QCOMPARE(d.startStopAction()->text(), u"Stop capture"_qs);
        d.startStopAction()->trigger();
        QCOMPARE(stop.size(), 1);
        QCOMPARE(start.size(), 1);
    }

    void sourceMenuSectionsAndSelection()
    {
        DesktopActions d;
        d.setDevices(devices());
        QCOMPARE(texts(d.sourceMenu()), QStringList({u"Default output (follows system)"_qs, u"Speakers"_qs, u"HDMI"_qs,
                                                     u"[Inputs]"_qs, u"Microphone"_qs, u"[Other]"_qs, u"Demo"_qs}));
        QVERIFY(sourceAction(d, defaultOutputDeviceId())->isChecked());

        QSignalSpy chosen(&d, &DesktopActions::deviceSelected);
        sourceAction(d, u"pulse:hdmi.monitor"_qs)->trigger();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), u"pulse:hdmi.monitor"_qs);
        QVERIFY(sourceAction(d, u"pulse:hdmi.monitor"_qs)->isChecked());
        QVERIFY(!sourceAction(d, defaultOutputDeviceId())->isChecked()); // exclusive

        sourceAction(d, u"pulse:mic"_qs)->trigger();
        QCOMPARE(chosen.at(1).at(0).toString(), u"pulse:mic"_qs);
    }

    void applicationsGroupAndExclusions()
    {
        DesktopActions d;
        AudioDeviceList list = devices();
        list.append({u"app:spotify"_qs, u"Spotify"_qs, AudioDevice::Kind::Application, false, u"spotify"_qs});
        list.append({u"app:zoom"_qs, u"Zoom"_qs, AudioDevice::Kind::Application, false});
        d.setDevices(list);
        const QStringList t = texts(d.sourceMenu());
        const auto at = t.indexOf(u"[Applications]"_qs);
        QVERIFY2(at > 0, qPrintable(t.join(u" | "_qs)));
        QCOMPARE(t.mid(at + 1, 3), QStringList({u"Spotify"_qs, u"Zoom"_qs, u"Everything except"_qs}));
        QMenu *except = d.sourceMenu()->findChild<QMenu *>(u"menuSourceExcept"_qs);
        QVERIFY(except);
        QCOMPARE(texts(except), QStringList({u"Everything except Spotify"_qs, u"Everything except Zoom"_qs}));
        QSignalSpy chosen(&d, &DesktopActions::deviceSelected);
        except->actions().at(1)->trigger();
        QCOMPARE(chosen.at(0).at(0).toString(), u"app-except:zoom"_qs);
        sourceAction(d, u"app:spotify"_qs)->trigger();
        QCOMPARE(chosen.at(1).at(0).toString(), u"app:spotify"_qs);
        QVERIFY(!except->actions().at(1)->isChecked()); // one group across the submenu

        // The chosen app stops playing and leaves the device list: it stays in the menu, checked.
        d.setDevices(devices());
        QAction *kept = sourceAction(d, u"app:spotify"_qs);
        QVERIFY(kept);
        QVERIFY(kept->isChecked());
    }

    void sourceMenuUpdatesLive()
    {
        DesktopActions d;
        d.setDevices(devices());
        d.setSelectedDevice(u"pulse:hdmi.monitor"_qs);
        AudioDeviceList fewer = devices();
        fewer.removeAt(1); // HDMI unplugged
        fewer.append({u"pulse:usb.monitor"_qs, u"USB headset"_qs, AudioDevice::Kind::Loopback, false});
        d.setDevices(fewer);
        QCOMPARE(texts(d.sourceMenu()), QStringList({u"Default output (follows system)"_qs, u"Speakers"_qs,
                                                     u"USB headset"_qs, u"[Inputs]"_qs, u"Microphone"_qs, u"[Other]"_qs,
                                                     u"Demo"_qs}));
        QVERIFY(!sourceAction(d, u"pulse:hdmi.monitor"_qs));
        // The new entry works at once.
        QSignalSpy chosen(&d, &DesktopActions::deviceSelected);
        sourceAction(d, u"pulse:usb.monitor"_qs)->trigger();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), u"pulse:usb.monitor"_qs);
    }

    void checkableActionsEmitState()
    {
        DesktopActions d;
        QSignalSpy top(&d, &DesktopActions::alwaysOnTopToggled);
        QSignalSpy through(&d, &DesktopActions::clickThroughToggled);
        QSignalSpy show(&d, &DesktopActions::showWindowToggled);
        QSignalSpy lan(&d, &DesktopActions::lanAccessToggled);
        QSignalSpy quit(&d, &DesktopActions::quitRequested);
        d.alwaysOnTopAction()->trigger();
        d.clickThroughAction()->trigger();
        d.showWindowAction()->trigger();
        d.quitAction()->trigger();
        QCOMPARE(top.at(0).at(0).toBool(), true);
        QCOMPARE(through.at(0).at(0).toBool(), true);
        QCOMPARE(show.at(0).at(0).toBool(), true);
        QCOMPARE(quit.size(), 1);
        d.setServerInfo(QUrl(u"http://127.0.0.1:8737/"_qs), 0, false);
        d.webMenu()->actions().at(5)->trigger(); // Allow LAN access
        QCOMPARE(lan.at(0).at(0).toBool(), true);
    }

    void russianMenu()
    {
        QCOMPARE(gui::installTranslators(*qApp, u"ru"_qs), u"ru"_qs);
        {
            DesktopActions d;
            std::unique_ptr<QMenu> menu(d.createMenu());
            const QStringList t = texts(menu.get());
            QCOMPARE(t.first(), u"Начать захват"_qs);
            QVERIFY(t.contains(u"Источник"_qs));
            QVERIFY(t.contains(u"Показать окно спектра"_qs));
            QVERIFY(t.contains(u"Поверх всех окон"_qs));
            QVERIFY(t.contains(u"Выход"_qs));
            QCOMPARE(texts(d.sourceMenu()).first(), u"Выход по умолчанию (как в системе)"_qs);
        }
        QCOMPARE(gui::installTranslators(*qApp, u"de"_qs), u"de"_qs);
        {
            DesktopActions d;
            std::unique_ptr<QMenu> menu(d.createMenu());
            QCOMPARE(texts(menu.get()).first(), u"Aufnahme starten"_qs);
            QCOMPARE(texts(menu.get()).last(), u"Beenden"_qs);
        }
        gui::installTranslators(*qApp, u"en"_qs);
    }

    void systemLocaleIsFollowed()
    {
        // QLocale::system() comes from LC_ALL/LANG. CTest runs this twice: with LC_ALL=C.UTF-8 (no
        // translation for it: English) and with LC_ALL=ru_RU.UTF-8 (Russian).
        const bool russian = QLocale::system().language() == QLocale::Russian;
        QCOMPARE(gui::installTranslators(*qApp, QString()), russian ? u"ru"_qs : u"en"_qs);
        gui::installTranslators(*qApp, u"en"_qs);
    }
};

QTEST_MAIN(TestDesktopActions)
#include "tst_desktopactions.moc"
