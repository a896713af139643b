// LanService: the server following the stored settings, as the desktop app runs it.
#include "netclient.h"

#include "net/lanservice.h"
#include "net/netsettings.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace spectray;
using namespace spectray::net;
using namespace spectray::net::test;

namespace {
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

class TestLanService final : public QObject
{
    Q_OBJECT

private slots:
    void followsSettings()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("s.ini")));
        settings.setValue(keys::serverLanAccess, false); // loopback only in tests
        settings.setValue(keys::serverPort, freePort());
        LanService service(settings);
        QSignalSpy running(&service, &LanService::runningChanged);
        QVERIFY(service.start());
        QCOMPARE(running.size(), 1);
        QCOMPARE(service.server()->port(), quint16(settings.value(keys::serverPort)));
        QVERIFY(keys::isValidToken(settings.value(keys::serverToken)));
        QCOMPARE(service.server()->token(), settings.value(keys::serverToken));

        Client c;
        c.open(service.server()->port());
        QVERIFY(c.waitHello());

        const quint16 next = freePort();
        settings.setValue(keys::serverPort, next); // restarts on the new port
        QTRY_COMPARE(service.server()->port(), next);
        QTRY_COMPARE(c.closeCode, int(QWebSocketProtocol::CloseCodeGoingAway));

        service.server()->regenerateToken(); // persisted, without another restart
        QCOMPARE(settings.value(keys::serverToken), service.server()->token());
        QTest::qWait(50);
        QCOMPARE(service.server()->port(), next);

        settings.setValue(keys::serverEnabled, false);
        QTRY_VERIFY(!service.isRunning());
        QCOMPARE(running.size(), 2);
    }

    void busyPortReported()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("s.ini")));
        settings.setValue(keys::serverLanAccess, false);
        settings.setValue(keys::serverPort, squatter.serverPort());
        LanService service(settings);
        QSignalSpy errors(&service, &LanService::errorOccurred);
        QVERIFY(!service.start());
        QCOMPARE(errors.size(), 1);
        QVERIFY(service.lastError().contains(QString::number(squatter.serverPort())));
    }
};

QTEST_GUILESS_MAIN(TestLanService)
#include "tst_lanservice.moc"
