#pragma once

#include "core/settingsschema.h"
#include "outputs/mqttpublisher.h"
#include "outputs/outputsettings.h"
#include "outputs/wledsender.h"

#include <QObject>
#include <QTimer>

namespace spectray {
class Settings;
}

namespace spectray::outputs {

// The LAN devices other than browsers as the rest of the app sees them: owns the WLED sender and
// the MQTT publisher, starts and stops each from its own settings (ledSync/*, mqtt/*) plus the
// command line's overrides, and restarts them when those settings change (once for several keys
// changed together). Says whether any of them needs AudioFeatures, so the engine computes them only
// then. Problems never stop the app: each is reported once through problem() and kept as the
// output's last error for the tray and the console.
class OutputService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputService)

public:
    explicit OutputService(Settings &settings, QObject *parent = nullptr);
    ~OutputService() override;

    WledSender &wled() { return m_wled; }
    MqttPublisher &mqtt() { return m_mqtt; }
    void setOverrides(const OutputOverrides &overrides);

    // (Re)starts or stops both outputs as the settings and overrides say.
    void apply();
    void shutdown(); // MQTT says "offline"; nothing restarts afterwards

    // The tray's on/off: stores ledSync/enabled and, as the user's explicit choice, ends a --wled
    // override even when the stored value does not change.
    void setLedSyncEnabled(bool enabled);

    bool featuresWanted() const { return m_wled.isRunning() || m_mqtt.state() != MqttPublisher::State::Off; }
    QString wledError() const { return m_wledError; } // the last one, translated; empty when none
    QString mqttError() const { return m_mqttError; }
    // One line each for the console and the tray: "LED sync: sending to 239.0.0.1:11988 (50 packets/s)".
    QString wledStatusLine() const;
    QString mqttStatusLine() const;

signals:
    void featuresWantedChanged(bool wanted);
    void stateChanged(); // an output started, stopped, failed or changed its MQTT state
    void problem(const QString &message); // once per distinct message

private:
    void onSettingChanged(spectray::SettingId key);
    void applyWled();
    void applyMqtt();
    void reportWled(const QString &message);
    void reportMqtt(const QString &message);
    void updateFeaturesWanted();

    Settings &m_settings;
    OutputOverrides m_overrides;
    WledSender m_wled;
    MqttPublisher m_mqtt;
    QTimer m_restart;
    bool m_wledDirty = false;
    bool m_mqttDirty = false;
    bool m_featuresWanted = false;
    bool m_shutDown = false;
    QString m_wledError;
    QString m_mqttError;
};

} // namespace spectray::outputs
