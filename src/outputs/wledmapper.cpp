#include "outputs/wledmapper.h"

#include "dsp/geqanalysis.h"

#include <algorithm>
#include <cmath>

namespace spectray::outputs {

namespace {
double follow(double ref, double value, double release, double floor)
{
    ref = value > ref ? value : ref * release;
    return std::max(ref, floor);
}
} // namespace

WledMapper::WledMapper(int packetsPerSecond)
    : m_release(std::pow(0.5, 1.0 / (kReleaseHalfS * std::max(packetsPerSecond, 1))))
{
}

double WledMapper::channelOctaves(int channel)
{
    const auto c = std::size_t(std::clamp(channel, 0, 15));
    return std::log2(dsp::kWledGeqEdgesHz[c + 1] / dsp::kWledGeqEdgesHz[c]);
}

void WledMapper::reset()
{
    m_volumeRef = kVolumeFloor;
    m_geqRef = kGeqFloor;
    m_smooth = 0.0;
}

WledPacketFields WledMapper::silence()
{
    return WledPacketFields {};
}

WledPacketFields WledMapper::map(const AudioFeatures &f, bool beat)
{
    WledPacketFields out;
    const double level = std::isfinite(f.level) ? std::max(0.0, double(f.level)) : 0.0;
    m_volumeRef = follow(m_volumeRef, level, m_release, kVolumeFloor);
    const double raw = level < kSquelchRms ? 0.0 : std::min(255.0, kVolumeTarget * level / m_volumeRef);
    m_smooth += (raw - m_smooth) * kSmoothing;
    out.sampleRaw = float(raw);
    out.sampleSmth = float(m_smooth < 0.5 ? 0.0 : m_smooth);
    out.samplePeak = beat ? 1 : 0;

    double loudest = 0.0;
    for (int c = 0; c < 16; ++c) {
        const double v = double(f.geq[std::size_t(c)]);
        m_density[std::size_t(c)] = std::isfinite(v) ? std::max(0.0, v) / std::sqrt(channelOctaves(c)) : 0.0;
        loudest = std::max(loudest, m_density[std::size_t(c)]);
    }
    m_geqRef = follow(m_geqRef, loudest, m_release, kGeqFloor);
    for (int c = 0; c < 16; ++c) {
        const double v = kGeqTarget * std::sqrt(m_density[std::size_t(c)] / m_geqRef);
        out.fftResult[std::size_t(c)] = quint8(std::clamp(int(v), 0, kWledMaxChannelValue));
    }
    // The strongest component's RMS against the volume envelope, x1020: WLED effects read
    // FFT_Magnitude in the 0..~1000 range of its own FFT sums (several divide it by 4 or 8).
    const double peakRms = std::max(0.0, double(f.peakMagnitude)) * M_SQRT1_2;
    out.fftMagnitude = level < kSquelchRms ? 0.0f : float(std::min(1020.0, 1020.0 * peakRms / m_volumeRef));
    out.fftMajorPeak = f.peakHz >= 1.0f ? std::min(f.peakHz, kWledMaxPeakHz) : 1.0f;
    return out;
}

} // namespace spectray::outputs
