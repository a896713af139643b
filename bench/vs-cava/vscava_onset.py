"""Onset latency for vs_cava.py: tone bursts into the sink, a raw reader of the monitor as the zero,
cava and Spectray read at the same time, all three timestamped by one select() loop."""
import array, json, math, os, re, signal, statistics, struct, subprocess, time, wave

from vscava_common import (BANDS, BURST_S, LEADIN_S, MONITOR, PERIOD_S, RATE, SINK, TONES, end, pump, spawn,
                           start_cava, start_spectray, stop)

QUIET_S = 0.3  # silence needed before a loud sample counts as a new burst


def write_tones(path, bursts):
    """LEADIN_S of silence, then per tone `bursts` periods of BURST_S tone (-6 dBFS, 1 ms ramps) + silence."""
    ramp, on, period = int(RATE * 0.001), int(RATE * BURST_S), int(RATE * PERIOD_S)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"\0\0" * int(RATE * LEADIN_S))
        for hz in TONES:
            burst = struct.pack("<%dh" % on, *[int(16384 * min(1.0, i / ramp, (on - 1 - i) / ramp)
                                                   * math.sin(2 * math.pi * hz * i / RATE)) for i in range(on)])
            for _ in range(bursts):
                w.writeframes(burst + b"\0\0" * (period - on))
    return LEADIN_S + len(TONES) * bursts * PERIOD_S


