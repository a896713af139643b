#include "framefanout.h"

#include "binaryframe.h"
#include "socketsend.h"
#include "core/wireformat.h"

#include <QtEndian>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace spectray::net {

void buildWsFrame(quint8 opcode, QByteArrayView payload, QByteArray &out)
{
    const qsizetype n = payload.size();
    const int header = n < 126 ? 2 : (n < 65536 ? 4 : 10);
    out.resize(header + n);
    auto *p = reinterpret_cast<uchar *>(out.data());
    p[0] = uchar(0x80 | opcode);
    if (n < 126) {
        p[1] = uchar(n);
    } else if (n < 65536) {
        p[1] = 126;
        qToBigEndian<quint16>(quint16(n), p + 2);
    } else {
        p[1] = 127;
        qToBigEndian<quint64>(quint64(n), p + 2);
    }
    if (n > 0)
        std::memcpy(p + header, payload.data(), size_t(n));
}

class FrameFanout::Client
{
public:
    explicit Client(qintptr fd) : descriptor(fd) {}
    ~Client() { closeDuplicate(descriptor); }

    std::mutex mutex;
    const qintptr descriptor;
    QByteArray backlog;          // bytes the kernel did not take yet, whole messages after the first
    Subscription subscription;
    int phase = 0;               // decimation accumulator
    qint64 stalledSinceMs = -1;
    bool removed = false;        // nothing more is written
    bool failed = false;         // send() failed: the peer is gone; Qt's read side reports it
    bool dropWanted = false;
    bool flushWanted = false;    // the owner was asked to flush when the socket can take more
};

namespace {
qint64 steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
} // namespace

FrameFanout::FrameFanout(std::function<void()> ownerWake) : m_ownerWake(std::move(ownerWake)) {}

FrameFanout::~FrameFanout() = default;

bool FrameFanout::publishesFromAnyThread()
{
    return duplicatesAllowAnyThread();
}

void FrameFanout::setLimits(const Limits &limits)
{
    std::lock_guard lock(m_mutex);
    m_limits = limits;
}

FrameFanout::ClientRef FrameFanout::add(qintptr socketDescriptor)
{
    const qintptr fd = duplicateSocket(socketDescriptor);
    if (fd == -1)
        return nullptr;
    auto client = std::make_shared<Client>(fd);
    client->backlog.reserve(4096);
    std::lock_guard lock(m_mutex);
    m_clients.push_back(client);
    return client;
}

bool FrameFanout::remove(const ClientRef &client)
{
    if (!client)
        return true;
    std::lock_guard lock(m_mutex); // after this no publish() can reach the client
    m_clients.erase(std::remove(m_clients.begin(), m_clients.end(), client), m_clients.end());
    std::lock_guard clientLock(client->mutex);
    client->removed = true;
    return client->backlog.isEmpty() && !client->failed;
}

FrameFanout::Subscription FrameFanout::subscribe(
    const ClientRef &client, std::optional<bool> binary, std::optional<int> rate)
{
    std::lock_guard lock(client->mutex);
    client->subscription.binary = binary.value_or(client->subscription.binary);
    client->subscription.rate = rate.value_or(client->subscription.rate);
    client->phase = 0;
    return client->subscription;
}

FrameFanout::Subscription FrameFanout::subscription(const ClientRef &client) const
{
    std::lock_guard lock(client->mutex);
    return client->subscription;
}

bool FrameFanout::sendLocked(Client &client, QByteArrayView bytes)
{
    if (client.removed || client.failed)
        return false;
    qint64 sent = 0;
    if (client.backlog.isEmpty()) {
        sent = sendNow(client.descriptor, bytes.data(), bytes.size());
        if (sent < 0) {
            client.failed = true;
            return false;
        }
    }
    if (sent == bytes.size())
        return false;
    client.backlog.append(bytes.data() + sent, bytes.size() - sent);
    const bool wake = !client.flushWanted;
    client.flushWanted = true;
    return wake;
}

bool FrameFanout::write(const ClientRef &client, QByteArrayView bytes)
{
    std::lock_guard lock(client->mutex);
    sendLocked(*client, bytes);
    return client->flushWanted;
}

