#pragma once

#include <QObject>
#include <QString>

namespace spectray {
class Settings;
}

namespace spectray::net {

class StreamServer;

// The LAN server as the desktop app runs it: follows the stored settings (server/enabled, port,
// bind, LAN access, token, origins, cap), restarts itself when one of them changes, and persists
// a regenerated token. The app still connects the engine to server()'s slots.
class LanService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanService)

public:
    explicit LanService(Settings &settings, QObject *parent = nullptr);
    ~LanService() override;

    StreamServer *server() const { return m_server; }
    // Listens if server/enabled is on. False (and errorOccurred) if the port cannot be used.
    bool start();
    void stop();
    bool isRunning() const;
    QString lastError() const { return m_lastError; }

signals:
    void runningChanged(bool running);
    void errorOccurred(const QString &message); // already translated; names the port and the fix

private:
    void onSettingChanged(const QString &key);

    Settings &m_settings;
    StreamServer *m_server = nullptr;
    QString m_lastError;
    bool m_restartQueued = false;
    bool m_applyingToken = false;
};

} // namespace spectray::net
