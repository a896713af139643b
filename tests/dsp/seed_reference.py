#!/usr/bin/python3
"""The seed's analysis math (media_server/services/audio_analyzer.py, _compute_bin_edges and
_capture_loop), run on a raw float32 file instead of a live recorder, so tst_seedparity compares
our `seed` profile with numbers numpy itself produced.

usage: seed_reference.py RAW_F32 CHANNELS RATE HOP [BANDS] [CHUNK]
Frame k analyses samples [k*HOP, k*HOP + CHUNK) of the mono mix (the seed recorded CHUNK-sample
blocks; our framer hands the analyzer the newest CHUNK samples every HOP). Prints one JSON object:
{"edges": [...], "frames": [{"frequencies": [...], "bass": int, "level": int}, ...]}.
Only the capture and the sleep are gone; every numeric line below is the seed's.
"""
import json
import math
import sys

import numpy as np


def compute_bin_edges(num_bins, sample_rate, chunk_size):
    fft_size = chunk_size // 2 + 1
    min_freq = 20.0
    max_freq = min(16000.0, sample_rate / 2)
    edges = []
    for i in range(num_bins + 1):
        freq = min_freq * (max_freq / min_freq) ** (i / num_bins)
        bin_idx = int(freq * chunk_size / sample_rate)
        edges.append(min(bin_idx, fft_size - 1))
    return edges


class SeedMath:
    """The seed's per-frame math with its state (the auto-gain reference), set up once."""

    def __init__(self, num_bins=32, sample_rate=44100, chunk_size=1024):
        self.num_bins = num_bins
        self.chunk_size = chunk_size
        self.edges = compute_bin_edges(num_bins, sample_rate, chunk_size)
        edges = self.edges
        self.window = np.hanning(chunk_size).astype(np.float32)
        self.bin_starts = np.array([edges[i] for i in range(num_bins)], dtype=np.intp)
        self.bin_ends = np.array([max(edges[i + 1], edges[i] + 1) for i in range(num_bins)], dtype=np.intp)
        self.bin_counts = (self.bin_ends - self.bin_starts).astype(np.float32)
        fft_size = chunk_size // 2 + 1
        self.windowed = np.empty(chunk_size, dtype=np.float32)
        self.cumsum = np.empty(fft_size + 1, dtype=np.float32)
        self.cumsum[0] = 0.0
        self.spectrum_ref = 0.01

    def frame(self, data):
        """One block of CHUNK samples, shape (n, channels) -> the seed's wire dict."""
        # Mono mix if needed
        if data.ndim > 1:
            mono = data.mean(axis=1)
        else:
            mono = data.ravel()

        np.multiply(mono[:self.chunk_size], self.window, out=self.windowed)
        fft_mag = np.abs(np.fft.rfft(self.windowed))
        np.cumsum(fft_mag, out=self.cumsum[1:])
        bins = (self.cumsum[self.bin_ends] - self.cumsum[self.bin_starts]) / self.bin_counts

        mono32 = mono if mono.dtype == np.float32 else mono.astype(np.float32, copy=False)
        energy = float(np.dot(mono32, mono32))
        if energy > 1e-12:
            rms = (energy / mono32.size) ** 0.5
            db = 20.0 * math.log10(rms)
            level = max(0.0, min(1.0, (db + 60.0) / 54.0))
        else:
            level = 0.0

        current_peak = float(bins.max())
        if current_peak > self.spectrum_ref:
            self.spectrum_ref += (current_peak - self.spectrum_ref) * 0.05
        else:
            self.spectrum_ref += (current_peak - self.spectrum_ref) * 0.005
        ref = max(self.spectrum_ref, 1e-4)
        np.divide(bins, ref, out=bins)
        np.clip(bins, 0.0, 1.5, out=bins)

        bass = float(bins[:4].mean()) if self.num_bins >= 4 else 0.0
        frequencies = (bins * 1000.0).astype(np.int16).tolist()
        return {"frequencies": frequencies, "bass": int(bass * 1000.0), "level": int(level * 1000.0), "scale": 1000}


def main():
    path, channels, sample_rate, hop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    num_bins = int(sys.argv[5]) if len(sys.argv) > 5 else 32
    chunk_size = int(sys.argv[6]) if len(sys.argv) > 6 else 1024

    raw = np.fromfile(path, dtype=np.float32).reshape(-1, channels)
    seed = SeedMath(num_bins, sample_rate, chunk_size)
    frames = []
    k = 0
    while k * hop + chunk_size <= raw.shape[0]:
        f = seed.frame(raw[k * hop:k * hop + chunk_size])
        del f["scale"]
        frames.append(f)
        k += 1
    json.dump({"edges": seed.edges, "frames": frames}, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
