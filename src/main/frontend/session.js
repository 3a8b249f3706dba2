/*
 * Session controls: Start, the countdown with Extend, and End, on the session REST API.
 *
 * Everything it needs comes from #terminal-pane: data-api (the sessions endpoint), data-lab-id, data-lang and the
 * data-label-* strings rendered from the message bundle, so this file holds no UI strings. The pane shows one
 * [data-panel] at a time and says which in data-state: idle, starting, ready, ended or error.
 *
 * initSession(pane) answers what the steps and the terminal (main.js hands it to them) need:
 *   onReady(fn)  fn(session, mount) when a session is ready (at once if one already is). Once a handler is
 *                registered, the #terminal-mount element replaces the "sandbox is ready" panel.
 *   onEnded(fn)  fn(session, reason) when it ends; reason is ended, expired or failed.
 *   current()    the live session ({id, labId, lang, status, expiresAt, terminalUrl}) or null.
 *   refresh()    asks the server about the session now (the terminal lost its connection), ending it here if it is
 *                over there.
 */
import { call, clockSkew, instant, liveSessionOf, retryAfterSeconds, serverMessage, sessionUrl } from './api.js';
import { announceIn, byId, isShown } from './dom.js';
import { fill, formatCountdown, withDetail } from './text.js';

const POLL_MS = 30000;          // polling also tells the server the browser is still here
const STARTING_POLL_MS = 3000;  // a session another tab is still starting
const LOW_MS = 5 * 60 * 1000;   // the timeLow message says "5 minutes"
const DEFAULT_RETRY_S = 10;

