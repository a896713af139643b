// Spectray web client: settings (remembered per device in localStorage, preset by the URL fragment)
// and the settings panel (hidden until asked for; a real <dialog>-like form reachable by keyboard).
'use strict';
window.SpectrayPanel = (() => {
  const KEY = 'spectray.settings';
  // style and theme: '' = the first one styles.json lists (the ids and their colours live there only).
  const DEFAULTS = { style: '', theme: '', peaks: true, smoothing: 'normal', fps: 0, axis: true, grid: true,
    mirror: false, offset: 0, flash: true };
  const SMOOTHING = ['low', 'normal', 'high'];
  const FPS = [0, 15, 30, 60];

  // Values from text (fragment or storage) are checked against the known ones: junk never sticks.
  function clean(key, v, styles, themes) {
    const bool = (x) => x === true || x === '1' || x === 'true' || x === 'on';
    switch (key) {
      case 'style': return styles.includes(v) ? v : undefined;
      case 'theme': return themes.includes(v) ? v : undefined;
      case 'smoothing': return SMOOTHING.includes(v) ? v : undefined;
      case 'fps': { const n = Number(v); return FPS.includes(n) ? n : undefined; }
      case 'offset': { const n = Math.round(Number(v)); return Number.isFinite(n) ? Math.max(-500, Math.min(500, n)) : undefined; }
      case 'peaks': case 'axis': case 'grid': case 'mirror': case 'flash': return typeof v === 'boolean' ? v : (v === undefined ? undefined : bool(v));
      default: return undefined;
    }
  }

  function load(styles, themes) {
    const s = { ...DEFAULTS, style: styles[0], theme: themes[0] };
    let stored = {};
    try { stored = JSON.parse(localStorage.getItem(KEY) || '{}') || {}; } catch (e) { stored = {}; }
    for (const k of Object.keys(DEFAULTS)) {
      const v = clean(k, stored[k], styles, themes);
      if (v !== undefined) s[k] = v;
    }
    // A fragment preset (#t=TOKEN&style=led&theme=contrast) wins and is remembered, so a QR code
    // can carry a look.
    const frag = new URLSearchParams(location.hash.replace(/^#/, ''));
    for (const k of Object.keys(DEFAULTS)) {
      if (!frag.has(k)) continue;
      const v = clean(k, frag.get(k), styles, themes);
      if (v !== undefined) s[k] = v;
    }
    save(s);
    return s;
  }

  function save(s) {
    try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode: not remembered */ }
  }

  // Builds the form. t(key) translates; onChange(settings) applies. Returns {sync, showOffset}.
  function build(root, settings, opts) {
    const { t, styles, themes, onChange } = opts;
    root.textContent = '';
    const title = document.createElement('h2');
    title.textContent = t('settings.open');
    root.append(title);
    const field = (key, label, input) => {
      const row = document.createElement('label');
      row.className = 'row'; row.dataset.key = key;
      const span = document.createElement('span');
      span.textContent = label;
      row.append(span, input);
      root.append(row);
      return row;
    };
    const select = (key, label, values, name) => {
      const el = document.createElement('select');
      el.id = 'set-' + key;
      for (const v of values) {
        const o = document.createElement('option');
        o.value = String(v); o.textContent = name(v);
        el.append(o);
      }
      el.addEventListener('change', () => { settings[key] = clean(key, el.value, styles, themes); changed(); });
      field(key, label, el);
      return el;
    };
    const check = (key, label) => {
      const el = document.createElement('input');
      el.type = 'checkbox'; el.id = 'set-' + key;
      el.addEventListener('change', () => { settings[key] = el.checked; changed(); });
      field(key, label, el);
      return el;
    };
    const inputs = {
      style: select('style', t('settings.style'), styles, (v) => t('style.' + v)),
      mirror: check('mirror', t('settings.mirror')),
      theme: select('theme', t('settings.theme'), themes, (v) => t('theme.' + v)),
      peaks: check('peaks', t('settings.peaks')),
      smoothing: select('smoothing', t('settings.smoothing'), SMOOTHING, (v) => t('smoothing.' + v)),
      fps: select('fps', t('settings.fps'), FPS, (v) => (v ? String(v) : t('fps.max'))),
      axis: check('axis', t('settings.axis')),
      grid: check('grid', t('settings.grid')),
      flash: check('flash', t('settings.flash')),
    };
    const offset = document.createElement('input');
    offset.type = 'range'; offset.min = '-500'; offset.max = '500'; offset.step = '10'; offset.id = 'set-offset';
    const offsetOut = document.createElement('output');
    const wrap = document.createElement('span');
    wrap.className = 'range'; wrap.append(offset, offsetOut);
    offset.addEventListener('input', () => { settings.offset = clean('offset', offset.value); offsetOut.textContent = String(settings.offset); changed(); });
    const offsetRow = field('offset', t('settings.offset'), wrap);
    offsetRow.hidden = true; // only where frames carry play_ts
    inputs.offset = offset;

    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const full = document.createElement('button');
    full.type = 'button'; full.textContent = t('settings.fullscreen'); full.id = 'fullscreen';
    full.addEventListener('click', toggleFullscreen);
    const close = document.createElement('button');
    close.type = 'button'; close.textContent = t('settings.close'); close.id = 'close-settings';
    close.addEventListener('click', () => opts.onClose());
    buttons.append(full, close);
    root.append(buttons);

    function sync() {
      for (const [k, el] of Object.entries(inputs)) {
        if (el.type === 'checkbox') el.checked = !!settings[k];
        else el.value = String(settings[k]);
      }
      offsetOut.textContent = String(settings.offset);
      inputs.style.disabled = settings.mirror; // following the desktop: the style is not ours to pick
    }
    function changed() { save(settings); sync(); onChange(settings); }
    sync();
    return { sync, showOffset: (on) => { offsetRow.hidden = !on; } };
  }

  function toggleFullscreen() {
    const d = document;
    if (d.fullscreenElement || d.webkitFullscreenElement) (d.exitFullscreen || d.webkitExitFullscreen).call(d);
    else {
      const r = d.documentElement, req = r.requestFullscreen || r.webkitRequestFullscreen;
      if (req) Promise.resolve(req.call(r)).catch(() => {});
    }
  }

  return { DEFAULTS, load, save, build, toggleFullscreen };
})();
