#pragma once

#include <cstdint>

namespace spectray::dsp {

// Wire values are integers x1000, truncated toward zero as the seed's astype(int16) and int() do.
inline constexpr int kWireScale = 1000;

// A band value (already clipped to 0..1.5): float32 product, then truncation, as numpy does it.
inline int16_t quantizeBand(float value)
{
    return static_cast<int16_t>(value * 1000.0f);
}

// bass and level: Python's int(x * 1000.0) on a double.
inline int quantizeScalar(double value)
{
    return static_cast<int>(value * 1000.0);
}

} // namespace spectray::dsp
