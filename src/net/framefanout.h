#pragma once

#include "core/bandlayout.h"
#include "core/spectrumframe.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace spectray::net {

// The stream's frame rate as clients are told it while no layout has said one.
inline constexpr int kFpsBeforeLayout = 60;

// A complete server-to-client WebSocket frame (FIN set, unmasked) in `out`. Unmasked frames are the
// same bytes for every client, so a frame is built once and copied into each socket as it is.
void buildWsFrame(quint8 opcode, QByteArrayView payload, QByteArray &out);

// The writing half of the frame stream, callable from any thread. StreamServer (GUI thread) adds
// and removes clients and writes its own messages through it; frames are published through it by
// StreamServer::publishFrame, or, in `spectray --headless`, right on the audio thread that made
// them (Session's frame tap), so that thread sends them and the GUI thread is not woken per frame:
// with ten clients that wake-up cost as much as the sends (issue 11, docs/engine.md).
//
// Every byte a client gets after the handshake goes through here, whole WebSocket frames in order,
// so two threads never interleave on one socket: a mutex per client guards its socket and its
// unsent remainder. Each client's descriptor is a duplicate the fanout owns and closes last, so
// Qt closing its own on a disconnect cannot make a later send() reach a socket that reused the
// number (POSIX; on Windows frames stay on the owner's thread). Nothing here blocks: sends are non-blocking and what the kernel does not take waits in
// the client's backlog until the owner's write notifier flushes it.
class FrameFanout final
{
public:
    struct Limits
    {
        qint64 backlogBytes = 64 * 1024;          // unsent bytes past which a client skips frames
        qint64 hardBacklogBytes = 1024 * 1024;    // past which it is dropped at once
        qint64 stallTimeoutMs = 10000;            // over backlogBytes this long: dropped
    };
    struct Counters
    {
        quint64 framesPublished = 0;
        quint64 framesSent = 0;    // summed over clients
        quint64 framesSkipped = 0; // not sent because the client was behind
        qint64 bufferedBytes = 0;  // unsent bytes over all clients right now
        qint64 maxBufferedBytes = 0;
    };
    struct Subscription
    {
        bool binary = false; // every client starts with JSON frames
        int rate = 0;        // frames per second asked for; 0 = every frame
    };
    class Client;
    using ClientRef = std::shared_ptr<Client>;

    // `ownerWake` is called, on the thread that noticed it, when the owner has work on its own
    // thread: a client to drop (wantsDrop) or a backlog to flush when its socket can take more
    // (wantsFlush). Only when a client falls behind, never per frame.
    explicit FrameFanout(std::function<void()> ownerWake);
    ~FrameFanout();
    FrameFanout(const FrameFanout &) = delete;
    FrameFanout &operator=(const FrameFanout &) = delete;

    // Whether publish() may run on another thread than the owner's (not on Windows: socketsend.h).
    static bool publishesFromAnyThread();

    void setLimits(const Limits &limits);
    // A client on a connected socket; nullptr when its descriptor cannot be duplicated (no file
    // descriptors left), and the owner refuses the client.
    ClientRef add(qintptr socketDescriptor);
    // No byte is written to the client after this returns. True when its stream ends between two
    // messages, so a close frame may follow; false when part of a message is still unsent.
    bool remove(const ClientRef &client);
    // Applies what a subscribe message names (either may be absent) and returns the result.
    Subscription subscribe(const ClientRef &client, std::optional<bool> binary, std::optional<int> rate);
    Subscription subscription(const ClientRef &client) const;
    // A whole message from the owner (text, ping, pong): sent now or queued behind the backlog.
    // Returns wantsFlush(client).
    bool write(const ClientRef &client, QByteArrayView bytes);
    // Sends what the backlog holds as far as the socket takes it; returns wantsFlush(client).
    bool flush(const ClientRef &client);
    bool wantsFlush(const ClientRef &client) const;
    bool wantsDrop(const ClientRef &client) const;
    qintptr descriptor(const ClientRef &client) const; // the duplicate, for a write notifier

    // The owner has told every client this layout: frames that use it may go out.
    void layoutSent(const BandLayout &layout);
    // Frames of this layout are about to be published (before the owner has sent it): they are
    // held back until layoutSent() says it went out, so no client sees a frame before its layout.
    void layoutComing(const BandLayout &layout);
    // One frame to every client that wants it; one caller at a time (the audio thread, or the owner).
    void publish(const SpectrumFrame &frame);
    Counters counters() const;

private:
    int streamFps() const { return m_sentLayout.fps > 0 ? m_sentLayout.fps : kFpsBeforeLayout; } // list lock held
    bool wantsFrame(Client &client) const; // both locks held
    bool sendLocked(Client &client, QByteArrayView bytes); // client's lock held; true: wake the owner
    bool offerFrame(Client &client, const SpectrumFrame &frame, qint64 nowMs); // both locks held
    const QByteArray &encoded(const SpectrumFrame &frame, bool binary); // list lock held

    std::function<void()> m_ownerWake;
    mutable std::mutex m_mutex; // the client list, the counters, the layouts and the encode buffers
    std::vector<ClientRef> m_clients;
    Limits m_limits;
    Counters m_counters;
    BandLayout m_sentLayout;
    BandLayout m_comingLayout;
    bool m_held = false;
    // Reused every frame: no allocation once sized. Each frame is serialised once per format and
    // framed once, and the same bytes go to every client.
    QByteArray m_binaryPayload, m_binaryFrame, m_jsonPayload, m_jsonFrame;
    bool m_binaryReady = false, m_jsonReady = false;
};

} // namespace spectray::net
