// The web client presents binary frames at their play_ts (issue 11's wire contract): flags bit 0
// set means offset 38 holds play_delay (i16 ms), play_ts = ts + play_delay. A stand-in server here
// encodes frames from docs/protocol.md (independently of the C++ serialiser) with a clock SKEW ms
// ahead of the page's, play_ts DELAY ms in the future, and the page's A/V offset preset to OFFSET.
// Checked from the page's own record of what it presented when (window.spectray.presented):
//  - its clock offset (from pong) finds the skew (within 250 ms: half a loaded round trip);
//  - each frame is presented at play_ts mapped to the page's clock, plus the offset, within a
//    tolerance (never early, late by about one paint);
//  - without flag bit 0, the same bytes at offset 38 are ignored and frames show at once.
//   node web_sync.mjs WEB_DIR STYLES_JSON
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { loadChromium, launch, check, failed, sleep } from './web_common.mjs';

const [webDir, stylesJson] = process.argv.slice(2);
if (!stylesJson) { console.error('usage: web_sync.mjs WEB_DIR STYLES_JSON'); process.exit(2); }
const chromium = await loadChromium();
let WebSocketServer;
try { ({ WebSocketServer } = await import('ws')); }
catch (e) { console.error('ws is not installed (npm install at the repo root): skipped'); process.exit(77); }

const SKEW = 4000, DELAY = 300, OFFSET = 100, BANDS = 32, FPS = 60;
const FILES = { '/': 'index.html', '/app.js': 'app.js', '/draw.js': 'draw.js', '/panel.js': 'panel.js' };
const TYPES = { html: 'text/html', js: 'text/javascript', css: 'text/css' };

// Binary frame, docs/protocol.md: little-endian, 40-byte header then i16 bands.
function encode(seq, ts, withPlay) {
  const b = Buffer.alloc(40 + 2 * BANDS);
  b.write('SPTR', 0, 'latin1'); b.writeUInt8(1, 4); b.writeUInt8(withPlay ? 1 : 0, 5); b.writeUInt16LE(BANDS, 6);
  b.writeBigUInt64LE(BigInt(seq), 8); b.writeDoubleLE(seq / FPS, 16); b.writeBigInt64LE(BigInt(ts), 24);
  b.writeUInt16LE(1000, 32); b.writeInt16LE(500, 34); b.writeInt16LE(500, 36);
  b.writeInt16LE(DELAY, 38); // present in both cases: without the flag a reader must ignore it
  for (let i = 0; i < BANDS; i++) b.writeInt16LE(Math.round(500 + 400 * Math.sin(seq / 9 + i / 3)), 40 + 2 * i);
  return b;
}

