// libFuzzer: the HTTP request-head parser and the Host rule, on whatever bytes a peer may send.
#include "net/hostcheck.h"
#include "net/httprequest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace spectray::net;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    static const HostCheck hosts = [] {
        HostCheck c;
        c.setConfig({{QHostAddress(QStringLiteral("192.168.1.20")), QHostAddress(QStringLiteral("fe80::1%eth0"))},
                     {QStringLiteral("studio"), QStringLiteral("studio.local")},
                     {QStringLiteral("dash.example")}});
        return c;
    }();
    for (const int limit : {64, 8192}) {
        HttpRequestHead head;
        int used = -1;
        const HeadStatus status = parseRequestHead(bytes, limit, &head, &used);
        if (status != HeadStatus::Complete)
            continue;
        // A complete head lies inside the input and the size limit, and has a path.
        if (used < 4 || used > bytes.size() || used > limit || !head.path.startsWith('/'))
            std::abort();
        (void)head.isWebSocketUpgrade();
        const QByteArray host = head.header("host");
        const QString part = HostCheck::hostPart(host);
        if (hosts.allows(host) && part.isEmpty())
            std::abort(); // allowed without a parseable host part
        (void)httpResponse(200, "text/plain", head.path, head.method == "HEAD", {});
    }
    (void)hosts.allows(bytes);
    return 0;
}
