// `spectray --list-devices [--json]` (the real binary) against a private PulseAudio daemon where two
// fake players (pacat posing as "Alpha Player"/alpha and "Beta Player"/beta) play: both are listed
// as applications with their names and app:BINARY ids.
#include "fakeapps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

class TestListApps final : public QObject
{
    Q_OBJECT

    static QByteArray run(const QStringList &args)
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(SPECTRAY_BINARY), QStringList { u"--config"_qs, dir.filePath(u"s.ini"_qs) } + args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
    }

private slots:
    void listsPlayingApplications()
    {
        if (!test::PulseDaemon::available())
            QSKIP("pulseaudio is not installed");
        test::PulseDaemon daemon;
        QVERIFY2(daemon.start(), qPrintable(daemon.error()));
        test::FakeApps players;
        QVERIFY(players.start(u"test_sink"_qs, 500.0, 3000.0, 0.3));
        QJsonArray list;
        QMap<QString, QJsonObject> apps;
        // pacat needs a moment to connect; ask again until both streams exist (bounded).
        for (int i = 0; i < 40 && apps.size() < 2; ++i) {
            list = QJsonDocument::fromJson(run({ u"--list-devices"_qs, u"--json"_qs })).array();
            apps.clear();
            for (const auto &v : std::as_const(list)) {
                if (v.toObject().value(u"kind"_qs).toString() == u"application"_qs)
                    apps.insert(v.toObject().value(u"id"_qs).toString(), v.toObject());
            }
            if (apps.size() < 2)
                QTest::qWait(250);
        }
        QVERIFY2(
            apps.contains(u"app:alpha"_qs) && apps.contains(u"app:beta"_qs), QJsonDocument(list).toJson().constData());
        QCOMPARE(apps.value(u"app:alpha"_qs).value(u"name"_qs).toString(), u"Alpha Player"_qs);
        QCOMPARE(apps.value(u"app:beta"_qs).value(u"name"_qs).toString(), u"Beta Player"_qs);
        QCOMPARE(apps.value(u"app:alpha"_qs).value(u"icon"_qs).toString(), u"alpha"_qs);

        const QString text = QString::fromUtf8(run({ u"--list-devices"_qs }));
        QVERIFY2(text.contains(u"application  Alpha Player"_qs) && text.contains(u"app:beta"_qs), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestListApps)
#include "tst_listapps.moc"
