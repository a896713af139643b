#include "clientmessage.h"

#include "core/settingskeys.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace spectray::net {

namespace {
QString trText(const char *text)
{
    return QCoreApplication::translate("spectray::net::StreamServer", text);
}

ClientRequest invalid(const char *code, const QString &message)
{
    ClientRequest r;
    r.errorCode = code;
    r.errorMessage = message;
    return r;
}

// Any finite JSON number is accepted and brought into 1..240 (rounded to whole frames), as the
// protocol documents; anything else (a string, null, a non-finite value) is refused. Going
// through double avoids QJsonValue::toInt(), which returns its default for non-integers. The
// bound is the highest frame rate the engine allows, not the stream's current one: a client that
// asks for 60 before the stream runs at 60 (it subscribed while the layout still said 30, or the
// user raised the rate later) gets every frame once it does.
ClientRequest parseSubscribe(const QJsonObject &o)
{
    ClientRequest r;
    r.kind = ClientRequest::Kind::Subscribe;
    const QJsonValue format = o.value(QStringLiteral("format"));
    if (!format.isUndefined()) {
        if (format != QLatin1String("binary") && format != QLatin1String("json"))
            return invalid("bad_format", trText("Unknown format; use \"json\" or \"binary\"."));
        r.binary = format == QLatin1String("binary");
    }
    const QJsonValue rate = o.value(QStringLiteral("rate"));
    if (!rate.isUndefined()) {
        const double v = rate.isDouble() ? rate.toDouble() : std::nan("");
        if (!std::isfinite(v))
            return invalid("bad_rate", trText("\"rate\" must be a number of frames per second (1 .. %1).").arg(keys::fps.max));
        r.rate = int(std::clamp(std::round(v), 1.0, double(keys::fps.max)));
    }
    return r;
}
} // namespace

ClientRequest parseClientMessage(const QByteArray &utf8)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalid("bad_json", trText("Messages must be JSON objects."));
    const QJsonObject o = doc.object();
    const QString type = o.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("subscribe"))
        return parseSubscribe(o);
    if (type == QLatin1String("ping")) {
        ClientRequest r;
        r.kind = ClientRequest::Kind::Ping;
        r.id = o.value(QStringLiteral("id"));
        return r;
    }
    return invalid("unknown_type", trText("Unknown message type \"%1\".").arg(type.left(64)));
}

} // namespace spectray::net
