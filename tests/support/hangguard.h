#pragma once

#include <chrono>

namespace spectray::test {

// Waits in tests are hang guards, not timing checks: a test waits for something that must happen
// and fails only if it never does. Timing figures are printed (and measured in bench/), never
// asserted. 20 s is at least 5x the slowest typical wait in the suite (first audio from an idle
// PulseAudio null sink: up to 2 s, its sink cycle) on a loaded 2-core machine under ASan.
inline constexpr int kHangGuardMs = 20000;
inline constexpr std::chrono::milliseconds kHangGuard{kHangGuardMs};

} // namespace spectray::test
