// Shared by the web_*.mjs browser tests: start a server on a free loopback port, launch Debian's
// Chromium through playwright-core, and small checks. Exit code 77 = skipped (nothing installed).
import { spawn } from 'node:child_process';
import net from 'node:net';
import http from 'node:http';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function loadChromium() {
  try { return (await import('playwright-core')).chromium; }
  catch (e) { console.error('playwright-core is not installed (npm install at the repo root): skipped'); process.exit(77); }
}

export const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  s.on('error', reject);
});

// GET on loopback: {status, type, body (Buffer)}.
export const get = (url) => new Promise((resolve) => {
  http.get(url, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] || '', body: Buffer.concat(chunks) }));
  }).on('error', () => resolve({ status: 0, type: '', body: Buffer.alloc(0) }));
});

// Starts CMD (with "{PORT}" replaced) and waits until /api/info answers.
export async function startServer(cmd) {
  const port = await freePort();
  const args = cmd.map((a) => a.replaceAll('{PORT}', String(port)));
  const proc = spawn(args[0], args.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  const s = { port, proc, out: '', base: `http://127.0.0.1:${port}/` };
  proc.stdout.on('data', (d) => { s.out += d; });
  proc.stderr.on('data', (d) => { s.out += d; });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) { up = (await get(`${s.base}api/info`)).status === 200; if (!up) await sleep(100); }
  if (!up) throw new Error(`server did not answer on port ${port}:\n${s.out}`);
  s.send = (line) => proc.stdin.write(line + '\n');
  s.stop = async () => {
    proc.kill('SIGTERM');
    await Promise.race([new Promise((r) => proc.on('exit', r)), sleep(5000)]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  };
  return s;
}

export async function launch(chromium, extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs],
  });
}

let failures = 0;
export function check(ok, what) {
  if (ok) console.log('ok -', what);
  else { console.log('not ok -', what); failures++; }
}
export const failed = () => failures;

// Canvas statistics computed in the page from the pixels alone: distinct colours (quantised to
// 4 bits per channel), lit pixels (far from the background at pixel 1,1) and their mean relative luminance
// (sRGB -> linear, Rec. 709 weights, as WCAG defines it).
export function canvasStats(page) {
  return page.evaluate(() => {
    const c = document.getElementById('bars');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set(); let lit = 0; let lum = 0; let sum = 0;
    const bg = d[4 * (c.width + 1)] + d[4 * (c.width + 1) + 1] + d[4 * (c.width + 1) + 2]; // pixel (1,1)
    const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    for (let i = 0; i < d.length; i += 4 * 7) {
      colours.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
      if (Math.abs(d[i] + d[i + 1] + d[i + 2] - bg) > 60) lit++;
      sum = (sum * 31 + d[i] + d[i + 1] * 3 + d[i + 2] * 7) >>> 0;
      lum += 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
    }
    const samples = Math.ceil(d.length / 28);
    return { w: c.width, h: c.height, colours: colours.size, litFraction: lit / samples, meanLum: lum / samples, checksum: sum };
  });
}
