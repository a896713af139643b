// The WLED sender over real loopback UDP, checked by a receiver written from the protocol
// (wledreceiver.h) while synthetic audio goes through the real dsp path (featurefeeder.h).
#include "featurefeeder.h"
#include "outputs/wledsender.h"
#include "wledreceiver.h"

#include <QDateTime>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>

using namespace spectray;
using namespace spectray::testwled;
using testsignals::SignalGen;

namespace {

outputs::WledOptions unicastTo(std::initializer_list<QString> targets)
{
    outputs::WledOptions o;
    o.enabled = true;
    QString error;
    outputs::parseWledTargets(QStringList(targets), &o.targets, &error);
    return o;
}

QString local(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

void runFor(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QTest::qWait(std::min<qint64>(50, ms - t.elapsed()));
}

} // namespace

class TestWledSender final : public QObject
{
    Q_OBJECT

private slots:
    void unicastToTwoReceivers()
    {
        Receiver a;
        Receiver b;
        SignalGen gen;
        gen.freq = 1000.0;
        FeatureFeeder feeder(gen);
        outputs::WledSender sender;
        connect(&feeder, &FeatureFeeder::features, &sender, &outputs::WledSender::setFeatures);
        feeder.start();
        QVERIFY(sender.start(unicastTo({ local(a.port()), local(b.port()) })));
        runFor(3500);
        for (Receiver *r : { &a, &b }) {
            // Rate over 3 s of steady state (the first 0.5 s is the analysis filling up).
            const double rate = r->countBetween(500, 3500) / 3.0;
            qInfo("receiver %u: %zu packets accepted, %d rejected, %d counter breaks, %.1f packets/s", r->port(),
                r->packets.size(), r->rejected, r->counterBreaks, rate);
            QCOMPARE(r->rejected, 0);
            QCOMPARE(r->counterBreaks, 0);
            QVERIFY2(rate >= 45.0 && rate <= 55.0, qPrintable(QString::number(rate)));
            const AudioSyncPacket &p = r->packets.back().packet;
            QCOMPARE(loudest(p), 7); // 818-1120 Hz
            QVERIFY(p.FFT_MajorPeak > 980.0f && p.FFT_MajorPeak < 1020.0f);
            QVERIFY(p.sampleRaw > 100.0f);
        }
        QVERIFY(sender.packetsPerSecond() > 40.0);
    }

    void lightsWaitForThePlayTime()
    {
        // A/V sync: analysis stamped "heard in 300 ms" (a Bluetooth speaker's latency) plus a 100 ms
        // LED offset is sent 400 ms after it was made, not at once.
        Receiver r;
        SignalGen gen;
        gen.freq = 1000.0;
        FeatureFeeder feeder(gen);
        outputs::WledSender sender;
        qint64 firstFeaturesAt = -1;
        connect(&feeder, &FeatureFeeder::features, &sender, [&](const AudioFeatures &f) {
            AudioFeatures stamped = f;
            stamped.playTsMs = QDateTime::currentMSecsSinceEpoch() + 300;
            if (firstFeaturesAt < 0 && f.level >= outputs::WledMapper::kSquelchRms)
                firstFeaturesAt = r.now();
            sender.setFeatures(stamped);
        });
        outputs::WledOptions options = unicastTo({ local(r.port()) });
        options.avOffsetMs = 100;
        QVERIFY(sender.start(options));
        feeder.start();
        runFor(1500);
        QVERIFY(firstFeaturesAt >= 0);
        qint64 firstLoudAt = -1;
        for (const Received &p : r.packets) {
            if (!allZero(p.packet)) {
                firstLoudAt = p.atMs;
                break;
            }
        }
        QVERIFY(firstLoudAt >= 0);
        qInfo("first sound analysed at %lld ms, first lit packet at %lld ms", qlonglong(firstFeaturesAt),
              qlonglong(firstLoudAt));
        QVERIFY(firstLoudAt - firstFeaturesAt >= 400);
        QVERIFY(firstLoudAt - firstFeaturesAt < 400 + 250); // a 50 Hz tick, and a loaded machine
    }

    void silenceSendsZerosForOneSecondThenStops()
    {
        Receiver r;
        SignalGen gen;
        gen.freq = 60.0;
        FeatureFeeder feeder(gen);
        outputs::WledSender sender;
        connect(&feeder, &FeatureFeeder::features, &sender, &outputs::WledSender::setFeatures);
        feeder.start();
        QVERIFY(sender.start(unicastTo({ local(r.port()) })));
        runFor(1500);
        QCOMPARE(loudest(r.packets.back().packet), 0); // 43-86 Hz
        feeder.setKind(SignalGen::Kind::Silence);
        const qint64 silentAt = r.now();
        runFor(2500);
        // The 8192-sample window empties within 0.2 s; then zeros for 1 s; then nothing.
        int zeros = 0;
        qint64 lastAt = 0;
        for (const Received &p : r.packets) {
            if (p.atMs < silentAt)
                continue;
            zeros += allZero(p.packet) ? 1 : 0;
            lastAt = p.atMs;
        }
        qInfo("after silence: %d zero packets, last one %lld ms after the silence began", zeros,
            qlonglong(lastAt - silentAt));
        QVERIFY(allZero(r.packets.back().packet));
        QVERIFY2(zeros >= 40 && zeros <= 70, qPrintable(QString::number(zeros)));
        QVERIFY(lastAt - silentAt < 1800);
        QCOMPARE(r.countBetween(silentAt + 2000, silentAt + 2500), 0);
        QVERIFY(!sender.isSending());

        // Sound again: sending resumes.
        feeder.setKind(SignalGen::Kind::Tone);
        runFor(800);
        QVERIFY(r.countBetween(r.now() - 400, r.now()) >= 15);
        QVERIFY(!allZero(r.packets.back().packet));
    }

