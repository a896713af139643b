#pragma once

#include <QByteArray>
#include <QHash>
#include <QUrlQuery>

namespace spectray::net {

// A parsed HTTP/1.x request head. Only what the server needs; bodies are never read.
struct HttpRequestHead
{
    QByteArray method;
    QByteArray path;   // percent-decoded path, without the query
    QByteArray version; // "HTTP/1.1", "HTTP/1.0"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names; repeated headers joined with ", "

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    bool isWebSocketUpgrade() const;
};

enum class HeadStatus { Incomplete, Complete, Malformed, TooLarge };

// Looks at the bytes received so far (not consumed: the WebSocket server re-reads them).
// `headBytes` receives the length of the head including the blank line when Complete.
HeadStatus parseRequestHead(const QByteArray &data, int maxHeaderBytes, HttpRequestHead *head,
                            int *headBytes = nullptr);

// A complete HTTP/1.1 response that closes the connection. `body` is omitted for HEAD requests.
QByteArray httpResponse(int status, const QByteArray &contentType, const QByteArray &body,
                        bool headOnly, const QByteArray &extraHeaders = {});

} // namespace spectray::net
