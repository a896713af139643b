// The real spectray binary under a StatusNotifierItem host (run-under-xvfb.sh --sni) with a private
// PulseAudio daemon where two fake players (pacat posing as "Alpha Player" and "Beta Player")
// play: the tray's Source menu, read from outside over D-Bus (gdbus, com.canonical.dbusmenu),
// has an applications group (a section) listing both, and the "Everything except" entries.
#include "fakeapps.h"
#include "snitesthelpers.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

using test::gdbus;
using test::getProperty;
using test::registeredItems;

class TestTrayApps final : public QObject
{
    Q_OBJECT

private slots:
    void sourceMenuListsTheApplications()
    {
        const QString binary = QStringLiteral(SPECTRAY_BINARY);
        if (!test::PulseDaemon::available() || QStandardPaths::findExecutable(u"gdbus"_qs).isEmpty()
            || qEnvironmentVariableIsEmpty("DISPLAY"))
            QSKIP("needs pulseaudio, gdbus and an SNI host (run under run-under-xvfb.sh --sni)");
        test::PulseDaemon daemon;
        QVERIFY2(daemon.start(), qPrintable(daemon.error()));
        test::FakeApps players;
        QVERIFY(players.start(u"test_sink"_qs, 500.0, 3000.0, 0.3));
        QTemporaryDir dir;
        const QString config = dir.filePath(u"s.ini"_qs);
        {
            QSettings ini(config, QSettings::IniFormat);
            ini.setValue(u"server/enabled"_qs, false);
        }
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        test::withoutPreload(app);
        app.start(binary, { u"--config"_qs, config, u"--no-capture"_qs });
        QVERIFY(app.waitForStarted());

        QStringList items;
        QVERIFY2(QTest::qWaitFor([&] { return !(items = registeredItems()).isEmpty(); }, 30000),
            "spectray registered no StatusNotifierItem");
        const QString service = items.first().section(u'/', 0, 0);
        const QString path = u"/"_qs + items.first().section(u'/', 1);
        const QString menuReply = getProperty(service, path, u"org.kde.StatusNotifierItem"_qs, u"Menu"_qs);
        static const QRegularExpression objectPath(u"'(/[^']*)'"_qs);
        const auto m = objectPath.match(menuReply);
        QVERIFY2(m.hasMatch(), qPrintable(menuReply));
        // The whole menu tree with labels; the apps show up once the engine has listed them.
        QString layout;
        const bool listed = QTest::qWaitFor(
            [&] {
                layout = gdbus({ u"-d"_qs, service, u"-o"_qs, m.captured(1), u"-m"_qs,
                    u"com.canonical.dbusmenu.GetLayout"_qs, u"0"_qs, u"int32 -1"_qs, u"@as []"_qs });
                return layout.contains(u"Alpha Player"_qs) && layout.contains(u"Beta Player"_qs);
            },
            30000);
        app.terminate();
        if (!app.waitForFinished(10000))
            app.kill();
        QVERIFY2(listed, qPrintable(layout.left(2000)));
        // DBusMenu carries a section as a bare separator (its "Applications" title is Qt's own
        // drawing; tst_desktopactions checks the title): the apps follow a separator of their own.
        static const QRegularExpression group(
            u"'separator'>[^)]*\\)>, <\\(\\d+, \\{[^}]*'label': <'Alpha Player'>[^)]*\\)>, <\\(\\d+, \\{[^}]*'label': <'Beta Player'>"_qs);
        QVERIFY2(group.match(layout).hasMatch(), qPrintable(layout));
        QVERIFY(layout.contains(u"Everything except Alpha Player"_qs));
        QVERIFY(layout.contains(u"Everything except Beta Player"_qs));
    }
};

QTEST_GUILESS_MAIN(TestTrayApps)
#include "tst_trayapps.moc"
