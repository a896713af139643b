// WebSocket load generator: N clients read frames from a Spectray server for D seconds and
// report frames delivered per client. Used by run.sh, which also measures the server.
//   node loadclients.mjs --port P [--clients N] [--seconds D] [--format json|binary] [--token T] [--batch B]
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const port = Number(args.port);
const clients = Number(args.clients || 10);
const seconds = Number(args.seconds || 30);
const format = args.format || 'json';
const token = args.token || '';
const batch = Number(args.batch || clients);

const counts = new Array(clients).fill(0);
const firstSeq = new Array(clients).fill(-1);
const lastSeq = new Array(clients).fill(-1);
let fps = 0;
let opened = 0, failed = 0;
const sockets = [];
let measuring = false;

function decodeSeq(data, isBinary) {
  if (isBinary) return Number(data.readBigUInt64LE(8));
  const s = data.toString();
  if (!s.startsWith('{"type":"frame"')) {
    const m = JSON.parse(s);
    if (m.type === 'hello') fps = m.fps;
    return -1;
  }
  return Number(s.slice(22, s.indexOf(",", 22))); // {"type":"frame","seq":N,
}

// At most `batch` handshakes at once (the server admits 8 per address), the next one when one ends.
await new Promise((resolve) => {
  let next = 0;
  const openOne = () => {
    if (next >= clients) return;
    const i = next++;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${token ? `?t=${token}` : ''}`, { perMessageDeflate: false });
    sockets.push(ws);
    ws.on('open', () => {
      if (format === 'binary') ws.send(JSON.stringify({ type: 'subscribe', format: 'binary' }));
      if (++opened + failed === clients) resolve();
      openOne();
    });
    ws.on('error', () => { if (++failed + opened === clients) resolve(); openOne(); });
    ws.on('message', (data, isBinary) => {
      const seq = decodeSeq(data, isBinary);
      if (seq < 0 || !measuring) return;
      if (firstSeq[i] < 0) firstSeq[i] = seq;
      lastSeq[i] = seq;
      counts[i]++;
    });
  };
  for (let k = 0; k < Math.min(batch, clients); k++) openOne();
});

await new Promise((r) => setTimeout(r, 500)); // let subscriptions settle
measuring = true;
await new Promise((r) => setTimeout(r, seconds * 1000));
measuring = false;
for (const ws of sockets) ws.terminate();

// Delivered = frames received / frames the server published to that client's window.
const ratios = counts.map((c, i) => (lastSeq[i] >= firstSeq[i] && firstSeq[i] >= 0 ? c / (lastSeq[i] - firstSeq[i] + 1) : 0));
const sorted = [...counts].sort((a, b) => a - b);
const result = {
  clients, opened, failed, seconds, format, fps,
  frames_min: sorted[0], frames_median: sorted[Math.floor(sorted.length / 2)], frames_max: sorted[sorted.length - 1],
  expected_per_client: fps * seconds,
  delivered_min_pct: +(100 * Math.min(...ratios)).toFixed(2),
  delivered_mean_pct: +(100 * ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(2),
};
console.log(JSON.stringify(result));
process.exit(0);