export function initSession(pane) {
  const data = pane.dataset;
  const api = data.api;
  const labId = data.labId;
  const lang = data.lang;
  const labels = {
    starting: data.labelStarting,
    statusReady: data.labelStatusReady,
    statusEnded: data.labelStatusEnded,
    sessionStarting: data.labelSessionStarting,
    sessionReady: data.labelSessionReady,
    timeLow: data.labelTimeLow,
    extended: data.labelExtended,
    extendFailed: data.labelExtendFailed,
    endFailed: data.labelEndFailed,
    sessionEnded: data.labelSessionEnded,
    sessionExpired: data.labelSessionExpired,
    sessionFailed: data.labelSessionFailed,
    startFailed: data.labelStartFailed,
    networkError: data.labelNetworkError,
    retryIn: data.labelRetryIn,
  };

  const panels = pane.querySelectorAll('[data-panel]');
  const startButtons = pane.querySelectorAll('[data-action="start"]');
  const controls = byId('session-controls');
  const statusBadge = byId('session-status');
  const timer = byId('session-timer');
  const countdown = byId('session-countdown');
  const extendButton = byId('session-extend');
  const endButton = byId('session-end');
  const confirmBox = byId('session-confirm');
  const confirmButton = byId('session-end-confirm');
  const cancelButton = byId('session-end-cancel');
  const notice = byId('session-notice');
  const sessionIdText = byId('session-id');
  const mount = byId('terminal-mount');
  const endedText = byId('session-ended-text');
  const errorTitle = byId('session-error-title');
  const errorDetail = byId('session-error-detail');
  const live = byId('session-live');
  const extendHint = extendButton.title;

  let session = null;       // the live session, as the API last described it
  let expiresAt = 0;        // ms since the epoch, server time
  let skew = 0;             // server clock minus ours, when they differ noticeably
  let tickTimer = null;
  let pollTimer = null;
  let retryTimer = null;
  let busy = false;
  let low = false;
  let readyFired = null;    // the id of the session the ready hooks last ran for
  const readyHandlers = [];
  const endedHandlers = [];

  /* ---- Talking to the API ---------------------------------------------------------------------------------- */

  /** call() that also keeps up with the server's clock, which the expiry is in. */
  function request(method, url, body) {
    return call(method, url, body).then((result) => {
      const diff = clockSkew(result.response.headers.get('Date'), Date.now());
      if (diff !== null) {
        skew = diff;
      }
      return result;
    });
  }

  function now() {
    return Date.now() + skew;
  }

  /* ---- Showing things ------------------------------------------------------------------------------------- */

  function announce(text) {
    announceIn(live, text);
  }

  function setNotice(text, tone) {
    notice.textContent = text || '';
    notice.hidden = !text;
    notice.setAttribute('data-tone', tone || 'info');
  }

  /** Moves focus to target when it was inside the pane and would otherwise be lost with a hidden element. */
  function keepFocus(target) {
    const active = document.activeElement;
    if (target && (!active || active === document.body || (pane.contains(active) && !isShown(active)))) {
      target.focus();
    }
  }

  function show(state) {
    const terminalTakesOver = state === 'ready' && readyHandlers.length > 0;
    pane.setAttribute('data-state', state);
    panels.forEach((panel) => {
      const name = panel.getAttribute('data-panel');
      panel.hidden = terminalTakesOver ? true : name !== state;
    });
    mount.hidden = !terminalTakesOver;
    controls.hidden = state !== 'ready';
    if (state !== 'ready') {
      closeConfirm(false);
      setNotice('');
    }
  }

  function setBusy(on) {
    busy = on;
    startButtons.forEach((button) => {
      if (on && !button.hasAttribute('data-label')) {
        button.setAttribute('data-label', button.textContent);
      }
      button.textContent = on ? labels.starting : button.getAttribute('data-label') || button.textContent;
      button.disabled = on;
    });
  }

  function retryText(seconds) {
    return fill(labels.retryIn, { seconds });
  }

  /* ---- Timers --------------------------------------------------------------------------------------------- */

  function stopTimers() {
    clearInterval(tickTimer);
    clearTimeout(pollTimer);
    tickTimer = null;
    pollTimer = null;
  }

  function clearRetry() {
    clearInterval(retryTimer);
    retryTimer = null;
  }

  function schedulePoll(ms) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, ms);
  }

  function tick() {
    const left = expiresAt - now();
    countdown.textContent = formatCountdown(left);
    const isLow = left < LOW_MS;
    if (isLow !== low) {
      low = isLow;
      timer.classList.toggle('is-low', low);
      extendButton.classList.toggle('is-low', low);
      if (low && left > 0) {
        setNotice(labels.timeLow, 'warn');
        announce(labels.timeLow);
      } else if (!low && notice.getAttribute('data-tone') === 'warn') {
        setNotice('');
      }
    }
    if (left <= 0) {
      // Time is up by our clock: ask the server (another tab may have extended it) before saying so.
      clearInterval(tickTimer);
      tickTimer = null;
      poll(true);
    }
  }

  function startTicking() {
    clearInterval(tickTimer);
    tick();
    if (expiresAt - now() > 0) {
      tickTimer = setInterval(tick, 1000);
    }
  }

  /* ---- Session states ------------------------------------------------------------------------------------- */

  function adopt(view) {
    session = {
      id: view.id,
      labId: view.labId,
      lang: view.lang,
      status: view.status,
      expiresAt: view.expiresAt,
      terminalUrl: view.terminalUrl,
    };
    expiresAt = instant(view.expiresAt);
    if (view.status === 'ready') {
      ready();
    } else if (view.status === 'starting') {
      show('starting');
      schedulePoll(STARTING_POLL_MS);
    } else {
      ended(view.status);
    }
  }

  function ready() {
    const wasReady = pane.getAttribute('data-state') === 'ready';
    statusBadge.textContent = labels.statusReady;
    statusBadge.setAttribute('data-status', 'ready');
    sessionIdText.textContent = session.id;
    low = false;
    timer.classList.remove('is-low');
    extendButton.classList.remove('is-low');
    extendButton.disabled = false;
    extendButton.removeAttribute('aria-disabled');
    extendButton.title = extendHint;
    show('ready');
    startTicking();
    schedulePoll(POLL_MS);
    if (!wasReady) {
      announce(labels.sessionReady);
      keepFocus(pane.querySelector('[data-panel="ready"] .panel-title'));
    }
    fireReady();
  }

  function fireReady() {
    if (!session || readyFired === session.id) {
      return;
    }
    readyFired = session.id;
    readyHandlers.forEach((fn) => runHook(fn, [currentSession(), mount]));
  }

  /** One part of the page failing must not stop the others from hearing about the session. */
  function runHook(fn, args) {
    try {
      fn(...args);
    } catch (e) {
      console.error(e);
    }
  }

  /** The session is over: reason is ended, expired or failed. */
  function ended(reason) {
    const last = currentSession();
    stopTimers();
    session = null;
    readyFired = null;
    const text = reason === 'expired' ? labels.sessionExpired
      : reason === 'failed' ? labels.sessionFailed : labels.sessionEnded;
    endedText.textContent = text;
    statusBadge.textContent = labels.statusEnded;
    statusBadge.setAttribute('data-status', 'ended');
    show('ended');
    announce(text);
    keepFocus(endedText);
    if (last) {
      const why = reason === 'expired' || reason === 'failed' ? reason : 'ended';
      endedHandlers.forEach((fn) => runHook(fn, [last, why]));
    }
  }

  function failed(title, detail) {
    errorTitle.textContent = title;
    errorDetail.textContent = detail || '';
    errorDetail.hidden = !detail;
    show('error');
    announce(detail ? title + ' ' + detail : title);
    keepFocus(pane.querySelector('[data-panel="error"] [data-action="start"]'));
  }

  function currentSession() {
    if (!session) {
      return null;
    }
    return {
      id: session.id,
      labId: session.labId,
      lang: session.lang,
      status: session.status,
      expiresAt: session.expiresAt,
      terminalUrl: session.terminalUrl,
    };
  }

  /* ---- Actions -------------------------------------------------------------------------------------------- */

  // The page asks for this browser's live session of this lab and language first, so a reload resumes it.
  let lookup = request('GET', api).then(
    (result) => (result.ok ? liveSessionOf(result.data, labId, lang) : null),
    () => null,
  );

  lookup.then((found) => {
    if (found && !session && !busy) {
      lookup = Promise.resolve(null); // used up: a session ended since must not come back with Start again
      adopt(found);
    }
  });

  function start(autoRetry) {
    if (busy || session) {
      return;
    }
    clearRetry();
    setBusy(true);
    show('starting');
    announce(labels.sessionStarting);
    keepFocus(pane.querySelector('[data-panel="starting"] .panel-title'));
    lookup.then((found) => {
      if (found) {
        lookup = Promise.resolve(null);
        return { ok: true, status: 200, data: found };
      }
      return request('POST', api, { labId, lang });
    }).then((result) => {
      setBusy(false);
      if (result.ok && result.data && result.data.id) {
        adopt(result.data);
      } else if (result.status === 429) {
        tooMany(result, autoRetry);
      } else {
        failed(labels.startFailed, serverMessage(result) || ('HTTP ' + result.status));
      }
    }, () => {
      setBusy(false);
      failed(labels.startFailed, labels.networkError);
    });
  }

  /** 429: count down Retry-After, then try once more by itself; a second 429 just says so. */
  function tooMany(result, wasRetry) {
    const seconds = retryAfterSeconds(result.response && result.response.headers.get('Retry-After'),
      DEFAULT_RETRY_S);
    if (wasRetry) {
      failed(labels.startFailed, serverMessage(result) || retryText(seconds));
      return;
    }
    const until = Date.now() + seconds * 1000;
    failed(labels.startFailed, retryText(seconds));
    retryTimer = setInterval(() => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        clearRetry();
        start(true);
      } else {
        errorDetail.textContent = retryText(left);
      }
    }, 1000);
  }

  /** Asks the server how the session is; the call also counts as the browser being still here. */
  function poll(expiring) {
    if (!session) {
      return;
    }
    const id = session.id;
    clearTimeout(pollTimer);
    request('GET', sessionUrl(api, id)).then((result) => {
      if (!session || session.id !== id) {
        return;
      }
      if (result.ok && result.data) {
        const view = result.data;
        session.status = view.status;
        session.expiresAt = view.expiresAt;
        expiresAt = instant(view.expiresAt);
        if (view.status === 'ready') {
          if (expiresAt - now() <= 0) {
            ended('expired');
          } else if (pane.getAttribute('data-state') !== 'ready') {
            ready();
          } else {
            startTicking();
            schedulePoll(POLL_MS);
          }
        } else if (view.status === 'starting') {
          schedulePoll(STARTING_POLL_MS);
        } else {
          ended(view.status);
        }
      } else if (result.status === 403 || result.status === 404) {
        ended('ended');
      } else {
        retryLater(expiring);
      }
    }, () => {
      if (session && session.id === id) {
        retryLater(expiring);
      }
    });
  }

  function retryLater(expiring) {
    if (expiring || expiresAt - now() <= 0) {
      ended('expired');
    } else {
      schedulePoll(POLL_MS);
    }
  }

  function extend() {
    if (!session || extendButton.disabled || extendButton.getAttribute('aria-disabled') === 'true') {
      return;
    }
    const id = session.id;
    extendButton.disabled = true;
    request('POST', sessionUrl(api, id) + '/extend').then((result) => {
      if (!session || session.id !== id) {
        return;
      }
      if (result.ok && result.data && result.data.expiresAt) {
        session.expiresAt = result.data.expiresAt;
        expiresAt = instant(result.data.expiresAt);
        extendButton.disabled = false;
        startTicking();
        setNotice(labels.extended, 'ok');
        announce(labels.extended);
      } else if (result.status === 409) {
        // At the longest a session may last: Extend stays off and says why (aria-disabled rather than disabled,
        // so it keeps its tooltip and focus).
        const message = withDetail(labels.extendFailed, serverMessage(result));
        extendButton.disabled = false;
        extendButton.setAttribute('aria-disabled', 'true');
        extendButton.title = message;
        setNotice(message, 'warn');
        announce(message);
        poll();
      } else if (result.status === 403 || result.status === 404) {
        ended('ended');
      } else {
        extendButton.disabled = false;
        const text = withDetail(labels.extendFailed, serverMessage(result));
        setNotice(text, 'warn');
        announce(text);
      }
    }, () => {
      extendButton.disabled = false;
      setNotice(labels.networkError, 'warn');
      announce(labels.networkError);
    });
  }

  function openConfirm() {
    confirmBox.hidden = false;
    endButton.setAttribute('aria-expanded', 'true');
    cancelButton.focus();
  }

  function closeConfirm(refocus) {
    if (confirmBox.hidden) {
      return;
    }
    confirmBox.hidden = true;
    endButton.setAttribute('aria-expanded', 'false');
    confirmButton.disabled = false;
    cancelButton.disabled = false;
    if (refocus) {
      endButton.focus();
    }
  }

  function end() {
    if (!session) {
      return;
    }
    const id = session.id;
    confirmButton.disabled = true;
    cancelButton.disabled = true;
    request('DELETE', sessionUrl(api, id)).then((result) => {
      if (!session || session.id !== id) {
        return;
      }
      if (result.ok || result.status === 403 || result.status === 404) {
        ended('ended');
      } else {
        closeConfirm(true);
        const text = withDetail(labels.endFailed, serverMessage(result));
        setNotice(text, 'warn');
        announce(text);
      }
    }, () => {
      closeConfirm(true);
      setNotice(labels.endFailed, 'warn');
      announce(labels.endFailed);
    });
  }

  /* ---- Wiring --------------------------------------------------------------------------------------------- */

  startButtons.forEach((button) => {
    button.addEventListener('click', () => start(false));
  });
  extendButton.addEventListener('click', extend);
  endButton.addEventListener('click', () => {
    if (confirmBox.hidden) {
      openConfirm();
    } else {
      closeConfirm(true);
    }
  });
  cancelButton.addEventListener('click', () => closeConfirm(true));
  confirmButton.addEventListener('click', end);
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeConfirm(true);
    }
  });

  // Background tabs run timers late: catch up as soon as the page is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && session) {
      poll();
    }
  });

  return {
    /** fn(session, mount) runs when a session is ready, and at once if one already is. */
    onReady(fn) {
      if (typeof fn !== 'function') {
        return;
      }
      readyHandlers.push(fn);
      if (session && pane.getAttribute('data-state') === 'ready') {
        show('ready');
        runHook(fn, [currentSession(), mount]);
      }
    },
    /** fn(session, reason) runs when the session ends; reason is ended, expired or failed. */
    onEnded(fn) {
      if (typeof fn === 'function') {
        endedHandlers.push(fn);
      }
    },
    current: currentSession,
    refresh() {
      poll();
    },
  };
}
