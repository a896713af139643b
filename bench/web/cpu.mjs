// CPU of a Chromium browser and its child processes, from /proc, per process type, while a page
// paints: shared by the web benchmarks (webbench.mjs, canvasfloor.mjs).
import { readFileSync, readdirSync } from 'node:fs';

const hz = 100; // USER_HZ: /proc/PID/stat times are in clock ticks
export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function procs() { // pid -> {ppid, type, ticks}
  const all = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ');
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const m = /--type=([a-z-]+)/.exec(cmd);
      all.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), cmd,
        type: m ? (m[1] === 'utility' && /NetworkService/.test(cmd) ? 'network' : m[1]) : 'browser' });
    } catch (e) { /* gone */ }
  }
  return all;
}
function tree(all, nonce) { // the browser launched with our nonce and all its descendants
  const root = [...all.entries()].find(([, p]) => p.cmd.includes(nonce) && p.type === 'browser');
  if (!root) return new Map();
  const out = new Map([[root[0], root[1]]]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of all) if (!out.has(pid) && out.has(p.ppid)) { out.set(pid, p); grew = true; }
  }
  return out;
}

// Paints/s over SECONDS and CPU % of one core per process type and in total.
export async function measure(page, nonce, seconds) {
  const before = tree(procs(), nonce), w0 = Date.now();
  const paints = await page.evaluate((ms) => new Promise((done) => {
    let n = 0; const start = performance.now();
    const tick = (now) => { n++; if (now - start < ms) requestAnimationFrame(tick); else done(n / ((now - start) / 1000)); };
    requestAnimationFrame(tick);
  }), seconds * 1000);
  const wall = (Date.now() - w0) / 1000, after = tree(procs(), nonce), byType = {};
  let total = 0;
  for (const [pid, p] of after) {
    const d = (p.ticks - (before.get(pid)?.ticks ?? 0)) / hz / wall * 100;
    byType[p.type] = (byType[p.type] || 0) + d; total += d;
  }
  return { paints, total, byType, n: after.size };
}
export const fmt = (m) => `${m.paints.toFixed(1)} paints/s, CPU ${m.total.toFixed(1)} % (` +
  Object.entries(m.byType).sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.05).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') +
  `; ${m.n} processes; ${(m.total * 10 / m.paints).toFixed(2)} ms CPU per paint)`;

