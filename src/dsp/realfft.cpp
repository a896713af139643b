#include "dsp/realfft.h"

#include <fftw3.h>

#include <algorithm>
#include <mutex>
#include <new>

namespace spectray::dsp {

namespace {
std::mutex &plannerMutex()
{
    static std::mutex mutex;
    return mutex;
}
} // namespace

RealFft::RealFft(int size)
    : m_size(size)
{
    std::lock_guard lock(plannerMutex());
    m_in = fftwf_alloc_real(std::size_t(size));
    m_out = reinterpret_cast<float *>(fftwf_alloc_complex(std::size_t(size / 2 + 1)));
    if (!m_in || !m_out) {
        fftwf_free(m_in);
        fftwf_free(m_out);
        throw std::bad_alloc();
    }
    // FFTW_ESTIMATE: deterministic plans (same numbers on every run and machine load), no
    // measuring delay in the constructor; the sizes here are small enough for it to be fast.
    m_plan = fftwf_plan_dft_r2c_1d(size, m_in, reinterpret_cast<fftwf_complex *>(m_out), FFTW_ESTIMATE);
    if (!m_plan) {
        fftwf_free(m_in);
        fftwf_free(m_out);
        throw std::bad_alloc();
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
}

void RealFft::execute()
{
    fftwf_execute(static_cast<fftwf_plan>(m_plan));
}

void RealFft::execute(const float *samples)
{
    // The new-array execute needs the planned alignment (its SIMD code may assume it): anything
    // else is copied into the plan's own input. An r2c plan never writes its input
    // (FFTW_PRESERVE_INPUT is the default out of place), so the cast is only FFTW's API.
    float *in = const_cast<float *>(samples);
    if (fftwf_alignment_of(in) != fftwf_alignment_of(m_in)) {
        std::copy(samples, samples + m_size, m_in);
        fftwf_execute(static_cast<fftwf_plan>(m_plan));
        return;
    }
    fftwf_execute_dft_r2c(static_cast<fftwf_plan>(m_plan), in,
                          reinterpret_cast<fftwf_complex *>(m_out));
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
