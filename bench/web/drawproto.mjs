// Ways to draw the bars style at 1920x1080 in Chromium's software rendering, compared in one browser
// (same flags, same run): CPU per process type (renderer, gpu-process = viz compositor, browser) and
// paints/s. Every variant draws the same picture the page draws: 32 bars coloured by height (a
// gradient fixed to the screen, as the window), peak caps, and (unless --no-tint) the bass tint of the
// whole background, all moving every paint. Printed, never pass/fail.
//   node bench/web/drawproto.mjs [--seconds 6] [--only NAME] [--no-tint] [--flags "--disable-gpu-compositing"]
import { randomBytes } from 'node:crypto';
import { loadChromium, launch, sleep } from '../../tests/net/web_common.mjs';
import { measure, fmt, loadavg } from './cpu.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const seconds = Number(opt('--seconds', 6));
const flags = opt('--flags', '').split(' ').filter(Boolean);
const only = opt('--only', '');
const tint = !argv.includes('--no-tint');

// The moving picture, the same for every variant: values, peaks (hold 500 ms, fall 750 ms) and pulse.
const MODEL = `
  const N = 32, TINT = ${tint}, BG = [13, 15, 20], MID = [41, 182, 246];
  const LOW = MID.map((v) => v / 1.8), HIGH = MID.map((v) => v + (255 - v) * 0.55);
  const rgb = (c) => 'rgb(' + c.map((v) => v | 0).join(',') + ')';
  const vals = new Float32Array(N), peaks = new Float32Array(N), hold = new Float64Array(N);
  let pulse = 0, lastT = 0;
  function model(t) {
    const dt = Math.min(100, t - lastT); lastT = t;
    for (let k = 0; k < N; k++) {
      vals[k] = Math.max(0, Math.min(1, 0.45 + 0.4 * Math.sin(t / 310 + k * 0.35) + 0.1 * Math.sin(t / 47 + k * 1.7)));
      if (vals[k] >= peaks[k]) { peaks[k] = vals[k]; hold[k] = t + 500; } else if (t > hold[k]) peaks[k] = Math.max(vals[k], peaks[k] - dt / 750);
    }
    pulse = TINT ? 0.5 + 0.5 * Math.sin(t / 120) : 0;
  }
  const tintOf = (p) => BG.map((b, i) => Math.round(b + (MID[i] - b) * p * 0.35));
  const W = innerWidth, H = innerHeight, M = 6, Y0 = Math.round(H * 0.08), Y1 = H - M - 18, SPAN = Y1 - Y0;
  const SLOT = (W - 2 * M) / N, BW = Math.round(SLOT * 0.78), CAP = 3;
  const barX = (k) => Math.round(M + SLOT * k + (SLOT - BW) / 2);
  const GRAD = 'linear-gradient(0deg,' + rgb(LOW) + ',' + rgb(MID) + ',' + rgb(HIGH) + ')';`;

