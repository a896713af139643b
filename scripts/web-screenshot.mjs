// Screenshot of the web client as a running Spectray serves it, for the README (scripts/screenshots.sh):
//   node scripts/web-screenshot.mjs URL OUT.png [WIDTHxHEIGHT]
// Waits until the page has drawn a few dozen frames. Exit 77 when playwright-core/Chromium are missing.
import { launch, loadChromium } from '../tests/net/web_common.mjs';

const [url, out, size = '800x450'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/web-screenshot.mjs URL OUT.png [WIDTHxHEIGHT]');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const browser = await launch(await loadChromium());
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url);
  await page.waitForFunction(() => window.spectray && window.spectray.ready && window.spectray.frames >= 60,
    null, { timeout: 20000 });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
