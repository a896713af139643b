// Headless runner test: start `... --headless`-like command on a free port, check the printed
// URLs (loopback with the token), connect a WebSocket client, send SIGTERM, and expect a 1001
// going-away close for the client and exit status 0 for the process.
//   node headless_test.mjs -- SERVER_COMMAND [ARGS...]     ("{PORT}" = a free port)
import { spawn } from 'node:child_process';
import net from 'node:net';

const sep = process.argv.indexOf('--');
let WebSocket;
try { ({ default: WebSocket } = await import('ws')); }
catch (e) { console.error('ws is not installed (npm install at the repo root): skipped'); process.exit(77); }

const port = await new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const cmd = process.argv.slice(sep + 1).map((a) => a.replaceAll('{PORT}', String(port)));
const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '', err = '';
child.stdout.on('data', (d) => { out += d; });
child.stderr.on('data', (d) => { err += d; });
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fail = (why) => {
  console.error('FAIL:', why, '\nstdout:\n' + out + '\nstderr:\n' + err);
  child.kill('SIGKILL');
  process.exit(1);
};

// Bounded waits are hang guards (30 s; typically the URL is printed within a second).
for (let i = 0; i < 300 && !out.includes(`http://127.0.0.1:${port}/#t=`); i++) await sleep(100);
const m = out.match(new RegExp(`http://127\\.0\\.0\\.1:${port}/#t=([0-9a-f]{32})`));
if (!m) fail('no loopback URL with a 32-hex-digit token printed');
console.log('ok - printed', m[0]);

const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?t=${m[1]}`);
let frames = 0, hello = null;
const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
ws.on('message', (d, bin) => {
  const s = String(d);
  if (s.includes('"type":"hello"')) hello = JSON.parse(s);
  if (s.startsWith('{"type":"frame"')) frames++;
});
ws.on('error', (e) => fail('websocket error ' + e.message));
for (let i = 0; i < 300 && frames < 5; i++) await sleep(100);
if (!hello) fail('no hello');
if (frames < 5) fail(`only ${frames} frames`);
console.log(`ok - hello (protocol ${hello.protocol}) and ${frames} frames`);

child.kill('SIGTERM');
const code = await Promise.race([closed, sleep(30000).then(() => 'timeout')]);
if (code !== 1001) fail(`client close code ${code}, expected 1001`);
console.log('ok - client got 1001 going away');
const status = await Promise.race([exited, sleep(30000).then(() => null)]);
if (!status) fail('process did not exit within 30 s of SIGTERM');
if (status.code !== 0) fail(`exit status ${status.code} (signal ${status.signal})`);
console.log('ok - exited with status 0');
process.exit(0);