    void captureStopSendsZerosThenStops()
    {
        Receiver r;
        FeatureFeeder feeder(SignalGen {});
        outputs::WledSender sender;
        connect(&feeder, &FeatureFeeder::features, &sender, &outputs::WledSender::setFeatures);
        feeder.start();
        QVERIFY(sender.start(unicastTo({ local(r.port()) })));
        runFor(800);
        feeder.stop();
        sender.setCaptureActive(false);
        const qint64 stoppedAt = r.now();
        runFor(1800);
        QVERIFY(allZero(r.packets.back().packet));
        QVERIFY(r.countBetween(stoppedAt, stoppedAt + 1000) >= 40);
        QCOMPARE(r.countBetween(stoppedAt + 1300, stoppedAt + 1800), 0);
    }

    void badAndVanishedTargetsCostNothing()
    {
        Receiver good;
        auto gone = std::make_unique<Receiver>();
        quint16 closedPort = 0;
        {
            Receiver closed; // a port nobody listens on any more: ICMP port unreachable
            closedPort = closed.port();
        }
        FeatureFeeder feeder(SignalGen {});
        outputs::WledSender sender;
        QSignalSpy errors(&sender, &outputs::WledSender::errorOccurred);
        connect(&feeder, &FeatureFeeder::features, &sender, &outputs::WledSender::setFeatures);
        feeder.start();
        QVERIFY(sender.start(unicastTo(
            { local(good.port()), local(gone->port()), local(closedPort), QStringLiteral("no-such-host.invalid") })));
        runFor(1500);
        gone->close(); // a receiver that goes away mid-stream
        gone.reset();
        runFor(2500);
        const double before = good.countBetween(500, 1500) / 1.0;
        const double after = good.countBetween(2000, 4000) / 2.0;
        qInfo("good receiver: %.1f packets/s before, %.1f after the other went away; %lld error message(s): %s", before,
            after, qlonglong(errors.count()),
            errors.isEmpty() ? "" : qPrintable(errors.constFirst().constFirst().toString()));
        QVERIFY2(after >= 45.0 && after <= 55.0, qPrintable(QString::number(after)));
        QCOMPARE(good.counterBreaks, 0);
        // The unknown host is reported once, with its name, and not again.
        int unknown = 0;
        for (const auto &e : std::as_const(errors))
            unknown += e.constFirst().toString().contains(QStringLiteral("no-such-host.invalid")) ? 1 : 0;
        QCOMPARE(unknown, 1);
        QVERIFY(sender.isRunning());
    }

    void multicastOnLoopbackInterface()
    {
        // Multicast to a group on the loopback interface only (the namespace test covers a real link).
        QUdpSocket group;
        QVERIFY(group.bind(QHostAddress::AnyIPv4, 0, QUdpSocket::ShareAddress));
        const QNetworkInterface lo = QNetworkInterface::interfaceFromName(QStringLiteral("lo"));
        if (!lo.isValid() || !group.joinMulticastGroup(QHostAddress(QStringLiteral("239.0.0.1")), lo))
            QSKIP("cannot join a multicast group on lo here");
        int received = 0;
        connect(&group, &QUdpSocket::readyRead, &group, [&] {
            while (group.hasPendingDatagrams())
                received += group.receiveDatagram().data().size() == 44 ? 1 : 0;
        });
        FeatureFeeder feeder(SignalGen {});
        outputs::WledSender sender;
        connect(&feeder, &FeatureFeeder::features, &sender, &outputs::WledSender::setFeatures);
        feeder.start();
        outputs::WledOptions o;
        o.enabled = true;
        o.interfaceName = QStringLiteral("lo");
        QString error;
        QVERIFY(
            outputs::parseWledTargets({ QStringLiteral("239.0.0.1:%1").arg(group.localPort()) }, &o.targets, &error));
        QVERIFY(sender.start(o));
        runFor(1500);
        qInfo("multicast on lo: %d packets in 1.5 s", received);
        QVERIFY(received >= 50);
    }

    void unicastOverIpv6Loopback()
    {
        Receiver r(QHostAddress::LocalHostIPv6);
        if (r.port() == 0)
            QSKIP("no IPv6 loopback here");
        FeatureFeeder feeder(SignalGen {});
        outputs::WledSender sender;
        connect(&feeder, &FeatureFeeder::features, &sender, &outputs::WledSender::setFeatures);
        feeder.start();
        QVERIFY(sender.start(unicastTo({ QStringLiteral("[::1]:%1").arg(r.port()) })));
        runFor(1000);
        QVERIFY2(r.packets.size() >= 35, qPrintable(QString::number(r.packets.size())));
        QCOMPARE(r.rejected, 0);
    }

    void unknownInterfaceIsOneMessage()
    {
        outputs::WledSender sender;
        QSignalSpy errors(&sender, &outputs::WledSender::errorOccurred);
        outputs::WledOptions o;
        o.enabled = true;
        o.interfaceName = QStringLiteral("nosuchif0");
        QVERIFY(sender.start(o));
        runFor(300);
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.constFirst().constFirst().toString().contains(QStringLiteral("nosuchif0")));
    }
};

QTEST_GUILESS_MAIN(TestWledSender)
#include "tst_wledsender.moc"
