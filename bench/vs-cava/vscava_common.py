"""Shared pieces of vs_cava.py: child processes, the private PulseAudio, music, the two programs, /proc."""
import json, os, select, signal, struct, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
RATE = 44100          # PulseAudio's default rate and the one cava 0.7.4 always records at: no resampler for either
SINK = "vscava_sink"
MONITOR = SINK + ".monitor"
BANDS, FPS = 32, 60
TONES = (250, 1000, 4000)
BURST_S, PERIOD_S, LEADIN_S = 0.4, 1.6, 1.5  # silences 1.2-1.5 s: under Spectray's 2 s "silent" threshold
TICK = os.sysconf("SC_CLK_TCK")

children = []  # every process this script started, killed by PID at exit


def raise_priority():
    """Nice -10 where allowed, for the onset phase: the timing loop, the raw reader and the programs
    (all alike), so that the rest of a loaded machine does not decide the latency. Processes spawn()
    starts without keep_priority run at nice 0."""
    try:
        os.setpriority(os.PRIO_PROCESS, 0, -10)
        return True
    except OSError:
        return False


def spawn(argv, keep_priority=False, **kw):
    kw.setdefault("stdin", subprocess.DEVNULL)
    if not keep_priority and os.getpriority(os.PRIO_PROCESS, 0) < 0:
        kw["preexec_fn"] = lambda: os.setpriority(os.PRIO_PROCESS, 0, 0)
    p = subprocess.Popen(argv, **kw)
    children.append(p)
    return p


def stop(p, sig=signal.SIGTERM, wait=5.0):
    if p is None or p.poll() is not None:
        return
    try:
        p.send_signal(sig)
        p.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait(timeout=5)
    except OSError:
        pass


def stop_all():
    for p in reversed(children):
        stop(p, wait=3.0)


def on_term(signum, frame):
    raise SystemExit(128 + signum)


