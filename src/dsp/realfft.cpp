#include "dsp/realfft.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <new>
#include <numbers>

namespace spectray::dsp {

namespace {
std::mutex &plannerMutex()
{
    static std::mutex mutex;
    return mutex;
}
} // namespace

RealFft::RealFft(int size, int lowBins)
    : m_size(size)
    , m_validBins(readsAsHalfComplex(size, lowBins) ? lowBins : size / 2 + 1)
{
    const bool half = m_validBins < size / 2 + 1;
    std::lock_guard lock(plannerMutex());
    auto freeAll = [this] {
        fftwf_free(m_in);
        fftwf_free(m_out);
        fftwf_free(m_half);
        fftwf_free(m_twiddles);
    };
    m_in = fftwf_alloc_real(std::size_t(size));
    m_out = reinterpret_cast<float *>(fftwf_alloc_complex(std::size_t(m_validBins)));
    if (half) {
        m_half = reinterpret_cast<float *>(fftwf_alloc_complex(std::size_t(size / 2)));
        m_twiddles = reinterpret_cast<float *>(fftwf_alloc_complex(std::size_t(m_validBins)));
    }
    if (!m_in || !m_out || (half && (!m_half || !m_twiddles))) {
        freeAll();
        throw std::bad_alloc();
    }
    // FFTW_ESTIMATE: deterministic plans (same numbers on every run and machine load), no
    // measuring delay in the constructor; the sizes here are small enough for it to be fast.
    // The half-size complex plan reads input() as size/2 (re, im) pairs: the even samples are the
    // real parts, the odd ones the imaginary parts, with no reordering.
    if (half)
        m_plan = fftwf_plan_dft_1d(size / 2, reinterpret_cast<fftwf_complex *>(m_in),
            reinterpret_cast<fftwf_complex *>(m_half), FFTW_FORWARD, FFTW_ESTIMATE);
    else
        m_plan = fftwf_plan_dft_r2c_1d(size, m_in, reinterpret_cast<fftwf_complex *>(m_out), FFTW_ESTIMATE);
    if (!m_plan) {
        freeAll();
        throw std::bad_alloc();
    }
    for (int k = 0; half && k < m_validBins; ++k) { // in double, rounded once
        const double angle = -2.0 * std::numbers::pi * k / size;
        m_twiddles[2 * k] = float(std::cos(angle));
        m_twiddles[2 * k + 1] = float(std::sin(angle));
    }
    // input() is not cleared: every caller fills it whole before execute(), and a RealFft that is
    // only run on other arrays (execute(const float *)) then never touches its pages (64 kB less
    // resident for the default profile's ladder).
}

RealFft::~RealFft()
{
    std::lock_guard lock(plannerMutex());
    fftwf_destroy_plan(static_cast<fftwf_plan>(m_plan));
    fftwf_free(m_in);
    fftwf_free(m_out);
    fftwf_free(m_half);
    fftwf_free(m_twiddles);
}

void RealFft::execute()
{
    fftwf_execute(static_cast<fftwf_plan>(m_plan));
    if (m_half)
        unpackHalf();
}

void RealFft::execute(const float *samples)
{
    // The new-array execute needs the planned alignment (its SIMD code may assume it): anything
    // else is copied into the plan's own input. Neither plan writes its input (FFTW_PRESERVE_INPUT
    // is the default out of place for r2c and c2c), so the cast is only FFTW's API.
    float *in = const_cast<float *>(samples);
    if (fftwf_alignment_of(in) != fftwf_alignment_of(m_in)) {
        std::copy(samples, samples + m_size, m_in);
        execute();
        return;
    }
    if (m_half) {
        fftwf_execute_dft(static_cast<fftwf_plan>(m_plan), reinterpret_cast<fftwf_complex *>(in),
            reinterpret_cast<fftwf_complex *>(m_half));
        unpackHalf();
        return;
    }
    fftwf_execute_dft_r2c(static_cast<fftwf_plan>(m_plan), in,
                          reinterpret_cast<fftwf_complex *>(m_out));
}

void RealFft::unpackHalf()
{
    // Z = FFT_{n/2}(x[2m] + i x[2m+1]). With Zc = conj(Z[(n/2 - k) mod n/2]), the even samples'
    // spectrum is E = (Z[k] + Zc) / 2, the odd ones' O = (Z[k] - Zc) / 2i, and X[k] = E + W^k O.
    const int half = m_size / 2;
    const float *z = m_half;
    const float *w = m_twiddles;
    for (int k = 0; k < m_validBins; ++k) {
        const int j = k == 0 ? 0 : half - k;
        const float zr = z[2 * k], zi = z[2 * k + 1];
        const float cr = z[2 * j], ci = -z[2 * j + 1];
        const float er = 0.5f * (zr + cr), ei = 0.5f * (zi + ci);
        const float orr = 0.5f * (zi - ci), oi = -0.5f * (zr - cr); // (d_re + i d_im) / i
        m_out[2 * k] = er + w[2 * k] * orr - w[2 * k + 1] * oi;
        m_out[2 * k + 1] = ei + w[2 * k] * oi + w[2 * k + 1] * orr;
    }
}

RealFftPool::Entry &RealFftPool::entryFor(int size, int lowBins)
{
    Entry &entry = m_entries[{ size, RealFft::readsAsHalfComplex(size, lowBins) }];
    entry.lowBins = std::max(entry.lowBins, lowBins);
    return entry;
}

void RealFftPool::reserve(int size, int lowBins)
{
    entryFor(size, lowBins);
}

std::shared_ptr<RealFft> RealFftPool::get(int size, int lowBins)
{
    Entry &entry = entryFor(size, lowBins);
    if (!entry.fft)
        entry.fft = std::make_shared<RealFft>(size, entry.lowBins);
    return entry.fft;
}

AlignedSamples::AlignedSamples(int size)
    : m_size(size)
    , m_data(fftwf_alloc_real(std::size_t(size)))
{
    if (!m_data)
        throw std::bad_alloc();
    for (int i = 0; i < size; ++i)
        m_data[i] = 0.0f;
}

AlignedSamples::~AlignedSamples()
{
    fftwf_free(m_data);
}

} // namespace spectray::dsp