// A 2D canvas at SCALE of the device pixels, shown full size by CSS; draw.js's way of drawing bars
// (background fill, bars blitted from a one-pixel strip, caps as rects), whole canvas every paint.
const canvasPage = (scale, ctxOpts = '{ alpha: false }', rendering = 'pixelated', overlay = '', every = 1) => `<body style="margin:0;background:#0d0f14;overflow:hidden">
  <canvas id=c style="position:absolute;inset:0;width:100%;height:100%;image-rendering:${rendering}"></canvas><script>${MODEL}
  const c = document.getElementById('c'), S = ${scale}; c.width = Math.round(W * S); c.height = Math.round(H * S);
  const x = c.getContext('2d', ${ctxOpts});
  const strip = document.createElement('canvas'); strip.width = 1; strip.height = Math.round(SPAN * S);
  const sx = strip.getContext('2d'), g = sx.createLinearGradient(0, strip.height, 0, 0);
  g.addColorStop(0, rgb(LOW)); g.addColorStop(0.5, rgb(MID)); g.addColorStop(1, rgb(HIGH)); sx.fillStyle = g; sx.fillRect(0, 0, 1, strip.height);
  let paint = 0;
  const f = (t) => { requestAnimationFrame(f); if (paint++ % ${every}) return; model(t);
    x.fillStyle = rgb(tintOf(pulse)); x.fillRect(0, 0, c.width, c.height);
    const span = strip.height, y1 = Math.round(Y1 * S), bw = Math.max(1, Math.round(BW * S)), cap = Math.max(1, Math.round(CAP * S));
    x.fillStyle = '#e8ecff';
    for (let k = 0; k < N; k++) { const h = Math.round(vals[k] * span), px = Math.round(barX(k) * S);
      if (h > 0) x.drawImage(strip, 0, span - h, 1, h, px, y1 - h, bw, h);
      x.fillRect(px, y1 - Math.round(peaks[k] * span) - cap, bw, cap); } };
  requestAnimationFrame(f);
  // Text and the dB grid stay sharp at device pixels above a low-resolution canvas: OVERLAY 'full' is
  // one transparent full-screen canvas, 'rows' one thin canvas per grid line (little to blend).
  const lines = [0.15, 0.3, 0.45, 0.6, 0.75, 0.9].map((f) => Math.round(Y0 + f * SPAN));
  const label = (cx, y) => { cx.fillStyle = 'rgba(255,255,255,0.18)'; cx.fillRect(40, y, W - 46, 1);
    cx.fillStyle = 'rgba(201,209,224,0.82)'; cx.font = '10px sans-serif'; cx.textBaseline = 'middle'; cx.fillText('\u221220', 6, y); };
  if ('${overlay}' === 'full') {
    const o = document.createElement('canvas'); o.width = W; o.height = H; o.style.cssText = 'position:absolute;inset:0;pointer-events:none';
    const ox = o.getContext('2d'); for (const y of lines) label(ox, y); document.body.append(o);
  } else if ('${overlay}' === 'rows') for (const y of lines) {
    const o = document.createElement('canvas'); o.width = W; o.height = 14; o.style.cssText = 'position:absolute;left:0;top:' + (y - 7) + 'px;pointer-events:none';
    label(o.getContext('2d'), 7); document.body.append(o);
  }</script>`;

// The same drawing in a worker on an OffscreenCanvas (its own requestAnimationFrame).
const offscreenPage = `<body style="margin:0;background:#0d0f14;overflow:hidden"><canvas id=c style="position:absolute;inset:0;width:100%;height:100%"></canvas><script>
  const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
  const src = ${JSON.stringify(MODEL)} + \`
    onmessage = (e) => { const c = e.data; const x = c.getContext('2d', { alpha: false });
      const strip = new OffscreenCanvas(1, SPAN), sx = strip.getContext('2d'), g = sx.createLinearGradient(0, SPAN, 0, 0);
      g.addColorStop(0, rgb(LOW)); g.addColorStop(0.5, rgb(MID)); g.addColorStop(1, rgb(HIGH)); sx.fillStyle = g; sx.fillRect(0, 0, 1, SPAN);
      const f = (t) => { model(t); x.fillStyle = rgb(tintOf(pulse)); x.fillRect(0, 0, c.width, c.height); x.fillStyle = '#e8ecff';
        for (let k = 0; k < N; k++) { const h = Math.round(vals[k] * SPAN); if (h > 0) x.drawImage(strip, 0, SPAN - h, 1, h, barX(k), Y1 - h, BW, h);
          x.fillRect(barX(k), Y1 - Math.round(peaks[k] * SPAN) - CAP, BW, CAP); }
        requestAnimationFrame(f); };
      requestAnimationFrame(f); };\`;
  const w = new Worker(URL.createObjectURL(new Blob([src.replace('innerWidth', c.width).replace('innerHeight', c.height)])));
  const off = c.transferControlToOffscreen(); w.postMessage(off, [off]);</script>`;

