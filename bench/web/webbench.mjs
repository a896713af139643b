// Web client budget (issue 12), printed, never pass/fail:
//  1. first paint / first contentful paint on a 4x CPU-throttled Chromium (CDP
//     Emulation.setCPUThrottlingRate) over loopback, median of RUNS page loads, each next to a
//     reference: a minimal HTML page (one line of text on the page's background) served by a
//     loopback HTTP server with the same headers as Spectray's, loaded alternately in the same run;
//  2. steady drawing of a style at 1920x1080 in software rendering: paints per second seen by
//     requestAnimationFrame and the CPU of the Chromium processes (from /proc) as % of one core,
//     per process type (renderer, gpu-process = viz/compositor, browser, utility ...) and in total,
//     next to a reference page that only fills a full-screen canvas once per paint, same browser.
//   node bench/web/webbench.mjs DEMOSERVER [--style bars] [--runs 7] [--seconds 10]
//        [--config disable-gpu,no-gpu-compositing,in-process-gpu] [--trace OUT.json] [--skip-paint] [--skip-draw]
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { loadChromium, startServer, launch, sleep } from '../../tests/net/web_common.mjs';
import { measure, fmt, loadavg } from './cpu.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const bin = argv[0];
if (!bin) { console.error('usage: webbench.mjs DEMOSERVER [--style S] [--runs N] [--seconds S] [--config A,B] [--trace F]'); process.exit(2); }
const style = opt('--style', 'bars'), runs = Number(opt('--runs', 7)), seconds = Number(opt('--seconds', 10));
const traceFile = opt('--trace', '');
// Chromium configurations that all render in software (there is no GPU on the test machines):
// launch() always passes --disable-gpu; these add to it.
const CONFIGS = {
  'disable-gpu': [], // GPU process kept for the software compositor (viz)
  'no-gpu-compositing': ['--disable-gpu-compositing'],
  'in-process-gpu': ['--in-process-gpu'], // viz runs as a thread of the browser process: no IPC hop
};
const configs = opt('--config', 'disable-gpu').split(',');
for (const c of configs) if (!CONFIGS[c]) { console.error(`unknown --config ${c} (${Object.keys(CONFIGS).join(', ')})`); process.exit(2); }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// The reference page for first paint, served with the headers Spectray's server sends.
const REFERENCE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reference</title></head>' +
  '<body style="margin:0;background:#0d0f14;color:#c9d1e0;font:14px system-ui,sans-serif"><p>Reference</p></body></html>';
const ref = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(REFERENCE),
    Connection: 'close', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  res.end(REFERENCE);
});
await new Promise((r) => ref.listen(0, '127.0.0.1', r));
const refUrl = `http://127.0.0.1:${ref.address().port}/`;

const chromium = await loadChromium();
const server = await startServer([bin, '--port', '{PORT}', '--fps', '60', '--bands', '32']);
try {
  if (!argv.includes('--skip-paint')) await firstPaint();
  if (!argv.includes('--skip-draw')) for (const c of configs) await drawing(c);
} finally {
  await server.stop();
  ref.close();
}

async function loadOnce(browser, url, trace) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  if (trace) {
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,loading,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  }
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByType('paint').length >= 2, null, { timeout: 60000 });
  await sleep(300);
  const r = await page.evaluate(() => {
    const e = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    return { fp: e['first-paint'], fcp: e['first-contentful-paint'], response: nav.responseEnd, bytes: nav.transferSize };
  });
  if (trace) {
    const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
    await cdp.send('Tracing.end'); await done;
    writeFileSync(trace, JSON.stringify({ traceEvents: events }));
    console.log(`trace of one load written to ${trace}`);
  }
  await context.close();
  return r;
}

async function firstPaint() {
  const browser = await launch(chromium);
  try {
    const page = [], refs = [];
    for (let i = 0; i < runs; i++) { // alternated, so both see the same machine load
      page.push(await loadOnce(browser, server.base));
      refs.push(await loadOnce(browser, refUrl));
    }
    if (traceFile) { await loadOnce(browser, server.base, traceFile); await loadOnce(browser, refUrl, traceFile.replace(/(\.json)?$/, '.ref.json')); }
    const line = (xs) => `first paint median ${median(xs.map((x) => x.fp)).toFixed(0)} ms (min ${Math.min(...xs.map((x) => x.fp)).toFixed(0)}, ` +
      `max ${Math.max(...xs.map((x) => x.fp)).toFixed(0)}), FCP median ${median(xs.map((x) => x.fcp)).toFixed(0)} ms, ` +
      `response end ${median(xs.map((x) => x.response)).toFixed(0)} ms`;
    console.log(`first paint, 4x CPU throttling, loopback, ${runs} loads each, load average ${loadavg()}:`);
    console.log(`  Spectray page:  ${line(page)}`);
    console.log(`  reference page: ${line(refs)} (minimal HTML, same headers, same run)`);
  } finally { await browser.close(); }
}

async function drawing(config) {
  const nonce = 'spectray-bench-' + randomBytes(4).toString('hex');
  const browser = await launch(chromium, [`--${nonce}`, ...CONFIGS[config]]);
  try {
    // The floor: a page that only fills a full-screen canvas once per paint.
    const floor = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const fpage = await floor.newPage();
    await fpage.setContent(`<canvas id=c style="position:absolute;inset:0;width:100%;height:100%"></canvas><script>
      const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
      const x = c.getContext('2d', { alpha: false });
      const f = (t) => { x.fillStyle = 'rgb(' + ((t / 10) % 255 | 0) + ',20,30)'; x.fillRect(0, 0, c.width, c.height); requestAnimationFrame(f); };
      requestAnimationFrame(f);</script>`);
    await sleep(1500);
    const f = await measure(fpage, nonce, seconds);
    await floor.close();

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${server.base}#style=${style}`);
    await page.waitForFunction(() => window.spectray && window.spectray.ready && window.spectray.frames > 30, null, { timeout: 15000 });
    await sleep(2000);
    const m = await measure(page, nonce, seconds);
    const frames = await page.evaluate(() => window.spectray.frames);
    // Without the full-screen bass tint (prefers-reduced-motion) the background stays the same and
    // only the bars' columns that changed are redrawn.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await sleep(1000);
    const still = await measure(page, nonce, seconds);
    await context.close();
    console.log(`drawing at 1920x1080, Chromium --disable-gpu ${CONFIGS[config].join(' ')} (${config}), ${seconds} s, load average ${loadavg()}:`);
    console.log(`  ${style}: ${fmt(m)}; ${frames} data frames`);
    console.log(`  ${style}, reduced motion (no bass tint): ${fmt(still)}`);
    console.log(`  reference (one full-screen canvas fill per paint): ${fmt(f)}`);
  } finally { await browser.close(); }
}
