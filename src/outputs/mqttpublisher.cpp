#include "outputs/mqttpublisher.h"

#include "core/binaryframe.h"
#include "core/wireformat.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "outputs/mosquittoapi.h"

#include <algorithm>
#include <chrono>

namespace spectray::outputs {

MqttPublisher::MqttPublisher(QObject *parent)
    : QObject(parent)
{
    m_unreachableTimer.setSingleShot(true);
    connect(&m_unreachableTimer, &QTimer::timeout, this, &MqttPublisher::checkUnreachable);
}

MqttPublisher::~MqttPublisher()
{
    stop();
}

QString MqttPublisher::topic(const char *leaf) const
{
    return m_options.prefix + u'/' + QLatin1String(leaf);
}

bool MqttPublisher::start(const MqttOptions &options, QString *error)
{
    stop();
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    MqttOptions o = options;
    if (o.prefix.isEmpty())
        o.prefix = defaultMqttPrefix();
    if (!validMqttPrefix(o.prefix))
        return fail(tr("MQTT: invalid topic prefix '%1'").arg(o.prefix));
    if (o.host.isEmpty())
        return fail(tr("MQTT: no broker host"));
    if (o.tls && !o.caFile.isEmpty() && !QFileInfo(o.caFile).isReadable())
        return fail(tr("MQTT: cannot read the CA file '%1'").arg(o.caFile));
    o.frameRate = std::clamp(o.frameRate, 1, 60);
    o.levelRate = std::clamp(o.levelRate, 1, 30);
    o.avOffsetMs = std::clamp(o.avOffsetMs, -500, 500);
    o.keepAliveS = std::clamp(o.keepAliveS, 5, 600);
    if (o.clientId.isEmpty())
        o.clientId
            = QStringLiteral("spectray-%1-%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
    m_options = o;
    m_frameTopic = topic("frame").toUtf8();
    m_levelTopic = topic("level").toUtf8();
    m_layoutTopic = topic("layout").toUtf8();
    m_statusTopic = topic("status").toUtf8();
    m_availabilityTopic = topic("availability").toUtf8();

    QString problem;
    m_api = loadMosquitto(&problem); // on the first start only: most runs never publish
    if (!m_api)
        return fail(problem);
    m_mosq = createClient(o, &problem);
    if (!m_mosq)
        return fail(problem);
    if (const int rc = m_api->loop_start(m_mosq); rc != MOSQ_ERR_SUCCESS) {
        m_api->destroy(m_mosq);
        m_mosq = nullptr;
        return fail(tr("MQTT: cannot start the network thread: %1").arg(QString::fromUtf8(m_api->strerror(rc))));
    }
    m_clock.start();
    m_frameCredit = 1.0;
    m_lastLevelMs = -1;
    setState(State::Connecting, tr("MQTT: connecting to %1:%2").arg(o.host).arg(o.port));
    m_unreachableTimer.start(kUnreachableAfterMs);
    // The first connect resolves the host name, which may block: not in the caller's thread. A
    // failure here is retried by the network thread with backoff.
    const QByteArray host = o.host.toUtf8();
    mosquitto *mosq = m_mosq;
    const int port = o.port;
    const int keepAlive = o.keepAliveS;
    m_connector = std::thread(
        [api = m_api, mosq, host, port, keepAlive] { api->connect_async(mosq, host.constData(), port, keepAlive); });
    return true;
}

mosquitto *MqttPublisher::createClient(const MqttOptions &o, QString *problem)
{
    mosquitto *mosq = m_api->client_new(o.clientId.toUtf8().constData(), true, this);
    if (!mosq) {
        *problem = tr("MQTT: cannot create a client (out of memory)");
        return nullptr;
    }
    m_api->connect_callback_set(mosq, &MqttPublisher::onConnect);
    m_api->disconnect_callback_set(mosq, &MqttPublisher::onDisconnect);
    m_api->publish_callback_set(mosq, &MqttPublisher::onPublish);
    m_api->reconnect_delay_set(mosq, 1, 30, true);
    static const char offline[] = "offline";
    m_api->will_set(mosq, m_availabilityTopic.constData(), int(sizeof offline - 1), offline, 1, true);
    if (!o.username.isEmpty()) {
        const QByteArray user = o.username.toUtf8();
        const QByteArray pass = o.password.toUtf8();
        m_api->username_pw_set(mosq, user.constData(), o.password.isEmpty() ? nullptr : pass.constData());
    }
    if (o.tls) {
        const int rc = o.caFile.isEmpty()
            ? m_api->int_option(mosq, MOSQ_OPT_TLS_USE_OS_CERTS, 1)
            : m_api->tls_set(mosq, QFile::encodeName(o.caFile).constData(), nullptr, nullptr, nullptr, nullptr);
        if (rc != MOSQ_ERR_SUCCESS) {
            *problem = tr("MQTT: TLS setup failed: %1").arg(QString::fromUtf8(m_api->strerror(rc)));
            m_api->destroy(mosq);
            return nullptr;
        }
    }
    return mosq;
}

void MqttPublisher::stop()
{
    if (!m_mosq)
        return;
    if (m_connector.joinable())
        m_connector.join();
    m_unreachableTimer.stop();
    if (m_connected) {
        // A clean stop says "offline" itself (the will is only for a lost connection); wait a
        // moment for the broker's acknowledgement so the message is not cut off by the disconnect.
        int mid = -1;
        if (publish(m_availabilityTopic, QByteArrayLiteral("offline"), 1, true, &mid)) {
            std::unique_lock lock(m_ackMutex);
            m_ackCv.wait_for(lock, std::chrono::seconds(1), [&] { return m_lastAckedMid == mid || !m_connected; });
        }
    }
    m_api->disconnect(m_mosq);
    m_api->loop_stop(m_mosq, false);
    m_api->destroy(m_mosq);
    m_mosq = nullptr;
    m_connected = false;
    setState(State::Off, tr("MQTT: off"));
}

bool MqttPublisher::publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain, int *mid)
{
    if (!m_mosq)
        return false;
    return m_api->publish(m_mosq, mid, topic.constData(), int(payload.size()), payload.constData(), qos, retain)
        == MOSQ_ERR_SUCCESS;
}

void MqttPublisher::publishFrame(const SpectrumFrame &frame)
{
    if (!m_connected)
        return; // QoS 0 while the broker is away: nothing to queue
    const qint64 now = m_clock.elapsed();
    if (m_lastFrameMs >= 0)
        m_frameCredit = std::min(2.0, m_frameCredit + double(now - m_lastFrameMs) * m_options.frameRate / 1000.0);
    m_lastFrameMs = now;
    // Slightly under one credit is enough, so a 30 fps engine with timer jitter keeps 30/s at a
    // 30/s limit; the deduction keeps the long-run rate at the limit.
    if (m_frameCredit < 0.9)
        return;
    m_frameCredit -= 1.0;
    if (frame.playTsMs != 0 && m_options.avOffsetMs != 0) {
        // This output's A/V offset on the play time the frame carries (a copy shares the bands).
        SpectrumFrame shifted = frame;
        shifted.playTsMs += m_options.avOffsetMs;
        wire::encodeBinaryFrame(shifted, m_frameBuffer);
    } else {
        wire::encodeBinaryFrame(frame, m_frameBuffer);
    }
    if (publish(m_frameTopic, m_frameBuffer, 0, false))
        ++m_framesPublished;
}

void MqttPublisher::publishLayout(const BandLayout &layout)
{
    const QByteArray json = wire::layoutJson(layout);
    {
        QMutexLocker lock(&m_retainedMutex);
        m_layoutJson = json;
    }
    if (m_connected)
        publish(m_layoutTopic, json, 1, true);
}

void MqttPublisher::publishStatus(const EngineStatus &status)
{
    QJsonObject o;
    o[QLatin1String("type")] = QStringLiteral("status");
    o[QLatin1String("state")] = stateName(status.state);
    o[QLatin1String("reason")] = status.reason;
    o[QLatin1String("device")] = status.deviceName;
    o[QLatin1String("device_id")] = status.deviceId;
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    {
        QMutexLocker lock(&m_retainedMutex);
        m_statusJson = json;
    }
    if (m_connected)
        publish(m_statusTopic, json, 1, true);
}

void MqttPublisher::publishFeatures(const AudioFeatures &features)
{
    if (!m_connected)
        return;
    const qint64 now = m_clock.elapsed();
    if (m_lastLevelMs >= 0 && now - m_lastLevelMs < 1000 / m_options.levelRate - 5)
        return;
    m_lastLevelMs = now;
    const bool beat = features.beatCount > m_beatsReported || features.beat;
    m_beatsReported = features.beatCount;
    QJsonObject o;
    o[QLatin1String("level")] = double(features.level);
    o[QLatin1String("bass")] = double(features.bass);
    o[QLatin1String("beat")] = beat;
    o[QLatin1String("peak_hz")] = double(features.peakHz);
    o[QLatin1String("seq")] = double(features.sequence);
    o[QLatin1String("t")] = features.streamTime;
    publish(m_levelTopic, QJsonDocument(o).toJson(QJsonDocument::Compact), 0, false);
}

void MqttPublisher::publishRetained()
{
    publish(m_availabilityTopic, QByteArrayLiteral("online"), 1, true);
    QByteArray layout;
    QByteArray status;
    {
        QMutexLocker lock(&m_retainedMutex);
        layout = m_layoutJson;
        status = m_statusJson;
    }
    if (!layout.isEmpty())
        publish(m_layoutTopic, layout, 1, true);
    if (!status.isEmpty())
        publish(m_statusTopic, status, 1, true);
}

void MqttPublisher::onConnect(mosquitto *, void *self, int rc)
{
    auto *p = static_cast<MqttPublisher *>(self);
    if (rc == 0) {
        p->m_connected = true;
        p->publishRetained();
        QMetaObject::invokeMethod(
            p,
            [p] {
                p->m_unreachableTimer.stop();
                p->setState(
                    State::Connected, tr("MQTT: connected to %1:%2").arg(p->m_options.host).arg(p->m_options.port));
            },
            Qt::QueuedConnection);
    } else {
        const QString reason = QString::fromUtf8(p->m_api->connack_string(rc));
        QMetaObject::invokeMethod(
            p,
            [p, reason] {
                p->setState(State::Unreachable,
                    tr("MQTT: broker %1:%2 refused the connection: %3 (retrying)")
                        .arg(p->m_options.host)
                        .arg(p->m_options.port)
                        .arg(reason));
            },
            Qt::QueuedConnection);
    }
}

void MqttPublisher::onDisconnect(mosquitto *, void *self, int rc)
{
    auto *p = static_cast<MqttPublisher *>(self);
    const bool wasConnected = p->m_connected.exchange(false);
    p->m_ackCv.notify_all();
    // rc 0 is our own disconnect; a failed reconnect attempt (never connected) changes nothing the
    // user needs to hear again: the one "cannot reach" line stands until a connection succeeds.
    if (rc == 0 || !wasConnected)
        return;
    QMetaObject::invokeMethod(
        p,
        [p] {
            p->setState(State::Connecting,
                tr("MQTT: connection to %1:%2 lost, reconnecting").arg(p->m_options.host).arg(p->m_options.port));
            p->m_unreachableTimer.start(kUnreachableAfterMs);
        },
        Qt::QueuedConnection);
}

void MqttPublisher::onPublish(mosquitto *, void *self, int mid)
{
    auto *p = static_cast<MqttPublisher *>(self);
    {
        std::lock_guard lock(p->m_ackMutex);
        p->m_lastAckedMid = mid;
    }
    p->m_ackCv.notify_all();
}

void MqttPublisher::checkUnreachable()
{
    if (m_mosq && !m_connected && m_state != State::Unreachable)
        setState(State::Unreachable,
            tr("MQTT: cannot reach broker %1:%2 (retrying)").arg(m_options.host).arg(m_options.port));
}

void MqttPublisher::setState(State state, const QString &message)
{
    if (state == m_state && message == m_statusText)
        return;
    m_state = state;
    m_statusText = message;
    emit stateChanged(state, message);
}

} // namespace spectray::outputs
