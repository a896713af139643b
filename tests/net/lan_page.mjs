// Opens URL in headless Chromium (playwright-core) and checks what a person on another LAN host
// would see: with the token, live bars and an advancing frame counter; without it, a page that
// loaded and ran, whose WebSocket was refused with HTTP 401 before the upgrade, and zero frames.
//   node lan_page.mjs URL OUT.png frames|refused
import net from 'node:net';
import { chromium } from 'playwright-core';

const [url, shot, expect] = process.argv.slice(2);

// The HTTP status of a WebSocket handshake (RFC 6455 4.1) sent by hand to u's host, without a token.
function upgradeStatus(u) {
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port), u.hostname, () => s.write(
      `GET /ws HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
      + `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: ${u.origin}\r\n\r\n`));
    let reply = '';
    s.on('data', (d) => {
      reply += d;
      const m = reply.match(/^HTTP\/1\.1 (\d{3})/);
      if (m) { resolve(Number(m[1])); s.destroy(); }
    });
    s.on('error', () => resolve(-1));
    s.setTimeout(30000, () => { resolve(-1); s.destroy(); }); // a hang guard
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failure = null;
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
  // Every WebSocket the page opens, what it received and how it ended; Chromium reports a refused
  // handshake ("Unexpected response code: 401") on the console.
  const sockets = [];
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('websocket', (ws) => {
    const s = { frames: 0, error: '', closed: false };
    sockets.push(s);
    ws.on('framereceived', () => { s.frames++; });
    ws.on('socketerror', (e) => { s.error += String(e); });
    ws.on('close', () => { s.closed = true; });
  });
  const response = await page.goto(url);
  if (!response || response.status() !== 200) throw new Error(`page did not load (HTTP ${response && response.status()})`);
  // The page's script ran (it defines window.spectray); 30 s is a hang guard, typically < 1 s.
  await page.waitForFunction(() => !!window.spectray, null, { timeout: 30000 });
  const frames = () => page.evaluate(() => window.spectray.frames);
  if (expect === 'frames') {
    await page.waitForFunction(() => window.spectray.frames >= 10, null, { timeout: 30000 });
    const first = await frames();
    await sleep(1000);
    const second = await frames();
    if (!(second > first)) throw new Error(`frame counter did not advance (${first} -> ${second})`);
    console.log(`ok - frames from ${url} (${first} -> ${second} in 1 s)`);
    await page.screenshot({ path: shot });
  } else {
    // The page tried to connect and the attempt ended (refused); bounded wait, typically < 1 s.
    for (let i = 0; i < 300 && !sockets.some((s) => s.closed || s.error); i++) await sleep(100);
    if (!sockets.length) throw new Error('the page never opened a WebSocket');
    if (!sockets.some((s) => s.closed || s.error)) throw new Error('the WebSocket was not refused');
    // Chromium reports a 401 handshake as "HTTP Authentication failed" (no number); the status
    // itself is read off the wire by a handshake written by hand from this same host.
    if (!consoleLines.some((l) => /Authentication failed|response code: 401\b/.test(l)))
      throw new Error(`the browser was not refused for authentication; console: ${consoleLines.join(' | ') || 'nothing'}`);
    const status = await upgradeStatus(new URL(url));
    if (status !== 401) throw new Error(`a WebSocket handshake without the token got HTTP ${status}, expected 401`);
    await sleep(3000); // reconnect attempts happen meanwhile; none may deliver a frame
    const n = await frames();
    const received = sockets.reduce((a, s) => a + s.frames, 0);
    if (n !== 0 || received !== 0) throw new Error(`a client without the token received ${n} frames (${received} messages)`);
    console.log(`ok - no token: ${sockets.length} attempt(s) refused, handshake status ${status}, no frames (state: ${await page.textContent('#state')})`);
  }
} catch (e) {
  failure = e;
} finally {
  await browser.close();
}
if (failure) { console.error('FAIL:', failure.message); process.exit(1); }
