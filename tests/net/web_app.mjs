// The web client served by the real app (its embedded translations and icons): the page follows
// the browser's language (ru, de; anything else English), the manifest and icons are served with
// the right types, and Chromium reports no installability errors.
//   node web_app.mjs OUT_DIR -- APP_COMMAND [ARGS...]   ("{PORT}" = a free port)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChromium, startServer, launch, check, failed, get } from './web_common.mjs';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep !== 1) { console.error('usage: web_app.mjs OUT_DIR -- CMD ARGS'); process.exit(2); }
const outDir = argv[0];
mkdirSync(outDir, { recursive: true });
const chromium = await loadChromium();
const server = await startServer(argv.slice(sep + 1));
const browser = await launch(chromium);
// Expected labels from the app's committed translations (translations/*.ts), not from our code.
const expected = { ru: { bars: 'Столбцы', theme: 'Небо' }, de: { bars: 'Balken', theme: 'Himmel' }, fr: { bars: 'Bars', theme: 'Sky' } };
try {
  for (const [url, type] of [['manifest.webmanifest', 'application/manifest+json'], ['icons/icon-192.png', 'image/png'],
    ['icons/icon-512.png', 'image/png'], ['styles.json', 'application/json'], ['i18n.json?lang=de', 'application/json']]) {
    const r = await get(server.base + url);
    check(r.status === 200 && r.type.startsWith(type), `/${url}: ${r.status} ${r.type}`);
    if (type === 'image/png') {
      const size = [r.body.readUInt32BE(16), r.body.readUInt32BE(20)]; // the PNG IHDR width/height
      check(url.includes(`${size[0]}`) && size[0] === size[1], `/${url} is ${size[0]}x${size[1]}`);
    }
  }
  for (const [locale, want] of Object.entries(expected)) {
    const context = await browser.newContext({ locale, viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(server.base);
    await page.waitForFunction(() => window.spectray && window.spectray.ready, null, { timeout: 15000 });
    const got = await page.evaluate(() => ({ lang: document.documentElement.lang,
      bars: document.querySelector('#set-style option[value="bars"]').textContent,
      theme: document.querySelector('#set-theme option[value="sky"]').textContent }));
    const wantLang = locale === 'fr' ? 'en' : locale;
    check(got.lang === wantLang && got.bars === want.bars && got.theme === want.theme,
      `${locale}: page in "${got.lang}", style "${got.bars}", theme "${got.theme}"`);
    await page.click('#open-settings');
    await page.screenshot({ path: `${outDir}/web-settings-${locale}.png` });
    await context.close();
  }
  // Installability is never granted in an incognito profile: use a real (temporary) one.
  const profile = mkdtempSync(join(tmpdir(), 'spectray-web-'));
  const persistent = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'], viewport: { width: 390, height: 844 } });
  const page = persistent.pages()[0] || await persistent.newPage();
  await page.goto(server.base);
  await page.waitForFunction(() => window.spectray && window.spectray.ready, null, { timeout: 15000 });
  const cdp = await persistent.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  check(installabilityErrors.length === 0, `installable: errors ${JSON.stringify(installabilityErrors)}`);
  const m = await cdp.send('Page.getAppManifest');
  check(m.errors.length === 0 && m.url.endsWith('/manifest.webmanifest'), `manifest parsed without errors (${m.errors.length})`);
  await persistent.close();
  rmSync(profile, { recursive: true, force: true });
} catch (e) {
  check(false, `no exception (${e.stack})`);
} finally {
  await browser.close();
  await server.stop();
}
if (failed()) { console.error(`FAIL: ${failed()} check(s)\nserver output:\n${server.out}`); process.exit(1); }
process.exit(0);
