// Device list of the PulseAudio backend: one refresh = server info (defaults), then sinks (which
// monitor belongs to which sink), then sources, then sink inputs (the playing applications). Any
// sink/source/sink-input/server event starts another.
#include "capture/pulsebackend.h"

#include <algorithm>

namespace spectray::capture {

void PulseBackend::requestRefresh()
{
    if (!m_context || pa_context_get_state(m_context) != PA_CONTEXT_READY)
        return;
    if (m_refreshing) {
        m_refreshAgain = true; // the running query may already have missed this change
        return;
    }
    pa_operation *op = pa_context_get_server_info(m_context, &PulseBackend::serverInfoCb, this);
    if (!op)
        return;
    pa_operation_unref(op);
    m_refreshing = true;
    m_pendingSinkMonitor.clear();
    m_pendingSources.clear();
    m_pendingSinks.clear();
    m_pendingSinkInputs.clear();
}

void PulseBackend::waitForRefresh()
{
    const int target = m_refreshGeneration + 1;
    const pa_usec_t deadline = pa_rtclock_now() + 3 * PA_USEC_PER_SEC;
    while (m_refreshing && m_refreshGeneration < target && pa_rtclock_now() < deadline)
        m_loop->wait();
}

void PulseBackend::serverInfoCb(pa_context *c, const pa_server_info *i, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (i) {
        b->m_defaultSink = i->default_sink_name ? i->default_sink_name : "";
        b->m_defaultSource = i->default_source_name ? i->default_source_name : "";
    }
    pa_operation *op = pa_context_get_sink_info_list(c, &PulseBackend::sinkInfoCb, self);
    if (op)
        pa_operation_unref(op);
    else
        b->refreshFinished();
}

void PulseBackend::sinkInfoCb(pa_context *c, const pa_sink_info *i, int eol, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (eol == 0 && i) {
        b->m_pendingSinkMonitor[i->name] = i->monitor_source_name ? i->monitor_source_name : "";
        b->m_pendingSinks[i->index] = {i->monitor_source_name ? i->monitor_source_name : "",
                                       static_cast<int>(i->sample_spec.rate)};
        return;
    }
    pa_operation *op = eol < 0 ? nullptr : pa_context_get_source_info_list(c, &PulseBackend::sourceInfoCb, self);
    if (op)
        pa_operation_unref(op);
    else
        b->refreshFinished();
}

void PulseBackend::sourceInfoCb(pa_context *c, const pa_source_info *i, int eol, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (eol == 0 && i) {
        SourceInfo info;
        info.description = i->description ? i->description : i->name;
        info.rate = static_cast<int>(i->sample_spec.rate);
        info.channels = i->sample_spec.channels >= 2 ? 2 : 1;
        info.monitor = i->monitor_of_sink != PA_INVALID_INDEX;
        b->m_pendingSources[i->name] = info;
        return;
    }
    if (eol > 0) { // on error keep the last good list
        b->m_sinkMonitor.swap(b->m_pendingSinkMonitor);
        b->m_sources.swap(b->m_pendingSources);
        b->m_sinks.swap(b->m_pendingSinks);
    }
    pa_operation *op = eol < 0 ? nullptr : pa_context_get_sink_input_info_list(c, &PulseBackend::sinkInputInfoCb, self);
    if (op)
        pa_operation_unref(op);
    else
        b->refreshFinished();
}

void PulseBackend::sinkInputInfoCb(pa_context *, const pa_sink_input_info *i, int eol, void *self)
{
    auto *b = static_cast<PulseBackend *>(self);
    if (eol == 0 && i) {
        const char *binary = pa_proplist_gets(i->proplist, PA_PROP_APPLICATION_PROCESS_BINARY);
        const char *name = pa_proplist_gets(i->proplist, PA_PROP_APPLICATION_NAME);
        const char *icon = pa_proplist_gets(i->proplist, PA_PROP_APPLICATION_ICON_NAME);
        SinkInputInfo info;
        // The binary survives restarts of the app and does not change with its window title;
        // a stream that names neither cannot be chosen again after a restart, so it is not listed.
        info.app = binary && *binary ? binary : (name ? name : "");
        info.name = name && *name ? name : info.app;
        info.icon = icon ? icon : "";
        info.sink = i->sink;
        if (!info.app.empty())
            b->m_pendingSinkInputs[i->index] = std::move(info);
        return;
    }
    if (eol > 0)
        b->m_sinkInputs.swap(b->m_pendingSinkInputs);
    b->refreshFinished();
}

void PulseBackend::refreshFinished()
{
    m_refreshing = false;
    ++m_refreshGeneration;
    std::vector<DeviceInfo> list = buildDeviceList();
    const bool changed = list.size() != m_devices.size()
                         || !std::equal(list.begin(), list.end(), m_devices.begin(), [](const auto &a, const auto &b) {
                                return a.id == b.id && a.name == b.name && a.isDefault == b.isDefault
                                       && a.iconName == b.iconName;
                            });
    m_devices = std::move(list);
    m_loop->signal();
    if (m_active) {
        if (changed && m_sink)
            m_sink->onDevicesChanged(m_devices);
        reconcile();
        requestOutputLatency(); // a port, its latency offset or the followed sink may have changed
    }
    if (m_refreshAgain) {
        m_refreshAgain = false;
        requestRefresh();
    }
}

std::vector<DeviceInfo> PulseBackend::buildDeviceList() const
{
    // Loopbacks (monitors) first, then inputs; each sorted by source name, so the order is stable.
    const auto defaultMonitor = m_sinkMonitor.find(m_defaultSink);
    std::vector<DeviceInfo> loopbacks;
    std::vector<DeviceInfo> inputs;
    for (const auto &[name, info] : m_sources) {
        DeviceInfo d;
        d.id = sourceid::kPulsePrefix + name;
        if (info.monitor) {
            d.kind = DeviceKind::Loopback;
            // PulseAudio already calls monitors "Monitor of <sink>"; PipeWire may not.
            d.name = info.description.rfind("Monitor of ", 0) == 0 ? info.description
                                                                   : "Monitor of " + info.description;
            d.isDefault = defaultMonitor != m_sinkMonitor.end() && defaultMonitor->second == name;
            loopbacks.push_back(std::move(d));
        } else {
            d.kind = DeviceKind::Input;
            d.name = info.description;
            d.isDefault = name == m_defaultSource;
            inputs.push_back(std::move(d));
        }
    }
    loopbacks.insert(loopbacks.end(), inputs.begin(), inputs.end());
    appendApplications(loopbacks);
    return loopbacks;
}

void PulseBackend::appendApplications(std::vector<DeviceInfo> &list) const
{
    // One entry per application however many streams it plays, sorted by key (std::map).
    std::map<std::string, DeviceInfo> apps;
    for (const auto &[index, input] : m_sinkInputs) {
        DeviceInfo &d = apps[input.app];
        if (d.id.empty()) {
            d.id = sourceid::kAppPrefix + input.app;
            d.name = input.name;
            d.kind = DeviceKind::Application;
        }
        if (d.iconName.empty())
            d.iconName = input.icon;
    }
    for (auto &[key, d] : apps)
        list.push_back(std::move(d));
}

} // namespace spectray::capture
