// Spectray web client: the styles. Each draws the displayed band values (0..1) on a 2D canvas.
// Every look constant (ballistics, themes and their accents, LED pitch, colour map) comes from
// /styles.json, the file the desktop window reads: the page has no copy of its own, and draws
// nothing on the canvas until it has arrived (setDefs).
'use strict';
window.SpectrayDraw = (() => {
  const hex = (s) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
  const css = (c, a = 1) => `rgba(${c[0] | 0},${c[1] | 0},${c[2] | 0},${a})`;
  const mix = (a, b, t) => [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t);

  // The window's palette from one accent (SpectrumScene::setStyle): darker(180) at the bottom, the
  // accent in the middle, 55 % towards white at the top.
  function palette(defs, themeId) {
    const t = defs.themes.find((x) => x.id === themeId) || defs.themes[0];
    const mid = hex(t.accent);
    const bg = hex(t.background || defs.background);
    if (t.high_contrast) return { low: mid, mid, high: mid, bg, peak: hex(t.peak || '#ffff00'), flat: true };
    return { low: mid.map((v) => v / 1.8), mid, high: mid.map((v) => v + (255 - v) * 0.55), bg, peak: [232, 236, 255] };
  }

  class Renderer {
    constructor(canvas) {
      this.canvas = canvas;
      // Opaque: no blending with the page. (Not `desynchronized`: headless Chromium then stalls
      // screenshots, and it showed no measurable gain in software rendering here.)
      this.ctx = canvas.getContext('2d', { alpha: false });
      this.defs = null; // styles.json, once it has arrived
      this.themeId = '';
      this.pal = null;
      this.w = 1; this.h = 1; this.dpr = 1;
      this.edges = []; this.labels = []; this.bpo = 0;
      this.axis = null; this.axisKey = '';
      this.amp = ''; this.rangeDb = 0; this.gridLabel = '0 dB'; this.grid = null; this.gridKey = ''; this.gridOk = null; this.gridRows = [];
      this.spec = document.createElement('canvas'); // one pixel per band and row, scaled up to draw
      this.specRow = null;
      this.lut = null;
      // Bars and LEDs are blitted from a one-pixel-wide strip holding the colour by height (and the
      // LED gaps): no gradient fill per paint.
      this.strip = document.createElement('canvas');
      this.stripKey = '';
      this.bgKey = -1; this.bgNow = '#000000';
      this.full = true; this.last = { style: '', n: -1, showPeaks: false, axis: false, grid: false };
      this.tops = new Int32Array(0); this.caps = new Int32Array(0);
      this.grads = null;
    }

    setDefs(defs) { this.defs = defs; this.lut = null; this.setTheme(this.themeId); }
    setTheme(id) {
      this.themeId = id;
      if (this.defs) this.pal = palette(this.defs, id);
      this.grads = null; this.axisKey = ''; this.stripKey = ''; this.gridKey = ''; this.full = true;
    }
    // The layout's band edges and, for octave layouts, its nominal band names and bands per octave.
    setEdges(edges, labels, bpo) {
      this.edges = Array.isArray(edges) ? edges : [];
      this.labels = Array.isArray(labels) ? labels.map(String) : [];
      this.bpo = Number(bpo) | 0; this.axisKey = ''; this.full = true;
    }
    // The layout's amplitude scale ("db" or "linear") and dB span; the grid is drawn only for "db".
    setAmplitude(amplitude, rangeDb) {
      this.amp = String(amplitude || ''); this.rangeDb = Number(rangeDb) || 0; this.full = true;
    }
    setGridLabel(text) { this.gridLabel = String(text); this.full = true; }

    fit() {
      const dpr = Math.min(window.devicePixelRatio || 1, 3);
      const w = Math.max(1, Math.round(this.canvas.clientWidth * dpr));
      const h = Math.max(1, Math.round(this.canvas.clientHeight * dpr));
      if (this.canvas.width !== w || this.canvas.height !== h) {
        this.canvas.width = w; this.canvas.height = h; this.grads = null; this.axisKey = ''; this.stripKey = ''; this.full = true;
      }
      this.w = w; this.h = h; this.dpr = dpr;
    }

    // Colour map as 256 RGB triples, linear between the shared stops.
    colormap() {
      if (this.lut) return this.lut;
      const stops = this.defs.colormap.stops.map(hex);
      const lut = new Uint8ClampedArray(256 * 3);
      for (let i = 0; i < 256; i++) {
        const x = (i / 255) * (stops.length - 1), k = Math.min(stops.length - 2, Math.floor(x));
        const c = mix(stops[k], stops[k + 1], x - k);
        lut[i * 3] = c[0]; lut[i * 3 + 1] = c[1]; lut[i * 3 + 2] = c[2];
      }
      return (this.lut = lut);
    }

    gradient(y0, y1) { // colour by height, as the window: low at y0, high at y1 (made once per size and theme)
      const key = y0 + ':' + y1;
      if (!this.grads) this.grads = new Map();
      let g = this.grads.get(key);
      if (!g) {
        g = this.ctx.createLinearGradient(0, y0, 0, y1);
        g.addColorStop(0, css(this.pal.low)); g.addColorStop(0.5, css(this.pal.mid)); g.addColorStop(1, css(this.pal.high));
        this.grads.set(key, g);
      }
      return g;
    }

    // One picture. s: {style, values, peaks, showPeaks, pulse, axis, grid}; arrays are Float32Array.
    // A picture that would look like the last one is not drawn at all: an untouched canvas costs the
    // compositor nothing. Otherwise the whole canvas is drawn: in Chromium's software path a canvas
    // changed only in part was far dearer (every commit waited ~200 ms for the previous buffer,
    // bench/web/webbench.mjs "reduced motion") than one overwritten whole.
    draw(s) {
      if (!this.defs) return;
      const { ctx, w, h, pal } = this, n = s.values.length, last = this.last;
      const p = Math.min(1, Math.max(0, s.pulse)) * this.defs.pulse_strength;
      const r = Math.round(pal.bg[0] + (pal.mid[0] - pal.bg[0]) * p), g = Math.round(pal.bg[1] + (pal.mid[1] - pal.bg[1]) * p);
      const bgKey = (r << 16) | (g << 8) | Math.round(pal.bg[2] + (pal.mid[2] - pal.bg[2]) * p);
      if (bgKey !== this.bgKey || last.style !== s.style || last.n !== n || last.showPeaks !== s.showPeaks ||
          last.axis !== s.axis || last.grid !== s.grid || (s.style !== 'bars' && s.style !== 'led')) this.full = true;
      if (bgKey !== this.bgKey) { this.bgKey = bgKey; this.bgNow = '#' + bgKey.toString(16).padStart(6, '0'); }
      last.style = s.style; last.n = n; last.showPeaks = s.showPeaks; last.axis = s.axis; last.grid = s.grid;
      const m = 6 * this.dpr, top = h * 0.08, axisH = s.axis && s.style !== 'radial' ? 18 * this.dpr : 0;
      const box = { x0: m, x1: w - m, y0: top, y1: h - m - axisH };
      const bars = s.style === 'bars' || s.style === 'led';
      if (bars && !this.columnsChanged(s, box) && !this.full) return; // the same picture in whole pixels
      this.full = false;
      ctx.fillStyle = this.bgNow; ctx.fillRect(0, 0, w, h);
      if (n === 0) return;
      const grid = s.grid && s.style !== 'radial' && s.style !== 'spectrogram' ? this.gridCanvas(box, s.style === 'mirrored') : null;
      switch (s.style) {
        case 'mirrored': this.mirrored(s, box); break;
        case 'curve': this.curve(s, box); break;
        case 'led': this.bars(s, box, true); break;
        case 'spectrogram': this.spectrogram(s, box); break;
        case 'radial': this.radial(s); break;
        default: this.bars(s, box, false);
      }
      if (grid) for (const [y, rows] of this.gridRows) ctx.drawImage(grid, 0, y, w, rows, 0, y, w, rows);
      if (axisH) this.drawAxis(box, n);
    }

    // Bar and cap heights in whole pixels, kept from the last picture; true if any differs.
    columnsChanged(s, box) {
      const n = s.values.length, span = Math.max(1, Math.round(box.y1 - box.y0));
      if (this.tops.length !== n) { this.tops = new Int32Array(n); this.caps = new Int32Array(n); }
      let changed = false;
      for (let i = 0; i < n; i++) {
        const hgt = Math.round(Math.min(1, Math.max(0, s.values[i])) * span);
        const pk = s.showPeaks && s.peaks[i] > 0 ? Math.round(Math.min(1, s.peaks[i]) * span) : -1;
        if (hgt !== this.tops[i] || pk !== this.caps[i]) { changed = true; this.tops[i] = hgt; this.caps[i] = pk; }
      }
      return changed;
    }

    slots(n, box) {
      const g = this.defs.geometry, slot = (box.x1 - box.x0) / n;
      return { slot, bw: Math.max(1, slot * (n > 64 ? g.bar_fill_dense : g.bar_fill)) };
    }

    // The strip: colour by height from the bottom (last row) to the top of the box (row 0), LED gaps
    // in the background colour counted from the bottom; rebuilt when size, theme or background change.
    stripFor(box, led) {
      const span = Math.max(1, Math.round(box.y1 - box.y0)), key = `${span}:${led}:${led ? this.bgKey : ''}:${this.themeId}`;
      if (key === this.stripKey) return span;
      this.stripKey = key;
      const st = this.strip, c = st.getContext('2d');
      st.width = 1; st.height = span;
      const g = c.createLinearGradient(0, span, 0, 0);
      g.addColorStop(0, css(this.pal.low)); g.addColorStop(0.5, css(this.pal.mid)); g.addColorStop(1, css(this.pal.high));
      c.fillStyle = g; c.fillRect(0, 0, 1, span);
      if (led) {
        const pitch = this.defs.geometry.led_pitch_px * this.dpr, seg = this.defs.geometry.led_segment_px * this.dpr;
        c.fillStyle = this.bgNow; // the same (pulse-tinted) colour as the background: invisible outside bars
        for (let y = span - seg; y > -pitch; y -= pitch) c.fillRect(0, y - (pitch - seg), 1, pitch - seg);
      }
      return span;
    }

    bars(s, box, led) { // heights from columnsChanged (tops, caps), blitted from the strip
      const { ctx } = this, n = s.values.length, { slot, bw } = this.slots(n, box);
      const span = this.stripFor(box, led), y1 = Math.round(box.y1), cap = Math.round(this.defs.geometry.cap_px * this.dpr);
      ctx.fillStyle = this.pal.peakCss || (this.pal.peakCss = css(this.pal.peak));
      for (let i = 0; i < n; i++) {
        const x = Math.round(box.x0 + slot * i + (slot - bw) / 2), wd = Math.max(1, Math.round(bw));
        const hgt = Math.min(this.tops[i], span), pk = this.caps[i];
        if (hgt > 0) ctx.drawImage(this.strip, 0, span - hgt, 1, hgt, x, y1 - hgt, wd, hgt);
        if (pk >= 0) ctx.fillRect(x, y1 - pk - cap, wd, cap);
      }
    }

    mirrored(s, box) {
      const { ctx } = this, n = s.values.length, { slot, bw } = this.slots(n, box);
      const mid = (box.y0 + box.y1) / 2, half = (box.y1 - box.y0) / 2, cap = this.defs.geometry.cap_px * this.dpr;
      const up = this.gradient(mid, box.y0), down = this.gradient(mid, box.y1);
      for (let i = 0; i < n; i++) {
        const v = s.values[i], x = box.x0 + slot * i + (slot - bw) / 2;
        if (v <= 0) continue;
        ctx.fillStyle = up; ctx.fillRect(x, mid - v * half, bw, v * half);
        ctx.fillStyle = down; ctx.fillRect(x, mid, bw, v * half);
      }
      if (!s.showPeaks) return;
      ctx.fillStyle = css(this.pal.peak);
      for (let i = 0; i < n; i++) {
        const pk = s.peaks[i], x = box.x0 + slot * i + (slot - bw) / 2;
        if (pk > 0) { ctx.fillRect(x, mid - pk * half - cap, bw, cap); ctx.fillRect(x, mid + pk * half, bw, cap); }
      }
    }

    curve(s, box) {
      const { ctx } = this, n = s.values.length, slot = (box.x1 - box.x0) / n, span = box.y1 - box.y0;
      ctx.beginPath();
      ctx.moveTo(box.x0, box.y1);
      ctx.lineTo(box.x0, box.y1 - s.values[0] * span);
      for (let i = 0; i < n; i++) ctx.lineTo(box.x0 + slot * (i + 0.5), box.y1 - s.values[i] * span);
      ctx.lineTo(box.x1, box.y1 - s.values[n - 1] * span);
      ctx.lineTo(box.x1, box.y1);
      ctx.closePath();
      ctx.fillStyle = this.gradient(box.y1, box.y0);
      ctx.fill();
      if (!s.showPeaks) return;
      ctx.fillStyle = css(this.pal.peak);
      const r = 2 * this.dpr;
      for (let i = 0; i < n; i++) {
        const pk = s.peaks[i];
        if (pk > s.values[i] + 0.01) ctx.fillRect(box.x0 + slot * (i + 0.5) - r, box.y1 - pk * span - r, 2 * r, 2 * r);
      }
    }

    // Waterfall: frequency across, newest row on top. One new row per data frame (pushRow).
    pushRow(values) {
      if (!this.defs) return;
      const n = values.length, rows = this.defs.spectrogram_rows;
      const sc = this.spec, sctx = sc.getContext('2d');
      if (sc.width !== n || sc.height !== rows) {
        sc.width = n; sc.height = rows;
        sctx.fillStyle = css(hex(this.defs.colormap.stops[0])); sctx.fillRect(0, 0, n, rows);
        this.specRow = sctx.createImageData(n, 1);
      }
      sctx.drawImage(sc, 0, 0, n, rows - 1, 0, 1, n, rows - 1); // scroll down one row
      const lut = this.colormap(), px = this.specRow.data;
      for (let i = 0; i < n; i++) {
        const k = Math.round(Math.min(1, Math.max(0, values[i])) * 255) * 3;
        px[i * 4] = lut[k]; px[i * 4 + 1] = lut[k + 1]; px[i * 4 + 2] = lut[k + 2]; px[i * 4 + 3] = 255;
      }
      sctx.putImageData(this.specRow, 0, 0);
    }

    spectrogram(s, box) {
      if (this.spec.width !== s.values.length) this.pushRow(s.values);
      this.ctx.imageSmoothingEnabled = false;
      this.ctx.drawImage(this.spec, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    }

    // Bands around a circle, low frequencies at the top, mirrored left/right for symmetry.
    radial(s) {
      const { ctx, w, h } = this, n = s.values.length;
      const cx = w / 2, cy = h / 2 + h * 0.03, R = Math.min(w, h * 0.9) / 2 - 8 * this.dpr, r0 = R * 0.32;
      const step = Math.PI / n, lw = Math.max(1, r0 * step * 1.4);
      const g = ctx.createRadialGradient(cx, cy, r0, cx, cy, R);
      g.addColorStop(0, css(this.pal.low)); g.addColorStop(0.5, css(this.pal.mid)); g.addColorStop(1, css(this.pal.high));
      ctx.strokeStyle = g; ctx.lineWidth = lw; ctx.lineCap = 'butt';
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        const len = r0 + Math.max(0.01, s.values[i]) * (R - r0);
        for (const side of [-1, 1]) {
          const a = side * (i + 0.5) * step - Math.PI / 2;
          ctx.moveTo(cx + Math.cos(a) * r0, cy + Math.sin(a) * r0);
          ctx.lineTo(cx + Math.cos(a) * len, cy + Math.sin(a) * len);
        }
      }
      ctx.stroke();
      if (!s.showPeaks) return;
      ctx.fillStyle = css(this.pal.peak);
      const d = Math.max(2, lw * 0.8);
      for (let i = 0; i < n; i++) {
        const len = r0 + s.peaks[i] * (R - r0);
        if (s.peaks[i] <= 0) continue;
        for (const side of [-1, 1]) {
          const a = side * (i + 0.5) * step - Math.PI / 2;
          ctx.fillRect(cx + Math.cos(a) * len - d / 2, cy + Math.sin(a) * len - d / 2, d, d);
        }
      }
    }

    // Frequency labels, as the desktop window places them (styles.json "axis", read by both): octave
    // layouts named on the R10 series label each band at its centre with its nominal name; other
    // layouts get round frequencies at their log position inside their band. Rendered once per
    // size/layout into an offscreen canvas, copied per picture.
    axisTicks(box, n) {
      const ax = this.defs.axis, e = this.edges, slot = (box.x1 - box.x0) / n;
      if (!ax || e.length !== n + 1) return [];
      if (this.labels.length === n && (ax.nominal_bands_per_octave || []).includes(this.bpo))
        return this.labels.map((t, i) => [box.x0 + slot * (i + 0.5), t]);
      const ticks = [];
      for (const f of ax.hz || []) {
        if (f < e[0] || f > e[n]) continue;
        let i = 0;
        while (i < n - 1 && f > e[i + 1]) i++;
        ticks.push([box.x0 + slot * (i + Math.log(f / e[i]) / Math.log(e[i + 1] / e[i])), f >= 1000 ? `${f / 1000}k` : String(f)]);
      }
      return ticks;
    }

    drawAxis(box, n) {
      const key = `${this.w}x${this.h}:${n}:${this.edges.join(',')}:${this.labels.join(',')}:${this.bpo}:${this.themeId}:${!!this.defs.axis}`;
      if (key !== this.axisKey) {
        this.axisKey = key;
        const a = this.axis || (this.axis = document.createElement('canvas'));
        const ah = 18 * this.dpr;
        a.width = this.w; a.height = ah;
        const c = a.getContext('2d');
        c.clearRect(0, 0, a.width, ah);
        c.font = `${11 * this.dpr}px system-ui, sans-serif`;
        c.textAlign = 'center'; c.textBaseline = 'middle';
        c.fillStyle = this.pal.flat ? '#ffffff' : 'rgba(201,209,224,0.8)';
        let lastRight = -1e9;
        for (const [x, text] of this.axisTicks(box, n)) {
          const w = c.measureText(text).width, cx = Math.min(Math.max(x, w / 2), this.w - w / 2);
          if (cx - w / 2 < lastRight + 6 * this.dpr) continue; // never let labels collide on narrow screens
          lastRight = cx + w / 2;
          c.fillText(text, cx, ah / 2);
        }
      }
      this.ctx.drawImage(this.axis, 0, box.y1 + 2 * this.dpr);
    }

    // dB grid, as the desktop window draws it (AxisOverlay): a line every grid_step_db below the
    // reference (a band reads (dB - (ref - range)) / range), "0 dB" on the top line and a real minus
    // below. Only for dB layouts. Rendered once per size/layout/theme into an offscreen canvas.
    gridCanvas(box, mirrored) { // the dB grid image, or null where none is drawn
      const step = (this.defs.axis && this.defs.axis.grid_step_db) || 0, range = this.rangeDb;
      if (this.amp !== 'db' || !(range > 0) || !(step > 0)) return null;
      const key = `${this.w}x${this.h}:${box.y0}:${box.y1}:${range}:${step}:${mirrored}:${this.themeId}:${this.gridLabel}`;
      if (key !== this.gridKey) {
        this.gridKey = key;
        const g = this.grid || (this.grid = document.createElement('canvas'));
        g.width = this.w; g.height = Math.ceil(box.y1) + 1;
        const c = g.getContext('2d'), dpr = this.dpr;
        c.clearRect(0, 0, g.width, g.height);
        const half = mirrored ? (box.y1 - box.y0) / 2 : box.y1 - box.y0, mid = (box.y0 + box.y1) / 2;
        const spacing = (half * step) / range;
        this.gridOk = null;
        if (spacing < 3 * dpr) return null; // denser than that the lines are a grey wash, not a scale
        c.font = `${10 * dpr}px system-ui, sans-serif`;
        c.textBaseline = 'middle';
        const textH = 12 * dpr, every = spacing >= textH ? 1 : spacing * 2 >= textH ? 2 : 0;
        const lines = [];
        for (let k = 0; k * step < range - 1e-9; k++) {
          const v = 1 - (k * step) / range, text = k === 0 ? this.gridLabel : `\u2212${k * step}`;
          const label = every > 0 && k % every === 0;
          if (mirrored) lines.push([mid - v * half, text, label], [mid + v * half, text, label && k > 0]);
          else lines.push([box.y1 - v * (box.y1 - box.y0), text, label]);
        }
        let labelW = 0;
        for (const [, text, label] of lines) if (label) labelW = Math.max(labelW, Math.ceil(c.measureText(text).width) + 3 * dpr);
        const left = box.x0 + labelW;
        c.fillStyle = 'rgba(255,255,255,0.18)';
        for (const [y] of lines) c.fillRect(left, Math.floor(y), box.x1 - left, Math.max(1, Math.round(dpr)));
        c.fillStyle = this.pal.flat ? '#ffffff' : 'rgba(201,209,224,0.82)';
        for (const [y, text, label] of lines) if (label) c.fillText(text, box.x0, Math.min(Math.max(y, textH / 2), box.y1 - textH / 2));
        // The rows that hold something: a full redraw copies only these, not a whole-screen image.
        this.gridRows = lines.map(([y]) => { const top = Math.max(0, Math.floor(y - textH / 2) - 1); return [top, Math.min(g.height - top, Math.ceil(textH) + 2)]; });
        this.gridOk = g;
      }
      return this.gridOk;
    }
  }

  return { Renderer, palette };
})();
