#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace spectray::testsignals {

// Deterministic synthetic audio for the outputs tests, the demo sender and the bench.
struct SignalGen
{
    enum class Kind { Silence, Tone, Kick, Noise, BassNoise, KickOverNoise };
    Kind kind = Kind::Tone;
    double freq = 1000.0;
    double amplitude = 0.5;
    int rate = 44100;
    double bpm = 120.0;
    std::uint64_t n = 0;
    std::uint32_t rng = 0x12345678u;
    double phase = 0.0;
    double lowpass = 0.0;

    float white()
    {
        rng = rng * 1664525u + 1013904223u; // Numerical Recipes LCG: fine for test noise
        return float(double(rng >> 8) / double(1u << 24) * 2.0 - 1.0);
    }
    // A synthetic kick drum: a 150 -> 50 Hz pitch sweep under a 60 ms decay, every 60/bpm s.
    float kick()
    {
        const double period = 60.0 / bpm;
        const double t = std::fmod(double(n) / rate, period);
        const double f = 50.0 + 100.0 * std::exp(-t / 0.02);
        if (t < 1.0 / rate)
            phase = 0.0;
        phase += 2.0 * std::numbers::pi * f / rate;
        return float(0.8 * std::exp(-t / 0.06) * std::sin(phase));
    }
    float next()
    {
        float v = 0.0f;
        switch (kind) {
        case Kind::Silence:
            break;
        case Kind::Tone:
            v = float(amplitude * std::sin(2.0 * std::numbers::pi * freq * double(n) / rate));
            break;
        case Kind::Kick:
            v = kick();
            break;
        case Kind::Noise:
            v = float(amplitude) * white();
            break;
        case Kind::BassNoise: // white noise through a one-pole low-pass at ~150 Hz: bass-heavy, steady
            lowpass += (white() - lowpass) * (1.0 - std::exp(-2.0 * std::numbers::pi * 150.0 / rate));
            v = float(amplitude * 4.0 * lowpass);
            break;
        case Kind::KickOverNoise:
            v = kick() + 0.05f * white();
            break;
        }
        ++n;
        return v;
    }
};

} // namespace spectray::testsignals
