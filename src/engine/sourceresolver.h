#pragma once

#include "core/audiodevice.h"
#include "core/sourceid.h"

#include <QString>

namespace spectray {

// What a user's --source / settings value means, given the devices that exist now.
struct ResolvedSource
{
    SourceId id;     // Kind::Name only for a listed device whose id has no prefix SourceId knows
    QString warning; // non-empty when the request could not be honoured and the default is used
};

// Ids that name their own source (default output, demo, file:PATH, qt:ID, app:BINARY) pass
// through; a system device id must be in the list. Anything else is matched (as the seed did) as
// a case-insensitive substring of a device name, preferring loopback devices; no match falls back
// to the default output with a warning.
ResolvedSource resolveSource(const QString &request, const AudioDeviceList &devices);

} // namespace spectray
