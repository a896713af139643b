// Every style draws: at a phone (390x844, touch, DPR 3), 1920x1080 and 800x800, each style shows
// moving pixels and several distinct colours; a screenshot of each goes to OUT_DIR.
//   node web_styles.mjs OUT_DIR -- SERVER_COMMAND [ARGS...]   ("{PORT}" = a free port)
import { mkdirSync } from 'node:fs';
import { loadChromium, startServer, launch, check, failed, canvasStats, sleep } from './web_common.mjs';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep !== 1) { console.error('usage: web_styles.mjs OUT_DIR -- CMD ARGS'); process.exit(2); }
const outDir = argv[0];
mkdirSync(outDir, { recursive: true });
const chromium = await loadChromium();
const server = await startServer(argv.slice(sep + 1));
const browser = await launch(chromium);
const viewports = [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  { name: '1080p', viewport: { width: 1920, height: 1080 } },
  { name: 'square', viewport: { width: 800, height: 800 } },
];
try {
  const styles = JSON.parse(await (await fetch(`${server.base}styles.json`)).text()).styles.map((s) => s.id);
  check(styles.length >= 6, `styles.json lists ${styles.length} styles (${styles.join(', ')})`);
  for (const vp of viewports) {
    const { name, ...options } = vp;
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('pageerror', (e) => check(false, `no page error (${e.message})`));
    await page.goto(server.base);
    for (const style of styles) {
      await page.evaluate((s) => { location.hash = `style=${s}`; }, style); // a preset applies live
      await page.waitForFunction((s) => window.spectray && window.spectray.ready && window.spectray.frames >= 20
        && window.spectray.style === s, style, { timeout: 15000 }).catch(async (e) => {
        throw new Error(`${name} ${style}: ${e.message} state ${await page.evaluate(() => JSON.stringify({ ...window.spectray, settings: undefined }))}`);
      });
      await sleep(style === 'spectrogram' ? 1500 : 400);
      const a = await canvasStats(page);
      // A loaded machine may paint late: look again (bounded: 40 x 250 ms) until the picture moves.
      let b = a;
      for (let i = 0; i < 40 && b.checksum === a.checksum; ++i) {
        await sleep(250);
        b = await canvasStats(page);
      }
      const dprOk = name !== 'phone' || a.w === 390 * 3;
      check(a.checksum !== b.checksum, `${name} ${style}: pixels change between pictures`);
      check(a.colours >= 6 && dprOk, `${name} ${style}: ${a.colours} distinct colours, canvas ${a.w}x${a.h}`);
      check(a.litFraction > 0.01, `${name} ${style}: ${(a.litFraction * 100).toFixed(1)} % of pixels lit`);
      await page.screenshot({ path: `${outDir}/web-${style}-${name}.png` });
    }
    await context.close();
  }
} catch (e) {
  check(false, `no exception (${e.message})`);
} finally {
  await browser.close();
  await server.stop();
}
if (failed()) { console.error(`FAIL: ${failed()} check(s)\nserver output:\n${server.out}`); process.exit(1); }
process.exit(0);
