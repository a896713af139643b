// LanService: the server configured from the settings, one restart per batch of changes, the token
// kept (and persisted when possible), and the URLs in the documented order. Loopback and port 0 only.
#include "net/lanservice.h"
#include "net/netsettings.h"

#include "core/settings.h"

#include <QFile>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;
using namespace spectray::net;

namespace {

QHostAddress ip(const char *text)
{
    return QHostAddress(QString::fromLatin1(text));
}

QStringList names(const QList<QHostAddress> &hosts)
{
    QStringList out;
    for (const QHostAddress &h : hosts)
        out << h.toString();
    return out;
}

// The status line of GET /api/info, or empty when nothing answered.
QByteArray getInfo(const QHostAddress &host, quint16 port)
{
    QTcpSocket s;
    s.connectToHost(host, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write("GET /api/info HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray out;
    (void)QTest::qWaitFor([&] {
        out += s.readAll();
        return out.contains("\r\n") || s.state() == QAbstractSocket::UnconnectedState;
    }, 5000);
    return out.left(out.indexOf("\r\n"));
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool haveIPv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

} // namespace

class TestLanService final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshIni() { return m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_files)); }

private slots:
    // Expected groups from the address registries: RFC 1918 (private IPv4), RFC 6598 (shared
    // 100.64/10, i.e. "other IPv4"), RFC 4291 (2000::/3 global, fe80::/10 link-local, ::ffff:0:0/96
    // mapped), RFC 4193 (fc00::/7 unique local), RFC 3927 (169.254/16), RFC 5771 (224/4 multicast).
    void lanHostsOrder()
    {
        const QList<QHostAddress> machine{
            ip("fe80::1c2d:3eff:fe4f:5a6b"), ip("2001:db8::5"),  ip("169.254.3.4"), ip("100.64.1.2"),
            ip("fd12:3456:789a::1"),         ip("192.168.1.20"), ip("127.0.0.1"),   ip("::1"),
            ip("10.0.0.7"),                  ip("224.0.0.251"),  ip("172.32.0.1"),  ip("::ffff:192.168.1.20"),
            ip("172.16.5.4"),                ip("192.168.1.20"), ip("ff02::fb")};
        const QStringList all{u"192.168.1.20"_qs, u"10.0.0.7"_qs, u"172.16.5.4"_qs,          // private IPv4
                              u"100.64.1.2"_qs, u"172.32.0.1"_qs,                              // other IPv4
                              u"2001:db8::5"_qs,                                                // IPv6 global
                              u"fd12:3456:789a::1"_qs,                                          // IPv6 ULA
                              u"169.254.3.4"_qs};                                               // IPv4 link-local
        QCOMPARE(names(lanHosts(QHostAddress(QHostAddress::Any), machine)), all);
        QCOMPARE(names(lanHosts(ip("0.0.0.0"), machine)),
                 (QStringList{u"192.168.1.20"_qs, u"10.0.0.7"_qs, u"172.16.5.4"_qs, u"100.64.1.2"_qs,
                              u"172.32.0.1"_qs, u"169.254.3.4"_qs}));
        QCOMPARE(names(lanHosts(ip("::"), machine)), (QStringList{u"2001:db8::5"_qs, u"fd12:3456:789a::1"_qs}));
        QVERIFY(lanHosts(ip("127.0.0.1"), machine).isEmpty());
        QVERIFY(lanHosts(ip("127.0.0.2"), machine).isEmpty());
        QVERIFY(lanHosts(ip("::1"), machine).isEmpty());
        QCOMPARE(names(lanHosts(ip("10.0.0.7"), machine)), QStringList{u"10.0.0.7"_qs});
        QVERIFY(lanHosts(QHostAddress(QHostAddress::Any), {}).isEmpty());
    }

    void urlsCarryTheToken()
    {
        const QString t = u"0123456789abcdef0123456789abcdef"_qs;
        QCOMPARE(clientUrl(ip("192.168.1.20"), 8737, t).toString(), u"http://192.168.1.20:8737/#t="_qs + t);
        QCOMPARE(clientUrl(ip("2001:db8::5"), 8737, t).toString(), u"http://[2001:db8::5]:8737/#t="_qs + t);
        QHostAddress scoped = ip("fe80::1");
        scoped.setScopeId(u"eth0"_qs);
        QCOMPARE(clientUrl(scoped, 80, t).toString(), u"http://[fe80::1]:80/#t="_qs + t);
    }

