#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace spectray::gui {

// One running Spectray per user and session. A second launch hands its arguments to the first
// (which shows its window and applies e.g. --source) and exits. Must run before the engine starts,
// so the second process never opens an audio device.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    // `key` separates independent instances (tests, --config); empty gives the per-user default.
    explicit SingleInstance(const QString &key = QString(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when a running instance took the arguments: the caller should exit.
    bool forwardToRunning(const QStringList &arguments, int timeoutMs = 2000);
    // Becomes the running instance. False if the socket cannot be created (the app still runs).
    bool listen();
    QString serverName() const { return m_name; }

signals:
    void argumentsReceived(const QStringList &arguments);

private:
    void onNewConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace spectray::gui
