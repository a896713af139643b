// Browser test: start a Spectray server, open its page in headless Chromium (playwright-core),
// wait for frames, check from the canvas pixels that bars are drawn and that the page's frame
// counter advances, and save a screenshot.
//   node browser_test.mjs OUT.png [--token T] -- SERVER_COMMAND [ARGS...]
// "{PORT}" in the server arguments is replaced with a free port. Exit 0 = pass, 77 = skipped.
// SERVER_COMMAND "--seed-server WEB_DIR" instead runs a stand-in for the old Python server here:
// it serves WEB_DIR's files and sends only the seed's {frequencies,bass,level,scale} objects.
import { spawn } from 'node:child_process';
import net from 'node:net';
import http from 'node:http';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep < 1) { console.error('usage: browser_test.mjs OUT.png [--token T] -- CMD ARGS'); process.exit(2); }
const shot = argv[0];
const tokenAt = argv.indexOf('--token');
const token = tokenAt >= 0 && tokenAt < sep ? argv[tokenAt + 1] : '';

let chromium;
try { ({ chromium } = await import('playwright-core')); }
catch (e) { console.error('playwright-core is not installed (npm install at the repo root): skipped'); process.exit(77); }

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  s.on('error', reject);
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const get = (url) => new Promise((resolve) => {
  http.get(url, (res) => { res.resume(); resolve(res.statusCode); }).on('error', () => resolve(0));
});

const port = await freePort();
const cmd = argv.slice(sep + 1).map((a) => a.replaceAll('{PORT}', String(port)));
let serverOut = '';
const server = cmd[0] === '--seed-server' ? await seedServer(cmd[1], port)
  : spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout?.on('data', (d) => { serverOut += d; });
server.stderr?.on('data', (d) => { serverOut += d; });

async function seedServer(dir, listenPort) {
  const { readFileSync } = await import('node:fs');
  const { WebSocketServer } = await import('ws');
  const types = { '/': ['index.html', 'text/html'], '/app.js': ['app.js', 'text/javascript'],
                  '/api/info': null, '/styles.json': ['../styles.json', 'application/json'], // the page's look, as any server gives it
                  '/draw.js': ['draw.js', 'text/javascript'], '/panel.js': ['panel.js', 'text/javascript'] };
  const web = http.createServer((req, res) => {
    const t = types[req.url];
    if (t === null) { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{}'); return; }
    if (!t) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': t[1] });
    res.end(readFileSync(`${dir}/${t[0]}`));
  });
  const wss = new WebSocketServer({ server: web, path: '/ws' });
  let k = 0;
  const timer = setInterval(() => {
    k++;
    const frequencies = Array.from({ length: 32 }, (_, i) => Math.round(500 + 450 * Math.sin(k / 10 + i / 3)));
    const msg = JSON.stringify({ frequencies, bass: 600, level: 700, scale: 1000 });
    for (const c of wss.clients) c.send(msg);
  }, 33);
  await new Promise((r) => web.listen(listenPort, '127.0.0.1', r));
  return { exitCode: null, on: (ev, cb) => { if (ev === 'exit') web.on('close', cb); },
           kill: () => { clearInterval(timer); for (const c of wss.clients) c.terminate(); web.close(); } };
}
let browser;
let failed = null;
const check = (ok, what) => { if (!ok) throw new Error(what); console.log('ok -', what); };

try {
  let up = false;
  // Hang guards (30 s): typically the server answers within a second and 10 frames follow at once.
  for (let i = 0; i < 300 && !up; i++) { up = (await get(`http://127.0.0.1:${port}/api/info`)) === 200; if (!up) await sleep(100); }
  check(up, `server answers on port ${port}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
  page.on('console', (m) => console.log('page:', m.text()));
  await page.goto(`http://127.0.0.1:${port}/` + (token ? `#t=${token}` : ''));
  await page.waitForFunction(() => window.spectray && window.spectray.frames >= 10, null, { timeout: 30000 });
  const first = Number(await page.textContent('#frames'));
  await sleep(1000);
  const second = Number(await page.textContent('#frames'));
  check(second > first, `frame counter advances (${first} -> ${second})`);
  check(await page.textContent('#state') === 'open', 'connection state shown as open');
  const binary = await page.evaluate(() => window.spectray.binaryFrames);
  if (cmd[0] === '--seed-server') check(binary === 0, 'drew from the seed\'s plain JSON objects');
  else check(binary > 0, `uses the binary format (${binary} binary frames)`);
  const pixels = await page.evaluate(() => {
    const c = document.getElementById('bars');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let lit = 0; const columns = new Set();
    for (let y = Math.floor(c.height / 2); y < c.height; y++)
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (d[i + 3] > 200 && d[i] + d[i + 1] + d[i + 2] > 120) { lit++; columns.add(x); }
      }
    return { lit, columns: columns.size, w: c.width, h: c.height };
  });
  check(pixels.lit > pixels.w * pixels.h * 0.02, `bars drawn (${pixels.lit} lit pixels in the lower half)`);
  check(pixels.columns > pixels.w * 0.3, `bars span the width (${pixels.columns} of ${pixels.w} columns)`);
  await page.screenshot({ path: shot });
  console.log('screenshot:', shot);
} catch (e) {
  failed = e;
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  await Promise.race([new Promise((r) => server.on('exit', r)), sleep(5000)]);
  if (server.exitCode === null) server.kill('SIGKILL');
}
if (failed) {
  console.error('FAIL:', failed.message);
  console.error('server output:\n' + serverOut);
  process.exit(1);
}
process.exit(0);
