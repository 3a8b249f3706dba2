/*
 * Looking over a learner's shoulder (/classes/{id}/watch/{sessionId}): their terminal, live, from
 * /api/sessions/{sid}/terminal?watch=true (the browser sends the instructor's basic credentials on the upgrade), and
 * their steps beside it from the class's progress. Read-only: typing is on only while the server says the learner
 * allows it ({"type":"takeover","allowed":true}); a watcher never sends a resize, so the learner's screen keeps its
 * size. Answers {terminal()} for the browser tests. Strings come from data-label-* on the page's root.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { call, shareCredentials } from './api.js';
import { takeoverOf } from './classroom.js';
import { byId } from './dom.js';
import { SYMBOLS, gridModel } from './grid.js';
import { createInputQueue, utf8 } from './input.js';
import { createRefresher, followClass, liveUrl } from './live.js';
import { parseControl, retryDelay, retryState, socketUrl } from './protocol.js';
import { fill } from './text.js';
import { initWatchPorts } from './watchports.js';

const PING_MS = 25000;

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function initWatch(root) {
  const labels = root.dataset;
  const classId = labels.classId;
  const sessionId = labels.sessionId;
  const badge = byId('watch-connection');
  const message = byId('watch-message');
  const consent = byId('watch-takeover');
  const pane = byId('watch-pane');
  const host = byId('watch-host');
  Terminal.strings.promptLabel = labels.labelInput;

  const term = new Terminal({
    allowProposedApi: true,
    disableStdin: true,
    cursorBlink: false,
    fontFamily: cssVar('--font-mono') || 'monospace',
    fontSize: 14,
    lineHeight: 1.2,
    scrollback: 5000,
    theme: { background: cssVar('--code-bg'), foreground: cssVar('--code-text'), cursor: '#8fb0ff' },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  term.open(host);
  new ResizeObserver(() => {
    if (host.clientWidth > 0 && host.clientHeight > 0) {
      fit.fit();
    }
  }).observe(host);

  const ports = initWatchPorts(byId('watch-ports'), byId('watch-ports-title'), sessionId);
  let socket = null;
  let allowed = false;
  let failures = 0;
  let everConnected = false;
  const queue = createInputQueue({
    transmit: (frame) => socket && socket.readyState === WebSocket.OPEN && socket.send(frame),
    backlog: () => (socket ? socket.bufferedAmount : 0),
  });

  function setConnection(state) {
    badge.setAttribute('data-connection', state);
    badge.textContent = labels['label' + state.charAt(0).toUpperCase() + state.slice(1)] || state;
  }

  function setAllowed(on) {
    allowed = on;
    term.options.disableStdin = !on;
    consent.setAttribute('data-allowed', String(on));
    consent.textContent = on ? labels.labelTakeover : labels.labelReadOnly;
    pane.setAttribute('data-allowed', String(on));
  }

  function connect() {
    const ws = new WebSocket(socketUrl('/api/sessions/' + encodeURIComponent(sessionId) + '/terminal?watch=true',
      window.location.href));
    ws.binaryType = 'arraybuffer';
    socket = ws;
    let ping = null;
    ws.onopen = () => {
      term.reset(); // the server replays the recent output next
      failures = 0;
      everConnected = true;
      message.hidden = true;
      setConnection('connected');
      ports.load();
      ping = setInterval(() => ws.send(JSON.stringify({ type: 'ping' })), PING_MS);
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') {
        term.write(new Uint8Array(event.data));
        return;
      }
      const msg = parseControl(event.data);
      const on = takeoverOf(msg);
      if (on !== null) {
        setAllowed(on);
      } else if (msg && msg.type === 'flow') {
        queue.setPaused(msg.paused === true);
      } else if (msg && msg.type === 'status' && msg.state === 'exited') {
        term.write('\r\n\x1b[2m' + labels.labelShellExited + '\x1b[0m\r\n');
      } else if (msg && msg.type === 'check') {
        refresher.request();
      } else if (msg && msg.type === 'ports') {
        ports.draw(msg.ports);
      }
    };
    ws.onclose = () => {
      clearInterval(ping);
      if (socket !== ws) {
        return;
      }
      socket = null;
      queue.reset();
      setAllowed(false);
      failures += 1;
      setConnection(retryState(failures, everConnected));
      if (!everConnected && failures >= 3) {
        message.textContent = labels.labelFailed;
        message.hidden = false;
      }
      setTimeout(connect, retryDelay(failures - 1));
    };
  }

  term.onData((text) => {
    if (allowed) {
      queue.send(utf8(text));
    }
  });

  /* ---- The learner's steps ---------------------------------------------------------------------------------- */

  const list = byId('watch-steps');
  const statusText = (s) => labels['labelStatus' + s.charAt(0).toUpperCase() + s.slice(1)] || s;

  function drawSteps(grid) {
    const learner = grid.learners.find((l) => l.sessionId === sessionId);
    if (!learner) {
      return;
    }
    byId('watch-title').textContent = fill(labels.labelTitle, { name: learner.displayName });
    document.title = learner.displayName + ' · Labdeck';
    const items = grid.steps.map((s, i) => {
      const status = learner.cells[s.id] || 'pending';
      const li = document.createElement('li');
      li.setAttribute('data-step', s.id);
      li.setAttribute('data-status', status);
      li.classList.toggle('is-current', s.id === learner.currentStep);
      const symbol = document.createElement('span');
      symbol.className = 'cell-symbol';
      symbol.setAttribute('aria-hidden', 'true');
      symbol.textContent = SYMBOLS[status];
      const title = document.createElement('span');
      title.className = 'watch-step-title';
      title.textContent = (i + 1) + '. ' + s.title;
      const word = document.createElement('span');
      word.className = 'watch-step-status';
      word.textContent = statusText(status);
      li.append(symbol, title, word);
      return li;
    });
    list.replaceChildren(...items);
  }

  const refresher = createRefresher(() => call('GET', '/api/classes/' + encodeURIComponent(classId) + '/progress')
    .then((result) => {
      if (result.ok && result.data) {
        drawSteps(gridModel(result.data));
      }
    }));
  const mode = byId('live-mode');
  setAllowed(false);
  setConnection('connecting');
  shareCredentials().then(() => {
    connect();
    refresher.request();
    followClass({
      url: liveUrl(classId, window.location.href),
      WebSocketImpl: window.WebSocket,
      onTick: () => refresher.request(),
      onMode: (m) => {
        mode.textContent = labels['labelMode' + m.charAt(0).toUpperCase() + m.slice(1)] || m;
      },
    });
  });
  return { terminal: () => term };
}
