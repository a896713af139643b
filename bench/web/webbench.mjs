// Web client budget (issue 12), printed, never pass/fail:
//  1. first paint / first contentful paint / first drawn frame on a 4x CPU-throttled Chromium
//     (CDP Emulation.setCPUThrottlingRate) over loopback, median of RUNS page loads;
//  2. steady drawing of a style at 1920x1080 in software rendering (--disable-gpu): paints per
//     second seen by requestAnimationFrame and the CPU of every Chromium process (from /proc), as
//     a percentage of one core, over SECONDS.
//   node bench/web/webbench.mjs DEMOSERVER [--style bars] [--runs 7] [--seconds 10]
import { readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadChromium, startServer, launch, sleep } from '../../tests/net/web_common.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const bin = argv[0];
if (!bin) { console.error('usage: webbench.mjs DEMOSERVER [--style S] [--runs N] [--seconds S]'); process.exit(2); }
const style = opt('--style', 'bars'), runs = Number(opt('--runs', 7)), seconds = Number(opt('--seconds', 10));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const hz = 100; // USER_HZ: /proc/PID/stat times are in clock ticks

function procTree(rootPid) {
  const kids = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ');
      const ppid = Number(f[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch (e) { /* gone */ }
  }
  const out = []; const todo = [rootPid];
  while (todo.length) { const p = todo.pop(); out.push(p); todo.push(...(kids.get(p) || [])); }
  return out;
}
function cpuTicks(pids) {
  let sum = 0;
  for (const p of pids) {
    try { const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' '); sum += Number(f[11]) + Number(f[12]); }
    catch (e) { /* gone */ }
  }
  return sum;
}
function browserPid(nonce) {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try { if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(nonce) && !readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--type=')) return Number(d); }
    catch (e) { /* gone */ }
  }
  return 0;
}

async function measure(page) {
  const pids = procTree(browserPid(nonce));
  const t0 = cpuTicks(pids), w0 = Date.now();
  const paints = await page.evaluate((ms) => new Promise((done) => {
    let n = 0; const start = performance.now();
    const tick = (now) => { n++; if (now - start < ms) requestAnimationFrame(tick); else done(n / ((now - start) / 1000)); };
    requestAnimationFrame(tick);
  }), seconds * 1000);
  return { paints, cpu: ((cpuTicks(pids) - t0) / hz) / ((Date.now() - w0) / 1000) * 100, pids };
}

const chromium = await loadChromium();
const server = await startServer([bin, '--port', '{PORT}', '--fps', '60', '--bands', '32']);
const nonce = 'spectray-bench-' + randomBytes(4).toString('hex');
const browser = await launch(chromium, [`--user-agent=Mozilla/5.0 ${nonce}`, `--${nonce}`]);
try {
  const fp = [], fcp = [], floorFp = [];
  for (let i = 0; i < 2 * runs; i++) {
    const reference = i % 2 === 1; // every other load: a one-line page from the same server, the machine's floor
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (reference) {
      await page.goto(`${server.base}api/info`);
      await sleep(300);
      floorFp.push(await page.evaluate(() => performance.getEntriesByType('paint').find((p) => p.name === 'first-paint').startTime));
      await context.close();
      continue;
    }
    await page.goto(server.base);
    await page.waitForFunction(() => window.spectray && window.spectray.frames > 0, null, { timeout: 15000 });
    await sleep(300);
    const r = await page.evaluate(() => {
      const e = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
      return { fp: e['first-paint'], fcp: e['first-contentful-paint'] };
    });
    fp.push(r.fp); fcp.push(r.fcp);
    await context.close();
  }
  console.log(`first paint, 4x CPU throttling, loopback, ${runs} loads: median ${median(fp).toFixed(0)} ms ` +
    `(min ${Math.min(...fp).toFixed(0)}, max ${Math.max(...fp).toFixed(0)}); first contentful paint median ${median(fcp).toFixed(0)} ms; ` +
    `reference (the one-line /api/info JSON page, same conditions) median ${median(floorFp).toFixed(0)} ms`);

  // The floor on this machine: a page that only fills a full-screen canvas once per paint.
  const floor = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const fpage = await floor.newPage();
  await fpage.setContent(`<canvas id=c style="position:absolute;inset:0;width:100%;height:100%"></canvas><script>
    const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
    const x = c.getContext('2d', { alpha: false });
    const f = (t) => { x.fillStyle = 'rgb(' + ((t / 10) % 255 | 0) + ',20,30)'; x.fillRect(0, 0, c.width, c.height); requestAnimationFrame(f); };
    requestAnimationFrame(f);</script>`);
  await sleep(1500);
  const f = await measure(fpage);
  console.log(`reference (one full-screen canvas fill per paint) at 1920x1080: ${f.paints.toFixed(1)} paints/s, Chromium CPU ${f.cpu.toFixed(1)} % of one core`);
  await floor.close();

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${server.base}#style=${style}`);
  await page.waitForFunction(() => window.spectray && window.spectray.ready && window.spectray.frames > 30, null, { timeout: 15000 });
  await sleep(2000);
  const { paints, cpu, pids } = await measure(page);
  const frames = await page.evaluate(() => window.spectray.frames);
  console.log(`${style} at 1920x1080, software rendering: ${paints.toFixed(1)} paints/s, Chromium CPU ${cpu.toFixed(1)} % of one core ` +
    `(all ${pids.length} processes, ${seconds} s; ${frames} data frames received; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
