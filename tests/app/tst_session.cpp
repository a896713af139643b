// The Session joins the engine to the LAN server once for every front-end: a browser-side client on
// loopback sees each frame exactly once, in order, and a going-away close when the session ends.
// Also with the frames sent on the thread that makes them (`--headless`): the same stream, and the
// GUI thread's frameReady never fires. Demo source: no audio server needed.
#include "app/session.h"

#include "core/metatypes.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "net/lanservice.h"
#include "net/netsettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace spectray;

class TestSession final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { registerMetaTypes(); }

    void framesReachTheServerOnceAndShutdownSaysGoingAway_data()
    {
        QTest::addColumn<bool>("fromAudioThread");
        QTest::newRow("through the GUI thread") << false;
        QTest::newRow("from the audio thread") << true;
    }
    void framesReachTheServerOnceAndShutdownSaysGoingAway()
    {
        QFETCH(bool, fromAudioThread);
        Settings settings(m_dir.filePath(QStringLiteral("session.ini")));
        Session session(settings);
        session.lan().setOverrides({quint16(0), QHostAddress(QHostAddress::LocalHost)});
        QString error;
        QVERIFY2(session.lan().apply(&error), qPrintable(error));
        QSignalSpy onGuiThread(&session.engine(), &Engine::frameReady);
        if (fromAudioThread)
            session.sendFramesFromAudioThread();
        session.startEngine(QStringLiteral("demo"), AnalysisConfig{}, true);

        QWebSocket ws;
        QList<QJsonObject> messages;
        int closeCode = -1;
        connect(&ws, &QWebSocket::textMessageReceived, this,
            [&](const QString &m) { messages << QJsonDocument::fromJson(m.toUtf8()).object(); });
        connect(&ws, &QWebSocket::disconnected, this, [&] { closeCode = int(ws.closeCode()); });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(session.lan().port())));

        const auto frames = [&] {
            QList<qint64> seqs;
            for (const QJsonObject &o : messages)
                if (o.value(u"type").toString() == u"frame")
                    seqs << o.value(u"seq").toInteger();
            return seqs;
        };
        QTRY_VERIFY_WITH_TIMEOUT(frames().size() >= 20, 20000);
        QCOMPARE(messages.first().value(u"type").toString(), QStringLiteral("hello"));
        const QList<qint64> seqs = frames();
        for (qsizetype i = 1; i < seqs.size(); ++i)
            QCOMPARE(seqs[i], seqs[i - 1] + 1); // a second connection would repeat every seq
        qsizetype layoutAt = -1, firstFrameAt = -1;
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const QString type = messages[i].value(u"type").toString();
            // hello carries the layout too, when the engine had one before the client came
            if ((type == u"layout" || type == u"hello") && layoutAt < 0 && messages[i].value(u"bands").toInt() > 0)
                layoutAt = i;
            if (type == u"frame" && firstFrameAt < 0)
                firstFrameAt = i;
        }
        QVERIFY2(layoutAt >= 0 && layoutAt < firstFrameAt, "a frame came before its layout");
        QCOMPARE(onGuiThread.isEmpty(), fromAudioThread);

        session.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(closeCode, 1001, 10000);
        QVERIFY(!session.lan().isListening());
        QTRY_COMPARE_WITH_TIMEOUT(session.engine().status().state, EngineStatus::State::Stopped, 10000);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
