#pragma once

namespace spectray::dsp {

// The seed's per-frame coefficients hold at 30 fps; at other rates they are rescaled,
// c(fps) = 1 - (1 - c30)^(30 / fps), so an envelope moves the same amount per second.
double perFrameCoefficient(double c30, int fps);

// The seed's slow auto-gain: an envelope follower on the loudest band with a fast attack and a
// slow release, in the linear domain (seed profile and `linear` amplitude).
class AutoGain final
{
public:
    static constexpr double kStart = 0.01;
    static constexpr double kFloor = 1e-4;
    // Far above anything sanitised samples can produce; keeps the state finite whatever comes in.
    static constexpr double kCeiling = 1e9;
    static constexpr double kAttack30 = 0.05;
    static constexpr double kRelease30 = 0.005;

    explicit AutoGain(int fps);

    // Follows `peak` and returns the reference the bands are divided by. A NaN or negative peak
    // counts as silence, so the state never becomes NaN (it did: issue #9).
    double update(double peak)
    {
        if (!(peak >= 0.0))
            peak = 0.0;
        else if (peak > kCeiling)
            peak = kCeiling;
        m_ref += (peak - m_ref) * (peak > m_ref ? m_attack : m_release);
        return m_ref > kFloor ? m_ref : kFloor;
    }
    void reset() { m_ref = kStart; }
    double reference() const { return m_ref; }
    double attack() const { return m_attack; }
    double release() const { return m_release; }

private:
    double m_attack;
    double m_release;
    double m_ref = kStart;
};

// The same follower in the dB domain (`db` amplitude): the reference level in dBFS of the loudest
// weighted band (0 dBFS = a full-scale sine), moving by the same fraction of the distance per second.
// It never goes below kFloorDb, so a quiet noise floor is never stretched to full scale.
class DbAutoGain final
{
public:
    static constexpr double kStartDb = -20.0;   // about where loud music's loudest band sits
    static constexpr double kFloorDb = -50.0;
    static constexpr double kCeilingDb = 60.0;  // above anything sanitised samples produce

    explicit DbAutoGain(int fps);

    // Follows `peakDb` (NaN or -inf count as the floor) and returns the reference in dBFS.
    double update(double peakDb)
    {
        const double p = peakDb > kFloorDb ? (peakDb < kCeilingDb ? peakDb : kCeilingDb) : kFloorDb;
        m_ref += (p - m_ref) * (p > m_ref ? m_attack : m_release);
        return m_ref;
    }
    void reset() { m_ref = kStartDb; }
    double reference() const { return m_ref; }

private:
    double m_attack;
    double m_release;
    double m_ref = kStartDb;
};

} // namespace spectray::dsp
