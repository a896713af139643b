// Before/after of the page's drawing in one browser: two demo servers (e.g. built from two trees,
// each embedding its own resources/web), their pages measured alternately ROUNDS times at 1920x1080
// in software rendering (CPU per process type, paints/s), so both see the same machine load; a
// loaded machine moves single figures by +-15 points, the alternation shows whether a change holds.
// Printed, never pass/fail.
//   node bench/web/webab.mjs BEFORE_DEMOSERVER AFTER_DEMOSERVER [--style bars] [--rounds 3] [--seconds 6]
import { randomBytes } from 'node:crypto';
import { loadChromium, startServer, launch, sleep } from '../../tests/net/web_common.mjs';
import { measure, fmt, loadavg } from './cpu.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const [before, after] = argv;
if (!before || !after || before.startsWith('--')) { console.error('usage: webab.mjs BEFORE_DEMOSERVER AFTER_DEMOSERVER [--style S] [--rounds N] [--seconds S]'); process.exit(2); }
const style = opt('--style', 'bars'), rounds = Number(opt('--rounds', 3)), seconds = Number(opt('--seconds', 6));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const chromium = await loadChromium();
const servers = { before: await startServer([before, '--port', '{PORT}', '--fps', '60', '--bands', '32']),
  after: await startServer([after, '--port', '{PORT}', '--fps', '60', '--bands', '32']) };
const nonce = 'spectray-ab-' + randomBytes(4).toString('hex');
const browser = await launch(chromium, [`--${nonce}`]);
const got = { before: [], after: [] };
try {
  console.log(`${style} at 1920x1080, Chromium --disable-gpu, ${rounds} rounds of ${seconds} s, load average ${loadavg()}`);
  for (let r = 0; r < rounds; r++) for (const which of r % 2 ? ['after', 'before'] : ['before', 'after']) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${servers[which].base}#style=${style}`);
    await page.waitForFunction(() => window.spectray && window.spectray.ready && window.spectray.frames > 30, null, { timeout: 15000 });
    await sleep(1500);
    const m = await measure(page, nonce, seconds);
    got[which].push(m);
    console.log(`  round ${r + 1} ${which.padEnd(6)}: ${fmt(m)}`);
    await context.close();
  }
  for (const which of ['before', 'after']) {
    const ms = got[which], types = [...new Set(ms.flatMap((m) => Object.keys(m.byType)))];
    console.log(`  ${which} median: ${median(ms.map((m) => m.paints)).toFixed(1)} paints/s, CPU ${median(ms.map((m) => m.total)).toFixed(1)} % (` +
      types.map((t) => `${t} ${median(ms.map((m) => m.byType[t] || 0)).toFixed(1)}`).filter((s) => !s.endsWith(' 0.0')).join(', ') + ')');
  }
  console.log(`  (load average ${loadavg()})`);
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.stop();
}
