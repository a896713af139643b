// Application capture of the PulseAudio backend ("app:BINARY" and "app-except:BINARY").
//
// PulseAudio records a single playback stream through a record stream with a monitor stream set
// (pa_stream_set_monitor_stream): the server feeds it exactly what that sink input plays, before
// the sink mixes it with anything else. One record stream can monitor only one sink input, so an
// application with several streams (or "everything except one app") takes one record stream per
// sink input, and the backend sums them (StreamMixer). The alternative, moving the app's streams to
// a private null sink and recording its monitor, would change where people hear the app; this way
// nothing in their routing changes.
//
// The server kills such a record stream when its sink input is removed or moved to another sink.
// Every sink-input event starts a device-list refresh, and reconcileApps() then attaches to what
// matches now: a new stream of the app, the same stream on its new sink. When nothing matches, the
// source stays open and reports Waiting until the app plays again; it never falls back to an output.
#include "capture/pulsebackend.h"

#include <algorithm>

namespace spectray::capture {

namespace {
// How far one stream may lag the others before its missing part counts as silence (a paused
// stream delivers nothing and must not hold the others back): a few fragments of jitter.
constexpr double kMaxLagSeconds = 0.030;
constexpr double kMaxLagFragments = 3.0;
} // namespace

bool PulseBackend::openApplication(const std::string &deviceId, std::string &error)
{
    const bool except = deviceId.rfind(sourceid::kAppExceptPrefix, 0) == 0;
    const std::string prefix = except ? sourceid::kAppExceptPrefix : sourceid::kAppPrefix;
    m_app = deviceId.substr(prefix.size());
    if (m_app.empty()) {
        error = "No application named in " + deviceId;
        return false;
    }
    m_appMode = except ? AppMode::Exclude : AppMode::Include;
    m_appName = m_app;
    // One format for every stream: the server resamples each monitor to it, so neither the mix nor
    // the engine's analyser changes rate when streams come and go.
    int rate = 48000;
    const auto monitor = m_sinkMonitor.find(m_defaultSink);
    for (const auto &[index, sink] : m_sinks) {
        if (monitor != m_sinkMonitor.end() && sink.monitor == monitor->second && sink.rate > 0)
            rate = sink.rate;
    }
    m_format = StreamFormat { rate, 2 };
    const double maxLag = std::max(kMaxLagSeconds, kMaxLagFragments * m_chunkSeconds);
    m_mixer.reset(2, static_cast<std::size_t>(rate * maxLag));
    m_failedAppStreams.clear();
    m_active = true;
    m_serverLost = false;
    m_appWaiting = false;
    m_gotAudio = false;
    m_current.clear();
    updateLatencyTimer();
    reconcileApps();
    return true;
}

bool PulseBackend::wantsSinkInput(const SinkInputInfo &info) const
{
    return m_appMode == AppMode::Include ? info.app == m_app : info.app != m_app;
}

std::string PulseBackend::appDisplayName() const
{
    return m_appName;
}

std::string PulseBackend::appSourceId() const
{
    return (m_appMode == AppMode::Exclude ? sourceid::kAppExceptPrefix : sourceid::kAppPrefix) + m_app;
}

void PulseBackend::reconcileApps()
{
    if (!m_active || !m_context || pa_context_get_state(m_context) != PA_CONTEXT_READY)
        return;
    const auto stillThere = [this](uint32_t index, uint32_t sink) {
        const auto in = m_sinkInputs.find(index);
        return in != m_sinkInputs.end() && wantsSinkInput(in->second) && in->second.sink == sink;
    };
    // Monitors whose stream ended, moved or stopped matching; the server has usually killed them.
    for (auto it = m_appStreams.begin(); it != m_appStreams.end();) {
        const uint32_t index = it->first;
        const bool keep = stillThere(index, it->second.sink);
        ++it;
        if (!keep)
            dropAppStream(index);
    }
    // A monitor that failed is retried at once where its stream moved, else from the timer.
    std::erase_if(m_failedAppStreams, [&](const auto &f) { return !stillThere(f.first, f.second); });
    bool any = false;
    for (const auto &[index, input] : m_sinkInputs) {
        if (input.app == m_app)
            m_appName = input.name;
        if (!wantsSinkInput(input))
            continue;
        any = true;
        if (!m_appStreams.contains(index) && !m_failedAppStreams.contains(index))
            connectAppStream(index, input);
    }
    if (any) {
        m_appWaiting = false;
    } else if (!m_appWaiting) {
        m_appWaiting = true;
        m_gotAudio = false; // the next stream reports Started again
        emitEvent(StreamEvent::Waiting,
            m_appMode == AppMode::Include ? m_appName + " is not playing"
                                          : "Nothing else is playing (everything except " + m_appName + ")");
    }
}

void PulseBackend::connectAppStream(uint32_t sinkInput, const SinkInputInfo &info)
{
    const auto sink = m_sinks.find(info.sink);
    if (sink == m_sinks.end() || sink->second.monitor.empty())
        return; // the sink list is older than the sink input; the next refresh has both
    pa_sample_spec spec {};
    spec.format = PA_SAMPLE_FLOAT32LE;
    spec.rate = static_cast<uint32_t>(m_format.sampleRate);
    spec.channels = 2;
    pa_channel_map map {};
    pa_channel_map_init_stereo(&map);
    pa_stream *s = pa_stream_new(m_context, "Spectrum analysis (application)", &spec, &map);
    if (!s)
        return;
    pa_stream_set_state_callback(s, &PulseBackend::appStreamStateCb, this);
    pa_stream_set_read_callback(s, &PulseBackend::appStreamReadCb, this);
    // The engine's chunk even while idle: the idle timer drains these monitors anyway.
    const pa_buffer_attr attr = bufferAttr(spec, false);
    // DONT_MOVE: a monitor belongs to its sink input's sink; when the stream moves the server
    // kills it and reconcileApps() attaches a new one there.
    const auto flags = static_cast<pa_stream_flags_t>(PA_STREAM_ADJUST_LATENCY | PA_STREAM_DONT_MOVE);
    if (pa_stream_set_monitor_stream(s, sinkInput) < 0
        || pa_stream_connect_record(s, sink->second.monitor.c_str(), &attr, flags) < 0) {
        pa_stream_set_state_callback(s, nullptr, nullptr);
        pa_stream_set_read_callback(s, nullptr, nullptr);
        pa_stream_unref(s);
        m_failedAppStreams[sinkInput] = info.sink;
        scheduleReconnect();
        return;
    }
    m_appStreams[sinkInput] = AppStream { s, info.sink };
    m_mixer.addInput(sinkInput);
}

void PulseBackend::dropAppStream(uint32_t sinkInput)
{
    const auto it = m_appStreams.find(sinkInput);
    if (it == m_appStreams.end())
        return;
    pa_stream *s = it->second.stream;
    pa_stream_set_state_callback(s, nullptr, nullptr);
    pa_stream_set_read_callback(s, nullptr, nullptr);
    if (PA_STREAM_IS_GOOD(pa_stream_get_state(s)))
        pa_stream_disconnect(s);
    pa_stream_unref(s);
    m_appStreams.erase(it);
    m_mixer.removeInput(sinkInput);
}

void PulseBackend::dropAppStreams()
{
    while (!m_appStreams.empty())
        dropAppStream(m_appStreams.begin()->first);
    m_failedAppStreams.clear();
}

void PulseBackend::appStreamStateCb(pa_stream *s, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    const pa_stream_state_t state = pa_stream_get_state(s);
    if (state != PA_STREAM_FAILED && state != PA_STREAM_TERMINATED)
        return;
    // Killed because its sink input ended or moved (or refused). Forget it and look again: the
    // refresh tells which, and reconcileApps() follows the stream or reports Waiting.
    const uint32_t index = pa_stream_get_monitor_stream(s);
    const auto it = b->m_appStreams.find(index);
    if (it == b->m_appStreams.end() || it->second.stream != s)
        return;
    b->m_failedAppStreams[index] = it->second.sink;
    b->dropAppStream(index);
    b->requestRefresh();
    b->scheduleReconnect();
}

void PulseBackend::appStreamReadCb(pa_stream *s, size_t readable, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    // While idle the idle timer drains every monitor (as for a device stream): fewer wake-ups.
    if (!b->m_idle)
        b->drainApp(s, readable);
}

void PulseBackend::drainAppStreams()
{
    for (const auto &[index, app] : m_appStreams)
        drainApp(app.stream, readableBytes(app.stream));
}

// Exactly `readable` bytes, as drain() does (one getpid() per libpulse call).
void PulseBackend::drainApp(pa_stream *s, size_t readable)
{
    // Found by pointer, not by pa_stream_get_monitor_stream(): one libpulse call (getpid) less.
    const auto it = std::find_if(m_appStreams.begin(), m_appStreams.end(),
                                 [s](const auto &entry) { return entry.second.stream == s; });
    const bool ours = it != m_appStreams.end();
    const uint32_t index = ours ? it->first : PA_INVALID_INDEX;
    constexpr size_t kFrameBytes = 2 * sizeof(float);
    while (readable > 0) {
        const void *data = nullptr;
        size_t bytes = 0;
        if (pa_stream_peek(s, &data, &bytes) < 0 || bytes == 0)
            break;
        readable -= std::min(readable, bytes);
        if (data && ours && m_active && m_sink) {
            const size_t ready = m_mixer.push(index, static_cast<const float *>(data), bytes / kFrameBytes);
            if (ready > 0) {
                if (!m_gotAudio) {
                    m_gotAudio = true;
                    emitEvent(StreamEvent::Started, "Capturing " + m_appName);
                }
                m_sink->onAudio(m_mixer.mixed(), ready, m_format, false);
            }
        }
        pa_stream_drop(s); // a hole (data == nullptr) is dropped too
    }
}

} // namespace spectray::capture
