// Connection handling of the PulseAudio backend: the main loop thread (PulseLoop), the context, and the
// reconnect timer that brings capture back when the server restarts (no autospawn as root).
#include "capture/pulsebackend.h"

namespace spectray::capture {

namespace {
constexpr pa_usec_t kReconnectUsec = 300 * 1000;
constexpr int kConnectTimeoutMs = 3000;
} // namespace

PulseBackend::PulseBackend()
{
    m_loop = std::make_unique<PulseLoop>();
    m_loop->setThreadName("spectray-pulse");
    if (!m_loop->start())
        m_loop.reset();
}

PulseBackend::~PulseBackend()
{
    if (!m_loop)
        return;
    close();
    m_loop->lock();
    dropContext();
    m_loop->unlock();
    m_loop->stop();
    m_loop.reset(); // destroys the events libpulse still holds while this object is whole
}

void PulseBackend::setSink(CaptureSink *sink)
{
    if (!m_loop) {
        m_sink = sink;
        return;
    }
    m_loop->lock();
    m_sink = sink;
    m_loop->unlock();
}

std::vector<DeviceInfo> PulseBackend::devices()
{
    if (!m_loop)
        return {};
    m_loop->lock();
    std::vector<DeviceInfo> list;
    if (ensureConnected()) {
        requestRefresh();
        waitForRefresh();
        list = m_devices;
    }
    m_loop->unlock();
    return list;
}

bool PulseBackend::open(const std::string &deviceId, std::string &error)
{
    if (!m_loop) {
        error = "PulseAudio main loop unavailable";
        return false;
    }
    close();
    m_loop->lock();
    if (!ensureConnected()) {
        m_loop->unlock();
        error = "No audio server (PulseAudio is not reachable)";
        return false;
    }
    requestRefresh();
    waitForRefresh();
    m_appMode = AppMode::None;
    if (deviceId.rfind(sourceid::kAppPrefix, 0) == 0 || deviceId.rfind(sourceid::kAppExceptPrefix, 0) == 0) {
        const bool ok = openApplication(deviceId, error);
        m_loop->unlock();
        return ok;
    }
    m_followDefault = deviceId.empty() || deviceId == kDefaultOutputId;
    m_wanted.clear();
    if (!m_followDefault) {
        const std::string prefix = sourceid::kPulsePrefix;
        m_wanted = deviceId.rfind(prefix, 0) == 0 ? deviceId.substr(prefix.size()) : deviceId;
        if (m_sources.find(m_wanted) == m_sources.end()) {
            m_loop->unlock();
            error = "No such PulseAudio source: " + deviceId;
            return false;
        }
    }
    m_active = true;
    m_serverLost = false;
    m_streamFailed = false;
    m_current.clear();
    updateIdleTimer();
    updateLatencyTimer();
    reconcile();
    m_loop->unlock();
    return true;
}

void PulseBackend::close()
{
    if (!m_loop)
        return;
    // Callbacks run with the lock held, so once we own it and m_active is false none will reach
    // the sink again.
    m_loop->lock();
    m_active = false;
    dropStream();
    dropAppStreams();
    m_current.clear();
    updateIdleTimer();
    updateLatencyTimer();
    if (m_reconnectTimer) {
        m_loop->api()->time_free(m_reconnectTimer);
        m_reconnectTimer = nullptr;
    }
    m_loop->unlock();
}

bool PulseBackend::ensureConnected()
{
    if (m_context && pa_context_get_state(m_context) == PA_CONTEXT_READY)
        return true;
    if (!m_context || !PA_CONTEXT_IS_GOOD(pa_context_get_state(m_context))) {
        dropContext();
        startContext();
    }
    if (!m_context)
        return false;
    // Wait for READY or failure; contextStateCb signals on every change.
    pa_usec_t deadline = pa_rtclock_now() + kConnectTimeoutMs * PA_USEC_PER_MSEC;
    while (m_context && pa_context_get_state(m_context) != PA_CONTEXT_READY) {
        if (!PA_CONTEXT_IS_GOOD(pa_context_get_state(m_context)) || pa_rtclock_now() > deadline)
            return false;
        m_loop->wait();
    }
    return m_context != nullptr;
}

void PulseBackend::startContext()
{
    pa_mainloop_api *api = m_loop->api();
    pa_proplist *props = pa_proplist_new();
    pa_proplist_sets(props, PA_PROP_APPLICATION_NAME, "Spectray");
    pa_proplist_sets(props, PA_PROP_APPLICATION_ID, "org.spectray.Spectray");
    pa_proplist_sets(props, PA_PROP_APPLICATION_ICON_NAME, "spectray");
#if defined(PA_PROP_CONTEXT_FORCE_DISABLE_SHM)
    // Audio over the socket, not shared memory. With SHM every packet we drop releases a block of
    // the server's pool, which sends a message back and wakes the server (at nice -11 it preempts
    // this thread right there): one more wake-up of the server and one more context switch here per
    // fragment. A copy of one hop (5.9 kB at 44.1 kHz stereo) per frame costs less (issue 11).
    pa_proplist_sets(props, PA_PROP_CONTEXT_FORCE_DISABLE_SHM, "yes");
#endif
    m_context = pa_context_new_with_proplist(api, "Spectray", props);
    pa_proplist_free(props);
    if (!m_context)
        return;
    pa_context_set_state_callback(m_context, &PulseBackend::contextStateCb, this);
    pa_context_set_subscribe_callback(m_context, &PulseBackend::subscribeCb, this);
    if (pa_context_connect(m_context, nullptr, PA_CONTEXT_NOAUTOSPAWN, nullptr) < 0)
        dropContext();
}

void PulseBackend::dropContext()
{
    dropStream();
    dropAppStreams();
    if (!m_context)
        return;
    pa_context_set_state_callback(m_context, nullptr, nullptr);
    pa_context_set_subscribe_callback(m_context, nullptr, nullptr);
    pa_context_disconnect(m_context);
    pa_context_unref(m_context);
    m_context = nullptr;
    // Queries in flight die with the context; let waiters go.
    m_refreshing = false;
    m_refreshAgain = false;
    ++m_refreshGeneration;
    m_loop->signal();
}

void PulseBackend::scheduleReconnect()
{
    if (m_reconnectTimer || !m_active)
        return;
    pa_mainloop_api *api = m_loop->api();
    struct timeval tv {};
    pa_gettimeofday(&tv);
    pa_timeval_add(&tv, kReconnectUsec);
    m_reconnectTimer = api->time_new(api, &tv, &PulseBackend::reconnectTimerCb, this);
}

void PulseBackend::reconnectTimerCb(pa_mainloop_api *api, pa_time_event *e, const struct timeval *, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    api->time_free(e);
    b->m_reconnectTimer = nullptr;
    if (!b->m_active)
        return;
    if (!b->m_context || !PA_CONTEXT_IS_GOOD(pa_context_get_state(b->m_context))) {
        b->dropContext();
        b->startContext();
        if (!b->m_context)
            b->scheduleReconnect();
    } else if (b->m_appMode != AppMode::None) {
        b->m_failedAppStreams.clear(); // monitors that failed on sink inputs still there: try again
        b->reconcile();
    } else if (!b->m_stream) {
        b->m_streamFailed = false;
        b->reconcile(); // a stream that failed on an existing device: try again
    }
}

void PulseBackend::contextStateCb(pa_context *c, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    b->m_loop->signal();
    switch (pa_context_get_state(c)) {
    case PA_CONTEXT_READY:
        pa_operation_unref(pa_context_subscribe(
            c,
            static_cast<pa_subscription_mask_t>(PA_SUBSCRIPTION_MASK_SINK | PA_SUBSCRIPTION_MASK_SOURCE
                                                | PA_SUBSCRIPTION_MASK_SINK_INPUT | PA_SUBSCRIPTION_MASK_SERVER
                                                | PA_SUBSCRIPTION_MASK_CARD), // port latency offsets
            nullptr, nullptr));
        if (b->m_active && b->m_serverLost) {
            b->m_serverLost = false;
            b->m_current.clear();
            b->emitEvent(StreamEvent::ServerBack, "Audio server is back");
        }
        if (b->m_active)
            b->requestRefresh(); // reconcile() runs when the list is in
        break;
    case PA_CONTEXT_FAILED:
    case PA_CONTEXT_TERMINATED:
        if (b->m_active) {
            b->dropStream();
            b->dropAppStreams();
            if (!b->m_serverLost) {
                b->m_serverLost = true;
                b->emitEvent(StreamEvent::ServerLost, "Audio server went away — retrying");
            }
            b->scheduleReconnect();
        }
        break;
    default:
        break;
    }
}

void PulseBackend::subscribeCb(pa_context *, pa_subscription_event_type_t, uint32_t, void *self)
{
    static_cast<PulseBackend *>(self)->requestRefresh();
}

std::unique_ptr<AudioBackend> createSystemBackend() { return std::make_unique<PulseBackend>(); }

} // namespace spectray::capture
