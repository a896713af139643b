// Soak load for a running Spectray server (used by soak.sh): steady readers that count frames,
// clients that connect and leave every few seconds, stalled clients that never read, and wrong
// tokens from other loopback addresses. Prints one JSON summary line when done.
//   node soakclients.mjs --port P --token T --seconds D [--steady 5] [--churn 50] [--stalled 10]
import net from 'node:net';
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const port = Number(args.port);
const token = args.token;
const seconds = Number(args.seconds || 60);
const steadyCount = Number(args.steady || 5);
const churnCount = Number(args.churn || 50);
const stalledCount = Number(args.stalled || 10);
const url = (t) => `ws://127.0.0.1:${port}/ws?t=${t}`;
const endAt = Date.now() + seconds * 1000;
let stopping = false;

// Steady readers: frames received, and frames lost = gaps in `seq` within one engine run (a
// smaller seq means a new run after the audio server came back: not a loss).
const steady = [];
function openSteady(i) {
  const s = steady[i] ?? (steady[i] = { received: 0, lost: 0, last: -1, reconnects: 0, closes: [] });
  const ws = new WebSocket(url(token), { perMessageDeflate: false });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const msg = JSON.parse(data.toString()); // key order is the server's business
    if (msg.type !== 'frame') return;
    const seq = msg.seq;
    if (s.last >= 0 && seq > s.last + 1) s.lost += seq - s.last - 1;
    s.last = seq;
    s.received++;
  });
  ws.on('close', (code) => {
    if (stopping) return;
    s.closes.push(code);
    s.reconnects++;
    s.last = -1;
    setTimeout(() => openSteady(i), 500);
  });
  ws.on('error', () => {});
  s.ws = ws;
}
for (let i = 0; i < steadyCount; i++) openSteady(i);

// Churn: each client stays 1-5 s, leaves (clean close or abrupt), comes back 0.5 s later.
let churnSessions = 0, churnOpened = 0, churnRefused = 0, churnErrors = 0;
function churn() {
  if (stopping) return;
  churnSessions++;
  let again = false;
  const next = () => { if (!again) { again = true; setTimeout(churn, 500); } };
  const ws = new WebSocket(url(token), { perMessageDeflate: false });
  ws.on('open', () => {
    churnOpened++;
    if (Math.random() < 0.3) ws.send(JSON.stringify({ type: 'subscribe', format: 'binary', rate: 10 }));
    setTimeout(() => (Math.random() < 0.5 ? ws.close(1000) : ws.terminate()), 1000 + Math.random() * 4000);
  });
  // With a listener here ws leaves the refused request open: end it and go again.
  ws.on('unexpected-response', (req, res) => { churnRefused++; res.resume(); req.destroy(); next(); });
  ws.on('error', () => { churnErrors++; next(); });
  ws.on('close', next);
}
for (let i = 0; i < churnCount; i++) setTimeout(churn, i * 60);

// Stalled: complete the handshake, then never read (the server must skip, then drop them).
// A paused socket never sees the server's FIN, so each stalled client is replaced every 30 s
// (the server drops a stalled reader after 10 s over its backlog).
let stalledHandshakes = 0, stalledRecycled = 0;
function stalled() {
  if (stopping) return;
  const sock = net.connect({ port, host: '127.0.0.1' }, () => {
    sock.write(`GET /ws?t=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
      'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
  });
  sock.once('data', () => { stalledHandshakes++; sock.pause(); });
  sock.on('error', () => {});
  setTimeout(() => { stalledRecycled++; sock.destroy(); stalled(); }, 30000);
}
for (let i = 0; i < stalledCount; i++) stalled();

// Wrong tokens from 127.0.0.50 .. 127.0.0.59, one attempt a second each (these get locked out).
const refusals = {};
const badTimer = setInterval(() => {
  for (let i = 50; i < 60; i++) {
    const ws = new WebSocket(url('ffffffffffffffffffffffffffffffff'), { localAddress: `127.0.0.${i}`, perMessageDeflate: false });
    ws.on('unexpected-response', (req, res) => { refusals[res.statusCode] = (refusals[res.statusCode] || 0) + 1; res.resume(); ws.terminate(); });
    ws.on('open', () => { refusals.opened = (refusals.opened || 0) + 1; ws.terminate(); });
    ws.on('error', () => {});
  }
}, 1000);

await new Promise((r) => setTimeout(r, Math.max(0, endAt - Date.now())));
stopping = true;
clearInterval(badTimer);
const received = steady.reduce((a, s) => a + s.received, 0);
const lost = steady.reduce((a, s) => a + s.lost, 0);
console.log(JSON.stringify({
  steady: steady.map(({ received: r, lost: l, reconnects, closes }) => ({ received: r, lost: l, reconnects, closes: closes.slice(0, 10) })),
  steady_delivered_pct: received + lost ? Math.round(10000 * received / (received + lost)) / 100 : 0,
  churn_sessions: churnSessions, churn_opened: churnOpened, churn_refused: churnRefused, churn_errors: churnErrors,
  stalled_handshakes: stalledHandshakes, stalled_recycled: stalledRecycled, bad_token_answers: refusals,
}));
process.exit(0);
