// N MQTT subscribers in one process and one thread (poll over all sockets), for bench/mqtt/run.sh.
// Each subscribes to TOPIC, decodes the binary frame's sequence (docs/protocol.md, u64 at byte 8)
// and counts frames and gaps. Prints one JSON line when done.
//   mqttsubs PORT TOPIC N SECONDS
#include <mosquitto.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <time.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {
struct Sub
{
    mosquitto *m = nullptr;
    uint64_t frames = 0;
    uint64_t gaps = 0;
    uint64_t last = 0;
    bool any = false;
};

void onMessage(mosquitto *, void *self, const mosquitto_message *msg)
{
    auto *s = static_cast<Sub *>(self);
    if (msg->payloadlen < 40 || std::memcmp(msg->payload, "SPTR", 4) != 0)
        return;
    uint64_t seq = 0;
    std::memcpy(&seq, static_cast<const char *>(msg->payload) + 8, 8); // little-endian host
    if (s->any && seq != s->last + 1)
        ++s->gaps;
    s->last = seq;
    s->any = true;
    ++s->frames;
}

double now(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: mqttsubs PORT TOPIC N SECONDS\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const char *topic = argv[2];
    const int n = std::atoi(argv[3]);
    const double seconds = std::atof(argv[4]);
    mosquitto_lib_init();
    std::vector<Sub> subs(std::size_t(n > 0 ? n : 0));
    int connected = 0;
    for (Sub &s : subs) {
        s.m = mosquitto_new(nullptr, true, &s);
        mosquitto_message_callback_set(s.m, onMessage);
        if (mosquitto_connect(s.m, "127.0.0.1", port, 60) == MOSQ_ERR_SUCCESS
            && mosquitto_subscribe(s.m, nullptr, topic, 0) == MOSQ_ERR_SUCCESS)
            ++connected;
    }
    std::printf("{\"ready\":%d}\n", connected);
    std::fflush(stdout);
    const double cpu0 = now(CLOCK_PROCESS_CPUTIME_ID);
    const double end = now(CLOCK_MONOTONIC) + seconds;
    std::vector<pollfd> fds(subs.size());
    while (now(CLOCK_MONOTONIC) < end) {
        for (std::size_t i = 0; i < subs.size(); ++i) {
            fds[i].fd = mosquitto_socket(subs[i].m);
            fds[i].events = short(POLLIN | (mosquitto_want_write(subs[i].m) ? POLLOUT : 0));
            fds[i].revents = 0;
        }
        poll(fds.data(), fds.size(), 100);
        for (std::size_t i = 0; i < subs.size(); ++i) {
            if (fds[i].revents & POLLIN) {
                // loop_read handles one packet per call (libmosquitto 2.0): drain what is buffered.
                int pending = 1;
                for (int k = 0; k < 256 && pending > 0; ++k) {
                    if (mosquitto_loop_read(subs[i].m, 1) != MOSQ_ERR_SUCCESS)
                        break;
                    if (ioctl(fds[i].fd, FIONREAD, &pending) != 0)
                        break;
                }
            }
            if (fds[i].revents & POLLOUT)
                mosquitto_loop_write(subs[i].m, 100);
            mosquitto_loop_misc(subs[i].m);
        }
    }
    const double cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    uint64_t total = 0, gaps = 0, minFrames = UINT64_MAX, maxFrames = 0;
    for (Sub &s : subs) {
        total += s.frames;
        gaps += s.gaps;
        minFrames = s.frames < minFrames ? s.frames : minFrames;
        maxFrames = s.frames > maxFrames ? s.frames : maxFrames;
        mosquitto_disconnect(s.m);
        mosquitto_destroy(s.m);
    }
    std::printf("{\"subscribers\":%d,\"connected\":%d,\"frames_total\":%llu,\"frames_min\":%llu,\"frames_max\":%llu,"
                "\"gaps\":%llu,\"cpu_s\":%.3f,\"seconds\":%.1f}\n",
        n, connected, (unsigned long long)total, (unsigned long long)(subs.empty() ? 0 : minFrames),
        (unsigned long long)maxFrames, (unsigned long long)gaps, cpu, seconds);
    mosquitto_lib_cleanup();
    return 0;
}
