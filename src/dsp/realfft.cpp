#include "dsp/realfft.h"

#include <fftw3.h>

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
    for (int i = 0; i < size; ++i)
        m_in[i] = 0.0f;
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

} // namespace spectray::dsp
