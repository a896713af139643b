#!/usr/bin/env python3
"""Spectray against CAVA (Debian's cava 0.7.4) on one private PulseAudio null sink (issue #11).

CPU, context switches, memory: a real recording plays into the sink in a loop; `cava` (32 bars,
60 fps, raw 16-bit output to a named pipe) and `spectray --print-frames --fps 60 --bands 32` run one
after the other, ROUNDS times in alternating order, each measured for SECONDS after a warm-up; then
`spectray --headless` (127.0.0.1, ephemeral port) with 10 WebSocket clients at 60 fps.
Onset latency: the music stops; silence and tone bursts (250 Hz, 1 kHz, 4 kHz) play into the sink
while a raw reader of the monitor (parec, 2 ms fragments), cava and Spectray all run; a burst's zero
is the moment the reader first sees the tone, and a program's latency runs from there to its first
frame in which the tone's band is within --below-held dB of its level with the tone held.
A benchmark: it prints figures and exits 0 (2 for bad arguments or missing tools). See README.md.
"""
import argparse, json, math, os, shutil, signal, statistics, subprocess, sys, tempfile, time

sys.dont_write_bytecode = True  # no __pycache__ next to the helper modules in the source tree
from vscava_common import (DRAIN_S, FPS, ROOT, TONES, Music, end, measure, on_term, pump, raise_priority, spawn,
                           start_cava, start_pulse, start_spectray, stop, stop_all, wait_first_frame)
from vscava_onset import run_onsets

DEFAULT_MUSIC = "/usr/share/games/fretsonfire/data/songs/sectoid/Metal madness/song.ogg"


def run_one(args, work, env, music, which):
    prog = start_cava(work, env) if which == "CAVA" else start_spectray(args, work, env)
    try:
        wait_first_frame(prog, music)
        pump(args.warmup, [prog], music, None, DRAIN_S)
        return measure(prog, args.seconds, music)
    finally:
        end(prog)


