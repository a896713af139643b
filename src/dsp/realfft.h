#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <utility>

namespace spectray::dsp {

// A real-to-complex FFTW (single precision) transform of one size with its own aligned buffers.
// The plan is made once here; planning and destroying plans are serialised on a process-wide
// mutex because FFTW's planner is not thread-safe, while execute() is (each object has its own plan).
//
// lowBins > 0 says only bins 0 .. lowBins-1 are read. When that is at most size/8, the transform
// runs as a complex FFT of size/2 points over the samples read as pairs (re, im), and only those
// bins are unpacked from it: FFTW's r2c plan spends about half its time in a pass over all n/2
// bins (hc2c) that a long rung of the band ladder mostly throws away (docs/dsp.md). Above size/8
// the plain r2c plan is kept: n/8 is about where our scalar unpacking costs what it saves
// (measured per execute, hot: 8192 points 10.0 us r2c, 6.9 us for 40 bins, 9.5 us for 1024;
// 2048: 2.7, 1.1, 2.3 us; 512: 0.44, 0.33, 0.55 us).
class RealFft final
{
public:
    explicit RealFft(int size, int lowBins = 0);
    ~RealFft();
    RealFft(const RealFft &) = delete;
    RealFft &operator=(const RealFft &) = delete;

    // Whether RealFft(size, lowBins) runs as a half-size complex transform (see above).
    static bool readsAsHalfComplex(int size, int lowBins)
    {
        return size % 2 == 0 && lowBins > 0 && lowBins <= size / 8;
    }

    int size() const { return m_size; }
    float *input() { return m_in; }                         // size() samples: fill them all before execute()
    void execute();                                         // input() -> spectrum
    // The same transform of size() samples elsewhere, left unchanged. Read in place when aligned
    // as FFTW allocates (an AlignedSamples buffer, or a point in one a multiple of 16 floats in),
    // else copied to input() first. Lets several sizes read the tails of one buffer, no copies.
    void execute(const float *samples);
    const float *spectrum() const { return m_out; }         // validBins() interleaved (re, im) pairs
    int validBins() const { return m_validBins; }           // size() / 2 + 1 or, when halfComplex(), lowBins
    bool halfComplex() const { return m_half != nullptr; }

private:
    void unpackHalf();

    int m_size;
    int m_validBins;
    float *m_in = nullptr;
    float *m_out = nullptr;
    float *m_half = nullptr;          // halfComplex(): the size/2-point complex FFT, (re, im) pairs
    float *m_twiddles = nullptr;      // halfComplex(): W^k = exp(-2 pi i k / size), k < lowBins
    void *m_plan = nullptr;
};

// One RealFft per size and kind (half-complex or not) for several users that run one after another:
// reserve() every (size, lowBins) first, then get() returns the transform made for that size and
// kind, unpacking as many bins as the most any reservation of it asked for.
class RealFftPool final
{
public:
    void reserve(int size, int lowBins);
    std::shared_ptr<RealFft> get(int size, int lowBins); // after every reserve()

private:
    struct Entry
    {
        int lowBins = 0;
        std::shared_ptr<RealFft> fft; // made by the first get()
    };
    Entry &entryFor(int size, int lowBins); // the entry of that size and kind, its lowBins raised to lowBins
    std::map<std::pair<int, bool>, Entry> m_entries;
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
