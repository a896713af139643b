#pragma once

#include "capture/audiobackend.h"

#include <pulse/pulseaudio.h>

#include <map>
#include <string>
#include <vector>

namespace spectray::capture {

// PulseAudio (and pipewire-pulse) capture on libpulse's threaded main loop. Everything below the
// public methods runs on the main loop thread with its lock held; public methods take the lock.
// Sink calls happen only between open() and close().
class PulseBackend final : public AudioBackend
{
public:
    PulseBackend();
    ~PulseBackend() override;
    PulseBackend(const PulseBackend &) = delete;
    PulseBackend &operator=(const PulseBackend &) = delete;

    std::string name() const override { return "pulse"; }
    void setSink(CaptureSink *sink) override;
    std::vector<DeviceInfo> devices() override;
    bool open(const std::string &deviceId, std::string &error) override;
    void close() override;
    void setIdle(bool idle) override;

private:
    struct SourceInfo
    {
        std::string description;
        int rate = 48000;
        int channels = 2;
        bool monitor = false;
    };

    // Connection (pulsebackend.cpp)
    bool ensureConnected(); // caller holds the lock
    void startContext();
    void dropContext();
    void scheduleReconnect();
    static void contextStateCb(pa_context *c, void *self);
    static void subscribeCb(pa_context *c, pa_subscription_event_type_t t, uint32_t idx, void *self);
    static void reconnectTimerCb(pa_mainloop_api *a, pa_time_event *e, const struct timeval *tv, void *self);

    // Device list (pulsedevices.cpp)
    void requestRefresh();
    void waitForRefresh();
    static void serverInfoCb(pa_context *c, const pa_server_info *i, void *self);
    static void sinkInfoCb(pa_context *c, const pa_sink_info *i, int eol, void *self);
    static void sourceInfoCb(pa_context *c, const pa_source_info *i, int eol, void *self);
    void refreshFinished();
    std::vector<DeviceInfo> buildDeviceList() const;

    // Stream (pulsestream.cpp)
    void reconcile();
    std::string targetSource() const;
    void connectStream(const std::string &source);
    void dropStream();
    void applyBufferAttr();
    void emitEvent(StreamEvent event, const std::string &message);
    static void streamStateCb(pa_stream *s, void *self);
    static void streamReadCb(pa_stream *s, size_t nbytes, void *self);
    static void streamMovedCb(pa_stream *s, void *self);
    void drain(pa_stream *s);
    void updateIdleTimer();
    static void idleTimerCb(pa_mainloop_api *a, pa_time_event *e, const struct timeval *tv, void *self);

    pa_threaded_mainloop *m_loop = nullptr;
    pa_context *m_context = nullptr;
    pa_stream *m_stream = nullptr;
    pa_time_event *m_reconnectTimer = nullptr;
    pa_time_event *m_idleTimer = nullptr; // while idle, audio is drained on this instead of per packet
    CaptureSink *m_sink = nullptr;

    // Session: what the user asked for and what is being recorded.
    bool m_active = false;       // between open() and close(): sink calls and reconnects allowed
    bool m_followDefault = true; // record the default sink's monitor, following it
    bool m_serverLost = false;
    bool m_idle = false;
    bool m_gotAudio = false;
    bool m_streamFailed = false; // the stream on m_current failed: retry from the timer, not at once
    std::string m_wanted;  // source name asked for (when not following the default)
    std::string m_current; // source the stream was opened on ("" if none)
    StreamFormat m_format;
    std::vector<float> m_coalesced;

    // Server state, rebuilt by each refresh.
    std::string m_defaultSink;
    std::string m_defaultSource;
    std::map<std::string, std::string> m_sinkMonitor; // sink name -> its monitor source
    std::map<std::string, SourceInfo> m_sources;
    std::map<std::string, SourceInfo> m_pendingSources;
    std::map<std::string, std::string> m_pendingSinkMonitor;
    std::vector<DeviceInfo> m_devices;
    int m_refreshGeneration = 0; // completed refreshes
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace spectray::capture