def loopback_url(prog, music):
    """(port, token) from the URL line `spectray --headless` prints ("  http://127.0.0.1:PORT/#t=TOKEN")."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and prog.proc.poll() is None:
        pump(0.2, [prog], music, None, DRAIN_S)
        for line in (l.strip() for l in prog.text):
            if line.startswith("http://127.0.0.1:"):
                return int(line.split(":")[2].split("/")[0]), line.partition("#t=")[2]
    raise RuntimeError("spectray --headless printed no loopback URL: %s" % prog.text)


def run_headless(args, work, env, music, node):
    prog = start_spectray(args, work, env, ("--headless", "--port", "0", "--bind", "127.0.0.1"))
    try:
        port, token = loopback_url(prog, music)
        pump(args.warmup, [prog], music, None, DRAIN_S)
        clients = spawn([node, os.path.join(os.path.dirname(os.path.abspath(__file__)), "wsclients.mjs"),
                         "--port", str(port), "--token", token, "--clients", str(args.clients),
                         "--seconds", str(args.seconds), "--rate", str(FPS)],
                        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        os.set_blocking(clients.stdout.fileno(), False)
        out = []
        sink = (lambda fd, data, now: out.append(data))
        fds = ([clients.stdout.fileno()], sink)
        deadline = time.monotonic() + 60
        while b"READY" not in b"".join(out) and clients.poll() is None and time.monotonic() < deadline:
            pump(DRAIN_S, [prog], music, fds, DRAIN_S)
        r = measure(prog, args.seconds, music, fds)
        deadline = time.monotonic() + 15
        while clients.poll() is None and time.monotonic() < deadline:
            pump(DRAIN_S, [prog], music, fds, DRAIN_S)
        pump(DRAIN_S, [prog], music, fds, DRAIN_S)
        stop(clients)
        try:
            r.update(json.loads(b"".join(out).split(b"READY")[-1]))
        except ValueError:
            r.update(opened=0, delivered_pct=float("nan"), frames_per_s=float("nan"))
        return r
    finally:
        end(prog)


# ---------------------------------------------------------------- report
def pct(vals, q):
    if not vals:
        return float("nan")
    s = sorted(vals)
    return s[min(len(s) - 1, max(0, math.ceil(q * len(s)) - 1))]


def med(rows, key):
    vals = [r[key] for r in rows if r]
    return statistics.median(vals) if vals else float("nan")


def fmt(x, unit="", digits=2):
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else ("%.*f%s" % (digits, x, unit))


def row(label, s, c, unit, target, limit, digits=2):
    r = s / c if c and not math.isnan(s) and not math.isnan(c) else float("nan")
    met = "–" if math.isnan(r) else ("yes" if r <= limit else "no")
    return "| %s | %s | %s | ×%s | %s | %s |" % (label, fmt(s, unit, digits), fmt(c, unit, digits), fmt(r), target, met)


def print_rounds(args, rows, head):
    print("\n## Per round (CPU % of one core; context switches/s, all threads; RSS MB = anon + file + shmem)")
    for name, rs in (("CAVA", rows["CAVA"]), ("Spectray --print-frames", rows["Spectray"]),
                     ("Spectray --headless + %d clients" % args.clients, head)):
        for i, r in enumerate(rs):
            if not r:
                continue
            rate = ("%.1f frames/s per client, %.1f %% delivered, %d clients" % (r["frames_per_s"], r["delivered_pct"],
                    r["opened"]) if "opened" in r else "%.1f frames/s" % r["fps"])
            print("  %-34s round %d: cpu %5.2f %%  csw %6.1f/s  rss %5.1f = %.1f + %.1f + %.1f  threads %d  %s"
                  % (name, i + 1, r["cpu"], r["csw"], r["rss"], r["anon"], r["file"], r["shmem"], r["threads"], rate))
            print("  %34s   per thread (voluntary + involuntary switches/s, cpu %%): %s" % ("", "; ".join(
                "%s %.1f + %.1f, %.2f %%" % t for t in r.get("per_thread", []) if t[1] + t[2] + t[3] > 0)))


def print_onsets(args, on):
    print("\n## Onset latency (zero: the raw reader of the monitor first sees the tone)")
    rl, ch = on.get("reader_ms", []), on.get("chunk_ms") or [float("nan")] * 2
    print("  reader: parec --latency-msec=2, %s ms of audio per read (p50), %s ms (p99); its own latency as "
          "PulseAudio reports it (SIGUSR1 every 0.5 s, %d samples): p50 %s ms, p90 %s ms" % (
              fmt(ch[0], "", 1), fmt(ch[1], "", 1), len(rl), fmt(pct(rl, 0.5)), fmt(pct(rl, 0.9))))
    print("  %d onsets seen, %d measured; not measured: the first (the switch from the music) and %d read more than "
          "20 ms off the stream's sample clock (a stall of the server, the player or this loop: frames of all "
          "programs then arrive in one batch with the zero)" % (on.get("onsets", 0), on.get("matched", 0),
                                                                on.get("stalled", 0)))
    print("  A (the table): band within %g dB of its held level; B: %d %% of the way up in its own units"
          % (args.below_held, round(100 * args.rise)))
    for hz in TONES:
        for name in ("CAVA", "Spectray", "Spectray db"):
            o = on.get((name, hz))
            if not o:
                continue
            e = o["edges"] or (float("nan"), float("nan"))
            print("  %5d Hz %-11s band %2d (%.0f–%.0f Hz; nominal %2d), held at full scale %2d/%d; A %2d bursts p50 %s"
                  " p90 %s ms [%s]%s; B p50 %s ms" % (
                      hz, name, o["band"], e[0], e[1], o["nominal"], o["clipped"], o["bursts"], len(o["lat"]),
                      fmt(pct(o["lat"], 0.5), "", 1), fmt(pct(o["lat"], 0.9), "", 1),
                      " ".join("%.0f" % x for x in o["lat"]),
                      "".join(" (skipped: %s)" % ", ".join("%d %s" % (n, k) for k, n in o["skipped"].items())
                              for _ in [0] if o["skipped"]), fmt(pct(o["visible"], 0.5), "", 1)))
    print("  (Spectray = --amplitude linear, the table's row; Spectray db = the default scale, run at the same time)")


def report(args, rows, head, on, loads):
    print_rounds(args, rows, head)
    print_onsets(args, on)
    s, c = rows["Spectray"], rows["CAVA"]
    print("\n## Spectray vs CAVA 0.7.4: medians of %d rounds × %g s; load average %s at start, %s at end\n"
          % (args.rounds, args.seconds, loads[0], loads[1]))
    print("| | Spectray | CAVA | ratio | target | met? |\n|---|---|---|---|---|---|")
    print(row("CPU, `--print-frames --fps 60`", med(s, "cpu"), med(c, "cpu"), " %", "≤ 0.5× CAVA's", 0.5))
    print(row("context switches per second, all threads", med(s, "csw"), med(c, "csw"), "", "≤ 0.5× CAVA's", 0.5, 0))
    srss, crss = med(s, "rss"), med(c, "rss")
    print("| RSS (`--print-frames`) | %s | %s | ×%s | ≤ 15 MB | %s |" % (
        fmt(srss, " MB", 1), fmt(crss, " MB", 1), fmt(srss / crss), "–" if math.isnan(srss) else
        ("yes" if srss <= 15 else "no")))
    hcpu, hrss, ccpu = med(head, "cpu"), med(head, "rss"), med(c, "cpu")
    met = "–" if math.isnan(hcpu) else ("yes" if hcpu <= ccpu and hrss <= 20 else "no")
    print("| headless + %d WebSocket clients, 60 fps | %s, %s | – | ×%s of CAVA's CPU | ≤ CAVA's `--print-frames` "
          "CPU, ≤ 20 MB | %s |" % (args.clients, fmt(hcpu, " %"), fmt(hrss, " MB", 1), fmt(hcpu / ccpu), met))
    print_onset_rows(on)
    print("\nMedians: RSS anonymous + file-backed: Spectray %s + %s MB, CAVA %s + %s MB, headless %s + %s MB; threads: "
          "Spectray %s, CAVA %s; frames/s: Spectray %s, CAVA %s" % tuple(
              fmt(med(rs, k), "", d) for rs, k, d in ((s, "anon", 1), (s, "file", 1), (c, "anon", 1), (c, "file", 1),
                                                      (head, "anon", 1), (head, "file", 1), (s, "threads", 0),
                                                      (c, "threads", 0), (s, "fps", 1), (c, "fps", 1))))


def print_onset_rows(on):
    for hz, limit in zip(TONES, (1.0, 0.75, 0.75)):
        so, co = on.get(("Spectray", hz), {}).get("lat", []), on.get(("CAVA", hz), {}).get("lat", [])
        label = "tone onset → frame p50, %s (p90: %s / %s ms)" % (
            "%g kHz" % (hz / 1000) if hz >= 1000 else "%d Hz" % hz, fmt(pct(so, 0.9), "", 1), fmt(pct(co, 0.9), "", 1))
        print(row(label, pct(so, 0.5), pct(co, 0.5), " ms", "≤ %g× CAVA's" % limit, limit, 1))


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=20, help="measured seconds per program and round (20)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds, alternating which program runs first (3)")
    ap.add_argument("--bursts", type=int, default=16, help="tone bursts per frequency (16)")
    ap.add_argument("--spectray", default=os.path.join(ROOT, "build", "src", "app", "spectray"))
    ap.add_argument("--music", default=DEFAULT_MUSIC, help="recording played in a loop (fretsonfire-songs-sectoid)")
    ap.add_argument("--warmup", type=float, default=4, help="seconds before each measurement (4)")
    ap.add_argument("--clients", type=int, default=10, help="WebSocket clients for the headless row (10)")
    ap.add_argument("--below-held", type=float, default=12, help="onset criterion A: dB under the held level (12)")
    ap.add_argument("--rise", type=float, default=0.25, help="onset criterion B: fraction of the rise (0.25)")
    args = ap.parse_args()
    if not (1 <= args.rounds <= 20 and 1 <= args.seconds <= 600 and 1 <= args.bursts <= 100 and 0 < args.rise < 1
            and 0 < args.below_held < 60 and 0 <= args.warmup <= 60 and 1 <= args.clients <= 30):
        ap.error("--rounds 1-20, --seconds 1-600, --bursts 1-100, --warmup 0-60, --clients 1-30, "
                 "--rise between 0 and 1, --below-held between 0 and 60")
    for tool in ("pulseaudio", "pactl", "paplay", "parec", "cava"):
        if not shutil.which(tool):
            ap.error("needs %s (scripts/install-deps.sh --test)" % tool)
    if not os.access(args.spectray, os.X_OK):
        ap.error("no spectray binary at %s (build the spectray target or pass --spectray)" % args.spectray)
    if not os.path.isfile(args.music):
        ap.error("no recording at %s" % args.music)
    return args


def ws_node():
    node = shutil.which("node")
    if node and subprocess.run([node, "--input-type=module", "-e", "import 'ws'"], cwd=ROOT,
                               capture_output=True, timeout=30).returncode == 0:
        return node
    print("vs_cava: the headless row is skipped: it needs node and `npm ci` at the repository root (ws)")
    return None


def main():
    args = parse_args()
    node = ws_node()
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C even where a shell set SIGINT to ignore
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)
    work = tempfile.mkdtemp(prefix="spectray-vscava-")
    loads = [loadavg(), None]
    try:
        _, env = start_pulse(work)
        music = Music(env, args.music)
        music.start()
        rows, head = {"CAVA": [], "Spectray": []}, []
        for r in range(args.rounds):
            for which in (("CAVA", "Spectray") if r % 2 == 0 else ("Spectray", "CAVA")):
                print("vs_cava: round %d/%d: %s" % (r + 1, args.rounds, which), flush=True)
                rows[which].append(run_one(args, work, env, music, which))
            if node:
                print("vs_cava: round %d/%d: spectray --headless + %d clients" % (r + 1, args.rounds, args.clients),
                      flush=True)
                head.append(run_headless(args, work, env, music, node))
        print("vs_cava: onset latency, %d bursts at %s Hz" % (args.bursts, ", ".join(map(str, TONES))), flush=True)
        if not raise_priority():  # only now: a high-priority drain would preempt cava at each write above
            print("vs_cava: could not raise the timing loop's priority (not root): zeros may be late under load")
        onsets = run_onsets(args, work, env, music)
        loads[1] = loadavg()
        report(args, rows, head, onsets, loads)
    except KeyboardInterrupt:
        print("vs_cava: interrupted", file=sys.stderr)
        return 130
    except (RuntimeError, OSError) as e:
        print("vs_cava: error: %s" % e, file=sys.stderr)
        return 1
    finally:
        stop_all()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
