#!/usr/bin/env python3
"""Tone-onset-to-frame latency and held frame rate, through a real (private) PulseAudio null sink.

Starts its own PulseAudio daemon (own socket, null sink), runs `spectray --print-frames` on the
sink's monitor, plays silence and tone bursts into the sink with pacat in 10 ms writes, and for
each burst measures the time from writing the first tone block to the wall-clock stamp ("ts") of
the first frame whose level rises. Also reports the frame rate actually delivered at each fps.
Prints figures; it is a benchmark, not a pass/fail test.

usage: onset_latency.py SPECTRAY_BINARY [--bursts N]
"""
import json, math, os, shutil, signal, struct, subprocess, sys, tempfile, threading, time

RATE = 48000
BLOCK = RATE // 100  # 10 ms
# 1 kHz fits exactly 10 periods in a 10 ms block, so one precomputed block repeats seamlessly.
TONE_BLOCKS = [struct.pack("<%df" % BLOCK, *[0.5 * math.sin(2 * math.pi * 1000 * i / RATE) for i in range(BLOCK)])]


def start_daemon():
    rt = tempfile.mkdtemp(prefix="spectray-bench-")
    os.chmod(rt, 0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=rt)
    sock = os.path.join(rt, "native")
    subprocess.run(["pulseaudio", "-n", "--daemonize=yes", "--exit-idle-time=-1", "--disallow-exit",
                    "--use-pid-file=yes", "--log-target=file:" + os.path.join(rt, "pa.log"),
                    "-L", "module-native-protocol-unix socket=%s auth-anonymous=1" % sock,
                    "-L", "module-null-sink sink_name=bench_sink rate=%d" % RATE], env=env, check=True)
    env["PULSE_SERVER"] = "unix:" + sock
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            break
        time.sleep(0.05)
    subprocess.run(["pactl", "set-default-sink", "bench_sink"], env=env, check=True)
    return rt, env


def stop_daemon(rt):
    pidfile = os.path.join(rt, "pulse", "pid")
    try:
        pid = int(open(pidfile).read().strip())
        os.kill(pid, signal.SIGTERM)
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.02)
    except (OSError, ValueError):
        pass
    shutil.rmtree(rt, ignore_errors=True)


class Player(threading.Thread):
    """Writes 10 ms float32 blocks in real time; tone on/off switchable; records onset times."""

    def __init__(self, env):
        super().__init__(daemon=True)
        self.proc = subprocess.Popen(["pacat", "--playback", "-d", "bench_sink", "--format=float32le",
                                      "--rate=%d" % RATE, "--channels=1", "--latency-msec=10"],
                                     stdin=subprocess.PIPE, env=env)
        # A 64 KiB pipe would hold ~340 ms of audio ahead of pacat and add it to every measurement.
        import fcntl
        fcntl.fcntl(self.proc.stdin.fileno(), 1031, 4096)  # F_SETPIPE_SZ: one page (~21 ms)
        self.tone = False
        self.onsets = []
        self.stop_flag = False
        self.phase = 0

    def run(self):
        silence = struct.pack("<%df" % BLOCK, *([0.0] * BLOCK))
        start = time.monotonic()
        n = 0
        while not self.stop_flag:
            if self.tone:
                if not self.onsets or self.onsets[-1][1] is not None:
                    self.onsets.append([time.time(), None])
                data = TONE_BLOCKS[self.phase % len(TONE_BLOCKS)]
                self.phase += 1
            else:
                if self.onsets and self.onsets[-1][1] is None:
                    self.onsets[-1][1] = time.time()
                data = silence
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
            n += 1
            delay = start + n * 0.01 - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self.proc.stdin.close()
        self.proc.wait()


def read_frames(proc, sink):
    for line in proc.stdout:
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if obj.get("type") == "frame":
            sink.append((time.time(), obj))


def run_case(binary, env, profile, fps, bursts):
    player = Player(env)
    player.start()
    proc = subprocess.Popen([binary, "--print-frames", "--source", "default-output", "--profile", profile,
                             "--fps", str(fps)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=env, text=True)
    frames = []
    reader = threading.Thread(target=read_frames, args=(proc, frames), daemon=True)
    reader.start()
    player.tone = False
    time.sleep(1.5)
    # Bursts: 0.4 s of tone after 0.6 s of silence.
    latencies = []
    for _ in range(bursts):
        before = len(frames)
        count = len(player.onsets)
        player.tone = True
        time.sleep(0.4)
        player.tone = False
        for _ in range(100):  # the player thread may still be blocked in a write
            if len(player.onsets) > count:
                break
            time.sleep(0.01)
        if len(player.onsets) == count:
            continue
        onset = player.onsets[-1][0]
        time.sleep(0.6)
        for _, f in frames[before:]:
            if f["level"] > 300 and f["ts"] / 1000.0 >= onset - 0.005:
                latencies.append(f["ts"] / 1000.0 - onset)
                break
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=5)
    player.stop_flag = True
    player.join(timeout=5)
    latencies.sort()
    med = latencies[len(latencies) // 2] * 1000 if latencies else float("nan")
    p90 = latencies[int(len(latencies) * 0.9) - 1] * 1000 if latencies else float("nan")
    print("%-8s %4d fps: onset->frame latency median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms over %d bursts"
          % (profile, fps, med, p90,
             latencies[0] * 1000 if latencies else float("nan"),
             latencies[-1] * 1000 if latencies else float("nan"), len(latencies)))


def held_rate(binary, env, profile, fps, seconds=6):
    """Frames per second actually delivered while a steady tone plays (paplay, no Python in the path)."""
    wav = os.path.join(env["XDG_RUNTIME_DIR"], "tone.wav")
    if not os.path.exists(wav):
        subprocess.run(["sox", "-n", "-r", str(RATE), "-c", "1", wav, "synth", "60", "sine", "1000", "vol", "0.5"],
                       check=True)
    play = subprocess.Popen(["paplay", "-d", "bench_sink", wav], env=env)
    time.sleep(0.3)
    out = subprocess.run([binary, "--print-frames", "--source", "default-output", "--profile", profile,
                          "--fps", str(fps), "--frames", str(int(fps * (seconds + 1)))],
                         env=env, capture_output=True, text=True, timeout=seconds + 30).stdout
    play.terminate()
    play.wait()
    frames = [json.loads(l) for l in out.splitlines() if '"frame"' in l][fps:]  # skip the first second
    ts = [f["ts"] for f in frames]
    gaps = [b - a for a, b in zip(ts, ts[1:])]
    span = (ts[-1] - ts[0]) / 1000.0
    print("%-8s %4d fps: held %.2f fps over %.1f s (%d frames; stream time %.2f s; largest gap %d ms)"
          % (profile, fps, (len(ts) - 1) / span, span, len(ts), frames[-1]["t"] - frames[0]["t"], max(gaps)))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    bursts = int(sys.argv[sys.argv.index("--bursts") + 1]) if "--bursts" in sys.argv else 10
    rt, env = start_daemon()
    try:
        for profile, fps in (("seed", 30), ("default", 30), ("default", 60), ("default", 144), ("default", 240)):
            held_rate(binary, env, profile, fps)
        for profile, fps in (("seed", 30), ("default", 30), ("default", 60), ("default", 144)):
            run_case(binary, env, profile, fps, bursts)
    finally:
        stop_daemon(rt)
    return 0


if __name__ == "__main__":
    sys.exit(main())
