/*
 * Lab page step progress: each step's status, Check (and Solve in authoring mode), results and hints, step setups,
 * the progress bar and the completion panel.
 *
 * What it shows comes from three places:
 *   - the session view (GET /api/sessions/{id}), fetched when a session is ready and again after every change;
 *   - the terminal websocket's check and setup messages, which terminal.bundle.js hands to Labdeck.onControl: they
 *     turn a step green or red at once (the server checks in the background after each Enter), then the view is
 *     fetched again, since a pass can open other steps;
 *   - with no live session, this browser's latest ended session of the lab (GET /api/sessions/latest), shown
 *     read-only until a new session starts from zero.
 *
 * It uses session.js's hooks (onSessionReady, onSessionEnded, currentSession, refreshSession). Every string comes
 * from the data-label-* attributes of #steps, rendered from the message bundle; messages the checks print are
 * inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var list = document.getElementById('steps');
  var pane = document.getElementById('terminal-pane');
  var Labdeck = window.Labdeck;
  if (!list || !pane || !window.fetch || !Labdeck || !Labdeck.onSessionReady) {
    return;
  }

  var REFRESH_DELAY_MS = 250;   // several pushes in a row (a pass, then the setup of the step it opens) make one fetch
  var ANNOUNCE_REPEAT_MS = 2000; // a button's answer and its websocket push say the same thing: say it once

  var api = pane.dataset.api;
  var labId = pane.dataset.labId;
  var lang = pane.dataset.lang;
  var uiLang = document.documentElement.lang; // the page's UI language; the steps' own is the lab's
  var data = list.dataset;
  var labels = {
    statusPending: data.labelStatusPending,
    statusPassed: data.labelStatusPassed,
    statusFailed: data.labelStatusFailed,
    statusBlocked: data.labelStatusBlocked,
    statusChecking: data.labelStatusChecking,
    check: data.labelCheck,
    checkUnavailable: data.labelCheckUnavailable,
    checkAuto: data.labelCheckAuto,
    blockedNote: data.labelBlockedNote,
    checkPassed: data.labelCheckPassed,
    checkFailed: data.labelCheckFailed,
    stepBlocked: data.labelStepBlocked,
    checkNotReady: data.labelCheckNotReady,
    checkError: data.labelCheckError,
    networkError: data.labelNetworkError,
    setupRetry: data.labelSetupRetry,
    setupRetrying: data.labelSetupRetrying,
    announcePassed: data.labelAnnouncePassed,
    announceFailed: data.labelAnnounceFailed,
    progress: data.labelProgress
  };
  var statusLabels = {
    pending: labels.statusPending,
    passed: labels.statusPassed,
    failed: labels.statusFailed,
    blocked: labels.statusBlocked
  };

  function el(id) {
    return document.getElementById(id);
  }

  var bar = el('lab-progress');
  var barLabel = el('lab-progress-label');
  var notice = el('progress-notice');
  var complete = el('lab-complete');
  var completeEnd = el('lab-complete-end');
  var liveRegion = el('progress-live');

  var steps = {};          // step id -> its elements
  var sessionId = null;    // the live session whose steps are shown, or null
  var ready = false;       // whether its checks can run now
  var view = null;         // the session view shown (the live session's, or the earlier one read-only)
  var busy = {};           // step id -> 'check' or 'solve' while that request runs
  var setupBusy = {};      // step id -> true while its setup is retried
  var errors = {};         // step id -> {title, detail}: a request that failed (not a check that did not pass)
  var fetchSeq = 0;        // answers to fetches older than what is shown are dropped
  var refreshTimer = null;
  var wasComplete = null;  // whether the view shown before was complete; null before a session's first view
  var lastAnnounced = { text: '', at: 0 };
  var current = null;      // the first open step not passed yet: the one the learner is on, which says it is auto-checked

  /* ---- The page's steps ------------------------------------------------------------------------------------- */

  list.querySelectorAll('section.step').forEach(function (section) {
    var id = section.getAttribute('data-step');
    var result = el('step-result-' + id);
    var setup = el('step-setup-' + id);
    var check = section.querySelector('[data-check]');
    var solve = section.querySelector('[data-solve]');
    steps[id] = {
      section: section,
      title: (el('step-title-' + id) || section).textContent.trim(),
      badge: section.querySelector('[data-status-badge]'),
      check: check,
      tip: check && check.parentNode.classList.contains('has-tip') ? check.parentNode : null,
      solve: solve,
      // Authoring mode's strings are on its button only, so that a learner's page carries none of them.
      solveLabel: solve && solve.textContent.trim(),
      solvingLabel: solve && solve.getAttribute('data-label-solving'),
      note: el('check-note-' + id),
      result: result,
      resultTitle: result && result.querySelector('[data-result-title]'),
      resultMessage: result && result.querySelector('[data-result-message]'),
      resultHint: result && result.querySelector('[data-result-hint]'),
      hintText: result && result.querySelector('[data-hint-text]'),
      setup: setup,
      setupMessage: setup && setup.querySelector('[data-setup-message]'),
      setupRetry: setup && setup.querySelector('[data-setup-retry]')
    };
  });

  /* ---- Talking to the API ----------------------------------------------------------------------------------- */

  /** Resolves to {ok, status, data}; rejects only when the server could not be reached. */
  function call(method, url) {
    return fetch(url, { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch (e) {
            json = null;
          }
          return { ok: response.ok, status: response.status, data: json };
        });
      });
  }

  function sessionUrl(id) {
    return api + '/' + encodeURIComponent(id);
  }

  function stepUrl(id, stepId, action) {
    return sessionUrl(id) + '/steps/' + encodeURIComponent(stepId) + '/' + action;
  }

  function isView(json) {
    return !!(json && typeof json.id === 'string' && Array.isArray(json.steps));
  }

  /* ---- Text ------------------------------------------------------------------------------------------------- */

  /** A label with its {name} placeholders filled in. */
  function fill(template, values) {
    var text = template || '';
    Object.keys(values).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  }

  function titleOf(stepId) {
    return steps[stepId] ? steps[stepId].title : stepId;
  }

  /** "A, B and C" as the page's language writes it. */
  function listOf(items) {
    if (window.Intl && Intl.ListFormat) {
      try {
        return new Intl.ListFormat(uiLang, { type: 'conjunction' }).format(items);
      } catch (e) {
        // an odd language tag: fall through
      }
    }
    return items.join(', ');
  }

  function announce(text) {
    var now = Date.now();
    if (!text || (text === lastAnnounced.text && now - lastAnnounced.at < ANNOUNCE_REPEAT_MS)) {
      return;
    }
    lastAnnounced = { text: text, at: now };
    liveRegion.textContent = '';
    // A fresh text node after a tick, so the same words said twice are announced twice.
    setTimeout(function () { liveRegion.textContent = text; }, 60);
  }

  function announceResult(stepId, status) {
    if (status === 'passed') {
      announce(fill(labels.announcePassed, { title: titleOf(stepId) }));
    } else if (status === 'failed') {
      announce(fill(labels.announceFailed, { title: titleOf(stepId) }));
    }
  }

  /* ---- Showing the steps ------------------------------------------------------------------------------------ */

  function stepOf(stepId) {
    if (!view) {
      return null;
    }
    for (var i = 0; i < view.steps.length; i++) {
      if (view.steps[i].id === stepId) {
        return view.steps[i];
      }
    }
    return null;
  }

  function render() {
    if (!view) {
      return;
    }
    current = null;
    view.steps.some(function (s) {
      current = s.hasCheck && s.status !== 'passed' && s.status !== 'blocked' ? s.id : null;
      return current !== null;
    });
    view.steps.forEach(renderStep);
    renderProgress();
    renderComplete();
  }

  function renderStep(s) {
    var step = steps[s.id];
    if (!step) {
      return;
    }
    var action = busy[s.id];
    var checkable = canCheck();
    step.section.setAttribute('data-status', s.status);
    step.section.setAttribute('aria-busy', action ? 'true' : 'false');
    if (step.badge) {
      step.badge.textContent = action ? labels.statusChecking : statusLabels[s.status] || labels.statusPending;
    }
    if (!step.check) {
      return;
    }
    var usable = checkable && s.status !== 'blocked';
    renderButton(step.check, usable, action, action === 'check' ? labels.statusChecking : labels.check);
    if (step.solve) {
      renderButton(step.solve, usable, action, action === 'solve' ? step.solvingLabel : step.solveLabel);
    }
    var note = !checkable ? labels.checkUnavailable
      : s.status === 'blocked' ? fill(labels.blockedNote, { steps: listOf((s.waitingFor || []).map(titleOf)) })
        : s.id === current ? labels.checkAuto : '';
    step.note.textContent = note;
    step.note.hidden = !note;
    if (step.tip) {
      step.tip.title = note;
    }
    renderResult(step, s);
    renderSetup(step, s, checkable);
  }

  /** Checks run only while the session is ready, and only on steps shown as that session has them. */
  function canCheck() {
    return ready && !!view && view.id === sessionId && view.status === 'ready';
  }

  /**
   * A busy button stays enabled but aria-disabled: disabling it would throw the keyboard focus out of the step.
   */
  function renderButton(button, usable, action, text) {
    button.disabled = !usable;
    button.textContent = text;
    if (usable && action) {
      button.setAttribute('aria-disabled', 'true');
    } else {
      button.removeAttribute('aria-disabled');
    }
  }

  function renderResult(step, s) {
    var error = errors[s.id];
    if (error) {
      showResult(step, 'error', error.title, error.detail, null);
    } else if (s.status === 'failed') {
      showResult(step, 'failed', labels.checkFailed, s.message, s.hint);
    } else if (s.status === 'passed') {
      showResult(step, 'passed', labels.checkPassed, null, null);
    } else {
      step.result.hidden = true;
    }
  }

  function showResult(step, tone, title, message, hint) {
    step.result.setAttribute('data-tone', tone);
    step.resultTitle.textContent = title;
    step.resultMessage.textContent = message || '';
    step.resultMessage.hidden = !message;
    step.hintText.textContent = hint || '';
    step.resultHint.hidden = !hint;
    step.result.hidden = false;
  }

  function renderSetup(step, s, checkable) {
    if (!step.setup) {
      return;
    }
    step.setup.hidden = !s.setupError;
    step.setupMessage.textContent = s.setupError || '';
    var retrying = !!setupBusy[s.id];
    step.setupRetry.disabled = !checkable || s.status === 'blocked';
    step.setupRetry.textContent = retrying ? labels.setupRetrying : labels.setupRetry;
    if (retrying) {
      step.setupRetry.setAttribute('aria-disabled', 'true');
    } else {
      step.setupRetry.removeAttribute('aria-disabled');
    }
  }

  function renderProgress() {
    var total = 0;
    var done = 0;
    view.steps.forEach(function (s) {
      if (s.hasCheck) {
        total += 1;
        done += s.status === 'passed' ? 1 : 0;
      }
    });
    if (bar && total > 0) {
      bar.max = total;
      bar.value = done;
    }
    if (barLabel) {
      barLabel.textContent = fill(labels.progress, { done: done, total: total });
    }
  }

  function renderComplete() {
    var done = !!view.completed;
    var appeared = done && complete.hidden;
    complete.hidden = !done;
    completeEnd.hidden = !(done && canCheck() && Labdeck.currentSession());
    // Only a lab completed while the learner watches takes the focus; a reload shows the panel and leaves focus be.
    if (appeared && wasComplete === false) {
      complete.focus();
      announce(complete.querySelector('.lab-complete-title').textContent + ' '
        + complete.querySelector('.lab-complete-text').textContent);
    }
    wasComplete = done;
  }

  /** Shows a newer view; a step whose status moved loses the error of an earlier request about it. */
  function showView(next) {
    next.steps.forEach(function (s) {
      var before = stepOf(s.id);
      if (view && view.id === next.id && before && before.status !== s.status) {
        delete errors[s.id];
      }
    });
    view = next;
    render();
  }

  /* ---- Keeping up with the server --------------------------------------------------------------------------- */

  function refresh() {
    clearTimeout(refreshTimer);
    if (!sessionId) {
      return;
    }
    var id = sessionId;
    var seq = ++fetchSeq;
    call('GET', sessionUrl(id)).then(function (result) {
      if (seq === fetchSeq && id === sessionId && result.ok && isView(result.data)) {
        showView(result.data);
      }
    }, function () {
      // Offline: the next push or action fetches again, and session.js tells the learner about the connection.
    });
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, REFRESH_DELAY_MS);
  }

  /** A change made here, newer than any fetch under way: the fetch must not bring the old state back. */
  function changedLocally() {
    fetchSeq += 1;
    render();
    scheduleRefresh();
  }

  /** What the terminal websocket pushes: {type: 'check' | 'setup', stepId, ...}. */
  function onControl(msg) {
    if (!msg || !sessionId || !view || view.id !== sessionId) {
      scheduleRefresh();
      return;
    }
    var s = stepOf(msg.stepId);
    if (!s) {
      return;
    }
    if (msg.type === 'check') {
      var changed = s.status !== msg.status;
      s.status = msg.status || (msg.passed ? 'passed' : 'failed');
      s.message = msg.message;
      s.hint = msg.hint;
      delete errors[s.id];
      if (changed) {
        announceResult(s.id, s.status);
      }
    } else if (msg.type === 'setup') {
      s.setupError = msg.ok ? null : msg.message || labels.checkError;
    }
    changedLocally();
  }

  /* ---- Actions ---------------------------------------------------------------------------------------------- */

  /** Check or, in authoring mode, solve: both answer with a check's result. */
  function act(stepId, action) {
    var s = stepOf(stepId);
    if (!canCheck() || busy[stepId] || !s || s.status === 'blocked') {
      return;
    }
    var id = sessionId;
    busy[stepId] = action;
    delete errors[stepId];
    render();
    call('POST', stepUrl(id, stepId, action)).then(function (result) {
      if (id !== sessionId) {
        return;
      }
      delete busy[stepId];
      if (result.ok && result.data && typeof result.data.passed === 'boolean') {
        applyOutcome(stepId, result.data);
      } else {
        refused(stepId, result);
      }
      changedLocally();
    }, function () {
      if (id === sessionId) {
        delete busy[stepId];
        errors[stepId] = { title: labels.networkError, detail: null };
        announce(labels.networkError);
        render();
      }
    });
  }

  function applyOutcome(stepId, outcome) {
    var s = stepOf(stepId);
    if (!s) {
      return;
    }
    s.status = outcome.status || (outcome.passed ? 'passed' : 'failed');
    s.message = outcome.message;
    s.hint = outcome.hint;
    view.completed = !!outcome.completed;
    if (!outcome.passed && s.status !== 'failed') {
      // Nothing was checked (a solve script that failed): say why, without marking the step.
      errors[stepId] = { title: labels.checkFailed, detail: outcome.message };
    }
    announceResult(stepId, outcome.passed ? 'passed' : 'failed');
  }

  /** A check the server would not run: say why in our words, with the server's particulars where they help. */
  function refused(stepId, result) {
    var code = result.data && result.data.error;
    var detail = result.data && typeof result.data.message === 'string' ? result.data.message : null;
    var error;
    if (code === 'step-blocked') {
      error = { title: labels.stepBlocked, detail: null };
    } else if (code === 'session-not-ready' || result.status === 403 || code === 'session-not-found') {
      error = { title: labels.checkNotReady, detail: null };
      if (Labdeck.refreshSession) {
        Labdeck.refreshSession(); // session.js ends the page's session if the server has
      }
    } else {
      error = { title: labels.checkError, detail: detail || 'HTTP ' + result.status };
    }
    errors[stepId] = error;
    announce(error.title);
  }

  function retrySetup(stepId) {
    var s = stepOf(stepId);
    if (!canCheck() || setupBusy[stepId] || !s) {
      return;
    }
    var id = sessionId;
    setupBusy[stepId] = true;
    render();
    call('POST', stepUrl(id, stepId, 'setup')).then(function (result) {
      if (id !== sessionId) {
        return;
      }
      delete setupBusy[stepId];
      if (result.ok && result.data) {
        s.setupError = result.data.ok ? null : result.data.message || labels.checkError;
      } else if (result.data && result.data.error === 'step-blocked') {
        s.setupError = labels.stepBlocked;
      } else {
        s.setupError = labels.checkError + (result.data && result.data.message ? ' ' + result.data.message : '');
      }
      changedLocally();
    }, function () {
      if (id === sessionId) {
        delete setupBusy[stepId];
        s.setupError = labels.networkError;
        render();
      }
    });
  }

  function endFromPanel() {
    var endButton = el('session-end');
    var confirmBox = el('session-confirm');
    if (!Labdeck.currentSession() || !endButton) {
      return;
    }
    if (confirmBox && !confirmBox.hidden) {
      el('session-end-cancel').focus();
    } else {
      endButton.click(); // session.js asks for confirmation and moves the focus there
    }
  }

  /* ---- Sessions --------------------------------------------------------------------------------------------- */

  function sessionReady(session) {
    if (sessionId !== session.id) {
      // A new session starts from zero: nothing shown so far (an earlier session's steps) carries over.
      sessionId = session.id;
      busy = {};
      setupBusy = {};
      errors = {};
      wasComplete = null;
    }
    ready = true;
    notice.hidden = true;
    render();
    refresh();
  }

  function sessionEnded(session) {
    if (session.id !== sessionId) {
      return;
    }
    // The steps keep what they showed; only the checks go (they need a sandbox).
    ready = false;
    sessionId = null;
    busy = {};
    setupBusy = {};
    clearTimeout(refreshTimer);
    fetchSeq += 1;
    render();
  }

  /** With no live session, the latest ended one shows what the learner did before. */
  function showEarlierProgress() {
    var url = api + '/latest?labId=' + encodeURIComponent(labId) + '&lang=' + encodeURIComponent(lang);
    call('GET', url).then(function (result) {
      if (sessionId || view || !result.ok || !isView(result.data)) {
        return;
      }
      var status = result.data.status;
      if (status === 'starting' || status === 'ready') {
        return; // session.js resumes it, and its view comes when it is ready
      }
      view = result.data;
      render();
      notice.hidden = false;
    }, function () {
      // Nothing to show: the page stays as rendered.
    });
  }

  /* ---- Wiring ----------------------------------------------------------------------------------------------- */

  list.addEventListener('click', function (event) {
    var target = event.target.closest('button');
    if (!target || !list.contains(target) || target.getAttribute('aria-disabled') === 'true') {
      return;
    }
    if (target.hasAttribute('data-check')) {
      act(target.getAttribute('data-check'), 'check');
    } else if (target.hasAttribute('data-solve')) {
      act(target.getAttribute('data-solve'), 'solve');
    } else if (target.hasAttribute('data-setup-retry')) {
      retrySetup(target.getAttribute('data-setup-retry'));
    }
  });
  completeEnd.addEventListener('click', endFromPanel);

  // Pushes stop while the tab sleeps or the connection is down: catch up when the page is looked at again.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && ready) {
      refresh();
    }
  });

  Labdeck.onControl = onControl;
  Labdeck.onSessionReady(sessionReady);
  Labdeck.onSessionEnded(sessionEnded);
  showEarlierProgress();
})();
