#include "accessguard.h"

namespace spectray::net {

namespace {
constexpr int kMaxTrackedAddresses = 4096;

// Constant-time compare: the time taken does not tell how many leading characters matched.
bool sameSecret(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return false;
    char16_t diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= char16_t(a[i].unicode() ^ b[i].unicode());
    return diff == 0;
}
} // namespace

bool AccessGuard::isLoopback(const QHostAddress &peer)
{
    bool ok = false;
    const quint32 v4 = peer.toIPv4Address(&ok); // also unwraps ::ffff:127.0.0.1
    if (ok)
        return QHostAddress(v4).isLoopback();
    return peer.isLoopback();
}

AccessGuard::Verdict AccessGuard::check(const QHostAddress &peer, const QString &presentedToken,
                                        const QString &origin, const QString &host, qint64 nowMs)
{
    prune(nowMs);
    const QString key = peer.toString();
    const auto it = m_failures.constFind(key);
    if (it != m_failures.constEnd() && it->lockedUntil > nowMs)
        return Verdict::LockedOut;
    if (!originAllowed(origin, host))
        return Verdict::BadOrigin;
    const bool needToken = !isLoopback(peer) || m_config.requireTokenOnLoopback;
    if (needToken && (m_config.token.isEmpty() || !sameSecret(presentedToken, m_config.token))) {
        recordFailure(key, nowMs);
        return Verdict::BadToken;
    }
    return Verdict::Allowed;
}

bool AccessGuard::originAllowed(const QString &origin, const QString &host) const
{
    if (origin.isEmpty())
        return true; // not a browser: the token is what protects it
    if (!host.isEmpty() && (origin.compare(QStringLiteral("http://") + host, Qt::CaseInsensitive) == 0
                            || origin.compare(QStringLiteral("https://") + host, Qt::CaseInsensitive) == 0))
        return true;
    for (const QString &allowed : m_config.allowedOrigins) {
        if (origin.compare(allowed, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void AccessGuard::recordFailure(const QString &key, qint64 nowMs)
{
    if (m_failures.size() >= kMaxTrackedAddresses && !m_failures.contains(key))
        m_failures.erase(m_failures.begin()); // keep memory bounded under an address-spraying flood
    Failures &f = m_failures[key];
    f.times.append(nowMs);
    while (!f.times.isEmpty() && f.times.first() < nowMs - m_config.lockoutWindowMs)
        f.times.removeFirst();
    if (f.times.size() >= m_config.lockoutFailures) {
        f.lockedUntil = nowMs + m_config.lockoutMs;
        f.times.clear();
    }
}

void AccessGuard::prune(qint64 nowMs)
{
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        const bool stale = it->lockedUntil <= nowMs
                           && (it->times.isEmpty() || it->times.last() < nowMs - m_config.lockoutWindowMs);
        it = stale ? m_failures.erase(it) : std::next(it);
    }
}

} // namespace spectray::net
