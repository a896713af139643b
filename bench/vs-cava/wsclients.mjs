// N WebSocket clients of `spectray --headless`, subscribed to JSON frames at RATE fps, for vs_cava.py.
// Clients connect one after the other (the server refuses more than 8 unfinished handshakes from
// one address at once: docs/protocol.md), print "READY" once all are open, count frames for
// SECONDS, then print one JSON line and exit.
//   node wsclients.mjs --port P --token T [--clients 10] [--seconds 20] [--rate 60]
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const clients = Number(args.clients || 10);
const seconds = Number(args.seconds || 20);
const rate = Number(args.rate || 60);
const url = `ws://127.0.0.1:${Number(args.port)}/ws${args.token ? `?t=${args.token}` : ''}`;

const counts = new Array(clients).fill(0);
const first = new Array(clients).fill(-1);
const last = new Array(clients).fill(-1);
const sockets = [];
let measuring = false;
let failed = 0;

function open(i) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => { failed++; ws.terminate(); resolve(); }, 5000);
    ws.on('open', () => {
      clearTimeout(timer);
      ws.send(JSON.stringify({ type: 'subscribe', format: 'json', rate }));
      sockets.push(ws);
      resolve();
    });
    ws.on('error', () => { clearTimeout(timer); failed++; resolve(); });
    ws.on('message', (data, isBinary) => {
      if (!measuring || isBinary) return;
      const s = data.toString();
      if (!s.startsWith('{"type":"frame"')) return;
      const seq = Number(s.slice(22, s.indexOf(',', 22))); // {"type":"frame","seq":N,
      if (first[i] < 0) first[i] = seq;
      last[i] = seq;
      counts[i]++;
    });
  });
}

for (let i = 0; i < clients; i++) await open(i);
await new Promise((r) => setTimeout(r, 500)); // subscriptions answered
console.log('READY');
measuring = true;
await new Promise((r) => setTimeout(r, seconds * 1000));
measuring = false;
for (const ws of sockets) ws.terminate();
// Delivered = frames received / frames the server numbered in that client's window.
const ratios = counts.map((c, i) => (first[i] >= 0 && last[i] >= first[i] ? c / (last[i] - first[i] + 1) : 0));
console.log(JSON.stringify({
  opened: sockets.length, failed,
  frames_per_s: +(counts.reduce((a, b) => a + b, 0) / clients / seconds).toFixed(2),
  delivered_pct: +(100 * ratios.reduce((a, b) => a + b, 0) / clients).toFixed(2),
}));
process.exit(0);
