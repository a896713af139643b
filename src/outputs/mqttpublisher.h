#pragma once

#include "core/audiofeatures.h"
#include "core/bandlayout.h"
#include "core/enginestatus.h"
#include "core/spectrumframe.h"
#include "outputs/mqttoptions.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct mosquitto;

namespace spectray::outputs {

struct MosquittoApi;

// Publishes the analysis to an MQTT broker with libmosquitto (docs/mqtt.md):
//   PREFIX/frame         binary frame (docs/protocol.md), QoS 0, at most options.frameRate per second
//   PREFIX/layout        JSON, retained, on every change and on every (re)connect
//   PREFIX/status        JSON, retained, likewise
//   PREFIX/availability  "online" / "offline", retained; "offline" is also the last will
//   PREFIX/level         JSON {level, bass, beat, peak_hz, ...}, QoS 0, options.levelRate per second
// libmosquitto runs its network loop in its own thread (mosquitto_loop_start) and reconnects with
// exponential backoff (1 s .. 30 s); the slots run in the owner's thread and only queue messages,
// so a slow or absent broker never blocks the caller. The one blocking step, the first connect
// (a DNS look-up), runs on a short-lived connector thread.
class MqttPublisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MqttPublisher)

public:
    enum class State { Off, Connecting, Connected, Unreachable };
    Q_ENUM(State)
    static constexpr int kUnreachableAfterMs = 5000; // no connection this long: say so, once

    explicit MqttPublisher(QObject *parent = nullptr);
    ~MqttPublisher() override;

    // false + a one-line reason for a configuration that cannot work (unreadable CA file, bad
    // prefix); a broker that is down is not an error here: it is retried and reported by state.
    bool start(const MqttOptions &options, QString *error = nullptr);
    void stop(); // publishes "offline" (if connected), disconnects, joins the threads

    State state() const { return m_state; }
    QString statusText() const { return m_statusText; } // translated, for the tray and the log
    const MqttOptions &options() const { return m_options; }
    QString topic(const char *leaf) const; // PREFIX/leaf
    quint64 framesPublished() const { return m_framesPublished; }

public slots:
    void publishFrame(const spectray::SpectrumFrame &frame);
    void publishLayout(const spectray::BandLayout &layout);
    void publishStatus(const spectray::EngineStatus &status);
    void publishFeatures(const spectray::AudioFeatures &features);

signals:
    void stateChanged(spectray::outputs::MqttPublisher::State state, const QString &message);

private:
    mosquitto *createClient(const MqttOptions &options, QString *problem); // will, auth, TLS set
    static void onConnect(mosquitto *mosq, void *self, int rc);
    static void onDisconnect(mosquitto *mosq, void *self, int rc);
    static void onPublish(mosquitto *mosq, void *self, int mid);
    void publishRetained(); // from the network thread, on connect
    void setState(State state, const QString &message);
    void checkUnreachable();
    bool publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain, int *mid = nullptr);

    MqttOptions m_options;
    const MosquittoApi *m_api = nullptr; // libmosquitto, loaded by the first start()
    mosquitto *m_mosq = nullptr;
    std::thread m_connector;
    QByteArray m_frameTopic, m_levelTopic, m_layoutTopic, m_statusTopic, m_availabilityTopic;

    QMutex m_retainedMutex; // the network thread republishes these on every connect
    QByteArray m_layoutJson;
    QByteArray m_statusJson;

    std::atomic<bool> m_connected { false };
    std::mutex m_ackMutex;
    std::condition_variable m_ackCv;
    int m_lastAckedMid = -1;

    State m_state = State::Off;
    QString m_statusText;
    QTimer m_unreachableTimer;
    QElapsedTimer m_clock;
    double m_frameCredit = 1.0;
    qint64 m_lastFrameMs = -1;
    qint64 m_lastLevelMs = -1;
    quint64 m_beatsReported = 0;
    quint64 m_framesPublished = 0;
    QByteArray m_frameBuffer; // reused: encoding allocates nothing once it is large enough
};

} // namespace spectray::outputs
