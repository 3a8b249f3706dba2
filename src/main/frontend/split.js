/*
 * The handle between the steps and the terminal: a window splitter (WAI-ARIA) that drags with the pointer or moves
 * with the arrow keys. It sets the terminal column's share of the layout as --terminal-share and remembers it in
 * localStorage. The terminal refits by itself (it watches its own size), so this knows nothing about it.
 */
const KEY = 'labdeck.split.terminal-share';
const MIN = 28;    // percent of the layout's width for the terminal; below this a prompt line barely fits
const MAX = 72;    // and above this the steps become too narrow to read
const STEP = 2;

function clamp(share) {
  return Math.min(MAX, Math.max(MIN, share));
}

function stored() {
  try {
    const value = parseFloat(localStorage.getItem(KEY));
    return Number.isFinite(value) ? clamp(value) : null;
  } catch (e) {
    return null; // storage can be off (private windows, policies): the default split is fine
  }
}

function remember(share) {
  try {
    localStorage.setItem(KEY, String(share));
  } catch (e) {
    // not remembered; the split still works on this page
  }
}

export function initSplit(layout, handle) {
  // The stylesheet's own default when nothing is stored, so the CSS stays the single place it is set.
  let share = stored() ?? clamp(parseFloat(getComputedStyle(layout).getPropertyValue('--terminal-share')) || 44);

  function apply(value) {
    share = Math.round(clamp(value) * 10) / 10;
    layout.style.setProperty('--terminal-share', share + '%');
    // The separator's value is the size of the pane it controls: the steps.
    handle.setAttribute('aria-valuenow', String(Math.round(100 - share)));
  }

  handle.setAttribute('aria-valuemin', String(100 - MAX));
  handle.setAttribute('aria-valuemax', String(100 - MIN));
  apply(share);

  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) {
      return;
    }
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    layout.classList.add('is-resizing');
  });
  handle.addEventListener('pointermove', (event) => {
    if (handle.hasPointerCapture(event.pointerId)) {
      const box = layout.getBoundingClientRect();
      apply(((box.right - event.clientX) / box.width) * 100);
    }
  });
  const release = (event) => {
    if (handle.hasPointerCapture(event.pointerId)) {
      handle.releasePointerCapture(event.pointerId);
    }
    layout.classList.remove('is-resizing');
    remember(share);
  };
  handle.addEventListener('pointerup', release);
  handle.addEventListener('pointercancel', release);

  // Left and right move the handle; Home and End take it as far as it goes.
  const keys = {
    ArrowLeft: () => share + STEP,
    ArrowRight: () => share - STEP,
    Home: () => MAX,
    End: () => MIN,
  };
  handle.addEventListener('keydown', (event) => {
    const next = keys[event.key];
    if (next) {
      event.preventDefault();
      apply(next());
      remember(share);
    }
  });
}
