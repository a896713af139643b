"""Onset latency for vs_cava.py: tone bursts into the sink, a raw reader of the monitor as the zero,
cava and Spectray read at the same time, all three timestamped by one select() loop."""
import array, json, math, os, re, signal, statistics, struct, subprocess, time, wave

from vscava_common import (BANDS, BURST_S, LEADIN_S, MONITOR, PERIOD_S, RATE, SINK, TONES, end, pump, spawn,
                           start_cava, start_spectray, stop)

QUIET_S = 0.3  # silence needed before a loud sample counts as a new burst
STEP_S = 0.0021  # extra silence per burst, cycling over 8 bursts (see write_tones)


def write_tones(path, bursts):
    """LEADIN_S of silence, one burst that is not measured (the switch from the music), then per tone
    `bursts` periods of BURST_S tone (-6 dBFS, 1 ms ramps) + silence."""
    ramp, on, period = int(RATE * 0.001), int(RATE * BURST_S), int(RATE * PERIOD_S)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"\0\0" * int(RATE * LEADIN_S))
        for t, hz in enumerate(TONES):
            burst = struct.pack("<%dh" % on, *[int(16384 * min(1.0, i / ramp, (on - 1 - i) / ramp)
                                                   * math.sin(2 * math.pi * hz * i / RATE)) for i in range(on)])
            for k in range(bursts + (t == 0)):
                # 1.6 s is a whole number of 60 fps hops: the silence grows by 0-14.7 ms (steps of 2.1 ms)
                # so that the onsets fall at every phase of Spectray's frame clock, not at one.
                w.writeframes(burst + b"\0\0" * (period - on + int(RATE * STEP_S * (k % 8))))
    return LEADIN_S + (len(TONES) * bursts + 1) * (PERIOD_S + 8 * STEP_S)


