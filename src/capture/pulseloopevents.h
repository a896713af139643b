#pragma once
// The three event kinds of PulseLoop. libpulse declares them opaque (pulse/mainloop-api.h) and
// leaves their definition to each main loop implementation, as its own mainloop.c and
// glib-mainloop.c do. Internal to pulseloop*.cpp.

#include "capture/pulseloop.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

// A freed event is only marked dead: a callback may free an event (its own or another one) while
// the loop still walks the lists, so the memory goes (and the destroy callback runs) only when the
// loop reaps the dead at the start of its next iteration.
struct pa_io_event
{
    spectray::capture::PulseLoop *loop = nullptr;
    int fd = -1;
    pa_io_event_flags_t events = PA_IO_EVENT_NULL;
    pa_io_event_cb_t callback = nullptr;
    void *userdata = nullptr;
    pa_io_event_destroy_cb_t destroy = nullptr;
    bool dead = false;
};

struct pa_time_event
{
    spectray::capture::PulseLoop *loop = nullptr;
    bool enabled = false;
    bool rtclock = false; // the caller's timeval was monotonic (PA_TIMEVAL_RTCLOCK), not wall clock
    pa_usec_t deadline = 0; // on the monotonic clock (pa_rtclock_now), whichever clock was given
    pa_time_event_cb_t callback = nullptr;
    void *userdata = nullptr;
    pa_time_event_destroy_cb_t destroy = nullptr;
    bool dead = false;
};

struct pa_defer_event
{
    spectray::capture::PulseLoop *loop = nullptr;
    bool enabled = true;
    pa_defer_event_cb_t callback = nullptr;
    void *userdata = nullptr;
    pa_defer_event_destroy_cb_t destroy = nullptr;
    bool dead = false;
};

namespace spectray::capture::pulseloop {

// How many freed events of each kind PulseLoop keeps for reuse. libpulse's pa_iochannel frees its
// socket's io event and makes a new one around every read (two per packet: descriptor, payload),
// so without reuse each read costs a new/delete pair on the audio thread (issue 11: no allocation
// per frame). A context has one socket; a few spares cover every pattern libpulse has.
constexpr std::size_t kSpareEvents = 8;

template<typename Event> EventRecycler<Event>::EventRecycler()
{
    spares.reserve(kSpareEvents);
    dead.reserve(kSpareEvents);
}

template<typename Event> EventRecycler<Event>::~EventRecycler()
{
    for (Event *e : spares)
        delete e;
}

template<typename Event> Event *EventRecycler<Event>::take(std::atomic<uint64_t> &allocated)
{
    if (spares.empty()) {
        allocated.fetch_add(1, std::memory_order_relaxed);
        return new Event;
    }
    Event *e = spares.back();
    spares.pop_back();
    *e = Event {};
    return e;
}

template<typename Event> void EventRecycler<Event>::recycle(Event *e)
{
    if (spares.size() < kSpareEvents)
        spares.push_back(e); // reserved: never allocates
    else
        delete e;
}

} // namespace spectray::capture::pulseloop
