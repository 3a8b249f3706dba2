/*
 * The port links bar: one link per port the sandbox publishes, saying whether it answers and, when not, why.
 * Data: GET /api/sessions/{id}/ports once the session is ready (a 404, from a server without port detection, leaves
 * the bar empty and quiet), then the terminal websocket's {"type":"ports","ports":[...]} on every change. Each port
 * is {port, url, answering, state, reason}, state one of answering, not-answering, local-only, not-listening.
 *
 * Events on document, shared with the lab text's actions (see docs/architecture.md, "The lab page's tabs"):
 *   labdeck:ports      dispatched here on every change, detail {ports}: the current list (normalised, by port);
 *   labdeck:open-port  listened to by sidetabs.js, detail {port}: open or focus that port's preview tab.
 * The pure functions are DOM-free so node --test can import them.
 */
import { call, sessionUrl } from './api.js';

export const PORT_STATES = Object.freeze(['answering', 'not-answering', 'local-only', 'not-listening']);

/** The list as the page uses it: valid ports only, each once, by number, with a known state. */
export function normalizePorts(list) {
  if (!Array.isArray(list)) {
    return [];
  }
  const byPort = new Map();
  list.forEach((p) => {
    const port = p && Number(p.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return;
    }
    const state = PORT_STATES.includes(p.state) ? p.state : (p.answering ? 'answering' : 'not-answering');
    byPort.set(port, {
      port,
      url: typeof p.url === 'string' && p.url ? p.url : null,
      answering: state === 'answering',
      state,
      reason: typeof p.reason === 'string' ? p.reason : '',
    });
  });
  return [...byPort.values()].sort((a, b) => a.port - b.port);
}

/** Whether two normalised lists say the same. */
export function samePorts(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Where a port's preview is: the server's URL for it, else the path mode's. */
export function previewUrl(port, sessionId) {
  if (port && port.url) {
    return port.url;
  }
  const number = typeof port === 'object' ? port.port : port;
  return '/sessions/' + encodeURIComponent(sessionId) + '/ports/' + number + '/';
}

/** What a link says about its port's state, in the page's language. */
export function stateText(port, labels) {
  const key = { answering: 'answering', 'not-answering': 'notAnswering', 'local-only': 'localOnly',
    'not-listening': 'notListening' }[port.state];
  return (key && labels[key]) || port.state;
}

/**
 * The bar in bar (#port-bar). parts: session (session.js's), labels (data-label-* of the bar), onOpen(port).
 * Answers {update(list), ports()}: update takes the websocket message's list.
 */
export function initPorts(bar, { session, labels, onOpen }) {
  let ports = [];
  let sessionId = null;

  function render() {
    bar.replaceChildren();
    bar.hidden = ports.length === 0;
    if (ports.length) {
      const title = document.createElement('span');
      title.className = 'port-bar-title';
      title.textContent = labels.title;
      bar.appendChild(title);
    }
    ports.forEach((p) => {
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'port-link';
      link.id = 'port-link-' + p.port;
      link.setAttribute('data-testid', 'port-link-' + p.port);
      link.setAttribute('data-port', String(p.port));
      link.setAttribute('data-state', p.state);
      const words = stateText(p, labels);
      link.title = p.reason ? words + ' — ' + p.reason : words;
      const number = document.createElement('span');
      number.className = 'port-number';
      number.textContent = ':' + p.port;
      const state = document.createElement('span');
      state.className = 'port-state';
      state.textContent = words;
      link.append(number, state);
      link.addEventListener('click', () => onOpen(p.port));
      bar.appendChild(link);
    });
  }

  function update(list) {
    const next = normalizePorts(list);
    if (samePorts(next, ports)) {
      return;
    }
    ports = next;
    render();
    document.dispatchEvent(new CustomEvent('labdeck:ports', { detail: { ports: ports.slice() } }));
  }

  render();
  session.onReady((s) => {
    sessionId = s.id;
    call('GET', sessionUrl('/api/sessions', s.id) + '/ports').then((result) => {
      // 404: no port detection on this server (yet). Anything else that fails: the websocket brings the list.
      if (result.ok && sessionId === s.id) {
        update(result.data);
      }
    }).catch(() => {});
  });
  session.onEnded(() => {
    sessionId = null;
    update([]);
  });

  return {
    update,
    ports: () => ports.slice(),
    url: (port) => previewUrl(ports.find((p) => p.port === port) || port, sessionId),
  };
}
