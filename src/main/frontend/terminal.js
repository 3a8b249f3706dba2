/*
 * The live terminal: xterm.js on the session's terminal websocket (see the contract's "Terminal websocket") and the
 * compose line under it. initTerminal(mount, parts) gets from main.js what it works with:
 *   session        session.js's: onReady / onEnded open and close the terminal with the session, refresh asks
 *                  the server now (after a lost connection);
 *   setRunCommand  lab.js's: makes the Run buttons type into the terminal while it is connected;
 *   onControl      the handler of the other control messages: check and setup (progress.js's), broadcast and
 *                  takeover (classbar.js's); main.js sends each where it belongs;
 *   onConnected    fn(connected) when the terminal's connection comes up (after the replay) or goes.
 * It answers {terminal(), sendControl(msg)}: the live xterm Terminal or null (for the browser tests and the
 * console), and a control message sent on the live connection (false when there is none).
 *
 * Input goes through input.js's queue: frames of at most 16 KiB, held back while the server says the shell has too
 * much unread input. UI strings come from the data-label-* attributes of #terminal-mount, rendered from the message
 * bundle.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { interruptThenRun } from './actions.js';
import { initCompose } from './compose.js';
import { byId } from './dom.js';
import { createInputQueue, typed, utf8 } from './input.js';
import { droppedReason, parseControl, retryDelay, retryState, socketUrl } from './protocol.js';
import { withDetail } from './text.js';

const PING_MS = 25000;
const RESIZE_DELAY_MS = 150;

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function initTerminal(mount, { session: sessions, setRunCommand, copyText, onControl,
  onConnected = () => {} }) {
  const data = mount.dataset;
  const labels = {
    connecting: data.labelConnecting,
    connected: data.labelConnected,
    reconnecting: data.labelReconnecting,
    disconnected: data.labelDisconnected,
    shellExited: data.labelShellExited,
    error: data.labelError,
    dropped: data.labelDropped,
    outOfMemory: data.labelOutOfMemory,
  };
  Terminal.strings.promptLabel = data.labelInput;

  const host = byId('terminal-host');
  const badge = byId('terminal-connection');
  const message = byId('terminal-message');
  let send = () => {};
  const setComposeEnabled = initCompose(byId('compose-input'), byId('compose-send'), (text) => send(text));
  let current = null;
  let xterm = null;
  let sendOnLive = () => false; // sends a control message on the live connection

  function showMessage(text) {
    message.textContent = text || '';
    message.hidden = !text;
  }

  function copy(text) {
    return copyText(text).catch(() => false);
  }

  /** Opens a terminal on session and keeps it connected until stop(). */
  function open(session) {
    const term = new Terminal({
      allowProposedApi: true, // the unicode11 addon's API is still "proposed"
      cursorBlink: true,
      disableStdin: true,
      fontFamily: cssVar('--font-mono') || 'monospace',
      fontSize: 14,
      lineHeight: 1.2, // room for descenders and for the CJK fallback fonts' taller glyphs
      scrollback: 5000,
      theme: {
        background: cssVar('--code-bg'),
        foreground: cssVar('--code-text'),
        cursor: '#8fb0ff',
        selectionBackground: 'rgba(111, 143, 255, .4)',
      },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon());
    // East Asian wide characters and emoji take two cells, as the shell's own width tables say.
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    host.replaceChildren();
    term.open(host);

    let socket = null;
    let connected = false;
    let everConnected = false;
    let over = false;      // the session is gone: no more reconnecting
    let failures = 0;      // connections lost or refused in a row
    let heard = false;     // something came from the server since the last ping
    let retryTimer = null;
    let pingTimer = null;
    let resizeTimer = null;
    let fitFrame = 0;
    let lastOutputAt = 0;  // when output last came: an interrupt block waits for the quiet after its Ctrl-C
    let keepMessage = false; // the server's reason for dropping the last connection stays up through the reconnect
    const queue = createInputQueue({
      transmit: (frame) => {
        if (socket && socket.readyState === WebSocket.OPEN) {
          socket.send(frame);
        }
      },
      backlog: () => (socket ? socket.bufferedAmount : 0),
    });

    function setState(state) {
      badge.hidden = false;
      badge.setAttribute('data-connection', state);
      badge.textContent = labels[state];
      const was = connected;
      connected = state === 'connected';
      if (was !== connected) {
        onConnected(connected);
      }
      term.options.disableStdin = !connected;
      setComposeEnabled(connected);
      setRunCommand(connected ? run : null);
    }

    /** Input, in order after what waits; none while not connected (before the replay is drawn, or after a loss). */
    function sendBytes(bytes) {
      if (connected && socket && socket.readyState === WebSocket.OPEN) {
        queue.send(bytes);
      }
    }

    function sendControl(message) {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
      }
    }

    function sendResize() {
      sendControl({ type: 'resize', cols: term.cols, rows: term.rows });
    }

    /** A Run button's command, as typed; options.interrupt (an interrupt block) sends Ctrl-C first. */
    function run(text, block, options = {}) {
      const typeIt = () => {
        send(typed(text));
        term.scrollToBottom();
        term.focus();
      };
      if (options.interrupt) {
        interruptThenRun({ sendRaw: (t) => send(t), run: typeIt, lastOutputAt: () => lastOutputAt });
      } else {
        typeIt();
      }
    }

    function refit() {
      cancelAnimationFrame(fitFrame);
      fitFrame = requestAnimationFrame(() => {
        // A hidden pane measures 0 × 0, which would shrink the terminal to nothing.
        if (host.clientWidth > 0 && host.clientHeight > 0) {
          fit.fit();
        }
      });
    }

    function connect() {
      clearTimeout(retryTimer);
      queue.reset(); // a new connection starts unpaused, with nothing of the last one's input
      const ws = new WebSocket(socketUrl(session.terminalUrl, window.location.href));
      ws.binaryType = 'arraybuffer';
      socket = ws;
      ws.onopen = () => {
        // The server replays recent output next: start from a clean screen so it is not shown twice.
        term.reset();
        heard = true;
        sendResize();
        pingTimer = setInterval(ping, PING_MS);
      };
      ws.onmessage = (event) => {
        heard = true;
        if (typeof event.data === 'string') {
          control(ws, event.data);
        } else {
          lastOutputAt = Date.now();
          term.write(new Uint8Array(event.data));
        }
      };
      ws.onclose = (event) => {
        if (socket === ws) {
          // The server's reason is English; the learner reads the page's language.
          if (droppedReason(event.code, event.reason) !== null) {
            showMessage(labels.dropped);
            keepMessage = true;
          }
          lost();
        }
      };
    }

    function control(ws, text) {
      const msg = parseControl(text);
      if (!msg) {
        return;
      }
      if (msg.type === 'status') {
        status(ws, msg.state);
      } else if (msg.type === 'error') {
        showMessage(withDetail(labels.error, msg.message));
      } else if (msg.type === 'flow') {
        if (socket === ws) {
          queue.setPaused(msg.paused === true);
        }
      } else if (msg.type === 'incident' && msg.kind === 'out-of-memory') {
        // The shell may only have printed "Killed": say why, in the page's language, in the terminal and aloud.
        term.write('\r\n\x1b[33m' + labels.outOfMemory + '\x1b[0m\r\n');
        showMessage(labels.outOfMemory);
      } else if (msg.type !== 'pong') {
        onControl(msg); // check and setup for the steps, broadcast and takeover for the class bar
      }
      // pong only shows the connection is alive.
    }

    function status(ws, state) {
      if (state === 'ready' || state === 'reconnected') {
        // Input stays off until the replay has been drawn: xterm answers the cursor-position queries in it (busybox
        // sh asks after every prompt), and those answers would reach today's shell as typed garbage.
        term.write('', () => {
          if (socket === ws) {
            failures = 0;
            everConnected = true;
            if (!keepMessage) {
              showMessage('');
            }
            keepMessage = false;
            setState('connected');
          }
        });
      } else if (state === 'exited') {
        term.write('\r\n\x1b[2m' + labels.shellExited + '\x1b[0m\r\n');
      } else if (state === 'ended' || state === 'expired') {
        over = true;
        setState('disconnected');
        refreshSession();
      }
    }

    /** The server knows whether the session is still on; session.js asks it and ends the page's session if not. */
    function refreshSession() {
      sessions.refresh();
    }

    /** A connection that did not come up, or went away; the input waiting for it goes with it. */
    function lost() {
      clearInterval(pingTimer);
      socket = null;
      queue.reset();
      if (over) {
        setState('disconnected');
        return;
      }
      const delay = retryDelay(failures);
      failures += 1;
      setState(retryState(failures, everConnected));
      refreshSession();
      retryTimer = setTimeout(connect, delay);
    }

    function ping() {
      if (!heard) {
        // Not even a pong since the last ping: the connection died without a word (a sleeping laptop, a dropped
        // NAT entry). Closing it politely could wait a long time, so give it up now and connect again.
        const ws = socket;
        socket = null;
        ws.close();
        lost();
        return;
      }
      heard = false;
      sendControl({ type: 'ping' });
    }

    function reconnectNow() {
      if (!over && !socket) {
        connect();
      }
    }

    function stop() {
      over = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      clearTimeout(resizeTimer);
      cancelAnimationFrame(fitFrame);
      queue.reset();
      observer.disconnect();
      if (socket) {
        const ws = socket;
        socket = null;
        ws.close();
      }
      setState('disconnected');
      term.dispose();
      send = () => {};
      sendOnLive = () => false;
      xterm = null;
    }

    // One encoding for the whole text: a paste of megabytes is one onData string, cut into frames afterwards.
    send = (text) => sendBytes(utf8(text));
    term.onData(send);
    // Some mouse reports are not UTF-8: onBinary gives them as one byte per character.
    term.onBinary((text) => sendBytes(Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)));
    term.onResize(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(sendResize, RESIZE_DELAY_MS);
    });

    // Ctrl+C stays the shell's interrupt, as in any terminal; Ctrl+Shift+C and Ctrl+Shift+V are copy and paste.
    term.attachCustomKeyEventHandler((event) => {
      if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) {
        return true;
      }
      if (event.code === 'KeyC') {
        event.preventDefault(); // Chrome would open its element inspector
        if (event.type === 'keydown' && term.hasSelection()) {
          copy(term.getSelection()).then(() => term.focus());
        }
        return false;
      }
      if (event.code === 'KeyV') {
        // Left to the browser, which pastes into xterm's textarea without asking for clipboard permission; xterm
        // handles that paste event as term.paste() does, bracketed when the shell asks for it.
        return false;
      }
      return true;
    });
    // A mouse selection is copied as it is made, as in X terminals; the fallback copy may take the focus away.
    term.element.addEventListener('mouseup', (event) => {
      if (event.button === 0) {
        setTimeout(() => {
          if (term.hasSelection()) {
            copy(term.getSelection()).then(() => term.focus());
          }
        });
      }
    });

    // Window resizes, the split's handle and the pane's own changes all show up as a new size of the host.
    const observer = new ResizeObserver(refit);
    observer.observe(host);
    document.fonts.ready.then(refit);

    xterm = term;
    sendOnLive = (msg) => {
      if (!connected || !socket || socket.readyState !== WebSocket.OPEN) {
        return false;
      }
      sendControl(msg);
      return true;
    };
    setState('connecting');
    connect();
    term.focus();
    return { session, stop, reconnectNow };
  }

  sessions.onReady((session) => {
    if (current && current.session.id === session.id) {
      return;
    }
    if (current) {
      current.stop();
    }
    current = open(session);
  });
  sessions.onEnded((session) => {
    if (current && current.session.id === session.id) {
      current.stop();
      current = null;
    }
  });

  // Back online, or back to the tab: do not wait for the next retry.
  window.addEventListener('online', () => current && current.reconnectNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && current) {
      current.reconnectNow();
    }
  });

  return { terminal: () => xterm, sendControl: (msg) => sendOnLive(msg) };
}
