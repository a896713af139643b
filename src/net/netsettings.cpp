#include "netsettings.h"

#include <QRandomGenerator>

#include <array>

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
    o.allowedOrigins = keys::splitList(settings.value(keys::serverAllowedOrigins));
    o.maxClients = settings.value(keys::serverMaxClients);
    o.allowedHosts = keys::splitList(settings.value(keys::serverAllowedHosts));
    return o;
}

} // namespace spectray::net
