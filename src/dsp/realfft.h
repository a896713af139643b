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
    float *input() { return m_in; }                         // size() samples: fill them all before execute()
    void execute();                                         // input() -> spectrum
    // The same transform of size() samples elsewhere, left unchanged. Read in place when aligned
    // as FFTW allocates (an AlignedSamples buffer, or a point in one a multiple of 16 floats in),
    // else copied to input() first. Lets several sizes read the tails of one buffer, no copies.
    void execute(const float *samples);
    const float *spectrum() const { return m_out; }         // bins() interleaved (re, im) pairs

private:
    int m_size;
    float *m_in = nullptr;
    float *m_out = nullptr;
    void *m_plan = nullptr;
};

// A float buffer aligned as FFTW allocates it (fftwf_alloc_real), zero-filled: the input of
// RealFft::execute(const float *).
class AlignedSamples final
{
public:
    explicit AlignedSamples(int size);
    ~AlignedSamples();
    AlignedSamples(const AlignedSamples &) = delete;
    AlignedSamples &operator=(const AlignedSamples &) = delete;

    int size() const { return m_size; }
    float *data() { return m_data; }
    const float *data() const { return m_data; }

private:
    int m_size;
    float *m_data = nullptr;
};

} // namespace spectray::dsp
