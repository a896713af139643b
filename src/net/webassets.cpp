#include "webassets.h"

#include "core/styledefs.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>

namespace spectray::net {

namespace {
struct Entry
{
    const char *urlPath;
    const char *resource;
    const char *contentType;
};

constexpr Entry kEntries[] = {
    {"/", ":/web/index.html", "text/html; charset=utf-8"},
    {"/index.html", ":/web/index.html", "text/html; charset=utf-8"},
    {"/app.js", ":/web/app.js", "text/javascript; charset=utf-8"},
    {"/draw.js", ":/web/draw.js", "text/javascript; charset=utf-8"},
    {"/panel.js", ":/web/panel.js", "text/javascript; charset=utf-8"},
    {"/manifest.webmanifest", ":/web/manifest.webmanifest", "application/manifest+json"},
    {"/icons/icon-192.png", ":/web/icons/icon-192.png", "image/png"},
    {"/icons/icon-512.png", ":/web/icons/icon-512.png", "image/png"},
};

WebAsset made(const QByteArray &type, const QByteArray &body)
{
    // A hash of the bytes: a new build with other files gets other tags, the same bytes keep theirs.
    const QByteArray hash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32);
    return {type, body, '"' + hash + '"', true};
}
} // namespace

WebAsset webAsset(const QByteArray &urlPath)
{
    // Read once: the files are in the binary and never change while it runs.
    static QHash<QByteArray, WebAsset> cache;
    const auto cached = cache.constFind(urlPath);
    if (cached != cache.constEnd())
        return *cached;
    if (urlPath == "/styles.json") { // the window reads the same bytes: one definition of the look
        const WebAsset asset = made("application/json", StyleDefs::json());
        cache.insert(urlPath, asset);
        return asset;
    }
    for (const Entry &e : kEntries) {
        if (urlPath != e.urlPath)
            continue;
        QFile file(QString::fromLatin1(e.resource));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const WebAsset asset = made(e.contentType, file.readAll());
        cache.insert(urlPath, asset);
        return asset;
    }
    return {};
}

} // namespace spectray::net
