// libFuzzer: the server's WebSocket frame reader on arbitrary client bytes, fed in pieces.
#include "net/wsframereader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace spectray::net;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t chunk = 1 + data[0] % 64; // how the bytes arrive must not change the result
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    WsFrameReader whole(256);
    WsFrameReader pieces(256);
    QList<WsFrameReader::Event> a;
    QList<WsFrameReader::Event> b;
    whole.feed(bytes, a);
    for (qsizetype i = 0; i < bytes.size(); i += qsizetype(chunk))
        pieces.feed(bytes.sliced(i, std::min<qsizetype>(qsizetype(chunk), bytes.size() - i)), b);
    if (a.size() != b.size())
        std::abort();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].payload != b[i].payload || a[i].code != b[i].code)
            std::abort();
        if (a[i].payload.size() > 256)
            std::abort(); // the size limit holds
        WsFrameReader::Utf8Validator v;
        if (a[i].kind == WsFrameReader::Event::Kind::Text && !(v.feed(a[i].payload) && v.complete()))
            std::abort(); // text handed on is valid UTF-8
    }
    return 0;
}