class Reader:
    """parec on the monitor: the moment it first reads each burst's first loud sample is the zero."""
    LOUD = 300  # of 32767: the 1 ms ramp crosses it within 0.1 ms (5 samples at 250 Hz)

    def __init__(self, proc):
        self.proc, self.rest, self.armed, self.in_tone, self.quiet = proc, b"", False, False, 0
        self.onsets, self.chunks, self.err, self.err_mark = [], [], b"", 0
        self.pos, self.onset_pos = 0, []  # samples read so far; each onset's position in the stream
        self.onset_hz, self.collect = [], None  # each burst's frequency, from its first 20 ms

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
        fresh = False
        if max(a) <= self.LOUD and min(a) >= -self.LOUD:
            self.quiet += n
        else:
            if self.armed and not self.in_tone:
                first = next(i for i in range(n) if abs(a[i]) > self.LOUD)
                if self.quiet + first >= QUIET_S * RATE:
                    self.onsets.append(now)
                    self.onset_pos.append(self.pos + first)
                    self.in_tone, self.collect, fresh = True, list(a[first:]), True
            self.quiet = n - 1 - next(i for i in range(n - 1, -1, -1) if abs(a[i]) > self.LOUD)
        if self.in_tone and self.quiet >= QUIET_S * RATE:
            self.in_tone = False
        self.pos += n
        if self.collect is not None:
            if not fresh:
                self.collect.extend(a)
            if len(self.collect) >= RATE // 50:
                x = self.collect[: RATE // 50]
                crossings = sum(1 for u, v in zip(x, x[1:]) if (u < 0) != (v < 0))
                self.onset_hz.append(crossings * 25.0)  # crossings / 2 per period / 0.02 s
                self.collect = None

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


def latencies(frames, onsets, band, threshold, skipped=None):
    """ms from each zero to the first frame above threshold(silent, held). Skipped bursts are counted in
    `skipped`: no clear rise, band not back at rest before the zero, or no frame above within the burst."""
    out = []
    for on in onsets:
        s, h = levels(frames, on, band)
        thr = threshold(s, h) if s is not None else None
        if thr is None:
            reason = "no rise"
        elif any(v[band] > thr for v in window(frames, on - 0.10, on - 0.03)):
            reason = "not at rest"
        else:
            hit = next((t for t, v in frames if t >= on - 0.05 and v[band] > thr), None)
            if hit is not None and hit < on + BURST_S:
                out.append(1000 * (hit - on))
                continue
            reason = "no hit"
        if skipped is not None:
            skipped[reason] = skipped.get(reason, 0) + 1
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
                           "--channels=1", "--raw"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          keep_priority=True))
    rfds = (reader.proc.stdout.fileno(), reader.proc.stderr.fileno())
    for fd in rfds:
        os.set_blocking(fd, False)
    # Spectray twice: `linear` for the table (the same amplitude criterion as CAVA's linear bars, no
    # dB clipping; the analysis and its timing do not depend on the amplitude scale) and the default `db`.
    progs = [start_cava(work, env, True),
             start_spectray(args, work, env, ("--print-frames", "--amplitude", "linear"), "lin", True),
             start_spectray(args, work, env, ("--print-frames",), "db", True)]
    try:
        deadline = time.monotonic() + 30  # cava plans its FFTs with FFTW_MEASURE: a slow start under load
        while not all(p.frames for p in progs) and time.monotonic() < deadline:
            pump(0.1, progs, music, (rfds, reader.feed))
        if not all(p.frames for p in progs):
            raise RuntimeError("no frames in 30 s from one of cava / spectray (%s)" % [p.frames for p in progs])
        pump(args.warmup + 2, progs, music, (rfds, reader.feed))  # music keeps Spectray out of "silent"
        for p in progs:
            p.keep = []
        layout = next((json.loads(l) for l in progs[2].text if '"edges"' in l), None)
        music.stop()
        player = spawn(["paplay", "-d", SINK, wav], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        reader.arm()
        deadline = time.monotonic() + length + 20
        while time.monotonic() < deadline and player.poll() is None:
            reader.proc.send_signal(signal.SIGUSR1)
            pump(0.5, progs, None, (rfds, reader.feed))
        pump(1.0, progs, None, (rfds, reader.feed))
    finally:
        for p in progs:
            end(p)
        stop(reader.proc)
    return analyse(args, reader, [p.keep for p in progs], layout)


def by_tone(reader):
    """Onset indices by tone, each burst's frequency from its zero crossings; the first onset (the burst
    right after the switch from the music) is not measured."""
    slots = {}
    for k, hz in enumerate(reader.onset_hz):
        i = min(range(len(TONES)), key=lambda j: abs(math.log(max(hz, 1.0) / TONES[j])))
        if k and abs(math.log(max(hz, 1.0) / TONES[i])) < 0.2:
            slots.setdefault(i, []).append(k)
    return slots


def stalled(reader, limit=0.02):
    """Onsets whose zero was read more than `limit` s off the stream's sample clock (the median offset
    between read time and sample position): the server, the player or this loop stalled there, and
    frames of all programs arrive in a batch with it, so the burst says nothing about latency."""
    offsets = [t - p / RATE for t, p in zip(reader.onsets, reader.onset_pos)]
    mid = statistics.median(offsets) if offsets else 0.0
    return {k for k, o in enumerate(offsets) if abs(o - mid) > limit}


def analyse(args, reader, frames, layout):
    chunks = sorted(reader.chunks)
    res = {"reader_ms": reader.latency_ms(), "onsets": len(reader.onsets),
           "chunk_ms": [1000 * chunks[int(q * (len(chunks) - 1))] / RATE for q in (0.5, 0.99)] if chunks else None}
    if not reader.onsets:
        return res
    bad = stalled(reader)
    slots = {i: [k for k in ks if k not in bad] for i, ks in by_tone(reader).items()}
    res["matched"], res["stalled"] = sum(len(v) for v in slots.values()), len(bad)
    range_db = (layout or {}).get("range_db", 65)
    edges = layout and layout["edges"]
    programs = (("CAVA", frames[0], cava_edges(), True, 65535, 65535), ("Spectray", frames[1], edges, True, 1000, 1500),
                ("Spectray db", frames[2], edges, False, 1000, 1000))
    for i, hz in enumerate(TONES):
        idx = slots.get(i, [])
        ons = [reader.onsets[k] for k in idx]
        for name, fr, edg, lin, scale, top in programs:
            nominal = band_of(edg, hz) if edg else BANDS // 2
            band = pick_band(fr, ons, nominal) if ons else nominal
            crit, skipped = below_held(args.below_held, lin, range_db, scale), {}
            res[(name, hz)] = {
                "band": band, "nominal": nominal, "edges": edg and (edg[band], edg[band + 1]), "bursts": len(ons),
                "lat": latencies(fr, ons, band, crit, skipped), "skipped": skipped,
                "visible": latencies(fr, ons, band, own_scale(args.rise, scale)),
                "clipped": sum(1 for on in ons if (levels(fr, on, band)[1] or 0) >= 0.99 * top)}
    return res
