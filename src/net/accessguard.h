#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace spectray::net {

// Decides whether a WebSocket upgrade may proceed: token, origin, lockout. No I/O, so the rules
// are tested without sockets. Time comes from a monotonic clock passed in by the caller.
class AccessGuard final
{
public:
    enum class Verdict { Allowed, LockedOut, BadToken, BadOrigin };

    struct Config
    {
        QString token;
        bool requireTokenOnLoopback = false;
        QStringList allowedOrigins;
        int lockoutFailures = 5;
        int lockoutWindowMs = 60000;
        int lockoutMs = 60000;
    };

    void setConfig(const Config &config) { m_config = config; }
    void setToken(const QString &token) { m_config.token = token; }

    // `origin` is the Origin header ("" if none), `host` the Host header.
    Verdict check(const QHostAddress &peer, const QString &presentedToken, const QString &origin,
                  const QString &host, qint64 nowMs);

    static bool isLoopback(const QHostAddress &peer);

private:
    struct Failures
    {
        QList<qint64> times;  // recent failure times (bounded by lockoutFailures)
        qint64 lockedUntil = 0;
    };
    bool originAllowed(const QString &origin, const QString &host) const;
    void recordFailure(const QString &key, qint64 nowMs);
    void prune(qint64 nowMs);

    Config m_config;
    QHash<QString, Failures> m_failures; // by peer address; pruned so it stays bounded
};

} // namespace spectray::net
