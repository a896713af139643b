#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace spectray::net {

// Reads the client-to-server half of a WebSocket connection (RFC 6455 section 5) after the
// handshake: frames must be masked, control frames short and unfragmented, continuation frames
// in order, text valid UTF-8 across fragments, and no message larger than the limit. Pure (bytes
// in, events out), so the rules are unit tested and fuzzed without sockets. StreamServer reads
// the socket with it instead of QWebSocket's parser, which in Qt 6.4 accepts unmasked frames and
// rejects a character split across two fragments.
class WsFrameReader final
{
public:
    struct Event
    {
        enum class Kind { Text, Binary, Ping, Pong, Close, Error };
        Kind kind = Kind::Error;
        QByteArray payload; // message (Text: valid UTF-8), ping/pong data, or close reason
        int code = 0;       // Close: the peer's status (1005 if none); Error: the code to close with
    };

    explicit WsFrameReader(qsizetype maxMessageBytes = 4096) : m_maxMessage(maxMessageBytes) {}

    // Consumes `bytes` and appends what they complete to `out`. After a Close or an Error event
    // the connection is over: further input is ignored.
    void feed(QByteArrayView bytes, QList<Event> &out);
    bool finished() const { return m_finished; }

    // Incremental UTF-8 check (Unicode 15, table 3-7: no overlongs, surrogates or values past
    // U+10FFFF). Returns false at the first byte that cannot be part of a well-formed sequence.
    class Utf8Validator final
    {
    public:
        bool feed(QByteArrayView bytes);
        bool complete() const { return m_pending == 0; } // not in the middle of a character
        void reset() { m_pending = 0; }

    private:
        int m_pending = 0;             // continuation bytes still expected
        quint8 m_low = 0x80, m_high = 0xBF; // allowed range of the next continuation byte
    };

private:
    bool parseOne(QList<Event> &out); // false: need more bytes (or finished)
    void fail(int code, const char *reason, QList<Event> &out);
    void onData(int opcode, bool fin, QByteArray payload, QList<Event> &out);
    void onControl(int opcode, QByteArray payload, QList<Event> &out);

    qsizetype m_maxMessage;
    QByteArray m_buffer;   // unparsed input: at most one frame header + maxMessage bytes
    QByteArray m_message;  // data frames of the message in progress
    int m_messageOpcode = 0; // 0 = no fragmented message in progress
    Utf8Validator m_utf8;
    bool m_finished = false;
};

} // namespace spectray::net
