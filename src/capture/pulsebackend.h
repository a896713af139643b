#pragma once

#include "capture/audiobackend.h"
#include "capture/pulseloop.h"
#include "capture/streammixer.h"

#include <pulse/pulseaudio.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spectray::capture {

// PulseAudio (and pipewire-pulse) capture on our own threaded main loop (PulseLoop). Everything below the
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
    void setPreferredChunk(double seconds) override;

private:
    struct SourceInfo
    {
        std::string description;
        int rate = 48000;
        int channels = 2;
        bool monitor = false;
    };
    struct SinkInfo
    {
        std::string monitor; // its monitor source
        int rate = 48000;
    };
    // A playback stream (sink input) and the application it belongs to.
    struct SinkInputInfo
    {
        std::string app;  // application key: application.process.binary, else application.name
        std::string name; // application.name, else the key
        std::string icon; // application.icon_name
        uint32_t sink = PA_INVALID_INDEX;
    };
    // One record stream on one sink input (the app mode's monitor of a single stream).
    struct AppStream
    {
        pa_stream *stream = nullptr;
        uint32_t sink = PA_INVALID_INDEX; // where the sink input played when we attached
    };
    enum class AppMode { None, Include, Exclude };

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
    static void sinkInputInfoCb(pa_context *c, const pa_sink_input_info *i, int eol, void *self);
    void appendApplications(std::vector<DeviceInfo> &list) const;

    // Application capture (pulseapps.cpp): one monitor stream per matching sink input, mixed.
    bool openApplication(const std::string &deviceId, std::string &error);
    bool wantsSinkInput(const SinkInputInfo &info) const;
    void reconcileApps();
    void connectAppStream(uint32_t sinkInput, const SinkInputInfo &info);
    void dropAppStream(uint32_t sinkInput);
    void dropAppStreams();
    std::string appDisplayName() const;
    std::string appSourceId() const;
    static void appStreamStateCb(pa_stream *s, void *self);
    static void appStreamReadCb(pa_stream *s, size_t nbytes, void *self);
    void drainApp(pa_stream *s, size_t readable);
    void drainAppStreams();

    // Stream (pulsestream.cpp)
    void reconcile();
    std::string targetSource() const;
    void connectStream(const std::string &source);
    void dropStream();
    void applyBufferAttr();
    pa_buffer_attr bufferAttr(const pa_sample_spec &spec, bool idle) const; // idle or the engine's chunk
    void emitEvent(StreamEvent event, const std::string &message);
    static void streamStateCb(pa_stream *s, void *self);
    static void streamReadCb(pa_stream *s, size_t nbytes, void *self);
    static void streamMovedCb(pa_stream *s, void *self);
    void drain(pa_stream *s, size_t readable);
    static size_t readableBytes(pa_stream *s); // pa_stream_readable_size(), 0 on error
    void updateIdleTimer();
    static void idleTimerCb(pa_mainloop_api *a, pa_time_event *e, const struct timeval *tv, void *self);

    // Output latency of the monitored sink (pulselatency.cpp): asked after every refresh, when the
    // stream is ready and every few seconds (a latency change posts no event), reported on change.
    void requestOutputLatency();
    uint32_t monitoredSink() const; // the sink whose monitor (or app stream) is recorded, or none
    void finishOutputLatency(int64_t portOffsetUs);
    void reportOutputLatency(std::optional<double> latencyMs);
    void updateLatencyTimer();
    static void latencySinkCb(pa_context *c, const pa_sink_info *i, int eol, void *self);
    static void latencyCardCb(pa_context *c, const pa_card_info *i, int eol, void *self);
    static void latencyTimerCb(pa_mainloop_api *a, pa_time_event *e, const struct timeval *tv, void *self);

    std::unique_ptr<PulseLoop> m_loop; // null if it could not start: every method then fails softly
    pa_context *m_context = nullptr;
    pa_stream *m_stream = nullptr;
    pa_time_event *m_reconnectTimer = nullptr;
    pa_time_event *m_idleTimer = nullptr; // while idle, audio is drained on this instead of per packet
    pa_time_event *m_latencyTimer = nullptr; // re-reads the monitored sink's latency while open
    std::map<uint32_t, AppStream> m_appStreams; // sink input index -> its monitor stream
    StreamMixer m_mixer;
    CaptureSink *m_sink = nullptr;

    // Session: what the user asked for and what is being recorded.
    bool m_active = false;       // between open() and close(): sink calls and reconnects allowed
    bool m_followDefault = true; // record the default sink's monitor, following it
    bool m_serverLost = false;
    bool m_idle = false;
    double m_chunkSeconds = 0.0; // the engine's preferred chunk (0: kActiveFragmentUsec)
    bool m_gotAudio = false;
    bool m_streamFailed = false; // the stream on m_current failed: retry from the timer, not at once
    std::string m_wanted;  // source name asked for (when not following the default)
    std::string m_current; // source the stream was opened on ("" if none)
    AppMode m_appMode = AppMode::None;
    std::string m_app;          // application key of app:/app-except: ids
    std::string m_appName;      // its last seen application.name (for messages)
    bool m_appWaiting = false;  // Waiting was reported and no stream has started since
    StreamFormat m_format;
    std::vector<float> m_coalesced;

    // The monitored sink's timing, between its sink-info and card-info replies.
    struct SinkTiming
    {
        pa_usec_t configured = 0; // the latency the sink runs at (what its clients asked for)
        pa_usec_t current = 0;    // its latency right now, port latency offset included
        std::string port;         // active port, whose card holds the latency offset
    };
    SinkTiming m_timing;
    std::optional<double> m_reportedLatencyMs;
    bool m_latencyKnown = false; // something (a figure or "none") was reported since open()

    // Server state, rebuilt by each refresh.
    std::string m_defaultSink;
    std::string m_defaultSource;
    std::map<std::string, std::string> m_sinkMonitor; // sink name -> its monitor source
    std::map<std::string, SourceInfo> m_sources;
    std::map<std::string, SourceInfo> m_pendingSources;
    std::map<std::string, std::string> m_pendingSinkMonitor;
    std::map<uint32_t, SinkInfo> m_sinks; // by index: sink inputs name their sink by index
    std::map<uint32_t, SinkInfo> m_pendingSinks;
    std::map<uint32_t, SinkInputInfo> m_sinkInputs;
    std::map<uint32_t, SinkInputInfo> m_pendingSinkInputs;
    std::map<uint32_t, uint32_t> m_failedAppStreams; // sink input -> its sink when its monitor failed
    std::vector<DeviceInfo> m_devices;
    int m_refreshGeneration = 0; // completed refreshes
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace spectray::capture
