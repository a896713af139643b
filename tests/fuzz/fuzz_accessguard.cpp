// libFuzzer: the access guard's token/origin/lockout rules under a stream of hostile attempts.
// Input: records separated by '\n'; each "A|token|origin|host" where A picks the peer address.
#include "net/accessguard.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace spectray::net;

namespace {
const QString kToken = QStringLiteral("0123456789abcdef0123456789abcdef");

QHostAddress peerFor(const QByteArray &selector)
{
    const uint8_t a = selector.isEmpty() ? 0 : uint8_t(selector[0]);
    switch (a % 4) {
    case 0: return QHostAddress(QStringLiteral("127.0.0.1"));
    case 1: return QHostAddress(QStringLiteral("::1"));
    case 2: return QHostAddress(QStringLiteral("::ffff:192.168.0.%1").arg(a));
    default: return QHostAddress(QStringLiteral("10.0.%1.%2").arg(a / 16).arg(a % 16));
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    AccessGuard guard;
    AccessGuard::Config config;
    config.token = kToken;
    config.requireTokenOnLoopback = size > 0 && (data[0] & 1);
    config.allowedOrigins = {QStringLiteral("http://dash.example:8080")};
    config.lockoutFailures = 3;
    config.lockoutWindowMs = 1000;
    config.lockoutMs = 2000;
    guard.setConfig(config);
    qint64 now = 0;
    for (const QByteArray &record : bytes.split('\n')) {
        const QList<QByteArray> f = record.split('|');
        const QHostAddress peer = peerFor(f.value(0));
        now += f.value(0).size() * 97; // time moves with the input, monotonic as the contract says
        const QString token = QString::fromUtf8(f.value(1));
        const auto verdict = guard.check(peer, token, QString::fromUtf8(f.value(2)), QString::fromUtf8(f.value(3)), now);
        // Invariant: a non-loopback peer (or any peer when required) is let in only with the token.
        const bool needToken = !AccessGuard::isLoopback(peer) || config.requireTokenOnLoopback;
        if (verdict == AccessGuard::Verdict::Allowed && needToken && token != kToken)
            std::abort();
    }
    return 0;
}
