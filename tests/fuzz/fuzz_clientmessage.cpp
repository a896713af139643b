// libFuzzer: WebSocket client messages (JSON text) as the server decodes them.
#include "net/clientmessage.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace spectray::net;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const int fps = 1 + data[0] % 240; // every frame rate the engine allows
    const QByteArray text(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const ClientRequest r = parseClientMessage(text, fps);
    switch (r.kind) {
    case ClientRequest::Kind::Subscribe:
        if (r.rate && (*r.rate < 1 || *r.rate > fps))
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
