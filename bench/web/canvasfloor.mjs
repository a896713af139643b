// What a paint costs in Chromium's software rendering at 1920x1080, before any page logic: minimal
// pages that each change a little more per requestAnimationFrame, measured in one browser (same
// flags, same run), CPU per process type. Printed, never pass/fail.
//   node bench/web/canvasfloor.mjs [--seconds 6] [--flags "--disable-gpu-compositing ..."]
import { randomBytes } from 'node:crypto';
import { loadChromium, launch, sleep } from '../../tests/net/web_common.mjs';
import { measure, fmt, loadavg } from './cpu.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const seconds = Number(opt('--seconds', 6));
const flags = opt('--flags', '').split(' ').filter(Boolean);
const only = opt('--only', '');

// Each body runs once per paint with (x: context 2D, c: canvas, t: time, i: paint count).
const canvasPage = (body, setup = '') => `<body style="margin:0;background:#0d0f14"><canvas id=c style="position:absolute;inset:0;width:100%;height:100%"></canvas><script>
  const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
  const x = c.getContext('2d', { alpha: false }); x.fillStyle = '#0d0f14'; x.fillRect(0, 0, c.width, c.height);
  const N = 32, slot = (c.width - 12) / N, bw = slot * 0.78, H = c.height * 0.85;
  ${setup}
  let i = 0; const f = (t) => { i++; ${body}; requestAnimationFrame(f); }; requestAnimationFrame(f);</script>`;
const v = 'const v = 0.5 + 0.45 * Math.sin(t / 300 + k * 0.35)';
const VARIANTS = {
  'rAF loop, draws nothing': canvasPage(''),
  'one 16x16 rect per paint': canvasPage("x.fillStyle = i & 1 ? '#fff' : '#000'; x.fillRect(0, 0, 16, 16)"),
  '32 solid bars, columns cleared': canvasPage(`for (let k = 0; k < N; k++) { ${v}; const x0 = 6 + slot * k;
      x.fillStyle = '#0d0f14'; x.fillRect(x0, 0, bw, c.height); x.fillStyle = '#29b6f6'; x.fillRect(x0, c.height - v * H, bw, v * H); }`),
  '32 bars blitted from a gradient strip, columns cleared': canvasPage(`for (let k = 0; k < N; k++) { ${v}; const x0 = 6 + slot * k;
      x.fillStyle = '#0d0f14'; x.fillRect(x0, 0, bw, c.height - v * H); const h = Math.round(v * H);
      x.drawImage(s, 0, H - h, 1, h, x0, c.height - h, bw, h); }`,
    `const s = document.createElement('canvas'); s.width = 1; s.height = H; const sx = s.getContext('2d');
     const g = sx.createLinearGradient(0, H, 0, 0); g.addColorStop(0, '#164'); g.addColorStop(1, '#bdf'); sx.fillStyle = g; sx.fillRect(0, 0, 1, H);`),
  '32 gradient bars over a full clear (the old way)': canvasPage(`x.fillStyle = '#0d0f14'; x.fillRect(0, 0, c.width, c.height);
      const g = x.createLinearGradient(0, c.height, 0, 0); g.addColorStop(0, '#164'); g.addColorStop(1, '#bdf'); x.fillStyle = g;
      for (let k = 0; k < N; k++) { ${v}; x.fillRect(6 + slot * k, c.height - v * H, bw, v * H); }`),
  // No canvas: 32 static gradient columns, each under a background-coloured cover moved by transform
  // (compositor only: no raster per paint, colour stays by height).
  '32 bars as DOM layers (transform only)': `<body style="margin:0;background:#0d0f14;overflow:hidden"><script>
    const N = 32, W = innerWidth, H = innerHeight * 0.85, slot = (W - 12) / N, covers = [];
    for (let k = 0; k < N; k++) {
      const col = document.createElement('div');
      col.style.cssText = 'position:absolute;bottom:0;overflow:hidden;height:' + H + 'px;left:' + (6 + slot * k) + 'px;width:' + slot * 0.78 + 'px;background:linear-gradient(0deg,#164,#29b6f6,#bdf)';
      const cover = document.createElement('div');
      cover.style.cssText = 'position:absolute;inset:0;background:#0d0f14;will-change:transform';
      col.append(cover); document.body.append(col); covers.push(cover);
    }
    const f = (t) => { for (let k = 0; k < N; k++) { const v = 0.5 + 0.45 * Math.sin(t / 300 + k * 0.35);
      covers[k].style.transform = 'translateY(' + (-v * H).toFixed(1) + 'px)'; } requestAnimationFrame(f); };
    requestAnimationFrame(f);</script>`,
  'one full-screen fill per paint (reference)': canvasPage("x.fillStyle = 'rgb(' + ((t / 10) % 255 | 0) + ',20,30)'; x.fillRect(0, 0, c.width, c.height)"),
};

const chromium = await loadChromium();
const nonce = 'spectray-floor-' + randomBytes(4).toString('hex');
const browser = await launch(chromium, [`--${nonce}`, ...flags]);
try {
  console.log(`1920x1080, Chromium --disable-gpu ${flags.join(' ')}, ${seconds} s each, load average ${loadavg()}`);
  for (const [name, html] of Object.entries(VARIANTS)) {
    if (only && !name.includes(only)) continue;
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.setContent(html);
    await sleep(1000);
    const m = await measure(page, nonce, seconds);
    console.log(`  ${name}: ${fmt(m)}`);
    await context.close();
  }
  console.log(`  (load average ${loadavg()})`);
} finally { await browser.close(); }