async function startServer(withPlay) {
  const web = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/api/info') { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{}'); return; }
    if (path === '/styles.json') { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(readFileSync(stylesJson)); return; }
    const f = FILES[path];
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[f.split('.').pop()] });
    res.end(readFileSync(`${webDir}/${f}`));
  });
  const wss = new WebSocketServer({ server: web, path: '/ws' });
  const serverNow = () => Date.now() + SKEW; // the server's clock runs SKEW ms ahead of the page's
  wss.on('connection', (ws) => {
    ws.send(JSON.stringify({ type: 'hello', protocol: 1, bands: BANDS, fps: FPS, scale: 1000, state: 'running', device: 'Sync test' }));
    ws.on('message', (data) => {
      let m; try { m = JSON.parse(String(data)); } catch (e) { return; }
      if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong', id: m.id, ts: serverNow() }));
    });
  });
  let seq = 0;
  const timer = setInterval(() => {
    const frame = encode(seq++, serverNow(), withPlay);
    for (const c of wss.clients) c.send(frame);
  }, 1000 / FPS);
  await new Promise((r) => web.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${web.address().port}/`,
    stop: () => { clearInterval(timer); for (const c of wss.clients) c.terminate(); web.close(); } };
}

const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const browser = await launch(chromium);
const servers = [];
try {
  let s = await startServer(true); servers.push(s);
  let context = await browser.newContext({ viewport: { width: 800, height: 450 } });
  let page = await context.newPage();
  await page.goto(`${s.base}#offset=${OFFSET}`);
  await page.waitForFunction(() => window.spectray && window.spectray.ready && window.spectray.presented.count > 30, null, { timeout: 15000 });
  await sleep(1000); // the first pong has long arrived: frames presented from here on use the clock offset
  const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
  const c0 = await page.evaluate(() => window.spectray.presented.count);
  // 40 presentations (under a second on an idle machine; a loaded one paints seldom), at most 20 s.
  await page.waitForFunction((c) => window.spectray.presented.count >= c + 40, c0, { timeout: 20000 }).catch(() => {});
  const r = await page.evaluate(() => ({ ring: Array.from(window.spectray.presented.ring), count: window.spectray.presented.count,
    clockDelta: window.spectray.clockDelta, offset: window.spectray.settings.offset, playTs: window.spectray.playTs,
    offsetShown: !document.querySelector('#panel [data-key="offset"]').hidden }));
  check(r.playTs && r.offsetShown, 'binary frames with flag bit 0 carry play_ts; the A/V offset setting is shown');
  check(r.offset === OFFSET, `the A/V offset preset applies (${r.offset} ms)`);
  check(Math.abs(r.clockDelta - SKEW) < 250, `the page's clock offset finds the server's ${SKEW} ms skew (${r.clockDelta.toFixed(1)} ms)`);
  const errs = [], trueErrs = [];
  for (let k = Math.max(0, r.count - 256); k < r.count; k++) {
    const j = 2 * (k % 256), playTs = r.ring[j], at = r.ring[j + 1];
    if (at < t0) continue;
    errs.push(at - (playTs - r.clockDelta + OFFSET)); // the page's own mapping of play_ts to its clock
    trueErrs.push(at - (playTs - SKEW + OFFSET));    // the mapping the test knows to be true
  }
  const fmt = (xs) => `min ${Math.min(...xs).toFixed(1)}, median ${q(xs, 0.5).toFixed(1)}, p90 ${q(xs, 0.9).toFixed(1)} ms`;
  console.log(`# presentation minus (play_ts + offset), ${errs.length} frames: page's mapping ${fmt(errs)}; true skew ${fmt(trueErrs)}`);
  // A paint comes every ~17 ms, so a frame shows up to one paint late (typically ~10 ms); the bounds
  // are 5x that and more, against an error of DELAY + OFFSET = 400 ms if play_ts were ignored.
  check(errs.length >= 40, `frames presented (${errs.length})`);
  check(Math.min(...errs) > -5, `no frame presented before its play_ts + offset (earliest ${Math.min(...errs).toFixed(1)} ms)`);
  check(q(errs, 0.5) < 60 && q(errs, 0.9) < 150, `frames presented at play_ts + offset (median ${q(errs, 0.5).toFixed(1)} ms, p90 ${q(errs, 0.9).toFixed(1)} ms late)`);
  // The true play time is further off by the clock estimate's error (half a round trip at most).
  check(Math.abs(q(trueErrs, 0.5)) < 250, `and near the true play time (median ${q(trueErrs, 0.5).toFixed(1)} ms)`);
  await context.close();

  s = await startServer(false); servers.push(s);
  context = await browser.newContext({ viewport: { width: 800, height: 450 } });
  page = await context.newPage();
  await page.goto(s.base);
  await page.waitForFunction(() => window.spectray && window.spectray.ready && window.spectray.binaryFrames > 30, null, { timeout: 15000 });
  const plain = await page.evaluate(() => ({ playTs: window.spectray.playTs, presented: window.spectray.presented.count }));
  check(!plain.playTs && plain.presented === 0, 'without flag bit 0 offset 38 is ignored: frames are not held');
  await context.close();
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
process.exit(failed() ? 1 : 0);
