#include "dsp/hannspectrum.h"

#include <algorithm>

namespace spectray::dsp {

void hannPower(const RealFft &fft, int bins, float *out)
{
    const float *s = fft.spectrum();
    const int half = fft.size() / 2;
    auto power = [](float re, float im) { return re * re + im * im; };
    // k = 0: X[-1] = conj(X[1]); X[0] is real.
    out[0] = power(0.5f * s[0] - 0.5f * s[2], 0.0f);
    const int interior = std::min(bins, half);
    for (int k = 1; k < interior; ++k) {
        const float re = 0.5f * s[2 * k] - 0.25f * (s[2 * k - 2] + s[2 * k + 2]);
        const float im = 0.5f * s[2 * k + 1] - 0.25f * (s[2 * k - 1] + s[2 * k + 3]);
        out[k] = power(re, im);
    }
    if (bins > half) // k = n/2 (real): X[n/2+1] = conj(X[n/2-1])
        out[half] = power(0.5f * s[2 * half] - 0.5f * s[2 * half - 2], 0.0f);
}

} // namespace spectray::dsp
