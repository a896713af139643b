// What the web client needs from the server: the desktop style (hello + display messages), the
// shared look at /styles.json, the strings at /i18n.json, the manifest and icons with their types.
#include "netclient.h"

#include <QJsonArray>

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {
struct Reply
{
    QByteArray head;
    QByteArray body;
};

Reply get(quint16 port, const QByteArray &path, const QByteArray &extraHeaders = {})
{
    const QByteArray raw
        = rawExchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
    const qsizetype split = raw.indexOf("\r\n\r\n");
    return { raw.left(split), split < 0 ? QByteArray() : raw.mid(split + 4) };
}
} // namespace

class TestWebServing final : public QObject
{
    Q_OBJECT

private slots:
    void desktopStyleInHelloAndOnChange()
    {
        auto server = startTestServer();
        Client before;
        before.open(server->port());
        QVERIFY(before.waitHello());
        QVERIFY(!before.json(0).contains(QStringLiteral("desktop_style"))); // not known yet: absent
        server->setDesktopStyle(QStringLiteral("led"));
        QTRY_COMPARE(before.count(QStringLiteral("display")), 1);
        QCOMPARE(before.json(1).value(QStringLiteral("style")).toString(), QStringLiteral("led"));
        server->setDesktopStyle(QStringLiteral("led")); // unchanged: nothing sent
        Client after;
        after.open(server->port());
        QVERIFY(after.waitHello());
        QCOMPARE(after.json(0).value(QStringLiteral("desktop_style")).toString(), QStringLiteral("led"));
        server->setDesktopStyle(QStringLiteral("spectrogram"));
        QTRY_COMPARE(after.count(QStringLiteral("display")), 1);
        QCOMPARE(before.count(QStringLiteral("display")), 2);
    }

    void assetsWithTheirTypes_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("starts"); // the format's own signature
        QTest::newRow("manifest") << QByteArray("/manifest.webmanifest") << QByteArray("application/manifest+json")
                                  << QByteArray("{");
        QTest::newRow("icon 192") << QByteArray("/icons/icon-192.png") << QByteArray("image/png")
                                  << QByteArray("\x89PNG\r\n");
        QTest::newRow("icon 512") << QByteArray("/icons/icon-512.png") << QByteArray("image/png")
                                  << QByteArray("\x89PNG\r\n");
        QTest::newRow("styles") << QByteArray("/styles.json") << QByteArray("application/json") << QByteArray("{");
        QTest::newRow("draw.js") << QByteArray("/draw.js") << QByteArray("text/javascript") << QByteArray("//");
        QTest::newRow("panel.js") << QByteArray("/panel.js") << QByteArray("text/javascript") << QByteArray("//");
    }

    void assetsWithTheirTypes()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, starts);
        auto server = startTestServer();
        const Reply r = get(server->port(), path);
        QVERIFY2(r.head.startsWith("HTTP/1.1 200"), r.head.constData());
        QVERIFY2(r.head.contains(QByteArray(QByteArray("Content-Type: ") + type)), r.head.constData());
        QVERIFY(r.body.startsWith(starts));
    }

    // RFC 9110 13.1.2 / 15.4.5: a matching If-None-Match gets 304 without content, and a 304 may
    // only carry the Content-Length the 200 would have had.
    void revalidationByEtag()
    {
        auto server = startTestServer();
        const Reply first = get(server->port(), "/");
        QVERIFY2(first.head.contains("Cache-Control: no-cache"), first.head.constData());
        const qsizetype at = first.head.indexOf("ETag: \"");
        QVERIFY2(at >= 0, first.head.constData());
        const QByteArray tag = first.head.mid(at + 6, first.head.indexOf("\r\n", at) - at - 6);
        QVERIFY(tag.size() > 2 && tag.endsWith('"'));
        const Reply again = get(server->port(), "/", "If-None-Match: " + tag + "\r\n");
        QVERIFY2(again.head.startsWith("HTTP/1.1 304"), again.head.constData());
        QVERIFY(again.body.isEmpty());
        QVERIFY(again.head.contains(QByteArray("Content-Length: " + QByteArray::number(first.body.size()))));
        const Reply other = get(server->port(), "/", "If-None-Match: \"0123\", W/\"x\"\r\n");
        QVERIFY2(other.head.startsWith("HTTP/1.1 200"), other.head.constData());
        QCOMPARE(other.body, first.body);
        QVERIFY(!get(server->port(), "/draw.js").head.contains(tag)); // other bytes, other tag
    }

    void stylesListEveryStyle()
    {
        auto server = startTestServer();
        const QJsonObject o = QJsonDocument::fromJson(get(server->port(), "/styles.json").body).object();
        QStringList ids;
        for (const QJsonValue v : o.value(QStringLiteral("styles")).toArray())
            ids << v.toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(ids,
            (QStringList { QStringLiteral("bars"), QStringLiteral("mirrored"), QStringLiteral("curve"),
                QStringLiteral("led"), QStringLiteral("spectrogram"), QStringLiteral("radial") }));
        QVERIFY(o.value(QStringLiteral("themes")).toArray().size() >= 4);
    }

    void stringsFallBackToEnglish()
    {
        // This test program has no translations embedded: every language answers in English, and
        // an unknown or hostile lang parameter changes nothing.
        auto server = startTestServer();
        for (const QByteArray &lang : { QByteArray("de"), QByteArray("xx"), QByteArray("%00%22%3Cscript") }) {
            const QJsonObject o = QJsonDocument::fromJson(get(server->port(), "/i18n.json?lang=" + lang).body).object();
            QCOMPARE(o.value(QStringLiteral("lang")).toString(), QStringLiteral("en"));
            const QJsonObject s = o.value(QStringLiteral("strings")).toObject();
            QCOMPARE(s.value(QStringLiteral("state.token_help")).toString(),
                QStringLiteral("Ask for a new link or scan the QR code again."));
            QCOMPARE(s.value(QStringLiteral("style.led")).toString(), QStringLiteral("LED segments"));
        }
    }
};

QTEST_MAIN(TestWebServing)
#include "tst_webserving.moc"
