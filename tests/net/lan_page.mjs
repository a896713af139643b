// Opens URL in headless Chromium (playwright-core) and checks what a person on another LAN host
// would see: with the token, live bars and an advancing frame counter; without it, zero frames.
//   node lan_page.mjs URL OUT.png frames|refused
import { chromium } from 'playwright-core';

const [url, shot, expect] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failure = null;
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
  await page.goto(url);
  const frames = () => page.evaluate(() => (window.spectray ? window.spectray.frames : 0));
  if (expect === 'frames') {
    await page.waitForFunction(() => window.spectray && window.spectray.frames >= 10, null, { timeout: 15000 });
    const first = await frames();
    await sleep(1000);
    const second = await frames();
    if (!(second > first)) throw new Error(`frame counter did not advance (${first} -> ${second})`);
    console.log(`ok - frames from ${url} (${first} -> ${second} in 1 s)`);
    await page.screenshot({ path: shot });
  } else {
    await sleep(3000);
    const n = await frames();
    if (n !== 0) throw new Error(`a client without the token received ${n} frames`);
    console.log(`ok - no token, no frames (state: ${await page.textContent('#state')})`);
  }
} catch (e) {
  failure = e;
} finally {
  await browser.close();
}
if (failure) { console.error('FAIL:', failure.message); process.exit(1); }
