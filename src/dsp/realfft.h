#pragma once

#include <cstddef>

namespace spectray::dsp {

// A real-to-complex FFTW (single precision) transform of one size with its own aligned buffers.
// The plan is made once here; planning and destroying plans are serialised on a process-wide
// mutex because FFTW's planner is not thread-safe, while execute() is (each object has its own plan).
class RealFft final
{
public:
    explicit RealFft(int size);
    ~RealFft();
    RealFft(const RealFft &) = delete;
    RealFft &operator=(const RealFft &) = delete;

    int size() const { return m_size; }
    int bins() const { return m_size / 2 + 1; }
    float *input() { return m_in; }                         // size() samples, filled by the caller
    void execute();                                         // input() -> spectrum
    const float *spectrum() const { return m_out; }         // bins() interleaved (re, im) pairs

private:
    int m_size;
    float *m_in = nullptr;
    float *m_out = nullptr;
    void *m_plan = nullptr;
};

} // namespace spectray::dsp
