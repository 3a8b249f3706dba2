/*
 * A class's live feed as the instructor's pages follow it: the /api/classes/{id}/live websocket (a {"type":"hello"},
 * then {"type":"event", event, session, step, ...} per class event), or, when the browser cannot open it (basic
 * credentials not sent on the upgrade, a proxy without websockets), polling. Either way each change ends in one
 * fetch of the progress, debounced. DOM-free (the WebSocket class and the clock are passed in), so node --test can
 * import it.
 */

export const POLL_MS = 1000;            // polling: the grid is never more than a second behind
export const OPEN_TIMEOUT_MS = 4000;    // a socket that has not opened by then counts as refused
export const RETRY_LIVE_MS = 30000;     // while polling, the socket is tried again this often
export const DEBOUNCE_MS = 150;         // events in a burst (a pass, the step it opens) make one fetch

/** A live message: {type: 'hello'} or {type: 'event', event, session, step, ...}; null for anything else. */
export function parseLive(text) {
  let msg;
  try {
    msg = JSON.parse(text);
  } catch (e) {
    return null;
  }
  if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') {
    return null;
  }
  if (msg.type === 'event' && typeof msg.event !== 'string') {
    return null;
  }
  return msg;
}

/** The live socket's URL for a class: same origin, ws or wss as the page. */
export function liveUrl(classId, pageUrl) {
  const url = new URL('/api/classes/' + encodeURIComponent(classId) + '/live', pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * Runs fetch() (which returns a promise) after request(), at most one at a time: requests while one waits join it,
 * requests while one runs make one more after it. A request is served within delay ms plus the fetch in flight.
 */
export function createRefresher(fetch, { delay = DEBOUNCE_MS, later = setTimeout } = {}) {
  let waiting = false;
  let running = false;
  let again = false;

  function run() {
    waiting = false;
    running = true;
    let done;
    try {
      done = Promise.resolve(fetch());
    } catch (e) {
      done = Promise.resolve();
    }
    done.catch(() => {}).then(() => {
      running = false;
      if (again) {
        again = false;
        request();
      }
    });
  }

  function request() {
    if (running) {
      again = true;
    } else if (!waiting) {
      waiting = true;
      later(run, delay);
    }
  }

  return { request };
}

/**
 * Follows a class: onEvent(msg) for each live event, onTick() when it is time to fetch the progress (after each
 * event, and every pollMs while polling), onMode(mode) when the mode changes: connecting, live or polling.
 * Returns {stop(), mode()}.
 */
export function followClass({ url, WebSocketImpl, onEvent = () => {}, onTick, onMode = () => {},
  later = setTimeout, cancel = clearTimeout, every = setInterval, stopEvery = clearInterval,
  pollMs = POLL_MS, openTimeoutMs = OPEN_TIMEOUT_MS, retryMs = RETRY_LIVE_MS }) {
  let mode = null;
  let socket = null;
  let pollTimer = null;
  let openTimer = null;
  let retryTimer = null;
  let stopped = false;

  function setMode(next) {
    if (mode !== next) {
      mode = next;
      onMode(next);
    }
  }

  function startPolling() {
    if (stopped) {
      return;
    }
    setMode('polling');
    if (pollTimer === null) {
      pollTimer = every(onTick, pollMs);
    }
    if (retryTimer === null) {
      retryTimer = later(() => {
        retryTimer = null;
        connect();
      }, retryMs);
    }
  }

  function stopPolling() {
    if (pollTimer !== null) {
      stopEvery(pollTimer);
      pollTimer = null;
    }
  }

  function connect() {
    if (stopped || socket) {
      return;
    }
    if (!WebSocketImpl) {
      startPolling();
      return;
    }
    if (mode === null) {
      setMode('connecting');
    }
    let ws;
    try {
      ws = new WebSocketImpl(url);
    } catch (e) {
      startPolling();
      return;
    }
    socket = ws;
    let opened = false;
    openTimer = later(() => {
      openTimer = null;
      if (socket === ws && !opened) {
        socket = null;
        ws.close();
        startPolling();
      }
    }, openTimeoutMs);
    ws.onopen = () => {
      if (socket !== ws) {
        return;
      }
      opened = true;
      if (openTimer !== null) {
        cancel(openTimer);
        openTimer = null;
      }
      stopPolling();
      setMode('live');
      onTick(); // anything that happened while the socket was not there
    };
    ws.onmessage = (event) => {
      if (socket !== ws || typeof event.data !== 'string') {
        return;
      }
      const msg = parseLive(event.data);
      if (msg && msg.type === 'event') {
        onEvent(msg);
        onTick();
      }
    };
    ws.onclose = () => {
      if (socket !== ws) {
        return;
      }
      socket = null;
      if (openTimer !== null) {
        cancel(openTimer);
        openTimer = null;
      }
      startPolling(); // lost or refused: poll, and try the socket again later
    };
  }

  connect();
  return {
    stop() {
      stopped = true;
      stopPolling();
      [openTimer, retryTimer].forEach((t) => t !== null && cancel(t));
      if (socket) {
        const ws = socket;
        socket = null;
        ws.close();
      }
    },
    mode: () => mode,
  };
}
