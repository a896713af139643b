#pragma once

#include "core/audiofeatures.h"
#include "outputs/wledmapper.h"
#include "outputs/playdelay.h"
#include "outputs/wledoptions.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QUdpSocket;

namespace spectray::outputs {

// Sends WLED Audio Sync v2 packets on its own 50 Hz timer, whatever the display's frame rate, from
// the newest AudioFeatures the engine gave it. Lives in the GUI thread: every send is a non-blocking
// datagram write, and host names are looked up asynchronously once, at start, never per packet.
// A target that fails (unknown host, no route, refused) costs one message and is skipped; the
// others keep their rate. Capture stopped, silence or no features for kStaleS: zero packets for
// kZeroTailS, then nothing until sound returns.
class WledSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WledSender)

public:
    static constexpr double kZeroTailS = 1.0;
    static constexpr double kStaleS = 0.5;

    explicit WledSender(QObject *parent = nullptr);
    ~WledSender() override;

    // Starts sending to options.targets (parsed already). false + a reason when nothing can be
    // sent at all (no target usable); per-target problems come later through errorOccurred().
    bool start(const WledOptions &options, QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    bool isSending() const { return m_sending; } // false while idle after the zero tail
    double packetsPerSecond() const { return m_rate; } // over the last second, per target
    quint64 packetsSent() const { return m_packets; }
    QString lastError() const { return m_lastError; }
    const WledOptions &options() const { return m_options; }

public slots:
    void setFeatures(const spectray::AudioFeatures &features);
    void setCaptureActive(bool active); // false: the zero tail starts now

signals:
    void errorOccurred(const QString &message); // once per target and problem, translated
    void sendingChanged(bool sending);

private:
    struct Destination;
    void tick();
    void sendOne();
    void resolve(Destination &destination);
    void openMulticastSockets();
    void send(const WledPacket &packet);
    QUdpSocket *socket6();
    void report(Destination &destination, const QString &problem);
    bool soundPresent() const;
    void takeDueFeatures(); // the newest analysis whose audio is heard by now becomes m_features

    WledOptions m_options;
    QTimer m_timer;
    QElapsedTimer m_clock;
    WledMapper m_mapper;
    AudioFeatures m_features;
    // Analysis waiting for its play time; 128 covers the 500 ms hold at the engine's 240 fps.
    PlayDelay<AudioFeatures, 128> m_delay;
    qint64 m_featuresAtMs = -1;
    qint64 m_quietSinceMs = -1;
    quint64 m_beatsSent = 0;
    bool m_captureActive = true;
    bool m_sending = false;
    quint8 m_counter = 0;
    qint64 m_ticks = 0; // packet slots handled since start
    quint64 m_packets = 0;
    double m_rate = 0.0;
    qint64 m_rateWindowStartMs = 0;
    quint64 m_rateWindowPackets = 0;
    QString m_lastError;
    std::unique_ptr<QUdpSocket> m_socket; // IPv4 unicast and broadcast
    std::unique_ptr<QUdpSocket> m_socket6; // IPv6 unicast, opened on first use
    std::vector<std::unique_ptr<QUdpSocket>> m_multicastSockets; // one per interface
    std::vector<std::unique_ptr<Destination>> m_destinations;
    int m_lookupGeneration = 0;
};

} // namespace spectray::outputs
