#include "outputs/outputservice.h"

#include "core/settings.h"

#include <QStringList>

namespace spectray::outputs {

OutputService::OutputService(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    // Several keys saved together (a settings page) restart each output once.
    m_restart.setSingleShot(true);
    m_restart.setInterval(0);
    connect(&m_restart, &QTimer::timeout, this, [this] {
        if (m_wledDirty)
            applyWled();
        if (m_mqttDirty)
            applyMqtt();
        m_wledDirty = m_mqttDirty = false;
        updateFeaturesWanted();
    });
    connect(&m_settings, &Settings::changed, this, &OutputService::onSettingChanged);
    connect(&m_wled, &WledSender::errorOccurred, this, &OutputService::reportWled);
    connect(&m_wled, &WledSender::sendingChanged, this, &OutputService::stateChanged);
    connect(&m_mqtt, &MqttPublisher::stateChanged, this, [this](MqttPublisher::State state, const QString &message) {
        if (state == MqttPublisher::State::Unreachable)
            reportMqtt(message);
        else if (state == MqttPublisher::State::Connected)
            m_mqttError.clear();
        emit stateChanged();
    });
}

OutputService::~OutputService()
{
    shutdown();
}

void OutputService::setOverrides(const OutputOverrides &overrides)
{
    m_overrides = overrides;
}

void OutputService::apply()
{
    if (m_shutDown)
        return;
    applyWled();
    applyMqtt();
    updateFeaturesWanted();
}

void OutputService::shutdown()
{
    m_shutDown = true;
    m_restart.stop();
    m_wled.stop();
    m_mqtt.stop();
    updateFeaturesWanted();
}

void OutputService::setLedSyncEnabled(bool enabled)
{
    m_overrides.wledTargets.reset();
    m_overrides.wledTtl.reset();
    m_overrides.wledInterface.reset();
    m_overrides.wledAvOffsetMs.reset();
    m_settings.setValue(keys::ledSyncEnabled, enabled);
    m_wledDirty = true;
    m_restart.start();
}

void OutputService::onSettingChanged(SettingId key)
{
    if (m_shutDown || settingGroup(key) != SettingGroup::Outputs)
        return;
    // The user's explicit choice ends this run's command-line override of that output.
    if ((key >= SettingId::LedSyncEnabled && key <= SettingId::LedSyncInterface) || key == SettingId::LedSyncAvOffset) {
        m_overrides.wledTargets.reset();
        m_overrides.wledTtl.reset();
        m_overrides.wledInterface.reset();
        m_overrides.wledAvOffsetMs.reset();
        m_wledDirty = true;
    } else {
        m_overrides.mqtt.reset();
        m_overrides.mqttCaFile.reset();
        m_overrides.mqttFrameRate.reset();
        m_overrides.mqttAvOffsetMs.reset();
        m_mqttDirty = true;
    }
    m_restart.start();
}

void OutputService::applyWled()
{
    WledOptions options;
    QString error;
    m_wledError.clear();
    if (!wledOptionsFrom(m_settings, m_overrides, &options, &error)) {
        m_wled.stop();
        reportWled(error);
    } else if (!options.enabled) {
        m_wled.stop();
    } else if (!m_wled.isRunning() || !(options == m_wled.options())) {
        if (!m_wled.start(options, &error))
            reportWled(error);
    }
    emit stateChanged();
}

void OutputService::applyMqtt()
{
    MqttOptions options;
    QString error;
    m_mqttError.clear();
    if (!mqttOptionsFrom(m_settings, m_overrides, &options, &error)) {
        m_mqtt.stop();
        reportMqtt(error);
    } else if (!options.enabled) {
        m_mqtt.stop();
    } else if (!m_mqtt.start(options, &error)) {
        reportMqtt(error);
    }
    emit stateChanged();
}

void OutputService::reportWled(const QString &message)
{
    if (message == m_wledError)
        return;
    m_wledError = message;
    emit problem(message);
    emit stateChanged();
}

void OutputService::reportMqtt(const QString &message)
{
    if (message == m_mqttError)
        return;
    m_mqttError = message;
    emit problem(message);
}

void OutputService::updateFeaturesWanted()
{
    const bool wanted = featuresWanted();
    if (wanted == m_featuresWanted)
        return;
    m_featuresWanted = wanted;
    emit featuresWantedChanged(wanted);
}

QString OutputService::wledStatusLine() const
{
    if (!m_wled.isRunning())
        return m_wledError.isEmpty() ? tr("LED sync: off") : m_wledError;
    QStringList targets;
    for (const WledTarget &t : m_wled.options().targets)
        targets.append(t.toString());
    return tr("LED sync: sending to %1 (%2 packets/s now)")
        .arg(targets.join(QStringLiteral(", ")))
        .arg(m_wled.packetsPerSecond(), 0, 'f', 0);
}

QString OutputService::mqttStatusLine() const
{
    if (m_mqtt.state() == MqttPublisher::State::Off && !m_mqttError.isEmpty())
        return m_mqttError;
    return m_mqtt.statusText().isEmpty() ? tr("MQTT: off") : m_mqtt.statusText();
}

} // namespace spectray::outputs
