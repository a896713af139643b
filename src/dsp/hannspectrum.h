#pragma once

#include "dsp/realfft.h"

namespace spectray::dsp {

// The periodic (DFT-even) Hann window, 0.5 - 0.5 cos(2 pi i / n), applied in frequency: it is three
// lines there, so the windowed spectrum is Y[k] = X[k] / 2 - (X[k-1] + X[k+1]) / 4 of the plain
// one (X[-1] and X[n/2+1] mirror as conjugates of a real input's spectrum). Its main lobe is
// exactly 4 bins wide, which the band plans rely on. Windowing in time instead needs a table per
// size and a pass over every sample: reading those cold tables each frame was the default
// profile's largest cost of ours in `perf` (issue 11, docs/dsp.md).

// |Y[k]|^2 for k = 0 .. bins-1 (bins <= n/2 + 1), from fft's spectrum of the unwindowed samples.
// Reads X[0 .. min(bins, n/2)]: a RealFft made for its lowest bins needs lowBins >= bins + 1.
void hannPower(const RealFft &fft, int bins, float *out);

// The window's sum and sum of squares, exactly (n >= 3): n/2 and 3n/8.
inline double hannSum(int n) { return n / 2.0; }
inline double hannSumOfSquares(int n) { return 3.0 * n / 8.0; }

} // namespace spectray::dsp
