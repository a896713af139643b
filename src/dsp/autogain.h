#pragma once

namespace spectray::dsp {

// The seed's slow auto-gain: an envelope follower on the loudest band with a fast attack and a
// slow release. The seed's per-frame coefficients hold at 30 fps; at other rates they are rescaled,
// c(fps) = 1 - (1 - c30)^(30 / fps), so the envelope moves the same amount per second.
class AutoGain final
{
public:
    static constexpr double kStart = 0.01;
    static constexpr double kFloor = 1e-4;
    static constexpr double kAttack30 = 0.05;
    static constexpr double kRelease30 = 0.005;

    explicit AutoGain(int fps);

    // Follows `peak` and returns the reference the bands are divided by.
    double update(double peak)
    {
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

} // namespace spectray::dsp
