#include "netsettings.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace spectray::keys {

bool isValidBindAddress(const QString &value)
{
    return value.isEmpty() || !QHostAddress(value).isNull();
}

bool isValidToken(const QString &value)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    return value.isEmpty() || hex.match(value).hasMatch();
}

bool isValidOriginList(const QString &value)
{
    static const QRegularExpression origin(QStringLiteral("^https?://[^/\\s,]+$"));
    const QStringList parts = value.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        if (!origin.match(p).hasMatch())
            return false;
    }
    return true;
}

} // namespace spectray::keys

namespace spectray::net {

QString generateToken()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QString out;
    for (quint32 w : words)
        out += QStringLiteral("%1").arg(w, 8, 16, QLatin1Char('0'));
    return out;
}

QString ensureToken(Settings &settings)
{
    QString token = settings.value(keys::serverToken);
    if (token.isEmpty()) {
        token = generateToken();
        settings.setValue(keys::serverToken, token);
        settings.sync();
    }
    return token;
}

ServerOptions serverOptionsFrom(Settings &settings)
{
    ServerOptions o;
    o.port = quint16(settings.value(keys::serverPort));
    const QString bind = settings.value(keys::serverBind);
    o.bindAddress = bind.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(bind);
    if (!settings.value(keys::serverLanAccess))
        o.bindAddress = QHostAddress(QHostAddress::LocalHost);
    o.token = ensureToken(settings);
    o.requireTokenOnLoopback = settings.value(keys::serverTokenOnLoopback);
    o.allowedOrigins = settings.value(keys::serverAllowedOrigins)
                           .split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    o.maxClients = settings.value(keys::serverMaxClients);
    return o;
}

} // namespace spectray::net
