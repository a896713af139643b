#!/usr/bin/python3
"""Times the seed's per-frame numpy math (audio_analyzer.py _capture_loop, minus capture and sleep)
on a raw float32 mono signal, for comparison with bench_dsp in the same run.

usage: seed_numpy_bench.py --write-signal PATH     writes the shared 10 s test signal
       seed_numpy_bench.py PATH [FRAMES]           prints "seed_numpy_us_per_frame <median CPU us>"
"""
import math
import sys
import time

import numpy as np

RATE = 44100
CHUNK = 1024
BINS = 32
HOP = 1470  # 30 fps, as bench_dsp's framer hop


def write_signal(path):
    rng = np.random.default_rng(1)
    t = np.arange(RATE * 10) / RATE
    s = 0.3 * np.sin(2 * np.pi * 440.0 * t) + rng.uniform(-0.1, 0.1, t.size)
    s.astype(np.float32).tofile(path)


def compute_bin_edges():
    fft_size = CHUNK // 2 + 1
    min_freq, max_freq = 20.0, min(16000.0, RATE / 2)
    edges = []
    for i in range(BINS + 1):
        freq = min_freq * (max_freq / min_freq) ** (i / BINS)
        edges.append(min(int(freq * CHUNK / RATE), fft_size - 1))
    return edges


def run(path, frames):
    # The recorder hands the seed (n, 1) float32 blocks; keep that shape so the mono mix is timed too.
    signal = np.fromfile(path, dtype=np.float32).reshape(-1, 1)
    blocks = [signal[k * HOP:k * HOP + CHUNK] for k in range((signal.shape[0] - CHUNK) // HOP)]
    window = np.hanning(CHUNK).astype(np.float32)
    edges = compute_bin_edges()
    bin_starts = np.array([edges[i] for i in range(BINS)], dtype=np.intp)
    bin_ends = np.array([max(edges[i + 1], edges[i] + 1) for i in range(BINS)], dtype=np.intp)
    bin_counts = (bin_ends - bin_starts).astype(np.float32)
    windowed = np.empty(CHUNK, dtype=np.float32)
    cumsum = np.empty(CHUNK // 2 + 2, dtype=np.float32)
    cumsum[0] = 0.0
    spectrum_ref = 0.01

    start = time.process_time()  # CPU time: less disturbed by other load
    for n in range(frames):
        data = blocks[n % len(blocks)]
        # --- the seed's per-frame lines, verbatim ---
        if data.ndim > 1:
            mono = data.mean(axis=1)
        else:
            mono = data.ravel()
        np.multiply(mono[:CHUNK], window, out=windowed)
        fft_mag = np.abs(np.fft.rfft(windowed))
        np.cumsum(fft_mag, out=cumsum[1:])
        bins = (cumsum[bin_ends] - cumsum[bin_starts]) / bin_counts
        mono32 = mono if mono.dtype == np.float32 else mono.astype(np.float32, copy=False)
        energy = float(np.dot(mono32, mono32))
        if energy > 1e-12:
            rms = (energy / mono32.size) ** 0.5
            db = 20.0 * math.log10(rms)
            level = max(0.0, min(1.0, (db + 60.0) / 54.0))
        else:
            level = 0.0
        current_peak = float(bins.max())
        if current_peak > spectrum_ref:
            spectrum_ref += (current_peak - spectrum_ref) * 0.05
        else:
            spectrum_ref += (current_peak - spectrum_ref) * 0.005
        ref = max(spectrum_ref, 1e-4)
        np.divide(bins, ref, out=bins)
        np.clip(bins, 0.0, 1.5, out=bins)
        bass = float(bins[:4].mean()) if BINS >= 4 else 0.0
        frequencies = (bins * 1000.0).astype(np.int16).tolist()
        new_data = {"frequencies": frequencies, "bass": int(bass * 1000.0), "level": int(level * 1000.0),
                    "scale": 1000}
        # --- end ---
    del new_data
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
