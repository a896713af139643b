// Spectray web client: connection, status, ballistics, flash guard, wake lock. Reads binary frames
// (docs/protocol.md) and plain JSON, including the seed's object {frequencies, bass, level, scale}
// without a type, so it works against an old server too. Drawing lives in draw.js, settings in panel.js.
'use strict';
(() => {
  const MAX_BACKOFF_MS = 10000;
  const FLASH_STEP = 0.1;     // WCAG 2.3.1: a luminance change of 10 % of full scale counts
  const FLASH_TRANSITIONS = 6; // ... and 3 flashes (6 opposing changes) per second are the limit
  const el = (id) => document.getElementById(id);
  const canvas = el('bars'), statusEl = el('status'), helpEl = el('help'), headlineEl = el('headline'), stateEl = el('state');
  const deviceEl = el('device'), levelEl = el('level'), framesEl = el('frames'), panelEl = el('panel');
  const renderer = new window.SpectrayDraw.Renderer(canvas);
  const Panel = window.SpectrayPanel;
  const reducedMotion = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)');

  const st = window.spectray = { frames: 0, binaryFrames: 0, state: 'connecting', status: 'connecting', bands: 0,
    fps: 0, device: '', engine: '', style: 'bars', desktopStyle: '', lang: 'en', wakeLock: 'none', wakeRequests: 0,
    flashTransitions: 0, playTs: false, settings: null, ready: false };
  let defs = null, strings = {}; // defs: /styles.json, the one definition of the look (no copy here)
  let settings = { ...Panel.DEFAULTS };
  let panel = null;

  // Without a catalogue (an old server) the key's last word stands in: never a blank label.
  const t = (key, arg) => (strings[key] || key.split('.').pop().replace('_', ' ')).replace('%1', arg === undefined ? '' : String(arg));
  function tokenNow() {
    const frag = new URLSearchParams(location.hash.replace(/^#/, '')).get('t');
    if (frag) { try { localStorage.setItem('spectray.token', frag); } catch (e) { /* not remembered */ } return frag; }
    try { return localStorage.getItem('spectray.token') || ''; } catch (e) { return ''; } // installed app: no fragment
  }
  let token = tokenNow();

  // ---- band state: interpolated between data frames, then attack/release smoothed (as the window)
  let from = new Float32Array(0), to = new Float32Array(0), shown = new Float32Array(0), drawn = new Float32Array(0);
  let peak = new Float32Array(0), holdUntil = new Float64Array(0), frameAt = 0, intervalMs = 1000 / 30;
  let bassTo = 0, bassShown = 0, pulseDrawn = 0, level = 0, incoming = new Float32Array(0);
  function resizeBands(n) {
    if (n === shown.length) return;
    from = new Float32Array(n); to = new Float32Array(n); shown = new Float32Array(n); drawn = new Float32Array(n);
    peak = new Float32Array(n); holdUntil = new Float64Array(n); incoming = new Float32Array(n);
    st.bands = n;
  }

  // ---- frames, optionally held until their play_ts (A/V sync); newest wins when late. Held frames
  // wait in a ring of preallocated slots (no allocation per frame); at most 500 ms are held.
  const HELD = 64;
  const held = Array.from({ length: HELD }, () => ({ due: 0, playTs: 0, values: new Float32Array(0), bass: 0 }));
  let heldHead = 0, heldCount = 0, clockDelta = 0, bestRtt = Infinity;
  // The last presentations of play_ts frames, for tests and tools: [play_ts, page epoch ms] pairs.
  const shownAt = { ring: new Float64Array(2 * 256), count: 0 };
  Object.defineProperty(st, 'presented', { value: shownAt, enumerable: false }); // kept out of state dumps
  function onFrame(get, n, b, l, scale, playTs) {
    const s = scale > 0 ? scale : 1000;
    resizeBands(n);
    for (let i = 0; i < n; i++) incoming[i] = Math.min(1, Math.max(0, get(i) / s));
    bassTo = Math.min(1, Math.max(0, b / s));
    level = Math.min(1, Math.max(0, l / s));
    st.frames++;
    const now = performance.now();
    if (playTs > 0) {
      if (!st.playTs) { st.playTs = true; if (panel) panel.showOffset(true); }
      // play_ts is on the server's clock: clockDelta (server - page, from pong) maps it to ours.
      const due = Math.min(playTs + settings.offset - clockDelta - Date.now(), 500) + now;
      if (due > now) { hold(due, playTs); return; }
    }
    present(now, playTs);
  }
  function hold(due, playTs) {
    if (heldCount === HELD) { heldHead = (heldHead + 1) % HELD; heldCount--; } // full: the oldest goes
    const slot = held[(heldHead + heldCount++) % HELD];
    if (slot.values.length !== incoming.length) slot.values = new Float32Array(incoming.length);
    slot.values.set(incoming); slot.due = due; slot.playTs = playTs; slot.bass = bassTo;
  }
  function drainQueue(now) {
    let last = null;
    while (heldCount && held[heldHead].due <= now) { last = held[heldHead]; heldHead = (heldHead + 1) % HELD; heldCount--; }
    if (last && last.values.length === incoming.length) { incoming.set(last.values); bassTo = last.bass; present(now, last.playTs); }
  }
  function present(now, playTs) { // a frame's values (in `incoming`) become the new interpolation target
    const k = Math.min(1, Math.max(0, (now - frameAt) / intervalMs));
    for (let i = 0; i < to.length; i++) { from[i] += (to[i] - from[i]) * k; to[i] = incoming[i]; }
    frameAt = now;
    if (st.style === 'spectrogram') renderer.pushRow(drawn);
    if (playTs > 0) {
      const j = 2 * (shownAt.count++ % 256);
      shownAt.ring[j] = playTs; shownAt.ring[j + 1] = performance.timeOrigin + now;
      st.clockDelta = clockDelta;
    }
  }

  // Binary frame (docs/protocol.md): flags bit 0 says offset 38 holds play_delay, the i16 ms from
  // the wall clock `ts` (i64 at 24, read as two u32 to avoid a BigInt per frame) to play_ts.
  function onBinary(buf) {
    const dv = new DataView(buf);
    if (buf.byteLength < 40 || dv.getUint32(0, false) !== 0x53505452 /* "SPTR" */ || dv.getUint8(4) !== 1) return;
    const n = dv.getUint16(6, true);
    if (buf.byteLength !== 40 + 2 * n) return;
    st.binaryFrames++;
    const ts = dv.getUint32(24, true) + dv.getInt32(28, true) * 4294967296;
    const playTs = (dv.getUint8(5) & 1) && ts > 0 ? ts + dv.getInt16(38, true) : 0;
    onFrame((i) => dv.getInt16(40 + 2 * i, true), n, dv.getInt16(34, true), dv.getInt16(36, true), dv.getUint16(32, true), playTs);
  }

  function onText(text) {
    let m;
    try { m = JSON.parse(text); } catch (e) { return; }
    if (!m || typeof m !== 'object') return;
    if (Array.isArray(m.frequencies) && (m.type === undefined || m.type === 'frame')) {
      const f = m.frequencies;
      onFrame((i) => Number(f[i]) || 0, f.length, m.bass || 0, m.level || 0, m.scale || 1000, Number(m.play_ts) || 0);
      return;
    }
    if (m.type === 'hello' || m.type === 'layout') {
      if (m.bands > 0) resizeBands(m.bands);
      if (m.fps) { st.fps = m.fps; intervalMs = 1000 / Math.min(m.fps, settings.fps || m.fps); }
      if (Array.isArray(m.edges)) renderer.setEdges(m.edges, m.labels, m.bands_per_octave);
      if (typeof m.amplitude === 'string') renderer.setAmplitude(m.amplitude, m.range_db);
    }
    if (m.type === 'hello' && typeof m.desktop_style === 'string') setDesktopStyle(m.desktop_style);
    if (m.type === 'display' && typeof m.style === 'string') setDesktopStyle(m.style);
    if ((m.type === 'hello' || m.type === 'status') && typeof m.state === 'string') st.engine = m.state;
    if ((m.type === 'hello' || m.type === 'status') && typeof m.device === 'string') {
      st.device = m.device; deviceEl.textContent = m.device;
    }
    if (m.type === 'pong' && typeof m.id === 'number' && m.ts) {
      const rtt = performance.now() - m.id;
      if (rtt <= bestRtt * 1.5) { bestRtt = Math.min(bestRtt, rtt); clockDelta = m.ts - (Date.now() - rtt / 2); }
    }
    renderStatus();
  }

  function setDesktopStyle(id) { st.desktopStyle = id; applySettings(); }

  // ---- connection and status a person understands
  let ws = null, backoff = 500, pingTimer = 0, retryAt = 0, retryTimer = 0, everOpen = false;
  function subscribe() {
    if (!ws || ws.readyState !== 1) return;
    const msg = { type: 'subscribe', format: 'binary' };
    if (settings.fps > 0) msg.rate = settings.fps;
    ws.send(JSON.stringify(msg));
  }
  function ping() { if (ws && ws.readyState === 1) ws.send(JSON.stringify({ type: 'ping', id: performance.now() })); }
  function connect() {
    clearTimeout(retryTimer);
    setConn(everOpen ? 'closed' : 'connecting');
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = proto + '//' + location.host + '/ws' + (token ? '?t=' + encodeURIComponent(token) : '');
    let opened = false;
    try { ws = new WebSocket(url); } catch (e) { scheduleReconnect(); return; }
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      opened = everOpen = true; backoff = 500;
      setConn('open');
      subscribe(); ping();
      pingTimer = setInterval(ping, 10000);
    };
    ws.onmessage = (ev) => (typeof ev.data === 'string' ? onText(ev.data) : onBinary(ev.data));
    ws.onclose = () => {
      clearInterval(pingTimer);
      if (opened) { setConn('closed'); scheduleReconnect(); return; }
      // Refused before the upgrade (the browser hides the HTTP status): if the server answers
      // plain HTTP, it is up and refused us, which on a LAN means the token.
      fetch('/api/info', { cache: 'no-store' }).then((r) => {
        if (r.ok) setConn('refused'); else scheduleReconnect();
      }).catch(() => scheduleReconnect());
    };
    ws.onerror = () => {};
  }
  function scheduleReconnect() {
    const wait = backoff * (0.75 + Math.random() * 0.5);
    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    retryAt = performance.now() + wait;
    setConn(everOpen ? 'closed' : 'connecting');
    retryTimer = setTimeout(connect, wait);
  }
  window.addEventListener('hashchange', () => {
    if (st.ready) { // a new preset in the fragment applies at once, as on load
      Object.assign(settings, Panel.load(defs.styles.map((s) => s.id), defs.themes.map((x) => x.id)));
      applySettings(); subscribe();
    }
    const next = tokenNow();
    if (next !== token || st.state === 'refused') { token = next; if (st.state === 'refused') connect(); }
  });
  setInterval(renderStatus, 500); // the "reconnecting in N s" countdown

  function setConn(s) { st.state = s; stateEl.textContent = s; renderStatus(); }
  function renderStatus() {
    let key = 'connecting', help = '';
    if (st.state === 'open') {
      key = { running: 'live', silent: 'silent', stopped: 'stopped', starting: 'starting', reconnecting: 'starting',
        error: 'error' }[st.engine] || 'live';
    } else if (st.state === 'closed') key = 'server_stopped';
    else if (st.state === 'refused') { key = token ? 'bad_token' : 'no_token'; help = t('state.token_help'); }
    let text = t('state.' + key);
    if (st.state === 'closed' && retryAt > performance.now())
      text += ' · ' + t('state.reconnecting', Math.max(1, Math.ceil((retryAt - performance.now()) / 1000)));
    if (statusEl.textContent !== text) statusEl.textContent = text;
    if (helpEl.textContent !== help) helpEl.textContent = help;
    const headline = help ? t('state.' + key) : ''; // a refusal is explained in the middle of the screen
    if (headlineEl.textContent !== headline) headlineEl.textContent = headline;
    st.status = key;
    document.body.dataset.status = key;
    framesEl.textContent = String(st.frames);
  }

  // ---- settings applied
  function applySettings() {
    st.settings = settings;
    if (!defs) return; // before styles.json: nothing to apply to yet
    const styles = defs.styles.map((s) => s.id);
    const want = settings.mirror && styles.includes(st.desktopStyle) ? st.desktopStyle : settings.style;
    if (want !== st.style) { st.style = want; renderer.spec.width = 0; }
    renderer.setTheme(settings.theme);
    document.body.dataset.theme = settings.theme;
    if (st.fps) intervalMs = 1000 / Math.min(st.fps, settings.fps || st.fps);
    if (panel) panel.sync();
  }

  // ---- flash guard: the picture's mean intensity (lit area x brightness, plus the full-screen
  // bass tint) may not complete more than FLASH_TRANSITIONS opposing changes of FLASH_STEP within a
  // second; a change that would exceed it is held back by blending towards the last picture.
  const guard = { times: [], ext: -1, dir: 0, last: 0 };
  function guardAllow(want, now) {
    while (guard.times.length && now - guard.times[0] > 1000) guard.times.shift();
    if (guard.ext < 0) { guard.ext = want; return want; }
    let out = want;
    if (guard.times.length >= FLASH_TRANSITIONS - 1) { // one short of the limit: no new change may complete
      if (guard.dir >= 0) out = Math.max(out, guard.ext - FLASH_STEP * 0.9);
      if (guard.dir <= 0) out = Math.min(out, guard.ext + FLASH_STEP * 0.9);
    }
    // Track the running extreme in the current direction; moving FLASH_STEP back from it is a change.
    if (guard.dir === 0) {
      if (Math.abs(out - guard.ext) >= FLASH_STEP) { guard.dir = out > guard.ext ? 1 : -1; guard.ext = out; }
    } else if ((out - guard.ext) * guard.dir > 0) guard.ext = out;
    else if (Math.abs(out - guard.ext) >= FLASH_STEP) {
      guard.times.push(now); st.flashTransitions++;
      guard.dir = -guard.dir; guard.ext = out;
    }
    return out;
  }
  function intensity(values, pulse) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i];
    return (values.length ? sum / values.length : 0) + pulse * defs.pulse_strength;
  }

  // ---- the paint loop
  let last = performance.now(), levelShown = -1;
  const picture = { style: '', values: drawn, peaks: peak, showPeaks: true, pulse: 0, axis: true, grid: true }; // reused
  function draw(now) {
    const dt = Math.min(100, Math.max(0, now - last));
    last = now;
    drainQueue(now);
    requestAnimationFrame(draw);
    if (!defs) return;
    renderer.fit();
    const b = defs.ballistics, slow = reducedMotion && reducedMotion.matches ? 2 : 1;
    const f = { low: 0.5, normal: 1, high: 2 }[settings.smoothing] * slow;
    const rise = 1 - Math.exp(-dt / Math.max(1, b.attack_ms * f)), fall = 1 - Math.exp(-dt / Math.max(1, b.release_ms * f));
    const k = Math.min(1, Math.max(0, (now - frameAt) / intervalMs));
    const n = shown.length;
    for (let i = 0; i < n; i++) {
      const target = from[i] + (to[i] - from[i]) * k;
      shown[i] += (target - shown[i]) * (target > shown[i] ? rise : fall);
    }
    const pulseOn = !(reducedMotion && reducedMotion.matches) ? 1 : 0;
    bassShown += (bassTo - bassShown) * (bassTo > bassShown ? rise : fall);
    let pulse = bassShown * pulseOn;
    if (settings.flash) {
      const prev = intensity(drawn, pulseDrawn), want = intensity(shown, pulse), out = guardAllow(want, now);
      const a = out === want || prev === want ? 0 : Math.min(1, Math.max(0, (out - want) / (prev - want)));
      for (let i = 0; i < n; i++) drawn[i] = shown[i] + (drawn[i] - shown[i]) * a;
      pulse += (pulseDrawn - pulse) * a;
    } else drawn.set(shown);
    pulseDrawn = pulse;
    for (let i = 0; i < n; i++) {
      const v = drawn[i];
      if (v >= peak[i]) { peak[i] = v; holdUntil[i] = now + b.peak_hold_ms; }
      else if (now > holdUntil[i]) peak[i] = Math.max(v, peak[i] - dt / b.peak_fall_ms);
    }
    picture.style = st.style; picture.values = drawn; picture.peaks = peak; picture.showPeaks = settings.peaks;
    picture.pulse = pulse; picture.axis = settings.axis; picture.grid = settings.grid;
    renderer.draw(picture);
    const lv = Math.round(level * 200);
    if (lv !== levelShown) { levelShown = lv; levelEl.style.transform = `scaleX(${lv / 200})`; } // compositor only, when it moves
  }

  // ---- stay awake while visible (the lock is dropped by the browser when hidden; we re-ask)
  let sentinel = null;
  async function wake() {
    if (!('wakeLock' in navigator)) { st.wakeLock = 'unsupported'; return; }
    if (document.visibilityState !== 'visible' || sentinel) return;
    try {
      st.wakeRequests++;
      sentinel = await navigator.wakeLock.request('screen');
      st.wakeLock = 'held';
      sentinel.addEventListener('release', () => { sentinel = null; st.wakeLock = 'released'; });
    } catch (e) { st.wakeLock = 'denied'; }
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') wake();
    else if (sentinel) sentinel.release().catch(() => {});
  });

  // ---- panel: hidden until the screen or the gear is tapped; Escape closes it
  function openPanel(open) {
    panelEl.hidden = !open;
    document.body.classList.toggle('panel-open', open);
    if (open) { const first = panelEl.querySelector('select, input, button'); if (first) first.focus(); }
    else el('open-settings').focus();
  }
  el('open-settings').addEventListener('click', (e) => { e.stopPropagation(); openPanel(panelEl.hidden); });
  canvas.addEventListener('click', () => openPanel(panelEl.hidden));
  canvas.addEventListener('dblclick', () => Panel.toggleFullscreen());
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !panelEl.hidden) openPanel(false); });

  async function init() {
    const lang = (navigator.language || 'en').slice(0, 2).toLowerCase();
    // styles.json revalidates by its ETag (304 when unchanged); the strings are made per request.
    const get = (url, cache) => fetch(url, { cache }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    let [d, i18n] = await Promise.all([get('styles.json', 'no-cache'), get('i18n.json?lang=' + encodeURIComponent(lang), 'no-store')]);
    for (let wait = 1000; !(d && Array.isArray(d.styles) && Array.isArray(d.themes)); wait = Math.min(10000, wait * 2)) {
      await new Promise((r) => setTimeout(r, wait)); // the server is away: the look comes when it is back
      d = await get('styles.json', 'no-cache');
    }
    defs = d; renderer.setDefs(d);
    if (i18n && i18n.strings) {
      strings = i18n.strings; st.lang = i18n.lang || 'en';
      try { localStorage.setItem('spectray.i18n', JSON.stringify(i18n)); } catch (e) { /* not cached */ }
    } else {
      try { const c = JSON.parse(localStorage.getItem('spectray.i18n') || 'null'); if (c) { strings = c.strings; st.lang = c.lang; } } catch (e) { /* none */ }
    }
    document.documentElement.lang = st.lang;
    el('open-settings').setAttribute('aria-label', t('settings.open'));
    el('open-settings').title = t('settings.open');
    renderer.setGridLabel(t('grid.db0', 0));
    settings = Panel.load(defs.styles.map((s) => s.id), defs.themes.map((x) => x.id));
    panel = Panel.build(panelEl, settings, {
      t, styles: defs.styles.map((s) => s.id), themes: defs.themes.map((x) => x.id),
      onChange: () => { applySettings(); subscribe(); }, onClose: () => openPanel(false),
    });
    panel.showOffset(st.playTs);
    applySettings();
    renderStatus();
    st.ready = true;
  }

  connect();
  requestAnimationFrame(draw);
  wake();
  init();
})();
