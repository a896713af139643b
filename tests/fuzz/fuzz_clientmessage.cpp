// libFuzzer: WebSocket client messages (JSON text) as the server decodes them.
#include "net/clientmessage.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace spectray::net;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const ClientRequest r = parseClientMessage(text);
    switch (r.kind) {
    case ClientRequest::Kind::Subscribe:
        if (r.rate && (*r.rate < 1 || *r.rate > 240)) // 240: the highest frame rate the engine allows
            std::abort(); // the documented clamp
        break;
    case ClientRequest::Kind::Invalid:
        if (r.errorCode.isEmpty() || r.errorMessage.isEmpty())
            std::abort();
        break;
    case ClientRequest::Kind::Ping:
        break;
    }
    return 0;
}
