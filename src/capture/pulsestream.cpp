// The record stream of the PulseAudio backend. reconcile() compares what should be recorded
// (the wanted source, or the default sink's monitor) with what is, and reopens the stream; it runs
// after every device-list refresh, so default changes, removals and moves all land here.
#include "capture/pulsebackend.h"

#include <algorithm>
#include <cmath>

namespace spectray::capture {

namespace {
constexpr pa_usec_t kActiveFragmentUsec = 10 * 1000; // low latency while there is sound (no hint)
constexpr pa_usec_t kIdleFragmentUsec = 150 * 1000;  // fewer wake-ups while silent
// The most the server keeps for us if we stop reading: latency stays bounded after a stall.
constexpr pa_usec_t kMaxBufferUsec = 2 * 1000 * 1000;
} // namespace

pa_buffer_attr PulseBackend::bufferAttr(const pa_sample_spec &spec, bool idle) const
{
    pa_buffer_attr attr {};
    attr.tlength = attr.prebuf = attr.minreq = static_cast<uint32_t>(-1);
    attr.maxlength = static_cast<uint32_t>(pa_usec_to_bytes(kMaxBufferUsec, &spec));
    size_t bytes = pa_usec_to_bytes(kActiveFragmentUsec, &spec);
    if (idle)
        bytes = pa_usec_to_bytes(kIdleFragmentUsec, &spec);
    else if (m_chunkSeconds > 0.0) // whole frames of the engine's chunk (pa_usec_to_bytes would round down)
        bytes = static_cast<size_t>(std::max(1L, std::lround(m_chunkSeconds * spec.rate))) * pa_frame_size(&spec);
    attr.fragsize = static_cast<uint32_t>(bytes);
    return attr;
}

void PulseBackend::setPreferredChunk(double seconds)
{
    if (!m_loop) {
        m_chunkSeconds = seconds;
        return;
    }
    m_loop->lock();
    if (m_chunkSeconds != seconds) {
        m_chunkSeconds = seconds;
        applyBufferAttr();
    }
    m_loop->unlock();
}

std::string PulseBackend::targetSource() const
{
    if (!m_followDefault)
        return m_wanted;
    const auto it = m_sinkMonitor.find(m_defaultSink);
    return it == m_sinkMonitor.end() ? std::string() : it->second;
}

void PulseBackend::reconcile()
{
    if (!m_active || !m_context || pa_context_get_state(m_context) != PA_CONTEXT_READY)
        return;
    if (m_appMode != AppMode::None) {
        reconcileApps(); // an application is never swapped for a device behind the user's back
        return;
    }
    // The device we were recording from is gone (unloaded, unplugged; with rescue-streams the
    // server may already have moved us elsewhere): fall back to the default output.
    if (!m_current.empty() && m_sources.find(m_current) == m_sources.end()) {
        m_followDefault = true;
        m_wanted.clear();
        dropStream();
        m_current.clear();
        emitEvent(StreamEvent::DeviceLost, "Device removed — following default output");
    }
    const std::string target = targetSource();
    if (target.empty() || m_sources.find(target) == m_sources.end()) {
        dropStream(); // nothing to record until a sink appears
        m_current.clear();
        return;
    }
    if (!m_stream && m_streamFailed && target == m_current)
        return; // the reconnect timer retries; no tight loop against a source that refuses us
    if (m_stream && target == m_current) {
        // Moved by someone else (pavucontrol, rescue)? Then go back to where we belong.
        const char *actual = pa_stream_get_device_name(m_stream);
        if (!actual || target == actual)
            return;
    }
    connectStream(target);
}

void PulseBackend::connectStream(const std::string &source)
{
    dropStream();
    const SourceInfo &info = m_sources.at(source);
    pa_sample_spec spec {};
    spec.format = PA_SAMPLE_FLOAT32LE;
    spec.rate = static_cast<uint32_t>(info.rate);
    spec.channels = static_cast<uint8_t>(info.channels);
    pa_channel_map map {};
    pa_channel_map_init_extend(&map, spec.channels, PA_CHANNEL_MAP_DEFAULT);
    m_stream = pa_stream_new(m_context, "Spectrum analysis", &spec, &map);
    if (!m_stream) {
        scheduleReconnect();
        return;
    }
    pa_stream_set_state_callback(m_stream, &PulseBackend::streamStateCb, this);
    pa_stream_set_read_callback(m_stream, &PulseBackend::streamReadCb, this);
    pa_stream_set_moved_callback(m_stream, &PulseBackend::streamMovedCb, this);

    const pa_buffer_attr attr = bufferAttr(spec, m_idle);
    // ADJUST_LATENCY makes the source itself run at our fragment size, so it posts one chunk per
    // fragment (one wake-up per frame with the engine's hint); without it an idle null sink keeps
    // its 2 s latency and the first data arrives only after ~2 s. No AUTO_TIMING_UPDATE: nothing
    // reads the stream's timing info (the output latency comes from the sink, pulselatency.cpp),
    // and the updates are round trips to the server that wake this thread.
    const auto flags = PA_STREAM_ADJUST_LATENCY;
    if (pa_stream_connect_record(m_stream, source.c_str(), &attr, flags) < 0) {
        dropStream();
        scheduleReconnect();
        return;
    }
    m_current = source;
    m_format = StreamFormat{info.rate, info.channels};
    m_gotAudio = false;
}

void PulseBackend::dropStream()
{
    if (!m_stream)
        return;
    pa_stream_set_state_callback(m_stream, nullptr, nullptr);
    pa_stream_set_read_callback(m_stream, nullptr, nullptr);
    pa_stream_set_moved_callback(m_stream, nullptr, nullptr);
    if (PA_STREAM_IS_GOOD(pa_stream_get_state(m_stream)))
        pa_stream_disconnect(m_stream);
    pa_stream_unref(m_stream);
    m_stream = nullptr;
}

void PulseBackend::setIdle(bool idle)
{
    if (!m_loop)
        return;
    m_loop->lock();
    if (m_idle != idle) {
        m_idle = idle;
        applyBufferAttr();
        updateIdleTimer();
        if (!idle && m_stream)
            drain(m_stream, readableBytes(m_stream)); // hand over what piled up while idle at once
        if (!idle)
            drainAppStreams();
    }
    m_loop->unlock();
}

void PulseBackend::applyBufferAttr()
{
    if (!m_stream || pa_stream_get_state(m_stream) != PA_STREAM_READY)
        return;
    const pa_buffer_attr attr = bufferAttr(*pa_stream_get_sample_spec(m_stream), m_idle);
    if (pa_operation *op = pa_stream_set_buffer_attr(m_stream, &attr, nullptr, nullptr))
        pa_operation_unref(op);
}

void PulseBackend::emitEvent(StreamEvent event, const std::string &message)
{
    if (!m_active || !m_sink)
        return;
    if (m_appMode != AppMode::None) {
        m_sink->onStreamEvent(event, message, appSourceId(), appDisplayName());
        return;
    }
    std::string id = m_followDefault ? std::string(kDefaultOutputId) : sourceid::kPulsePrefix + m_wanted;
    std::string name;
    const std::string source = targetSource();
    if (const auto it = m_sources.find(source); it != m_sources.end())
        name = it->second.description;
    m_sink->onStreamEvent(event, message, id, name);
}

void PulseBackend::streamStateCb(pa_stream *s, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (s != b->m_stream)
        return;
    const pa_stream_state_t state = pa_stream_get_state(s);
    if (state == PA_STREAM_READY) {
        b->applyBufferAttr(); // an idle hint may have arrived while connecting
        b->requestOutputLatency(); // our stream's latency request may have changed the sink's
        return;
    }
    if (state == PA_STREAM_FAILED || state == PA_STREAM_TERMINATED) {
        // Killed (device removed on a server without rescue-streams) or refused. Re-list the
        // devices: reconcile() then either falls back (device gone) or retries after a pause.
        b->dropStream();
        b->m_streamFailed = true;
        b->requestRefresh();
        b->scheduleReconnect();
    }
}

void PulseBackend::streamMovedCb(pa_stream *, void *self) { static_cast<PulseBackend *>(self)->requestRefresh(); }

void PulseBackend::updateIdleTimer()
{
    pa_mainloop_api *api = m_loop->api();
    const bool want = m_idle && m_active;
    if (!want && m_idleTimer) {
        api->time_free(m_idleTimer);
        m_idleTimer = nullptr;
    } else if (want && !m_idleTimer) {
        struct timeval tv {};
        pa_gettimeofday(&tv);
        pa_timeval_add(&tv, kIdleFragmentUsec);
        m_idleTimer = api->time_new(api, &tv, &PulseBackend::idleTimerCb, this);
    }
}

void PulseBackend::idleTimerCb(pa_mainloop_api *api, pa_time_event *e, const struct timeval *, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (b->m_stream)
        b->drain(b->m_stream, readableBytes(b->m_stream));
    b->drainAppStreams();
    struct timeval tv {};
    pa_gettimeofday(&tv);
    pa_timeval_add(&tv, kIdleFragmentUsec);
    api->time_restart(e, &tv);
}

void PulseBackend::streamReadCb(pa_stream *s, size_t readable, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    // While idle, other clients may still make the sink post every few ms; let the data pile up
    // in libpulse and hand it on from the idle timer, so the engine wakes ~7 times a second.
    if (!b->m_idle)
        b->drain(s, readable);
}

size_t PulseBackend::readableBytes(pa_stream *s)
{
    const size_t readable = pa_stream_readable_size(s);
    return readable == static_cast<size_t>(-1) ? 0 : readable;
}

// Takes exactly `readable` bytes (what the read callback announced, or readableBytes()): no size
// query per chunk, because every libpulse stream call costs a getpid() (its fork check), and a
// packet took four of them (readable, peek, drop, readable) where peek and drop suffice (issue 11).
void PulseBackend::drain(pa_stream *s, size_t readable)
{
    const size_t channels = static_cast<size_t>(m_format.channels > 0 ? m_format.channels : 1);
    const size_t frameBytes = sizeof(float) * channels;
    // While idle, hand everything over as one block (one engine wake-up); the buffer only grows
    // the first few times, so there is no allocation per block.
    const bool coalesce = m_idle;
    m_coalesced.clear();
    while (readable > 0) {
        const void *data = nullptr;
        size_t bytes = 0;
        if (pa_stream_peek(s, &data, &bytes) < 0 || bytes == 0)
            break;
        readable -= std::min(readable, bytes);
        if (data && m_active && m_sink && s == m_stream) {
            if (!m_gotAudio) {
                m_gotAudio = true;
                emitEvent(StreamEvent::Started, "Capturing " + m_sources[m_current].description);
            }
            const auto *samples = static_cast<const float *>(data);
            const size_t frames = bytes / frameBytes;
            if (coalesce)
                m_coalesced.insert(m_coalesced.end(), samples, samples + frames * channels);
            else
                m_sink->onAudio(samples, frames, m_format, false);
        }
        pa_stream_drop(s); // a hole (data == nullptr) is dropped too
    }
    if (coalesce && !m_coalesced.empty() && m_active && m_sink)
        m_sink->onAudio(m_coalesced.data(), m_coalesced.size() / channels, m_format, false);
}

} // namespace spectray::capture
