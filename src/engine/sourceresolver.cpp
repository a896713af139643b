#include "sourceresolver.h"

#include <QCoreApplication>

namespace spectray {

ResolvedSource resolveSource(const QString &request, const AudioDeviceList &devices)
{
    const QString wanted = request.trimmed();
    if (wanted.isEmpty() || wanted == defaultOutputDeviceId())
        return {defaultOutputDeviceId(), {}};
    if (wanted == u"demo" || wanted.startsWith(u"file:") || wanted.startsWith(u"qt:"))
        return {wanted, {}};
    for (const AudioDevice &d : devices) {
        if (d.id == wanted)
            return {d.id, {}};
    }
    // Substring of a name, loopback devices first (the seed only ever matched loopbacks).
    for (const bool loopbackPass : {true, false}) {
        for (const AudioDevice &d : devices) {
            if ((d.kind == AudioDevice::Kind::Loopback) == loopbackPass && d.name.contains(wanted, Qt::CaseInsensitive))
                return {d.id, {}};
        }
    }
    return {defaultOutputDeviceId(),
            QCoreApplication::translate("spectray::Engine", "Source \"%1\" not found — using the default output")
                .arg(wanted)};
}

} // namespace spectray
