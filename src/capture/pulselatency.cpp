// Output latency of the PulseAudio backend: how long after the monitor delivers a sample it is
// heard. For a sink's monitor that is the sink's own latency plus its active port's latency offset
// (what a user sets for a Bluetooth speaker in pavucontrol); other sources have no figure.
#include "capture/pulsebackend.h"

#include <algorithm>
#include <cmath>

namespace spectray::capture {

namespace {
// A sink's latency changes without any event (a client asks for less, a Bluetooth codec
// renegotiates), so it is read again this often while capturing; one small query each time.
constexpr pa_usec_t kLatencyPollUsec = 2 * PA_USEC_PER_SEC;
// Smaller changes are not reported: they are jitter, not news, and every report updates the status.
constexpr double kLatencyStepMs = 1.0;
} // namespace

uint32_t PulseBackend::monitoredSink() const
{
    if (m_appMode != AppMode::None) {
        // An application's streams play on a sink too; the first one's sink stands for all.
        return m_appStreams.empty() ? PA_INVALID_INDEX : m_appStreams.begin()->second.sink;
    }
    if (m_current.empty())
        return PA_INVALID_INDEX;
    for (const auto &[index, sink] : m_sinks) {
        if (sink.monitor == m_current)
            return index;
    }
    return PA_INVALID_INDEX; // a microphone or line-in: heard as captured, no server figure
}

void PulseBackend::requestOutputLatency()
{
    if (!m_active || !m_context || pa_context_get_state(m_context) != PA_CONTEXT_READY)
        return;
    const uint32_t sink = monitoredSink();
    if (sink == PA_INVALID_INDEX) {
        if (!m_current.empty() || m_appMode != AppMode::None)
            reportOutputLatency(std::nullopt);
        return;
    }
    pa_operation *op = pa_context_get_sink_info_by_index(m_context, sink, &PulseBackend::latencySinkCb, this);
    if (op)
        pa_operation_unref(op);
}

void PulseBackend::latencySinkCb(pa_context *c, const pa_sink_info *i, int eol, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (eol != 0 || !i || !b->m_active)
        return;
    // A suspended sink plays nothing and reports 0: keep the figure it had while playing.
    if (i->state == PA_SINK_SUSPENDED && b->m_latencyKnown)
        return;
    b->m_timing.configured = i->configured_latency;
    b->m_timing.current = (i->flags & PA_SINK_LATENCY) ? i->latency : 0;
    b->m_timing.port = i->active_port && i->active_port->name ? i->active_port->name : "";
    // The port latency offset lives on the card's port (a null sink has no card and no offset).
    if (i->card != PA_INVALID_INDEX && !b->m_timing.port.empty()) {
        if (pa_operation *op = pa_context_get_card_info_by_index(c, i->card, &PulseBackend::latencyCardCb, self)) {
            pa_operation_unref(op);
            return;
        }
    }
    b->finishOutputLatency(0);
}

void PulseBackend::latencyCardCb(pa_context *, const pa_card_info *i, int eol, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (eol != 0 || !i || !b->m_active)
        return;
    int64_t offset = 0;
    for (uint32_t k = 0; k < i->n_ports; ++k) {
        const pa_card_port_info *port = i->ports[k];
        if (port && port->name && b->m_timing.port == port->name)
            offset = port->latency_offset;
    }
    b->finishOutputLatency(offset);
}

void PulseBackend::finishOutputLatency(int64_t portOffsetUs)
{
    // The configured latency is the one the sink keeps its buffer at, so it is steady where the
    // momentary latency wanders within a period; the server adds the port offset only to the
    // momentary figure (pa_sink_get_latency), so it is added here to the configured one.
    std::optional<double> ms;
    if (m_timing.configured > 0)
        ms = (double(m_timing.configured) + double(portOffsetUs)) / 1000.0;
    else if (m_timing.current > 0)
        ms = double(m_timing.current) / 1000.0;
    reportOutputLatency(ms);
}

void PulseBackend::reportOutputLatency(std::optional<double> latencyMs)
{
    if (latencyMs)
        *latencyMs = std::max(0.0, *latencyMs); // an offset larger than the latency: heard as captured
    const bool same = m_latencyKnown && latencyMs.has_value() == m_reportedLatencyMs.has_value()
        && (!latencyMs || std::abs(*latencyMs - *m_reportedLatencyMs) < kLatencyStepMs);
    if (same || !m_active || !m_sink)
        return;
    m_latencyKnown = true;
    m_reportedLatencyMs = latencyMs;
    m_sink->onOutputLatency(latencyMs);
}

void PulseBackend::updateLatencyTimer()
{
    pa_mainloop_api *api = m_loop->api();
    if (!m_active) {
        if (m_latencyTimer) {
            api->time_free(m_latencyTimer);
            m_latencyTimer = nullptr;
        }
        m_latencyKnown = false;
        m_reportedLatencyMs.reset();
        return;
    }
    if (m_latencyTimer)
        return;
    struct timeval tv
    {
    };
    pa_gettimeofday(&tv);
    pa_timeval_add(&tv, kLatencyPollUsec);
    m_latencyTimer = api->time_new(api, &tv, &PulseBackend::latencyTimerCb, this);
}

void PulseBackend::latencyTimerCb(pa_mainloop_api *api, pa_time_event *e, const struct timeval *, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    b->requestOutputLatency();
    struct timeval tv
    {
    };
    pa_gettimeofday(&tv);
    pa_timeval_add(&tv, kLatencyPollUsec);
    api->time_restart(e, &tv);
}

} // namespace spectray::capture
