#include "httprequest.h"

#include <QUrl>

namespace spectray::net {

bool HttpRequestHead::isWebSocketUpgrade() const
{
    return header("upgrade").trimmed().compare("websocket", Qt::CaseInsensitive) == 0;
}

HeadStatus parseRequestHead(const QByteArray &data, int maxHeaderBytes, HttpRequestHead *head,
                            int *headBytes)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return data.size() >= maxHeaderBytes ? HeadStatus::TooLarge : HeadStatus::Incomplete;
    if (end + 4 > maxHeaderBytes)
        return HeadStatus::TooLarge;
    const QList<QByteArray> lines = data.left(end).split('\n');
    const QList<QByteArray> request = lines.first().trimmed().split(' ');
    if (request.size() != 3 || !request[2].startsWith("HTTP/1.") || !request[1].startsWith('/'))
        return HeadStatus::Malformed;
    HttpRequestHead h;
    h.method = request[0];
    h.version = request[2];
    // Parsed behind a dummy authority: on its own, "//name/x" would read as a host and no path.
    const QUrl url(QStringLiteral("http://h") + QString::fromLatin1(request[1]), QUrl::StrictMode);
    if (!url.isValid())
        return HeadStatus::Malformed;
    h.path = url.path(QUrl::FullyDecoded).toUtf8();
    h.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return HeadStatus::Malformed;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        QByteArray &slot = h.headers[name];
        slot = slot.isEmpty() ? value : slot + ", " + value;
    }
    if (head)
        *head = std::move(h);
    if (headBytes)
        *headBytes = int(end + 4);
    return HeadStatus::Complete;
}

QByteArray httpResponse(int status, const QByteArray &contentType, const QByteArray &body,
                        bool headOnly, const QByteArray &extraHeaders)
{
    static const QHash<int, QByteArray> reasons{
        {200, "OK"}, {304, "Not Modified"}, {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
        {421, "Misdirected Request"},
        {404, "Not Found"}, {405, "Method Not Allowed"}, {408, "Request Timeout"},
        {426, "Upgrade Required"}, {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"}, {503, "Service Unavailable"}};
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasons.value(status, "Error") + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n";
    out += "Cache-Control: no-cache\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    out += "Referrer-Policy: no-referrer\r\n";
    out += extraHeaders;
    out += "\r\n";
    if (!headOnly)
        out += body;
    return out;
}

} // namespace spectray::net
