#!/usr/bin/env python3
"""Distinct cache lines one live frame touches (issue 11): runs frame_footprint under valgrind's
lackey tool and prints, for the analysis of a hop and for the --print-frames line, the median over
the steady-state frames of the distinct 64-byte lines of code and of data.

    bench/footprint/footprint.py [--binary build/bench/frame_footprint] [--hops 60]

A benchmark: prints figures, exits 0 (2 when valgrind or the binary is missing)."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def count(trace, marker):
    """{part: [(code lines, data lines) per frame]} between the stores of 1/2 and 0 to the marker."""
    parts = {1: [], 2: []}
    part, code, data = 0, set(), set()
    for line in trace:
        kind = line[:2].strip()
        if kind not in ("I", "L", "S", "M"):
            continue
        try:
            addr = int(line[3:].split(",")[0], 16)
        except ValueError:
            continue
        if kind == "S" and addr == marker:
            if part:
                parts[part].append((len(code), len(data)))
                part = 0
            else:
                part = 1 if len(parts[1]) == len(parts[2]) else 2  # analysis, then line
                code, data = set(), set()
            continue
        if part:
            (code if kind == "I" else data).add(addr >> 6)
    return parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bench", "frame_footprint"))
    ap.add_argument("--hops", type=int, default=60)
    args = ap.parse_args()
    if not shutil.which("valgrind") or not os.access(args.binary, os.X_OK):
        print("footprint: needs valgrind and %s (cmake --build build --target frame_footprint)" % args.binary)
        return 2
    proc = subprocess.run(["valgrind", "--tool=lackey", "--trace-mem=yes", "--log-fd=1", args.binary, str(args.hops)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    lines = proc.stdout.splitlines()
    marker = next(int(l.split()[1], 16) for l in lines if l.startswith("MARKER"))
    parts = count(lines, marker)
    print("Distinct 64-byte lines per frame (median of frames %d..%d; default profile, 32 bands, 60 fps, 44.1 kHz):"
          % (args.hops // 2, args.hops - 1))
    for part, name in ((1, "analysis of one hop (StreamFramer::push)"), (2, "--print-frames line (FrameLineWriter)")):
        steady = parts[part][args.hops // 2:]
        code = statistics.median(c for c, _ in steady)
        data = statistics.median(d for _, d in steady)
        print("  %-42s code %5d  data %5d  total %5d" % (name, code, data, code + data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