    // On this machine: every LAN URL is one of its addresses, never loopback or link-local IPv6.
    void machineAddresses()
    {
        const QList<QHostAddress> own = QNetworkInterface::allAddresses();
        for (const QHostAddress &h : lanHosts(QHostAddress(QHostAddress::Any), interfaceAddresses())) {
            QVERIFY2(own.contains(h), qPrintable(h.toString()));
            QVERIFY(!h.isLoopback());
            QVERIFY(!(h.protocol() == QAbstractSocket::IPv6Protocol && h.isLinkLocal()));
        }
    }

    void listensWhereTheOverridesSayAndNeverStoresThem()
    {
        const QString ini = freshIni();
        Settings settings(ini);
        LanService lan(settings);
        lan.setOverrides({quint16(0), ip("127.0.0.1")});
        QString error;
        QVERIFY2(lan.apply(&error), qPrintable(error));
        QVERIFY(lan.isListening());
        QVERIFY(lan.port() != 0);
        QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_qs).match(lan.token()).hasMatch());
        QCOMPARE(lan.loopbackUrl().toString(), u"http://127.0.0.1:%1/#t=%2"_qs.arg(lan.port()).arg(lan.token()));
        QVERIFY(lan.lanUrls().isEmpty());
        QVERIFY(!lan.lanAllowed());
        QCOMPARE(lan.localUrl(), lan.loopbackUrl());
        QCOMPARE(getInfo(QHostAddress::LocalHost, lan.port()), QByteArray("HTTP/1.1 200 OK"));

        settings.sync();
        QSettings stored(ini, QSettings::IniFormat);
        QCOMPARE(stored.value(u"server/token"_qs).toString(), lan.token()); // persisted
        QVERIFY(!stored.contains(u"server/port"_qs));                       // overrides never are
        QVERIFY(!stored.contains(u"server/bind"_qs));
        QVERIFY(!stored.contains(u"server/lanAccess"_qs));
    }

    void ipv6Loopback()
    {
        if (!haveIPv6Loopback())
            QSKIP("no IPv6 loopback here");
        Settings settings(freshIni());
        LanService lan(settings);
        lan.setOverrides({quint16(0), ip("::1")});
        QVERIFY(lan.apply());
        QCOMPARE(lan.loopbackUrl().toString(), u"http://[::1]:%1/#t=%2"_qs.arg(lan.port()).arg(lan.token()));
        QCOMPARE(getInfo(QHostAddress::LocalHostIPv6, lan.port()), QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(lan.lanUrls().isEmpty());
    }

    void oneRestartForSeveralKeys()
    {
        Settings settings(freshIni());
        settings.setValue(keys::serverLanAccess, false); // loopback only
        LanService lan(settings);
        lan.setOverrides({quint16(0), std::nullopt});
        QVERIFY(lan.apply());
        QSignalSpy state(&lan, &LanService::stateChanged);
        // As the Network page does: several keys in one go.
        settings.setValue(keys::serverMaxClients, 7);
        settings.setValue(keys::serverAllowedOrigins, u"http://example.test"_qs);
        settings.setValue(keys::serverTokenOnLoopback, true);
        QCOMPARE(state.size(), 0); // nothing restarts synchronously
        QTRY_COMPARE_WITH_TIMEOUT(state.size(), 1, 5000);
        QTest::qWait(200);
        QCOMPARE(state.size(), 1);
        QVERIFY(lan.isListening());
        // The token is now required on loopback: /api/info still answers (it carries no stream).
        QCOMPARE(getInfo(QHostAddress::LocalHost, lan.port()).left(12), QByteArray("HTTP/1.1 200"));

        settings.setValue(keys::serverEnabled, false);
        QTRY_VERIFY_WITH_TIMEOUT(!lan.isListening(), 5000);
        QVERIFY(lan.loopbackUrl().isEmpty());
        QVERIFY(lan.lanUrls().isEmpty());
        settings.setValue(keys::serverEnabled, true);
        QTRY_VERIFY_WITH_TIMEOUT(lan.isListening(), 5000);
    }

    void theUsersChangeDropsTheOverride()
    {
        Settings settings(freshIni());
        settings.setValue(keys::serverLanAccess, false);
        LanService lan(settings);
        lan.setOverrides({quint16(0), ip("127.0.0.1")});
        QVERIFY(lan.apply());
        const quint16 chosen = freeLoopbackPort();
        QVERIFY(chosen != 0);
        settings.setValue(keys::serverPort, chosen); // e.g. from the Network page
        QTRY_COMPARE_WITH_TIMEOUT(lan.port(), chosen, 5000);
        QCOMPARE(getInfo(QHostAddress::LocalHost, chosen), QByteArray("HTTP/1.1 200 OK"));
        // The tray's LAN toggle ends a --bind override even when the stored value stays the same.
        settings.setValue(keys::serverLanAccess, false);
        lan.setOverrides({std::nullopt, ip("127.0.0.2")});
        QVERIFY(lan.apply());
        QCOMPARE(lan.loopbackUrl().host(), u"127.0.0.2"_qs);
        lan.setLanAccess(false);
        QTRY_COMPARE_WITH_TIMEOUT(lan.loopbackUrl().host(), u"127.0.0.1"_qs, 5000);

        lan.shutdown();
        QVERIFY(!lan.isListening());
        settings.setValue(keys::serverMaxClients, 9); // no restart after shutdown
        QTest::qWait(100);
        QVERIFY(!lan.isListening());
    }

    void busyPortIsReported()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        Settings settings(freshIni());
        LanService lan(settings);
        lan.setOverrides({squatter.serverPort(), ip("127.0.0.1")});
        QSignalSpy failed(&lan, &LanService::listenFailed);
        QString error;
        QVERIFY(!lan.apply(&error));
        QVERIFY2(error.contains(QString::number(squatter.serverPort())), qPrintable(error));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!lan.isListening());
    }

    void tokenPersistsAndRegenerates()
    {
        const QString ini = freshIni();
        QString first;
        {
            Settings settings(ini);
            LanService lan(settings);
            lan.setOverrides({quint16(0), ip("127.0.0.1")});
            QVERIFY(lan.apply());
            first = lan.token();
        }
        Settings settings(ini);
        LanService lan(settings);
        lan.setOverrides({quint16(0), ip("127.0.0.1")});
        QVERIFY(lan.apply());
        QCOMPARE(lan.token(), first); // the printed URL is the same every run
        QSignalSpy state(&lan, &LanService::stateChanged);
        lan.regenerateToken();
        QVERIFY(lan.token() != first);
        QVERIFY(state.size() >= 1);
        QCOMPARE(lan.loopbackUrl().fragment(), u"t="_qs + lan.token());
        QCOMPARE(QSettings(ini, QSettings::IniFormat).value(u"server/token"_qs).toString(), lan.token());
    }

    // A settings file that cannot be written (its folder is a regular file): the token of this run
    // must not change on a restart, or every URL printed or scanned so far would stop working.
    void tokenStableWhenItCannotBeSaved()
    {
        QFile blocker(m_dir.filePath(u"not-a-folder"_qs));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Settings settings(blocker.fileName() + u"/spectray.ini"_qs);
        LanService lan(settings);
        lan.setOverrides({quint16(0), ip("127.0.0.1")});
        QVERIFY(lan.apply());
        const QString token = lan.token();
        QVERIFY(!token.isEmpty());
        settings.setValue(keys::serverMaxClients, 5);
        QSignalSpy state(&lan, &LanService::stateChanged);
        QTRY_VERIFY_WITH_TIMEOUT(state.size() >= 1, 5000);
        QVERIFY(lan.isListening());
        QCOMPARE(lan.token(), token);
        QCOMPARE(lan.loopbackUrl().fragment(), u"t="_qs + token);
        QVERIFY(!QFile::exists(blocker.fileName() + u"/spectray.ini"_qs));
    }
};

QTEST_GUILESS_MAIN(TestLanService)
#include "tst_lanservice.moc"
