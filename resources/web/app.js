// Spectray web client: draws the server's spectrum on a canvas at the display refresh rate.
// Reads binary frames (docs/protocol.md) and also plain JSON, including the seed's object
// {frequencies, bass, level, scale} without a type, so it works against an old server too.
'use strict';
(() => {
  const PEAK_HOLD_MS = 500;      // a peak cap stays put this long ...
  const PEAK_FALL_MS = 750;      // ... then falls full scale in this long, at any refresh rate
  const RISE_MS = 30, FALL_MS = 110; // smoothing time constants
  const MAX_BACKOFF_MS = 10000;

  const canvas = document.getElementById('bars');
  const ctx = canvas.getContext('2d', { alpha: true });
  const el = (id) => document.getElementById(id);
  const stateEl = el('state'), deviceEl = el('device'), levelEl = el('level'), framesEl = el('frames');

  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('t') || '';
  const st = window.spectray = { frames: 0, binaryFrames: 0, state: 'connecting', bands: 0, fps: 0, device: '' };

  let target = new Float32Array(0), shown = new Float32Array(0), peak = new Float32Array(0),
      holdUntil = new Float64Array(0);
  let bass = 0, bassShown = 0, level = 0;

  function resizeBands(n) {
    if (n === target.length) return;
    target = new Float32Array(n); shown = new Float32Array(n);
    peak = new Float32Array(n); holdUntil = new Float64Array(n);
    st.bands = n;
  }

  function setState(s) {
    st.state = s;
    stateEl.textContent = s;
    stateEl.className = 'state ' + s;
  }

  function onFrame(bands, b, l, scale) {
    const s = scale > 0 ? scale : 1000;
    resizeBands(bands.length);
    for (let i = 0; i < bands.length; i++) target[i] = Math.min(1.2, Math.max(0, bands[i] / s));
    bass = Math.min(1.5, Math.max(0, b / s));
    level = Math.min(1, Math.max(0, l / s));
    st.frames++;
    framesEl.textContent = String(st.frames);
  }

  function onBinary(buf) {
    const dv = new DataView(buf);
    if (buf.byteLength < 40 || dv.getUint32(0, false) !== 0x53505452 /* "SPTR" */ || dv.getUint8(4) !== 1) return;
    const n = dv.getUint16(6, true);
    if (buf.byteLength !== 40 + 2 * n) return;
    const bands = new Int16Array(n);
    for (let i = 0; i < n; i++) bands[i] = dv.getInt16(40 + 2 * i, true);
    st.binaryFrames++;
    onFrame(bands, dv.getInt16(34, true), dv.getInt16(36, true), dv.getUint16(32, true));
  }

  function onText(text) {
    let m;
    try { m = JSON.parse(text); } catch (e) { return; }
    if (!m || typeof m !== 'object') return;
    if (Array.isArray(m.frequencies) && (m.type === undefined || m.type === 'frame')) {
      onFrame(m.frequencies, m.bass || 0, m.level || 0, m.scale || 1000);
      return;
    }
    if (m.type === 'hello' || m.type === 'layout') {
      if (m.bands > 0) resizeBands(m.bands);
      if (m.fps) st.fps = m.fps;
    }
    if ((m.type === 'hello' || m.type === 'status') && typeof m.device === 'string') {
      st.device = m.device;
      deviceEl.textContent = m.device;
    }
  }

  let ws = null, backoff = 500, pingTimer = 0;
  function connect() {
    setState('connecting');
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = proto + '//' + location.host + '/ws' + (token ? '?t=' + encodeURIComponent(token) : '');
    try { ws = new WebSocket(url); } catch (e) { scheduleReconnect(); return; }
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      setState('open');
      backoff = 500;
      ws.send(JSON.stringify({ type: 'subscribe', format: 'binary' }));
      pingTimer = setInterval(() => { if (ws.readyState === 1) ws.send('{"type":"ping"}'); }, 10000);
    };
    ws.onmessage = (ev) => (typeof ev.data === 'string' ? onText(ev.data) : onBinary(ev.data));
    ws.onclose = () => { clearInterval(pingTimer); setState('closed'); scheduleReconnect(); };
    ws.onerror = () => {};
  }
  function scheduleReconnect() {
    const wait = backoff * (0.75 + Math.random() * 0.5);
    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    setTimeout(connect, wait);
  }

  let w = 0, h = 0;
  function fit() {
    const dpr = Math.min(window.devicePixelRatio || 1, 3);
    w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    h = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  }
  window.addEventListener('resize', fit);

  let last = performance.now();
  function draw(now) {
    const dt = Math.min(100, Math.max(0, now - last));
    last = now;
    fit();
    const rise = 1 - Math.exp(-dt / RISE_MS), fall = 1 - Math.exp(-dt / FALL_MS);
    ctx.clearRect(0, 0, w, h);
    const n = shown.length;
    if (n > 0) {
      const gap = Math.max(1, Math.floor(w / n * 0.18));
      const bw = (w - gap * (n + 1)) / n;
      const top = h * 0.08, span = h - top;
      const grad = ctx.createLinearGradient(0, h, 0, top);
      grad.addColorStop(0, '#3b5bff'); grad.addColorStop(0.6, '#a24bff'); grad.addColorStop(1, '#ff4fa0');
      for (let i = 0; i < n; i++) {
        const t = target[i];
        shown[i] += (t - shown[i]) * (t > shown[i] ? rise : fall);
        const v = Math.min(1, shown[i]);
        if (v >= peak[i]) { peak[i] = v; holdUntil[i] = now + PEAK_HOLD_MS; }
        else if (now > holdUntil[i]) peak[i] = Math.max(v, peak[i] - dt / PEAK_FALL_MS);
        const x = gap + i * (bw + gap);
        const bh = Math.max(2, v * span);
        ctx.fillStyle = grad;
        ctx.fillRect(x, h - bh, bw, bh);
        ctx.fillStyle = '#e8ecff';
        ctx.fillRect(x, h - Math.max(2, peak[i] * span) - 3, bw, 3);
      }
    }
    bassShown += (bass - bassShown) * (bass > bassShown ? rise : fall);
    document.body.style.setProperty('--pulse', Math.min(1, bassShown).toFixed(3));
    levelEl.style.width = (level * 100).toFixed(1) + '%';
    requestAnimationFrame(draw);
  }

  document.addEventListener('click', () => {
    const d = document;
    if (d.fullscreenElement || d.webkitFullscreenElement) (d.exitFullscreen || d.webkitExitFullscreen).call(d);
    else {
      const r = d.documentElement;
      const req = r.requestFullscreen || r.webkitRequestFullscreen;
      if (req) Promise.resolve(req.call(r)).catch(() => {});
    }
  });

  fit();
  connect();
  requestAnimationFrame(draw);
})();
