/*
 * Lab page session controls: Start, the countdown with Extend, and End, on the session REST API.
 *
 * Everything it needs comes from #terminal-pane: data-api (the sessions endpoint), data-lab-id, data-lang and the
 * data-label-* strings rendered from the message bundle, so this file holds no UI strings. The pane shows one
 * [data-panel] at a time and says which in data-state: idle, starting, ready, ended or error.
 *
 * The owner cookie is httpOnly: the browser sends it with every same-origin fetch, and this script never sees it.
 *
 * Hooks for the terminal (a later issue), on window.Labdeck:
 *   onSessionReady(fn)  fn(session, mount) when a session is ready (at once if one already is). Once a handler is
 *                       registered, the #terminal-mount element replaces the "sandbox is ready" panel.
 *   onSessionEnded(fn)  fn(session, reason) when it ends; reason is ended, expired or failed.
 *   currentSession()    the live session ({id, labId, lang, status, expiresAt, terminalUrl}) or null.
 *   refreshSession()    asks the server about the session now (the terminal lost its connection), ending it here
 *                       if it is over there.
 */
(function () {
  'use strict';

  var pane = document.getElementById('terminal-pane');
  if (!pane || !window.fetch) {
    return;
  }

  var POLL_MS = 30000;          // polling also tells the server the browser is still here
  var STARTING_POLL_MS = 3000;  // a session another tab is still starting
  var LOW_MS = 5 * 60 * 1000;   // the timeLow message says "5 minutes"
  var DEFAULT_RETRY_S = 10;

  var data = pane.dataset;
  var api = data.api;
  var labId = data.labId;
  var lang = data.lang;
  var labels = {
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
    retryIn: data.labelRetryIn
  };

  function el(id) {
    return document.getElementById(id);
  }

  var panels = pane.querySelectorAll('[data-panel]');
  var startButtons = pane.querySelectorAll('[data-action="start"]');
  var controls = el('session-controls');
  var statusBadge = el('session-status');
  var timer = el('session-timer');
  var countdown = el('session-countdown');
  var extendButton = el('session-extend');
  var endButton = el('session-end');
  var confirmBox = el('session-confirm');
  var confirmButton = el('session-end-confirm');
  var cancelButton = el('session-end-cancel');
  var notice = el('session-notice');
  var sessionIdText = el('session-id');
  var mount = el('terminal-mount');
  var endedText = el('session-ended-text');
  var errorTitle = el('session-error-title');
  var errorDetail = el('session-error-detail');
  var live = el('session-live');
  var extendHint = extendButton.title;

  var session = null;       // the live session, as the API last described it
  var expiresAt = 0;        // ms since the epoch, server time
  var skew = 0;             // server clock minus ours, when they differ noticeably
  var tickTimer = null;
  var pollTimer = null;
  var retryTimer = null;
  var busy = false;
  var low = false;
  var readyFired = null;    // the id of the session the ready hooks last ran for
  var readyHandlers = [];
  var endedHandlers = [];

  /* ---- Talking to the API ---------------------------------------------------------------------------------- */

  function noteServerTime(response) {
    var date = Date.parse(response.headers.get('Date') || '');
    if (!isNaN(date)) {
      var diff = date - Date.now();
      skew = Math.abs(diff) > 3000 ? diff : 0;
    }
  }

  function now() {
    return Date.now() + skew;
  }

  /** Resolves to {ok, status, data, response}; rejects only when the server could not be reached. */
  function call(method, url, body) {
    var init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      noteServerTime(response);
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        return { ok: response.ok, status: response.status, data: json, response: response };
      });
    });
  }

  function sessionUrl(id) {
    return api + '/' + encodeURIComponent(id);
  }

  /** The server's own words for an error, if it sent any. */
  function serverMessage(result) {
    return result && result.data && typeof result.data.message === 'string' ? result.data.message : '';
  }

  /** Our own words first (the server's may be in English), then the server's for the particulars. */
  function withDetail(ours, theirs) {
    return theirs ? ours + ' ' + theirs : ours;
  }

  function instant(value) {
    if (typeof value === 'number') {
      return value < 1e11 ? value * 1000 : value; // epoch seconds (Jackson timestamps) or milliseconds
    }
    var parsed = Date.parse(value);
    return isNaN(parsed) ? 0 : parsed;
  }

  function isLive(status) {
    return status === 'starting' || status === 'ready';
  }

  /* ---- Showing things ------------------------------------------------------------------------------------- */

  function announce(text) {
    live.textContent = '';
    // A fresh text node after a tick, so the same words said twice are announced twice.
    setTimeout(function () { live.textContent = text; }, 60);
  }

  function setNotice(text, tone) {
    notice.textContent = text || '';
    notice.hidden = !text;
    notice.setAttribute('data-tone', tone || 'info');
  }

  /** Moves focus to target when it was inside the pane and would otherwise be lost with a hidden element. */
  function keepFocus(target) {
    var active = document.activeElement;
    if (target && (!active || active === document.body || (pane.contains(active) && !isShown(active)))) {
      target.focus();
    }
  }

  function isShown(node) {
    return !!(node.offsetWidth || node.offsetHeight || node.getClientRects().length);
  }

  function show(state) {
    var terminalTakesOver = state === 'ready' && readyHandlers.length > 0;
    pane.setAttribute('data-state', state);
    panels.forEach(function (panel) {
      var name = panel.getAttribute('data-panel');
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
    startButtons.forEach(function (button) {
      if (on && !button.hasAttribute('data-label')) {
        button.setAttribute('data-label', button.textContent);
      }
      button.textContent = on ? labels.starting : button.getAttribute('data-label') || button.textContent;
      button.disabled = on;
    });
  }

  function format(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    var mm = (m < 10 ? '0' : '') + m;
    var ss = (s < 10 ? '0' : '') + s;
    return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
  }

  function retryText(seconds) {
    return labels.retryIn.split('{seconds}').join(String(seconds));
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
    var left = expiresAt - now();
    countdown.textContent = format(left);
    var isLow = left < LOW_MS;
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
      terminalUrl: view.terminalUrl
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
    var wasReady = pane.getAttribute('data-state') === 'ready';
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
    readyHandlers.forEach(function (fn) { runHook(fn, [currentSession(), mount]); });
  }

  function runHook(fn, args) {
    try {
      fn.apply(null, args);
    } catch (e) {
      if (window.console) {
        console.error(e);
      }
    }
  }

  /** The session is over: reason is ended, expired or failed. */
  function ended(reason) {
    var last = currentSession();
    stopTimers();
    session = null;
    readyFired = null;
    var text = reason === 'expired' ? labels.sessionExpired
      : reason === 'failed' ? labels.sessionFailed : labels.sessionEnded;
    endedText.textContent = text;
    statusBadge.textContent = labels.statusEnded;
    statusBadge.setAttribute('data-status', 'ended');
    show('ended');
    announce(text);
    keepFocus(endedText);
    if (last) {
      var why = reason === 'expired' || reason === 'failed' ? reason : 'ended';
      endedHandlers.forEach(function (fn) { runHook(fn, [last, why]); });
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
      terminalUrl: session.terminalUrl
    };
  }

  /* ---- Actions -------------------------------------------------------------------------------------------- */

  // The page asks for this browser's live session of this lab and language first, so a reload resumes it.
  var lookup = call('GET', api).then(function (result) {
    if (!result.ok || !Array.isArray(result.data)) {
      return null;
    }
    var mine = result.data.filter(function (s) {
      return s && s.labId === labId && s.lang === lang && isLive(s.status);
    });
    mine.sort(function (a, b) { return instant(b.expiresAt) - instant(a.expiresAt); });
    return mine[0] || null;
  }, function () {
    return null;
  });

  lookup.then(function (found) {
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
    lookup.then(function (found) {
      if (found) {
        lookup = Promise.resolve(null);
        return { ok: true, status: 200, data: found };
      }
      return call('POST', api, { labId: labId, lang: lang });
    }).then(function (result) {
      setBusy(false);
      if (result.ok && result.data && result.data.id) {
        adopt(result.data);
      } else if (result.status === 429) {
        tooMany(result, autoRetry);
      } else {
        failed(labels.startFailed, serverMessage(result) || ('HTTP ' + result.status));
      }
    }, function () {
      setBusy(false);
      failed(labels.startFailed, labels.networkError);
    });
  }

  /** 429: count down Retry-After, then try once more by itself; a second 429 just says so. */
  function tooMany(result, wasRetry) {
    var seconds = parseInt(result.response && result.response.headers.get('Retry-After'), 10);
    if (!(seconds > 0)) {
      seconds = DEFAULT_RETRY_S;
    }
    if (wasRetry) {
      failed(labels.startFailed, serverMessage(result) || retryText(seconds));
      return;
    }
    var until = Date.now() + seconds * 1000;
    failed(labels.startFailed, retryText(seconds));
    retryTimer = setInterval(function () {
      var left = Math.ceil((until - Date.now()) / 1000);
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
    var id = session.id;
    clearTimeout(pollTimer);
    call('GET', sessionUrl(id)).then(function (result) {
      if (!session || session.id !== id) {
        return;
      }
      if (result.ok && result.data) {
        var view = result.data;
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
    }, function () {
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
    var id = session.id;
    extendButton.disabled = true;
    call('POST', sessionUrl(id) + '/extend').then(function (result) {
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
        var message = withDetail(labels.extendFailed, serverMessage(result));
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
        var text = withDetail(labels.extendFailed, serverMessage(result));
        setNotice(text, 'warn');
        announce(text);
      }
    }, function () {
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
    var id = session.id;
    confirmButton.disabled = true;
    cancelButton.disabled = true;
    call('DELETE', sessionUrl(id)).then(function (result) {
      if (!session || session.id !== id) {
        return;
      }
      if (result.ok || result.status === 403 || result.status === 404) {
        ended('ended');
      } else {
        closeConfirm(true);
        var text = withDetail(labels.endFailed, serverMessage(result));
        setNotice(text, 'warn');
        announce(text);
      }
    }, function () {
      closeConfirm(true);
      setNotice(labels.endFailed, 'warn');
      announce(labels.endFailed);
    });
  }

  /* ---- Wiring --------------------------------------------------------------------------------------------- */

  startButtons.forEach(function (button) {
    button.addEventListener('click', function () { start(false); });
  });
  extendButton.addEventListener('click', extend);
  endButton.addEventListener('click', function () {
    if (confirmBox.hidden) {
      openConfirm();
    } else {
      closeConfirm(true);
    }
  });
  cancelButton.addEventListener('click', function () { closeConfirm(true); });
  confirmButton.addEventListener('click', end);
  confirmBox.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      closeConfirm(true);
    }
  });

  // Background tabs run timers late: catch up as soon as the page is looked at again.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && session) {
      poll();
    }
  });

  window.Labdeck = window.Labdeck || {};
  /** fn(session, mount) runs when a session is ready, and at once if one already is. */
  window.Labdeck.onSessionReady = function (fn) {
    if (typeof fn !== 'function') {
      return;
    }
    readyHandlers.push(fn);
    if (session && pane.getAttribute('data-state') === 'ready') {
      show('ready');
      runHook(fn, [currentSession(), mount]);
    }
  };
  /** fn(session, reason) runs when the session ends; reason is ended, expired or failed. */
  window.Labdeck.onSessionEnded = function (fn) {
    if (typeof fn === 'function') {
      endedHandlers.push(fn);
    }
  };
  window.Labdeck.currentSession = currentSession;
  window.Labdeck.refreshSession = function () {
    poll();
  };
})();
