#include "sourceresolver.h"

#include <QCoreApplication>

namespace spectray {

ResolvedSource resolveSource(const QString &request, const AudioDeviceList &devices)
{
    const SourceId parsed = SourceId::parse(request);
    if (parsed.kind() != SourceId::Kind::Name && parsed.kind() != SourceId::Kind::SystemDevice)
        return {parsed, {}};
    const QString wanted = request.trimmed();
    for (const AudioDevice &d : devices) {
        if (d.id == wanted)
            return {SourceId::parse(d.id), {}};
    }
    // Substring of a name, loopback devices first (the seed only ever matched loopbacks).
    for (const bool loopbackPass : {true, false}) {
        for (const AudioDevice &d : devices) {
            if ((d.kind == AudioDevice::Kind::Loopback) == loopbackPass && d.name.contains(wanted, Qt::CaseInsensitive))
                return {SourceId::parse(d.id), {}};
        }
    }
    return {SourceId::defaultOutput(),
            QCoreApplication::translate("spectray::Engine", "Source \"%1\" not found — using the default output")
                .arg(wanted)};
}

} // namespace spectray
