#pragma once

#include <QByteArray>

namespace spectray::net {

// The web client's files, embedded with qt_add_resources. URL paths map through a fixed table to
// resource names, so no file system path is ever built from a request.
struct WebAsset
{
    QByteArray contentType;
    QByteArray body;
    QByteArray etag; // quoted strong validator of body: the browser revalidates with If-None-Match
    bool found = false;
};

WebAsset webAsset(const QByteArray &urlPath);

} // namespace spectray::net
