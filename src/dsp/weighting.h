#pragma once

#include "dsp/analyzerconfig.h"
#include "dsp/bandplan.h"

namespace spectray::dsp {

// The weighting's gain in dB at `hz` (0 dB at 1 kHz for every weighting; -inf at 0 Hz except flat).
// A: the analytic A-weighting of IEC 61672-1 (poles 20.6, 107.7, 737.9 and 12194 Hz), normalised
// to exactly 0 dB at 1 kHz. Tilts: slope * log2(hz / 1000).
double weightingDb(Weighting weighting, double hz);

// Multiplies every bin's weight in the plan by the weighting's power gain at that bin's centre
// frequency. Weighting each bin (rather than each band at its centre) makes a tone read the curve's
// value at the tone's own frequency, and costs nothing per frame.
void applyWeighting(BandPlan &plan, Weighting weighting, int sampleRate);

} // namespace spectray::dsp