class Reader:
    """parec on the monitor: the moment it first reads each burst's first loud sample is the zero."""
    LOUD = 300  # of 32767: the 1 ms ramp crosses it within 0.02 ms

    def __init__(self, proc):
        self.proc, self.rest, self.armed, self.in_tone, self.quiet = proc, b"", False, False, 0
        self.onsets, self.chunks, self.err, self.err_mark = [], [], b"", 0

    def arm(self):
        self.armed, self.err_mark = True, len(self.err)

    def feed(self, fd, data, now):
        if fd != self.proc.stdout.fileno():
            self.err += data  # "Time: ... sec; Latency: N usec." after each SIGUSR1
            return
        data = self.rest + data
        a = array.array("h", data[: len(data) // 2 * 2])
        self.rest = data[len(a) * 2:]
        n = len(a)
        if not n:
            return
        if self.armed:
            self.chunks.append(n)
        if max(a) <= self.LOUD and min(a) >= -self.LOUD:
            self.quiet += n
        else:
            if self.armed and not self.in_tone:
                first = next(i for i in range(n) if abs(a[i]) > self.LOUD)
                if self.quiet + first >= QUIET_S * RATE:
                    self.onsets.append(now)
                    self.in_tone = True
            self.quiet = n - 1 - next(i for i in range(n - 1, -1, -1) if abs(a[i]) > self.LOUD)
        if self.in_tone and self.quiet >= QUIET_S * RATE:
            self.in_tone = False

    def latency_ms(self):
        """What PulseAudio reports as the reader's own latency, sampled while the tones played."""
        return [int(v) / 1000 for v in re.findall(rb"Latency: (-?\d+) usec", self.err[self.err_mark:])]


def cava_edges(lower=50.0, upper=10000.0):
    """Nominal bar edges of cava 0.7.4 (cava.c: log distribution between its default cut-offs)."""
    fc = math.log10(lower / upper) / (1 / (BANDS + 1) - 1)
    return [upper * 10 ** (-fc + (n + 1) / (BANDS + 1) * fc) for n in range(BANDS + 1)]


def window(frames, t0, t1):
    return [v for t, v in frames if t0 <= t <= t1]


def levels(frames, on, band):
    """The band's level in the silence before the burst and with the tone held (medians)."""
    sil = [v[band] for v in window(frames, on - 0.35, on - 0.03)]
    held = [v[band] for v in window(frames, on + 0.28, on + BURST_S + 0.02)]
    return (statistics.median(sil), statistics.median(held)) if sil and held else (None, None)


def pick_band(frames, onsets, nominal):
    """The band that rises most (median over the bursts), ties to the one nearest its nominal band."""
    med = []
    for b in range(BANDS):
        rises = [h - s for s, h in (levels(frames, on, b) for on in onsets) if s is not None]
        med.append(statistics.median(rises) if rises else 0)
    best = max(med)
    return min((b for b in range(BANDS) if med[b] >= 0.98 * best), key=lambda b: abs(b - nominal))


def latencies(frames, onsets, band, threshold):
    """ms from each zero to the first frame above threshold(silent, held); bursts without a clear rise skipped."""
    out = []
    for on in onsets:
        s, h = levels(frames, on, band)
        thr = threshold(s, h) if s is not None else None
        if thr is None:
            continue
        hit = next((t for t, v in frames if t >= on - 0.05 and v[band] > thr), None)
        if hit is not None and hit < on + BURST_S:
            out.append(1000 * (hit - on))
    return sorted(out)


def below_held(db, linear, range_db, full):
    """Threshold: the band's amplitude within `db` of its held amplitude (the same criterion on both scales)."""
    def thr(s, h):
        t = h * 10 ** (-db / 20) if linear else h - db / range_db * full
        return t if h - s >= 0.05 * full and t > s else None
    return thr


def own_scale(frac, full):
    """Threshold: `frac` of the way from silent to held in the program's own output units (what is drawn)."""
    return lambda s, h: s + frac * (h - s) if h - s >= 0.05 * full else None


def band_of(edges, hz):
    return next((b for b in range(BANDS) if edges[b] <= hz < edges[b + 1]), BANDS - 1)


def run_onsets(args, work, env, music):
    wav = os.path.join(work, "tones.wav")
    length = write_tones(wav, args.bursts)
    reader = Reader(spawn(["parec", "-d", MONITOR, "--latency-msec=2", "--format=s16le", "--rate=%d" % RATE,
                           "--channels=1", "--raw"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    rfds = (reader.proc.stdout.fileno(), reader.proc.stderr.fileno())
    cava, spec = start_cava(work, env), start_spectray(args, work, env)
    try:
        deadline = time.monotonic() + 30  # cava plans its FFTs with FFTW_MEASURE: a slow start under load
        while not (cava.frames and spec.frames) and time.monotonic() < deadline:
            pump(0.1, [cava, spec], music, (rfds, reader.feed))
        if not (cava.frames and spec.frames):
            raise RuntimeError("no frames from cava (%d) or Spectray (%d) in 30 s" % (cava.frames, spec.frames))
        pump(args.warmup + 2, [cava, spec], music, (rfds, reader.feed))  # music keeps Spectray out of "silent"
        cava.keep, spec.keep = [], []
        layout = next((json.loads(l) for l in spec.text if '"edges"' in l), None)
        music.stop()
        player = spawn(["paplay", "-d", SINK, wav], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        reader.arm()
        deadline = time.monotonic() + length + 20
        while time.monotonic() < deadline and player.poll() is None:
            reader.proc.send_signal(signal.SIGUSR1)
            pump(0.5, [cava, spec], None, (rfds, reader.feed))
        pump(1.0, [cava, spec], None, (rfds, reader.feed))
    finally:
        end(cava)
        end(spec)
        stop(reader.proc)
    return analyse(args, reader, cava.keep, spec.keep, layout)


def schedule(onsets, bursts):
    """Onsets by tone: the WAV is strictly periodic, so each onset's slot follows from the first one."""
    slots, worst = {}, 0.0
    for t in onsets:
        k = round((t - onsets[0]) / PERIOD_S)
        dev = abs(t - onsets[0] - k * PERIOD_S)
        if 0 <= k < len(TONES) * bursts and dev < 0.25:
            slots.setdefault(k // bursts, []).append(t)
            worst = max(worst, dev)
    return slots, worst


def analyse(args, reader, cava_frames, spec_frames, layout):
    chunks = sorted(reader.chunks)
    res = {"reader_ms": reader.latency_ms(), "onsets": len(reader.onsets),
           "chunk_ms": [1000 * chunks[int(q * (len(chunks) - 1))] / RATE for q in (0.5, 0.99)] if chunks else None}
    if not reader.onsets:
        return res
    slots, res["worst_dev_ms"] = schedule(reader.onsets, args.bursts)
    res["matched"] = sum(len(v) for v in slots.values())
    linear = not layout or layout.get("amplitude") != "db"
    range_db = (layout or {}).get("range_db", 65)
    programs = (("CAVA", cava_frames, cava_edges(), True, 65535), ("Spectray", spec_frames,
                layout and layout["edges"], linear, 1000))
    for i, hz in enumerate(TONES):
        ons = slots.get(i, [])
        for name, frames, edges, lin, full in programs:
            nominal = band_of(edges, hz) if edges else BANDS // 2
            band = pick_band(frames, ons, nominal) if ons else nominal
            res[(name, hz)] = {
                "band": band, "nominal": nominal, "edges": edges and (edges[band], edges[band + 1]), "bursts": len(ons),
                "lat": latencies(frames, ons, band, below_held(args.below_held, lin, range_db, full)),
                "visible": latencies(frames, ons, band, own_scale(args.rise, full)),
                "clipped": sum(1 for on in ons if (levels(frames, on, band)[1] or 0) >= 0.99 * full)}
    return res
