#!/usr/bin/python3
"""Times the seed's per-frame numpy math (audio_analyzer.py _capture_loop, minus capture and sleep)
on a raw float32 mono signal, for comparison with bench_dsp in the same run.

usage: seed_numpy_bench.py --write-signal PATH     writes the shared 10 s test signal
       seed_numpy_bench.py PATH [FRAMES]           prints "seed_numpy_us_per_frame <median CPU us>"
"""
import os
import sys
import time

import numpy as np

# The seed's math lives once, in the parity test's reference (the same lines the test trusts).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "dsp"))
from seed_reference import SeedMath  # noqa: E402

RATE = 44100
CHUNK = 1024
BINS = 32
HOP = 1470  # 30 fps, as bench_dsp's framer hop


def write_signal(path):
    rng = np.random.default_rng(1)
    t = np.arange(RATE * 10) / RATE
    s = 0.3 * np.sin(2 * np.pi * 440.0 * t) + rng.uniform(-0.1, 0.1, t.size)
    s.astype(np.float32).tofile(path)


def run(path, frames):
    # The recorder hands the seed (n, 1) float32 blocks; keep that shape so the mono mix is timed too.
    signal = np.fromfile(path, dtype=np.float32).reshape(-1, 1)
    blocks = [signal[k * HOP:k * HOP + CHUNK] for k in range((signal.shape[0] - CHUNK) // HOP)]
    seed = SeedMath(BINS, RATE, CHUNK)
    start = time.process_time()  # CPU time: less disturbed by other load
    for n in range(frames):
        seed.frame(blocks[n % len(blocks)])
    return (time.process_time() - start) / frames * 1e6


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--write-signal":
        write_signal(sys.argv[2])
        return
    frames = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    runs = sorted(run(sys.argv[1], frames) for _ in range(5))
    print(f"seed_numpy_us_per_frame {runs[2]:.3f}")


if __name__ == "__main__":
    main()