# ---------------------------------------------------------------- PulseAudio, music
def start_pulse(work):
    rt = os.path.join(work, "pa")
    os.mkdir(rt, 0o700)
    sock = os.path.join(rt, "native")
    env = dict(os.environ, XDG_RUNTIME_DIR=rt)
    env.pop("PULSE_SERVER", None)
    pa = spawn(["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
                "--log-target=file:" + os.path.join(rt, "pa.log"),
                "-L", "module-native-protocol-unix socket=%s auth-anonymous=1" % sock,
                "-L", "module-null-sink sink_name=%s rate=%d" % (SINK, RATE)],
               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env["PULSE_SERVER"] = "unix:" + sock
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            return pa, env
        if pa.poll() is not None:
            break
        time.sleep(0.1)
    sys.exit("vs_cava: the private PulseAudio did not start (see %s/pa.log)" % rt)


class Music:
    """paplay of a real recording, restarted whenever it ends, until stopped."""

    def __init__(self, env, path):
        self.env, self.path, self.proc, self.on = env, path, None, False

    def tick(self):
        if self.on and (self.proc is None or self.proc.poll() is not None):
            self.proc = spawn(["paplay", "-d", SINK, self.path], env=self.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        self.on = True
        self.tick()

    def stop(self):
        self.on = False
        stop(self.proc)


# ---------------------------------------------------------------- the two programs
class Program:
    """A running visualiser whose output is drained (and optionally parsed) by pump()."""

    def __init__(self, name, proc, fd, frame_bytes=None):
        self.name, self.proc, self.fd, self.frame_bytes = name, proc, fd, frame_bytes
        self.buf, self.frames, self.keep = b"", 0, None  # keep: list of (time, values) when parsing
        self.text = []  # the first lines that are not frames (layout, URLs)

    def feed(self, data, now):
        self.buf += data
        if self.frame_bytes:  # cava: 32 u16 per frame, no delimiter
            n = len(self.buf) // self.frame_bytes
            if self.keep is not None:
                for i in range(n):
                    chunk = self.buf[i * self.frame_bytes:(i + 1) * self.frame_bytes]
                    self.keep.append((now, struct.unpack("<%dH" % BANDS, chunk)))
            self.buf = self.buf[n * self.frame_bytes:]
            self.frames += n
            return
        lines = self.buf.split(b"\n")
        self.buf = lines.pop()
        for line in lines:
            if line.startswith(b'{"type":"frame"'):
                self.frames += 1
                if self.keep is not None:
                    self.keep.append((now, json.loads(line)["frequencies"]))
            elif len(self.text) < 20:
                self.text.append(line.decode(errors="replace"))


def start_cava(work, env, keep_priority=False):
    conf, fifo = os.path.join(work, "cava.conf"), os.path.join(work, "cava.fifo")
    with open(conf, "w") as f:
        f.write("[general]\nframerate = %d\nbars = %d\nsleep_timer = 0\n[input]\nmethod = pulse\nsource = %s\n"
                "[output]\nmethod = raw\nchannels = mono\nmono_option = average\nraw_target = %s\n"
                "data_format = binary\nbit_format = 16bit\n" % (FPS, BANDS, MONITOR, fifo))
    if not os.path.exists(fifo):
        os.mkfifo(fifo, 0o600)
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # cava opens its end non-blocking: a reader must exist
    proc = spawn(["cava", "-p", conf], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                 keep_priority=keep_priority)
    return Program("CAVA", proc, fd, frame_bytes=2 * BANDS)


def start_spectray(args, work, env, extra=("--print-frames",), tag="run", keep_priority=False):
    argv = [args.spectray, *extra, "--config", os.path.join(work, "spectray-%s.ini" % tag),
            "--source", "pulse:" + MONITOR, "--fps", str(FPS), "--bands", str(BANDS)]
    proc = spawn(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, keep_priority=keep_priority)
    os.set_blocking(proc.stdout.fileno(), False)
    return Program("Spectray", proc, proc.stdout.fileno())


def wait_first_frame(prog, music, limit=30.0):
    """cava plans its FFTs with FFTW_MEASURE and both wait for the server: allow a slow start."""
    deadline = time.monotonic() + limit
    while prog.frames == 0 and prog.proc.poll() is None and time.monotonic() < deadline:
        pump(DRAIN_S, [prog], music, None, DRAIN_S)
    if prog.frames == 0:
        raise RuntimeError("%s produced no frame in %g s (exit code %s)" % (prog.name, limit, prog.proc.poll()))


def end(prog):
    stop(prog.proc, signal.SIGINT)
    if prog.name == "CAVA":
        os.close(prog.fd)


def pump(seconds, progs, music=None, extra=None, interval=None):
    """Drain every program's output for `seconds`; extra = (fds, handler(fd, data, now)) for other pipes.
    With `interval` the pipes are read every `interval` s instead of on every write: while CPU and
    context switches are measured the reader must not wake up (and preempt the writer) for each of
    cava's 32 write() calls per frame."""
    fds = {p.fd: p for p in progs}
    others = list(extra[0]) if extra else []
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if music:
            music.tick()
        if interval:
            time.sleep(min(left, interval))
            ready = list(fds) + others
        else:
            ready, _, _ = select.select(list(fds) + others, [], [], min(left, 0.2))
        now = time.monotonic()
        for fd in ready:
            try:
                data = os.read(fd, 1 << 20)
            except BlockingIOError:
                continue
            if fd in fds:
                if data:
                    fds[fd].feed(data, now)
                else:  # the program exited
                    del fds[fd]
            elif data:
                extra[1](fd, data, now)
            else:
                others.remove(fd)


# ---------------------------------------------------------------- /proc figures
def proc_sample(pid):
    with open("/proc/%d/stat" % pid) as f:
        rest = f.read().rsplit(")", 1)[1].split()
    ticks = int(rest[11]) + int(rest[12])  # utime + stime of the whole process (all threads, also ended ones)
    threads = {}  # tid -> (name, voluntary, involuntary switches, ns on a CPU)
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                st = dict(l.split(":", 1) for l in f if ":" in l)
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                ns = int(f.read().split()[0])  # the scheduler's own count, in ns
            threads[tid] = (st["Name"].strip(), int(st["voluntary_ctxt_switches"]),
                            int(st["nonvoluntary_ctxt_switches"]), ns)
        except (OSError, KeyError, IndexError, ValueError):
            pass
    return time.monotonic(), ticks, threads


def cpu_percent(c0, c1, s0, s1, wall):
    """CPU % of one core over the window: the threads' scheduler time in ns (schedstat), exact where
    utime + stime ticks are 10 ms steps (±1 tick is ±0.07 % over 15 s, a tenth of a 0.7 % figure).
    If a thread ended inside the window its time is only in the process's ticks: those are used."""
    if any(tid not in s1 for tid in s0):
        return 100.0 * (c1 - c0) / TICK / wall
    ns = sum(t[3] - s0.get(tid, (None, 0, 0, 0))[3] for tid, t in s1.items())
    return 100.0 * ns / 1e9 / wall


def memory(pid):
    with open("/proc/%d/status" % pid) as f:
        st = dict(l.split(":", 1) for l in f if ":" in l)
    kb = lambda k: int(st.get(k, "0 kB").split()[0])
    return {"rss": kb("VmRSS") / 1024, "anon": kb("RssAnon") / 1024, "file": kb("RssFile") / 1024,
            "shmem": kb("RssShmem") / 1024, "threads": int(st["Threads"])}


DRAIN_S = 0.1  # how often the pipes are read while CPU is measured (64 KiB pipes hold seconds of output)


def measure(prog, seconds, music, extra=None):
    f0 = prog.frames
    t0, c0, s0 = proc_sample(prog.proc.pid)
    pump(seconds, [prog], music, extra, DRAIN_S)
    t1, c1, s1 = proc_sample(prog.proc.pid)
    wall = t1 - t0
    per_thread = []  # (name, voluntary/s, involuntary/s, cpu %) of threads that ran in the window
    for tid, (name, vol, invol, ns) in sorted(s1.items(), key=lambda kv: int(kv[0])):
        _, vol0, invol0, ns0 = s0.get(tid, (name, 0, 0, 0))
        per_thread.append((name, (vol - vol0) / wall, (invol - invol0) / wall, 100.0 * (ns - ns0) / 1e9 / wall))
    sw = sum(v + i for _, v, i, _ in per_thread) * wall
    r = {"cpu": cpu_percent(c0, c1, s0, s1, wall), "csw": sw / wall, "fps": (prog.frames - f0) / wall,
         "per_thread": per_thread}
    r.update(memory(prog.proc.pid))
    return r
