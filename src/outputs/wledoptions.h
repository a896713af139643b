#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace spectray::outputs {

// Where Audio Sync packets go. Several targets at once; each gets every packet.
struct WledTarget
{
    enum class Kind { Multicast, Broadcast, Unicast };
    Kind kind = Kind::Multicast;
    QString host; // group / broadcast address / host name or address
    quint16 port = 11988; // kWledPort
    QString toString() const; // the CLI form, e.g. "239.0.0.1:11988", "broadcast:11988", "wled.lan:11988"
    friend bool operator==(const WledTarget &, const WledTarget &) = default;
};

struct WledOptions
{
    bool enabled = false; // off until the user turns it on: it sends to the whole LAN
    QList<WledTarget> targets;
    int ttl = 1; // multicast hops; 1 keeps it on the local network
    QString interfaceName; // multicast interface; empty = every up, multicast-capable, non-loopback one
    int packetsPerSecond = 50;
    // A/V offset, ms (ledSync/avOffsetMs): analysis is sent when its audio is heard (play time +
    // this), so lights stay with a Bluetooth speaker's sound instead of running ahead of it.
    int avOffsetMs = 0;
    friend bool operator==(const WledOptions &, const WledOptions &) = default;
};

// One target in the forms `--wled` takes (docs/wled.md):
//   multicast[:PORT]  -> 239.0.0.1       broadcast[:PORT] -> 255.255.255.255
//   A.B.C.D[:PORT]    -> multicast when A.B.C.D is in 224.0.0.0/4, broadcast for 255.255.255.255, else unicast
//   HOST[:PORT], [IPV6][:PORT] -> unicast
// false + a one-line reason for anything else. No DNS lookup here.
bool parseWledTarget(const QString &text, WledTarget *out, QString *error);
// Every argument; empty list = the default multicast target. Duplicates are dropped.
bool parseWledTargets(const QStringList &texts, QList<WledTarget> *out, QString *error);
bool parseWledTtl(const QString &text, int *out, QString *error); // 1..255

} // namespace spectray::outputs
