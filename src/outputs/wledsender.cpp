#include "outputs/wledsender.h"

#include <QDateTime>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QUdpSocket>
#include <QVariant>

namespace spectray::outputs {

struct WledSender::Destination
{
    WledTarget target;
    QHostAddress address; // null until known
    QString problem; // the last one reported, so each is reported once
};

WledSender::WledSender(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<AudioFeatures>();
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &WledSender::tick);
}

WledSender::~WledSender() = default;

bool WledSender::start(const WledOptions &options, QString *error)
{
    stop();
    m_options = options;
    if (m_options.targets.isEmpty())
        parseWledTargets({}, &m_options.targets, nullptr);
    m_options.ttl = std::clamp(m_options.ttl, 1, 255);
    m_options.packetsPerSecond = std::clamp(m_options.packetsPerSecond, 1, 200);
    m_options.avOffsetMs = std::clamp(m_options.avOffsetMs, -500, 500);
    m_delay.clear();
    m_delay.setOffsetMs(m_options.avOffsetMs);
    m_mapper = WledMapper(m_options.packetsPerSecond);
    m_lastError.clear();
    ++m_lookupGeneration;

    m_socket = std::make_unique<QUdpSocket>();
    if (!m_socket->bind(QHostAddress::AnyIPv4, 0)) {
        const QString message = tr("LED sync cannot open a UDP socket: %1").arg(m_socket->errorString());
        m_lastError = message;
        if (error)
            *error = message;
        m_socket.reset();
        return false;
    }
    bool anyMulticast = false;
    for (const WledTarget &target : std::as_const(m_options.targets)) {
        auto destination = std::make_unique<Destination>();
        destination->target = target;
        anyMulticast = anyMulticast || target.kind == WledTarget::Kind::Multicast;
        m_destinations.push_back(std::move(destination));
    }
    if (anyMulticast)
        openMulticastSockets();
    for (auto &destination : m_destinations)
        resolve(*destination);

    m_clock.start();
    m_ticks = 0;
    m_featuresAtMs = -1;
    m_quietSinceMs = -1;
    m_rateWindowStartMs = 0;
    m_rateWindowPackets = 0;
    m_rate = 0.0;
    m_timer.start(1000 / m_options.packetsPerSecond);
    return true;
}

void WledSender::stop()
{
    m_timer.stop();
    ++m_lookupGeneration; // late look-up answers find nothing to fill in
    m_destinations.clear();
    m_multicastSockets.clear();
    m_socket.reset();
    m_socket6.reset();
    m_rate = 0.0;
    if (m_sending) {
        m_sending = false;
        emit sendingChanged(false);
    }
}

void WledSender::openMulticastSockets()
{
    QList<QNetworkInterface> chosen;
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : all) {
        const auto flags = iface.flags();
        const bool usable = flags.testFlag(QNetworkInterface::IsUp) && flags.testFlag(QNetworkInterface::IsRunning)
            && flags.testFlag(QNetworkInterface::CanMulticast);
        if (!m_options.interfaceName.isEmpty()) {
            if (iface.name() == m_options.interfaceName)
                chosen.append(iface);
        } else if (usable && !flags.testFlag(QNetworkInterface::IsLoopBack)) {
            chosen.append(iface);
        }
    }
    if (!m_options.interfaceName.isEmpty() && chosen.isEmpty()) {
        m_lastError = tr("LED sync: no network interface named '%1'").arg(m_options.interfaceName);
        emit errorOccurred(m_lastError);
        return;
    }
    auto open = [this](const QNetworkInterface *iface) {
        auto socket = std::make_unique<QUdpSocket>();
        if (!socket->bind(QHostAddress::AnyIPv4, 0))
            return;
        socket->setSocketOption(QAbstractSocket::MulticastTtlOption, QVariant(m_options.ttl));
        if (iface)
            socket->setMulticastInterface(*iface);
        m_multicastSockets.push_back(std::move(socket));
    };
    if (chosen.isEmpty())
        open(nullptr); // no multicast interface up: let the routing table decide (and report why not)
    for (const QNetworkInterface &iface : std::as_const(chosen))
        open(&iface);
}

void WledSender::resolve(Destination &destination)
{
    QHostAddress address;
    if (address.setAddress(destination.target.host)) {
        if (destination.target.kind == WledTarget::Kind::Multicast
            && address.protocol() != QAbstractSocket::IPv4Protocol) {
            report(destination, tr("only IPv4 multicast groups are supported (WLED listens on 239.0.0.1)"));
            return;
        }
        destination.address = address;
        return;
    }
    // A host name: one asynchronous look-up now; packets to it start when the answer comes.
    const int generation = m_lookupGeneration;
    Destination *target = &destination;
    QHostInfo::lookupHost(destination.target.host, this, [this, generation, target](const QHostInfo &info) {
        if (generation != m_lookupGeneration)
            return;
        QHostAddress found;
        for (const QHostAddress &a : info.addresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol) {
                found = a;
                break;
            }
        }
        if (found.isNull() && !info.addresses().isEmpty())
            found = info.addresses().constFirst();
        if (found.isNull())
            report(*target, tr("unknown host (%1)").arg(info.errorString()));
        else
            target->address = found;
    });
}

