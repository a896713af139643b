#pragma once

#include <vector>

namespace spectray::dsp {

// Picking each band's FFT length from a ladder of 2^k and 1.5 * 2^k points (multi-resolution analysis): the
// shortest window that still keeps a steady tone at a band's centre out of its neighbours. The
// prediction is computed, not measured: the periodic Hann window's exact spectrum (closed form, see
// windowchoice.cpp) is summed over the same fractional bins the band plan integrates, so choosing
// costs microseconds per band in the constructor and nothing per frame. tst_toneisolation checks
// the outcome with real tones.

// How much of a steady tone at toneHz (relative to the tone's whole power, so 1 = all of it) lands
// in the band [loHz, hiHz) of an n-point periodic Hann FFT at sampleRate, integrated over fractional
// bins as BandPlan does (negative-frequency image added in power).
double hannBandShare(double toneHz, double loHz, double hiHz, int n, int sampleRate);

// Design targets of the choice, in dB (docs/dsp.md, "Multi-resolution"):
// the shortest window a band may read must keep a tone at either neighbour's centre at least
// kTargetIsolationDb + kIsolationSafetyDb below that tone's own reading, and must keep the band's own
// tone within kIsolationSafetyDb of its full power. The issue asks for >= 20 dB from 100 Hz up and
// >= 6 dB below; the choice aims at 20 dB everywhere, because below 100 Hz the 6 dB is what the
// longest window can give, not a licence to shorten the bass windows.
inline constexpr double kTargetIsolationDb = 20.0;
inline constexpr double kIsolationSafetyDb = 3.0;

// Per band (edgesHz.size() - 1 entries): the shortest of shortest, 1.5 shortest, 2 shortest, 3
// shortest, ... longest whose predicted isolation meets the targets, else longest. shortest <=
// longest, both powers of two.
std::vector<int> isolatingFftSizes(const std::vector<double> &edgesHz, int sampleRate, int shortest, int longest);

} // namespace spectray::dsp
