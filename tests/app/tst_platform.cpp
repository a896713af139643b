// The platform layer on this system: termination signals arrive as a Qt signal on the watcher's
// thread and the default action comes back when the watcher is gone.
#include "app/platform/platform.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using spectray::platform::TerminationWatcher;

class TestPlatform final : public QObject
{
    Q_OBJECT

private slots:
    void signalsBecomeQtSignals_data()
    {
        QTest::addColumn<int>("number");
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGTERM") << SIGTERM;
    }

    void signalsBecomeQtSignals()
    {
        QFETCH(int, number);
        TerminationWatcher watcher;
        QSignalSpy requested(&watcher, &TerminationWatcher::terminationRequested);
        QCOMPARE(std::raise(number), 0); // the process survives: the handler only writes a byte
        QCOMPARE(requested.size(), 0);   // nothing runs inside the signal handler
        QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, 5000);
    }

    void defaultActionRestored()
    {
        {
            TerminationWatcher watcher;
        }
        struct sigaction current = {};
        QCOMPARE(sigaction(SIGTERM, nullptr, &current), 0);
        QVERIFY(current.sa_handler == SIG_DFL);
        QCOMPARE(sigaction(SIGINT, nullptr, &current), 0);
        QVERIFY(current.sa_handler == SIG_DFL);
    }

    void aFileIsNoTerminal()
    {
        std::FILE *file = std::tmpfile();
        QVERIFY(file);
        QVERIFY(!spectray::platform::isTerminal(file));
        std::fclose(file);
    }

    void brokenPipeIgnored()
    {
        spectray::platform::ignoreBrokenPipe();
        struct sigaction current = {};
        QCOMPARE(sigaction(SIGPIPE, nullptr, &current), 0);
        QVERIFY(current.sa_handler == SIG_IGN);
    }
};

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
