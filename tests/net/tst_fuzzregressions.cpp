// Inputs the fuzzers (tests/fuzz) found, kept as plain unit tests so they never come back.
#include "net/httprequest.h"

#include <QTest>

using namespace spectray::net;

class TestFuzzRegressions final : public QObject
{
    Q_OBJECT

private slots:
    // fuzz_httphead: QUrl read a request target "//name/x" as a host and an empty path.
    void doubleSlashTargetKeepsItsPath()
    {
        HttpRequestHead h;
        QCOMPARE(parseRequestHead("GET //fo?x=%41 HTTP/1.1\r\nHost: a\r\n\r\n", 8192, &h), HeadStatus::Complete);
        QCOMPARE(h.path, QByteArray("//fo"));
        QCOMPARE(h.query.queryItemValue(QStringLiteral("x")), QStringLiteral("A"));
        QCOMPARE(parseRequestHead("GET //ws HTTP/1.1\r\n\r\n", 8192, &h), HeadStatus::Complete);
        QCOMPARE(h.path, QByteArray("//ws")); // not "/ws": no upgrade through a look-alike path
        QCOMPARE(parseRequestHead("GET /%2e%2e/x HTTP/1.1\r\n\r\n", 8192, &h), HeadStatus::Complete);
        QCOMPARE(h.path, QByteArray("/../x"));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
