// The server keys mapped to ServerOptions (net/netsettings.cpp), and the token kept for the run when
// the settings cannot be saved (issue 9: a new token on every start changed the printed URL).
#include "net/netsettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;
using namespace spectray::net;

class TestNetSettings final : public QObject
{
    Q_OBJECT

private slots:
    void allowedHostsAndOriginsAreSplit()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        QVERIFY(s.setValue(keys::serverAllowedHosts, QStringLiteral(" spectray.home.arpa, tv.local\t[::1] ")));
        QVERIFY(s.setValue(keys::serverAllowedOrigins, QStringLiteral("http://a.example:8080 https://b.example")));
        const ServerOptions o = serverOptionsFrom(s);
        QCOMPARE(o.allowedHosts,
                 (QStringList{QStringLiteral("spectray.home.arpa"), QStringLiteral("tv.local"), QStringLiteral("[::1]")}));
        QCOMPARE(o.allowedOrigins,
                 (QStringList{QStringLiteral("http://a.example:8080"), QStringLiteral("https://b.example")}));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing invalid value for server/allowedHosts")));
        QVERIFY(!s.setValue(keys::serverAllowedHosts, QStringLiteral("http://evil.example/")));
    }

    void defaultsMatchTheSchema()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("s.ini")));
        const ServerOptions o = serverOptionsFrom(s);
        QCOMPARE(o.port, quint16(8737));
        QCOMPARE(o.maxClients, 32);
        QCOMPARE(o.bindAddress, QHostAddress(QHostAddress::Any)); // LAN access on by default
        QVERIFY(o.allowedHosts.isEmpty());
    }

    void portZeroInTheFileGivesTheDefault()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[server]\nport=0\n");
        f.close();
        Settings s(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("server/port.*out of range")));
        QCOMPARE(serverOptionsFrom(s).port, quint16(8737));
    }

    void tokenIsStableWhenItCannotBeSaved()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Settings s(dir.filePath(QStringLiteral("blocker/s.ini"))); // its folder cannot be made
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot be saved")));
        const QString token = ensureToken(s);
        QVERIFY(keys::isValidToken(token) && !token.isEmpty());
        QVERIFY(!s.canSave());
        QCOMPARE(ensureToken(s), token);
        QCOMPARE(serverOptionsFrom(s).token, token);
        QCOMPARE(s.problems().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNetSettings)
#include "tst_netsettings.moc"