// Bars as composited layers, the renderer only writes transforms. Each bar is a clip (overflow
// hidden) moved down by the part of the span it does not fill, holding a full-span gradient moved
// back up by the same amount: the colour stays fixed to the screen (colour by height) and only the
// lit part is drawn. Caps are small solid layers moved by translateY. The bass tint is the opacity of
// one full-screen accent layer over the background (a compositor property: no paint).
const domPage = (mode) => `<body style="margin:0;background:#0d0f14;overflow:hidden"><script>${MODEL}
  const root = document.body, bars = [], inner = [], caps = [];
  const tintEl = document.createElement('div');
  tintEl.style.cssText = 'position:absolute;inset:0;background:' + rgb(MID) + ';opacity:0;will-change:opacity';
  root.append(tintEl);
  for (let k = 0; k < N; k++) {
    const clip = document.createElement('div'), g = document.createElement('div'), cap = document.createElement('div');
    const box = 'position:absolute;left:' + barX(k) + 'px;top:' + Y0 + 'px;width:' + BW + 'px;height:' + SPAN + 'px;';
    if (${mode === 'clip'}) {
      clip.style.cssText = box + 'overflow:hidden;will-change:transform';
      g.style.cssText = 'position:absolute;inset:0;background:' + GRAD + ';will-change:transform';
      clip.append(g); root.append(clip); bars.push(clip); inner.push(g);
    } else { // 'cover': a static gradient column under a background-coloured cover scaled from the top
      g.style.cssText = box + 'background:' + GRAD;
      clip.style.cssText = box + 'background:#0d0f14;transform-origin:top;will-change:transform';
      root.append(g, clip); bars.push(clip);
    }
    cap.style.cssText = 'position:absolute;left:' + barX(k) + 'px;top:' + (Y1 - CAP) + 'px;width:' + BW + 'px;height:' + CAP + 'px;background:#e8ecff;will-change:transform';
    root.append(cap); caps.push(cap);
  }
  const shownH = new Int32Array(N).fill(-1), shownP = new Int32Array(N).fill(-1); let shownT = -1;
  const f = (t) => { model(t);
    const o = Math.round(pulse * 0.35 * 1000) / 1000; if (o !== shownT) { shownT = o; tintEl.style.opacity = o; }
    for (let k = 0; k < N; k++) {
      const h = Math.round(vals[k] * SPAN), p = Math.round(peaks[k] * SPAN);
      if (h !== shownH[k]) { shownH[k] = h;
        if (${mode === 'clip'}) { bars[k].style.transform = 'translateY(' + (SPAN - h) + 'px)'; inner[k].style.transform = 'translateY(' + (h - SPAN) + 'px)'; }
        else bars[k].style.transform = 'scaleY(' + (1 - h / SPAN) + ')'; }
      if (p !== shownP[k]) { shownP[k] = p; caps[k].style.transform = 'translateY(' + -p + 'px)'; }
    }
    requestAnimationFrame(f); };
  requestAnimationFrame(f);</script>`;

