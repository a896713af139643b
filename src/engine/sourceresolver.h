#pragma once

#include "core/audiodevice.h"

#include <QString>

namespace spectray {

// What a user's --source / settings value means, given the devices that exist now.
struct ResolvedSource
{
    QString id;      // a device id, "default-output", "demo" or "file:PATH"
    QString warning; // non-empty when the request could not be honoured and the default is used
};

// Exact id first, then (as the seed did) a case-insensitive substring of a device name, preferring
// loopback devices; "demo" and "file:PATH" pass through; anything else falls back to the default
// output with a warning.
ResolvedSource resolveSource(const QString &request, const AudioDeviceList &devices);

} // namespace spectray
