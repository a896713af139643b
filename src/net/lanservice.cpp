#include "lanservice.h"

#include "netsettings.h"
#include "streamserver.h"

#include <QTimer>

namespace spectray::net {

LanService::LanService(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_server(new StreamServer(this))
{
    connect(&m_settings, &Settings::changed, this, &LanService::onSettingChanged);
    connect(m_server, &StreamServer::tokenChanged, this, [this](const QString &token) {
        m_applyingToken = true; // our own write: the running server already uses it
        m_settings.setValue(keys::serverToken, token);
        m_settings.sync();
        m_applyingToken = false;
    });
}

LanService::~LanService() = default;

bool LanService::start()
{
    m_lastError.clear();
    if (!m_settings.value(keys::serverEnabled))
        return false;
    const bool wasRunning = isRunning();
    if (wasRunning)
        m_server->close(true);
    if (!m_server->listen(serverOptionsFrom(m_settings), &m_lastError)) {
        emit errorOccurred(m_lastError);
        if (wasRunning)
            emit runningChanged(false);
        return false;
    }
    if (!wasRunning)
        emit runningChanged(true);
    return true;
}

void LanService::stop()
{
    if (!isRunning())
        return;
    m_server->close(true);
    emit runningChanged(false);
}

bool LanService::isRunning() const
{
    return m_server->isListening();
}

void LanService::onSettingChanged(const QString &key)
{
    if (!key.startsWith(QLatin1String("server/")) || m_applyingToken || m_restartQueued)
        return;
    // Several keys usually change together (the settings dialog's OK): restart once, afterwards.
    m_restartQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_restartQueued = false;
        if (m_settings.value(keys::serverEnabled))
            start();
        else
            stop();
    });
}

} // namespace spectray::net
