#pragma once
// The three event kinds of PulseLoop. libpulse declares them opaque (pulse/mainloop-api.h) and
// leaves their definition to each main loop implementation, as its own mainloop.c and
// glib-mainloop.c do. Internal to pulseloop*.cpp.

#include "capture/pulseloop.h"

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
