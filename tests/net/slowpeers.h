#pragma once

// Hostile slow peers and clean probes on loopback, in their own threads with plain POSIX sockets,
// so the server's event loop under test is the only Qt loop doing the work. Bounded in time and
// in the number of sockets; every source address is in 127.0.0.0/8.
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace spectray::net::test {

// `perAddress` connections from each of `addresses` (e.g. "127.0.0.2"), each sending one byte of
// a never-finished request head per second and reconnecting 50 ms after the server closes it.
class SlowPeers final
{
public:
    SlowPeers(uint16_t port, std::vector<std::string> addresses, int perAddress);
    ~SlowPeers();
    SlowPeers(const SlowPeers &) = delete;
    SlowPeers &operator=(const SlowPeers &) = delete;

    void start();
    void stop();
    int open() const { return m_open.load(); }             // connected right now
    long long connects() const { return m_connects.load(); } // connections made so far

private:
    void run();

    uint16_t m_port;
    std::vector<std::string> m_addresses;
    int m_perAddress;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_open{0};
    std::atomic<long long> m_connects{0};
    std::thread m_thread;
};

struct ProbeResult
{
    int sent = 0;
    int answeredWithin1s = 0;
    std::vector<double> latenciesMs; // of answered probes (-1 = no answer)
};

// `count` GET /api/info probes from `source`, one every `intervalMs`, each given up after 5 s.
ProbeResult runProbes(uint16_t port, const std::string &source, int count, int intervalMs);

} // namespace spectray::net::test
