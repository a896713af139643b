#include "slowpeers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

namespace spectray::net::test {

namespace {
using Clock = std::chrono::steady_clock;

long long nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

// A TCP socket bound to `source` and connecting (non-blocking unless `blocking`) to 127.0.0.1:port.
int connectFrom(const std::string &source, uint16_t port, bool blocking)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | (blocking ? 0 : SOCK_NONBLOCK), 0);
    if (fd < 0)
        return -1;
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    if (blocking) {
        timeval tv{5, 0}; // a probe gives up after 5 s at every step, connect included
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0
        || (::connect(fd, reinterpret_cast<sockaddr *>(&remote), sizeof remote) != 0 && errno != EINPROGRESS)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

const char kSlowHead[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
} // namespace

SlowPeers::SlowPeers(uint16_t port, std::vector<std::string> addresses, int perAddress)
    : m_port(port)
    , m_addresses(std::move(addresses))
    , m_perAddress(perAddress)
{
}

SlowPeers::~SlowPeers()
{
    stop();
}

void SlowPeers::start()
{
    m_thread = std::thread([this] { run(); });
}

void SlowPeers::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void SlowPeers::run()
{
    struct Conn
    {
        int fd = -1;
        size_t sent = 0;
        long long nextMs = 0;
        const std::string *source = nullptr;
    };
    std::vector<Conn> conns;
    for (const std::string &a : m_addresses) {
        for (int i = 0; i < m_perAddress; ++i)
            conns.push_back({-1, 0, nowMs() + i % 50, &a}); // staggered start
    }
    std::vector<pollfd> fds(conns.size());
    char sink[4096];
    while (!m_stop) {
        const long long now = nowMs();
        int open = 0;
        for (size_t i = 0; i < conns.size(); ++i) {
            Conn &c = conns[i];
            if (c.fd < 0 && now >= c.nextMs) {
                c.fd = connectFrom(*c.source, m_port, false);
                c.sent = 0;
                c.nextMs = now + 10; // first byte once connected
                ++m_connects;
            }
            if (c.fd >= 0 && now >= c.nextMs) {
                // One byte per second, never the blank line that ends a head.
                const char byte = kSlowHead[c.sent % (sizeof kSlowHead - 1)];
                if (::send(c.fd, &byte, 1, MSG_NOSIGNAL) == 1)
                    ++c.sent;
                c.nextMs = now + 1000;
            }
            open += c.fd >= 0;
            fds[i] = {c.fd, POLLIN, 0};
        }
        m_open = open;
        ::poll(fds.data(), fds.size(), 20);
        for (size_t i = 0; i < conns.size(); ++i) {
            Conn &c = conns[i];
            if (c.fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = ::recv(c.fd, sink, sizeof sink, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                ::close(c.fd);
                c.fd = -1;
                c.nextMs = nowMs() + 50; // the attacker comes straight back
            }
        }
    }
    for (Conn &c : conns) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    m_open = 0;
}

ProbeResult runProbes(uint16_t port, const std::string &source, int count, int intervalMs)
{
    ProbeResult r;
    const std::string request = "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        ++r.sent;
        double latency = -1;
        const int fd = connectFrom(source, port, true);
        if (fd >= 0) {
            std::string reply;
            if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size())) {
                char buf[4096];
                ssize_t n = 0;
                while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
                    reply.append(buf, size_t(n));
            }
            ::close(fd);
            if (reply.rfind("HTTP/1.1 200", 0) == 0 && reply.find("\"version\"") != std::string::npos)
                latency = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        }
        r.latenciesMs.push_back(latency);
        if (latency >= 0 && latency <= 1000)
            ++r.answeredWithin1s;
        std::this_thread::sleep_until(start + std::chrono::milliseconds(intervalMs));
    }
    return r;
}

} // namespace spectray::net::test
