#pragma once

// Plain C++ (no Qt) so dsp, which makes the integers, and core's wire format, which labels them,
// read the same number.

namespace spectray::wire {

// What "full scale" is on the wire: band, bass and level values are integers x kScale (the seed's
// "scale": 1000). Every frame and layout says it, so a client never has to assume it.
inline constexpr int kScale = 1000;

// The most bands any layout has (the log layout's 8..256, and every octave grid fits): a frame
// stores its values in place up to this many, and the binary and JSON encoders size for it.
inline constexpr int kMaxBands = 256;

} // namespace spectray::wire
