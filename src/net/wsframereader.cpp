#include "wsframereader.h"

#include <QtEndian>

namespace spectray::net {

namespace {
enum Opcode { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };
enum CloseCode { ProtocolError = 1002, InvalidData = 1007, TooBig = 1009, NoStatus = 1005 };

// RFC 6455 7.4: the codes an endpoint may put in a close frame.
bool sendableCloseCode(int code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) || (code >= 3000 && code <= 4999);
}
} // namespace

bool WsFrameReader::Utf8Validator::feed(QByteArrayView bytes)
{
    for (const char ch : bytes) {
        const auto b = quint8(ch);
        if (m_pending > 0) {
            if (b < m_low || b > m_high)
                return false;
            --m_pending;
            m_low = 0x80;
            m_high = 0xBF;
            continue;
        }
        if (b < 0x80)
            continue;
        // Lead byte: how many continuation bytes follow, and the range of the first one.
        if (b >= 0xC2 && b <= 0xDF) {
            m_pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            m_pending = 2;
            m_low = b == 0xE0 ? 0xA0 : 0x80;  // E0: no overlongs
            m_high = b == 0xED ? 0x9F : 0xBF; // ED: no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            m_pending = 3;
            m_low = b == 0xF0 ? 0x90 : 0x80;  // F0: no overlongs
            m_high = b == 0xF4 ? 0x8F : 0xBF; // F4: nothing past U+10FFFF
        } else {
            return false; // 80..C1 and F5..FF never start a character
        }
    }
    return true;
}

void WsFrameReader::feed(QByteArrayView bytes, QList<Event> &out)
{
    if (m_finished)
        return;
    m_buffer.append(bytes);
    while (!m_finished && parseOne(out)) {
    }
}

void WsFrameReader::fail(int code, const char *reason, QList<Event> &out)
{
    out.append({Event::Kind::Error, QByteArray(reason), code});
    m_finished = true;
    m_buffer.clear();
    m_message.clear();
}

bool WsFrameReader::parseOne(QList<Event> &out)
{
    const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData());
    const qsizetype have = m_buffer.size();
    if (have < 2)
        return false;
    const bool fin = p[0] & 0x80;
    const int opcode = p[0] & 0x0F;
    if (p[0] & 0x70) {
        fail(ProtocolError, "reserved bits set (no extension was negotiated)", out);
        return false;
    }
    if (!(p[1] & 0x80)) {
        fail(ProtocolError, "client frames must be masked", out);
        return false;
    }
    quint64 length = p[1] & 0x7F;
    qsizetype header = 2;
    if (length == 126) {
        if (have < 4)
            return false;
        length = qFromBigEndian<quint16>(p + 2);
        header = 4;
    } else if (length == 127) {
        if (have < 10)
            return false;
        length = qFromBigEndian<quint64>(p + 2);
        header = 10;
    }
    const bool control = opcode & 0x8;
    if (control && (!fin || length > 125)) {
        fail(ProtocolError, "control frames must be whole and at most 125 bytes", out);
        return false;
    }
    // Refused before buffering it: a peer cannot make us hold more than one message's worth.
    if (length > quint64(m_maxMessage) || quint64(m_message.size()) + length > quint64(m_maxMessage)) {
        fail(TooBig, "message too big", out);
        return false;
    }
    const qsizetype total = header + 4 + qsizetype(length);
    if (have < total)
        return false;
    const uchar *mask = p + header;
    QByteArray payload(m_buffer.constData() + header + 4, qsizetype(length));
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(uchar(payload[i]) ^ mask[i % 4]);
    m_buffer.remove(0, total);
    if (control)
        onControl(opcode, std::move(payload), out);
    else
        onData(opcode, fin, std::move(payload), out);
    return true;
}

void WsFrameReader::onData(int opcode, bool fin, QByteArray payload, QList<Event> &out)
{
    if (opcode != Continuation && opcode != Text && opcode != Binary) {
        fail(ProtocolError, "unknown opcode", out);
        return;
    }
    if (opcode == Continuation && m_messageOpcode == 0) {
        fail(ProtocolError, "continuation frame without a message to continue", out);
        return;
    }
    if (opcode != Continuation && m_messageOpcode != 0) {
        fail(ProtocolError, "new message before the previous one ended", out);
        return;
    }
    if (opcode != Continuation) {
        m_messageOpcode = opcode;
        m_utf8.reset();
    }
    // Checked as it arrives, so a bad byte closes the connection without waiting for the end.
    if (m_messageOpcode == Text && (!m_utf8.feed(payload) || (fin && !m_utf8.complete()))) {
        fail(InvalidData, "invalid UTF-8 in a text message", out);
        return;
    }
    m_message.append(payload);
    if (!fin)
        return;
    out.append({m_messageOpcode == Text ? Event::Kind::Text : Event::Kind::Binary, std::exchange(m_message, {}), 0});
    m_messageOpcode = 0;
}

void WsFrameReader::onControl(int opcode, QByteArray payload, QList<Event> &out)
{
    switch (opcode) {
    case Ping:
        out.append({Event::Kind::Ping, std::move(payload), 0});
        return;
    case Pong:
        out.append({Event::Kind::Pong, std::move(payload), 0});
        return;
    case Close: {
        if (payload.isEmpty()) {
            out.append({Event::Kind::Close, {}, NoStatus});
            m_finished = true;
            return;
        }
        const int code = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 0;
        if (payload.size() < 2 || !sendableCloseCode(code)) {
            fail(ProtocolError, "invalid close frame", out);
            return;
        }
        Utf8Validator reason;
        if (!reason.feed(QByteArrayView(payload).sliced(2)) || !reason.complete()) {
            fail(InvalidData, "invalid UTF-8 in the close reason", out);
            return;
        }
        out.append({Event::Kind::Close, payload.mid(2), code});
        m_finished = true;
        return;
    }
    default:
        fail(ProtocolError, "unknown opcode", out);
        return;
    }
}

} // namespace spectray::net