void WledSender::report(Destination &destination, const QString &problem)
{
    if (destination.problem == problem)
        return;
    destination.problem = problem;
    m_lastError = tr("LED sync to %1: %2").arg(destination.target.toString(), problem);
    emit errorOccurred(m_lastError);
}

void WledSender::setFeatures(const AudioFeatures &features)
{
    m_delay.push(features, features.playTsMs, QDateTime::currentMSecsSinceEpoch());
    takeDueFeatures(); // without a play time (or with a negative offset) it is due at once
}

void WledSender::takeDueFeatures()
{
    if (const AudioFeatures *due = m_delay.take(QDateTime::currentMSecsSinceEpoch())) {
        m_features = *due;
        m_featuresAtMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    }
}

void WledSender::setCaptureActive(bool active)
{
    m_captureActive = active;
    if (!active) {
        m_featuresAtMs = -1;
        m_delay.clear(); // held analysis of audio no longer captured
    }
}

bool WledSender::soundPresent() const
{
    return m_features.level >= WledMapper::kSquelchRms;
}

void WledSender::tick()
{
    takeDueFeatures();
    // Packets due by the clock, not by timer events: a late timer (a loaded machine) is caught up
    // with up to two extra packets, so the rate stays at packetsPerSecond on average.
    const qint64 due = m_clock.elapsed() * m_options.packetsPerSecond / 1000 + 1;
    const qint64 count = std::clamp<qint64>(due - m_ticks, 0, 3);
    m_ticks = std::max(m_ticks + count, due - 3);
    for (qint64 i = 0; i < count; ++i)
        sendOne();
}

void WledSender::sendOne()
{
    const qint64 now = m_clock.elapsed();
    const bool stale = m_featuresAtMs < 0 || now - m_featuresAtMs > qint64(kStaleS * 1000);
    WledPacketFields fields;
    if (!m_captureActive || stale || !soundPresent()) {
        if (m_quietSinceMs < 0)
            m_quietSinceMs = now;
        if (now - m_quietSinceMs >= qint64(kZeroTailS * 1000)) {
            if (m_sending) {
                m_sending = false;
                m_mapper.reset();
                emit sendingChanged(false);
            }
            m_rate = 0.0;
            m_rateWindowStartMs = now;
            m_rateWindowPackets = 0;
            return;
        }
        fields = WledMapper::silence();
        m_beatsSent = m_features.beatCount; // a beat from before the pause is not sent after it
    } else {
        m_quietSinceMs = -1;
        const bool beat = m_features.beatCount > m_beatsSent;
        m_beatsSent = m_features.beatCount;
        fields = m_mapper.map(m_features, beat);
    }
    if (!m_sending) {
        m_sending = true;
        emit sendingChanged(true);
    }
    fields.frameCounter = m_counter++;
    WledPacket packet;
    encodeWledPacket(fields, packet);
    send(packet);
    ++m_packets;
    ++m_rateWindowPackets;
    if (now - m_rateWindowStartMs >= 1000) {
        m_rate = double(m_rateWindowPackets) * 1000.0 / double(now - m_rateWindowStartMs);
        m_rateWindowStartMs = now;
        m_rateWindowPackets = 0;
    }
}

QUdpSocket *WledSender::socket6()
{
    if (!m_socket6) { // only when an IPv6 unicast target exists: most setups never need it
        m_socket6 = std::make_unique<QUdpSocket>();
        if (!m_socket6->bind(QHostAddress::AnyIPv6, 0))
            m_socket6.reset();
    }
    return m_socket6.get();
}

void WledSender::send(const WledPacket &packet)
{
    for (auto &d : m_destinations) {
        if (d->address.isNull())
            continue;
        bool ok = true;
        QString failure;
        if (d->target.kind == WledTarget::Kind::Multicast) {
            if (m_multicastSockets.empty())
                continue; // the missing interface was reported once, at start
            for (auto &socket : m_multicastSockets) {
                if (socket->writeDatagram(packet.data(), packet.size(), d->address, d->target.port) < 0) {
                    ok = false;
                    failure = socket->errorString();
                }
            }
        } else {
            QUdpSocket *socket = d->address.protocol() == QAbstractSocket::IPv6Protocol ? socket6() : m_socket.get();
            if (!socket || socket->writeDatagram(packet.data(), packet.size(), d->address, d->target.port) < 0) {
                ok = false;
                failure = socket ? socket->errorString() : tr("cannot open an IPv6 socket");
            }
        }
        if (!ok)
            report(*d, failure);
        else if (!d->problem.isEmpty())
            d->problem.clear(); // working again: a new failure is reported again
    }
}

} // namespace spectray::outputs
