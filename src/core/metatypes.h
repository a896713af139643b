#pragma once

namespace spectray {

// Registers the value types that cross threads in queued signals. Call once before any engine
// object is connected (idempotent).
void registerMetaTypes();

} // namespace spectray
