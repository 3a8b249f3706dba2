/*
 * A learner's terminal recording (/classes/{id}/replay/{sessionId}): GET /api/sessions/{sid}/recording (asciicast
 * v2), played in xterm.js at the recording's size by its event times (asciicast.js): play, pause, from the start,
 * and 1×, 2× or 4×. Space plays and pauses while the player has the focus. Strings: data-label-* on the root.
 * Answers {terminal()}, the xterm Terminal once the recording is loaded (for the browser tests and the console).
 */
import { Terminal } from '@xterm/xterm';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { call, shareCredentials } from './api.js';
import { SPEEDS, clock, createPlayer, parseCast } from './asciicast.js';
import { byId } from './dom.js';
import { gridModel } from './grid.js';
import { fill } from './text.js';

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function initReplay(root) {
  const labels = root.dataset;
  const sessionId = labels.sessionId;
  const toggle = byId('replay-toggle');
  const restart = byId('replay-restart');
  const status = byId('replay-status');
  const time = byId('replay-time');
  const bar = byId('replay-progress');
  const speeds = [...root.querySelectorAll('[data-speed]')];
  let shown = null;

  shareCredentials().then(load);
  return { terminal: () => shown };

  function load() {
    // The learner's name for the title, if the class's progress can be read.
    call('GET', '/api/classes/' + encodeURIComponent(labels.classId) + '/progress').then((result) => {
      const learner = result.ok ? gridModel(result.data).learners.find((l) => l.sessionId === sessionId) : null;
      if (learner) {
        byId('replay-title').textContent = fill(labels.labelTitle, { name: learner.displayName });
      }
    }, () => {});

    // fetch rather than call(): the recording is lines of JSON, not one JSON document.
    fetch('/api/sessions/' + encodeURIComponent(sessionId) + '/recording', { credentials: 'same-origin' })
      .then((response) => response.text().then((text) => ({ response, text })))
      .then(({ response, text }) => {
        if (response.status === 404) {
          status.textContent = labels.labelMissing;
          return;
        }
        if (!response.ok) {
          status.textContent = labels.labelFailed;
          return;
        }
        let cast;
        try {
          cast = parseCast(text);
        } catch (e) {
          status.textContent = labels.labelFailed;
          return;
        }
        status.textContent = '';
        status.hidden = true;
        start(cast);
      }, () => {
        status.textContent = labels.labelFailed;
      });
  }

  function start(cast) {
    const term = new Terminal({
      allowProposedApi: true,
      disableStdin: true,
      cols: cast.header.width || 80,
      rows: cast.header.height || 24,
      fontFamily: cssVar('--font-mono') || 'monospace',
      fontSize: 14,
      lineHeight: 1.2,
      scrollback: 5000,
      theme: { background: cssVar('--code-bg'), foreground: cssVar('--code-text') },
    });
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    term.open(byId('replay-host'));
    shown = term;

    const player = createPlayer(cast, {
      write: (data) => term.write(data),
      resize: (cols, rows) => term.resize(cols, rows),
      reset: () => term.reset(),
      onChange: ({ state, position, duration, speed }) => {
        toggle.textContent = state === 'playing' ? labels.labelPause : labels.labelPlay;
        toggle.setAttribute('aria-pressed', String(state === 'playing'));
        root.setAttribute('data-state', state);
        time.textContent = clock(position) + ' / ' + clock(duration);
        bar.max = Math.max(duration, 0.001);
        bar.value = position;
        speeds.forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === speed)));
      },
    });
    time.textContent = '0:00 / ' + clock(player.duration());
    toggle.disabled = false;
    restart.disabled = false;
    toggle.addEventListener('click', () => player.toggle());
    restart.addEventListener('click', () => {
      player.restart();
      player.play();
    });
    speeds.forEach((b) => {
      const value = Number(b.dataset.speed);
      b.disabled = !SPEEDS.includes(value);
      b.addEventListener('click', () => player.setSpeed(value));
    });
    root.addEventListener('keydown', (event) => {
      if (event.key === ' ' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        player.toggle();
      }
    });
    root.setAttribute('data-state', 'paused');
    toggle.focus();
  }
}