bool FrameFanout::flush(const ClientRef &client)
{
    std::lock_guard lock(client->mutex);
    if (!client->backlog.isEmpty() && !client->failed && !client->removed) {
        const qint64 sent = sendNow(client->descriptor, client->backlog.constData(), client->backlog.size());
        if (sent < 0)
            client->failed = true;
        else
            client->backlog.remove(0, sent);
    }
    if (client->backlog.isEmpty() || client->failed || client->removed)
        client->flushWanted = false;
    return client->flushWanted;
}

bool FrameFanout::wantsFlush(const ClientRef &client) const
{
    std::lock_guard lock(client->mutex);
    return client->flushWanted;
}

bool FrameFanout::wantsDrop(const ClientRef &client) const
{
    std::lock_guard lock(client->mutex);
    return client->dropWanted;
}

qintptr FrameFanout::descriptor(const ClientRef &client) const
{
    return client->descriptor;
}

void FrameFanout::layoutSent(const BandLayout &layout)
{
    std::lock_guard lock(m_mutex);
    m_sentLayout = layout;
    m_held = m_comingLayout.isValid() && m_comingLayout != m_sentLayout;
}

void FrameFanout::layoutComing(const BandLayout &layout)
{
    std::lock_guard lock(m_mutex);
    m_comingLayout = layout;
    m_held = m_comingLayout.isValid() && m_comingLayout != m_sentLayout;
}

bool FrameFanout::wantsFrame(Client &client) const
{
    const int fps = streamFps();
    const int asked = client.subscription.rate;
    const int rate = asked <= 0 ? fps : std::min(asked, fps);
    if (rate >= fps)
        return true;
    // Bresenham-style: exactly `rate` of every `fps` frames, spread evenly.
    client.phase += rate;
    if (client.phase < fps)
        return false;
    client.phase -= fps;
    return true;
}

const QByteArray &FrameFanout::encoded(const SpectrumFrame &frame, bool binary)
{
    if (binary && !m_binaryReady) {
        encodeBinaryFrame(frame, m_binaryPayload);
        buildWsFrame(0x2, m_binaryPayload, m_binaryFrame);
        m_binaryReady = true;
    } else if (!binary && !m_jsonReady) {
        wire::writeFrameJson(frame, m_jsonPayload);
        buildWsFrame(0x1, m_jsonPayload, m_jsonFrame);
        m_jsonReady = true;
    }
    return binary ? m_binaryFrame : m_jsonFrame;
}

// True when the owner must be woken (a drop, or a backlog to flush).
bool FrameFanout::offerFrame(Client &client, const SpectrumFrame &frame, qint64 nowMs)
{
    if (client.removed || client.failed || client.dropWanted || !wantsFrame(client))
        return false;
    const qint64 backlog = client.backlog.size();
    if (backlog > m_limits.hardBacklogBytes) {
        client.dropWanted = true;
        return true;
    }
    if (backlog > m_limits.backlogBytes) {
        // Newest frame wins: skip this one rather than queue it behind unsent data.
        ++m_counters.framesSkipped;
        if (client.stalledSinceMs < 0)
            client.stalledSinceMs = nowMs;
        else if (nowMs - client.stalledSinceMs > m_limits.stallTimeoutMs)
            client.dropWanted = true;
        return client.dropWanted;
    }
    client.stalledSinceMs = -1;
    ++m_counters.framesSent;
    return sendLocked(client, encoded(frame, client.subscription.binary));
}

void FrameFanout::publish(const SpectrumFrame &frame)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        ++m_counters.framesPublished;
        if (m_held || m_clients.empty())
            return;
        m_binaryReady = m_jsonReady = false;
        const qint64 now = steadyMs();
        qint64 buffered = 0;
        for (const ClientRef &c : m_clients) {
            std::lock_guard clientLock(c->mutex);
            buffered += c->backlog.size();
            wake = offerFrame(*c, frame, now) || wake;
        }
        m_counters.maxBufferedBytes = std::max(m_counters.maxBufferedBytes, buffered);
    }
    if (wake)
        m_ownerWake();
}

FrameFanout::Counters FrameFanout::counters() const
{
    std::lock_guard lock(m_mutex);
    Counters c = m_counters;
    c.bufferedBytes = 0;
    for (const ClientRef &client : m_clients) {
        std::lock_guard clientLock(client->mutex);
        c.bufferedBytes += client->backlog.size();
    }
    return c;
}

} // namespace spectray::net