const VARIANTS = {
  'rAF loop only (floor)': `<body style="margin:0;background:#0d0f14"><script>const f = () => requestAnimationFrame(f); requestAnimationFrame(f);</script>`,
  'tint only: full-screen solid layer, background-color per paint': `<body style="margin:0;background:#0d0f14;overflow:hidden"><div id=t style="position:absolute;inset:0;will-change:transform"></div><script>${MODEL}
    const t = document.getElementById('t'); const f = (ms) => { model(ms); t.style.backgroundColor = rgb(tintOf(pulse)); requestAnimationFrame(f); }; requestAnimationFrame(f);</script>`,
  'tint only: full-screen layer, opacity per paint': `<body style="margin:0;background:#0d0f14;overflow:hidden"><div id=t style="position:absolute;inset:0;background:#29b6f6;will-change:opacity"></div><script>${MODEL}
    const t = document.getElementById('t'); const f = (ms) => { model(ms); t.style.opacity = (pulse * 0.35).toFixed(3); requestAnimationFrame(f); }; requestAnimationFrame(f);</script>`,
  'DOM: 32 solid bars translated, no tint': `<body style="margin:0;background:#0d0f14;overflow:hidden"><script>${MODEL}
    const els = []; for (let k = 0; k < N; k++) { const e = document.createElement('div');
      e.style.cssText = 'position:absolute;left:' + barX(k) + 'px;top:' + Y1 + 'px;width:' + BW + 'px;height:' + SPAN + 'px;background:#29b6f6;will-change:transform';
      document.body.append(e); els.push(e); }
    const f = (ms) => { model(ms); for (let k = 0; k < N; k++) els[k].style.transform = 'translateY(' + -Math.round(vals[k] * SPAN) + 'px)'; requestAnimationFrame(f); }; requestAnimationFrame(f);</script>`,
  'DOM: 32 gradient bars translated (look not kept: gradient moves), no tint': `<body style="margin:0;background:#0d0f14;overflow:hidden"><script>${MODEL}
    const els = []; for (let k = 0; k < N; k++) { const e = document.createElement('div');
      e.style.cssText = 'position:absolute;left:' + barX(k) + 'px;top:' + Y1 + 'px;width:' + BW + 'px;height:' + SPAN + 'px;background:' + GRAD + ';will-change:transform';
      document.body.append(e); els.push(e); }
    const f = (ms) => { model(ms); for (let k = 0; k < N; k++) els[k].style.transform = 'translateY(' + -Math.round(vals[k] * SPAN) + 'px)'; requestAnimationFrame(f); }; requestAnimationFrame(f);</script>`,
  'canvas, device pixels (the page today)': canvasPage(1),
  'canvas, device pixels, desynchronized': canvasPage(1, '{ alpha: false, desynchronized: true }'),
  'canvas, OffscreenCanvas in a worker': offscreenPage,
  'canvas, 1/2 resolution, CSS-scaled': canvasPage(0.5),
  'canvas, 1/3 resolution, CSS-scaled': canvasPage(1 / 3),
  'canvas, 1/4 resolution, CSS-scaled': canvasPage(0.25),
  'canvas, 1/3 resolution, CSS-scaled, full-screen text/grid overlay': canvasPage(1 / 3, undefined, undefined, 'full'),
  'canvas, 1/3 resolution, CSS-scaled, one overlay strip per grid line': canvasPage(1 / 3, undefined, undefined, 'rows'),
  // Painting only when a data frame arrived (here 30 a second, no interpolation in between).
  'canvas, device pixels, drawn on every 2nd paint': canvasPage(1, undefined, undefined, '', 2),
  'canvas, 1/3 resolution, CSS-scaled, drawn on every 2nd paint': canvasPage(1 / 3, undefined, undefined, '', 2),
  'canvas, 1/4 resolution, CSS-scaled smooth': canvasPage(0.25, undefined, 'auto'),
  'canvas, 1/8 resolution, CSS-scaled': canvasPage(0.125),
  'DOM: static gradient columns, covers scaled (transform)': domPage('cover'),
  'DOM: clipped gradient per bar (translateY), caps translated': domPage('clip'),
};

const chromium = await loadChromium();
const nonce = 'spectray-proto-' + randomBytes(4).toString('hex');
const browser = await launch(chromium, [`--${nonce}`, ...flags]);
try {
  console.log(`bars at 1920x1080, Chromium --disable-gpu ${flags.join(' ')}, ${tint ? 'with' : 'without'} bass tint, ${seconds} s each, load average ${loadavg()}`);
  for (const [name, html] of Object.entries(VARIANTS)) {
    if (only && !name.includes(only)) continue;
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`  ${name}: page error ${e.message}`));
    await page.setContent(html);
    await sleep(1500);
    const m = await measure(page, nonce, seconds);
    console.log(`  ${name}: ${fmt(m)}`);
    if (argv.includes('--shots')) await page.screenshot({ path: `/tmp/drawproto-${name.replace(/[^a-z0-9]+/gi, '-')}.png` });
    await context.close();
  }
  console.log(`  (load average ${loadavg()})`);
} finally { await browser.close(); }
