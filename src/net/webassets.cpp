#include "webassets.h"

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
    {"/style.css", ":/web/style.css", "text/css; charset=utf-8"},
};
} // namespace

WebAsset webAsset(const QByteArray &urlPath)
{
    // Read once: the files are in the binary and never change while it runs.
    static QHash<QByteArray, WebAsset> cache;
    const auto cached = cache.constFind(urlPath);
    if (cached != cache.constEnd())
        return *cached;
    for (const Entry &e : kEntries) {
        if (urlPath != e.urlPath)
            continue;
        QFile file(QString::fromLatin1(e.resource));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        WebAsset asset{e.contentType, file.readAll(), true};
        cache.insert(urlPath, asset);
        return asset;
    }
    return {};
}

} // namespace spectray::net
