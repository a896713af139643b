#pragma once

// Helpers of the per-application capture tests: two fake players that pose as applications
// through PULSE_PROP, an independent band-level measure, and sink-input lookup through pactl.
#include "capturerecorder.h"
#include "pulsedaemon.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace spectray::test::apphelpers {

// Power of `hz` in `x` through a Hann window and the Goertzel recurrence, in dB: an independent
// measure (no code of the DSP layer), and the window keeps a 500 Hz tone's leakage at 3 kHz far
// below the 30 dB the tests ask for.
inline double bandDb(const std::vector<float> &x, int rate, double hz)
{
    const double w = 2.0 * std::numbers::pi * hz / rate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0.0, s2 = 0.0;
    const double n = static_cast<double>(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double hann = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / (n - 1.0));
        const double s0 = x[i] * hann + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = std::max(s1 * s1 + s2 * s2 - coeff * s1 * s2, 1e-30);
    // Normalised so a full-scale sine reads about 0 dB (Hann's coherent gain is 1/2).
    return 10.0 * std::log10(power / (n * n / 16.0));
}

// The strongest level of `hz` over 0.2 s windows of `x`. A tone that leaks in would show in
// every window, so the strongest is the honest figure for leakage; for the wanted tone it skips
// the moments a fake player underran on a loaded machine.
inline double peakBandDb(const std::vector<float> &x, int rate, double hz)
{
    const std::size_t window = static_cast<std::size_t>(rate) / 5;
    double best = -300.0;
    for (std::size_t at = 0; at + window <= x.size(); at += window / 2)
        best = std::max(best,
            bandDb(std::vector<float>(x.begin() + static_cast<std::ptrdiff_t>(at),
                       x.begin() + static_cast<std::ptrdiff_t>(at + window)),
                rate, hz));
    return best;
}

// Sink input indices of the streams whose application.process.binary is `binary`.
inline std::vector<int> sinkInputsOf(const PulseDaemon &daemon, const QString &binary)
{
    const QString text = daemon.pactl({ QStringLiteral("list"), QStringLiteral("sink-inputs") });
    std::vector<int> out;
    int current = -1;
    static const QRegularExpression header(QStringLiteral("^Sink Input #(\\d+)"));
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const auto m = header.match(line.trimmed());
        if (m.hasMatch())
            current = m.captured(1).toInt();
        else if (current >= 0 && line.trimmed() == QStringLiteral("application.process.binary = \"%1\"").arg(binary))
            out.push_back(current);
    }
    return out;
}

} // namespace spectray::test::apphelpers
