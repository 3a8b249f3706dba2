/*
 * Step progress: each step's status, Check (and Solve in authoring mode), results and hints, step setups, the
 * progress bar and the completion panel.
 *
 * What it shows comes from three places:
 *   - the session view (GET /api/sessions/{id}), fetched when a session is ready and again after every change;
 *   - the terminal websocket's check and setup messages, which the terminal hands to onControl: they turn a step
 *     green or red at once (the server checks in the background after each Enter), then the view is fetched again,
 *     since a pass can open other steps;
 *   - with no live session, this browser's latest ended session of the lab (GET /api/sessions/latest), shown
 *     read-only until a new session starts from zero.
 *
 * It follows the session through session.js's onReady, onEnded, current and refresh. Every string comes from the
 * data-label-* attributes of #steps, rendered from the message bundle; messages the checks print are inserted as
 * text, never as HTML.
 */
import { call, isView, sessionUrl, stepUrl } from './api.js';
import { announceIn, byId } from './dom.js';
import { currentStepId, onceWithin, progressOf, refusalOf } from './steps.js';
import { fill, listOf } from './text.js';

const REFRESH_DELAY_MS = 250;    // several pushes in a row (a pass, then the setup of the step it opens) make one fetch
const ANNOUNCE_REPEAT_MS = 2000; // a button's answer and its websocket push say the same thing: say it once

/** list is #steps, pane #terminal-pane (the API's address, the lab and its language), session session.js's. */
export function initProgress(list, pane, session) {
  const api = pane.dataset.api;
  const labId = pane.dataset.labId;
  const lang = pane.dataset.lang;
  const uiLang = document.documentElement.lang; // the page's UI language; the steps' own is the lab's
  const data = list.dataset;
  const labels = {
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
    progress: data.labelProgress,
  };
  const statusLabels = {
    pending: labels.statusPending,
    passed: labels.statusPassed,
    failed: labels.statusFailed,
    blocked: labels.statusBlocked,
  };

  const bar = byId('lab-progress');
  const barLabel = byId('lab-progress-label');
  const notice = byId('progress-notice');
  const complete = byId('lab-complete');
  const completeEnd = byId('lab-complete-end');
  const liveRegion = byId('progress-live');
  const fresh = onceWithin(ANNOUNCE_REPEAT_MS);

  const steps = {};        // step id -> its elements
  let sessionId = null;    // the live session whose steps are shown, or null
  let ready = false;       // whether its checks can run now
  let view = null;         // the session view shown (the live session's, or the earlier one read-only)
  let busy = {};           // step id -> 'check' or 'solve' while that request runs
  let setupBusy = {};      // step id -> true while its setup is retried
  let errors = {};         // step id -> {title, detail}: a request that failed (not a check that did not pass)
  let fetchSeq = 0;        // answers to fetches older than what is shown are dropped
  let refreshTimer = null;
  let wasComplete = null;  // whether the view shown before was complete; null before a session's first view
  let current = null;      // the first open step not passed yet: the one the learner is on, which says it is auto-checked

  /* ---- The page's steps ------------------------------------------------------------------------------------- */

  list.querySelectorAll('section.step').forEach((section) => {
    const id = section.getAttribute('data-step');
    const result = byId('step-result-' + id);
    const setup = byId('step-setup-' + id);
    const check = section.querySelector('[data-check]');
    const solve = section.querySelector('[data-solve]');
    steps[id] = {
      section,
      title: (byId('step-title-' + id) || section).textContent.trim(),
      badge: section.querySelector('[data-status-badge]'),
      check,
      tip: check && check.parentNode.classList.contains('has-tip') ? check.parentNode : null,
      solve,
      // Authoring mode's strings are on its button only, so that a learner's page carries none of them.
      solveLabel: solve && solve.textContent.trim(),
      solvingLabel: solve && solve.getAttribute('data-label-solving'),
      note: byId('check-note-' + id),
      result,
      resultTitle: result && result.querySelector('[data-result-title]'),
      resultMessage: result && result.querySelector('[data-result-message]'),
      resultHint: result && result.querySelector('[data-result-hint]'),
      hintText: result && result.querySelector('[data-hint-text]'),
      setup,
      setupMessage: setup && setup.querySelector('[data-setup-message]'),
      setupRetry: setup && setup.querySelector('[data-setup-retry]'),
    };
  });

  /* ---- Text ------------------------------------------------------------------------------------------------- */

  function titleOf(stepId) {
    return steps[stepId] ? steps[stepId].title : stepId;
  }

  function announce(text) {
    if (fresh(text)) {
      announceIn(liveRegion, text);
    }
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
    return view ? view.steps.find((s) => s.id === stepId) || null : null;
  }

  function render() {
    if (!view) {
      return;
    }
    current = currentStepId(view.steps);
    view.steps.forEach(renderStep);
    renderProgress();
    renderComplete();
  }

  function renderStep(s) {
    const step = steps[s.id];
    if (!step) {
      return;
    }
    const action = busy[s.id];
    const checkable = canCheck();
    step.section.setAttribute('data-status', s.status);
    step.section.setAttribute('aria-busy', action ? 'true' : 'false');
    if (step.badge) {
      step.badge.textContent = action ? labels.statusChecking : statusLabels[s.status] || labels.statusPending;
    }
    if (!step.check) {
      return;
    }
    const usable = checkable && s.status !== 'blocked';
    renderButton(step.check, usable, action, action === 'check' ? labels.statusChecking : labels.check);
    if (step.solve) {
      renderButton(step.solve, usable, action, action === 'solve' ? step.solvingLabel : step.solveLabel);
    }
    const note = !checkable ? labels.checkUnavailable
      : s.status === 'blocked' ? fill(labels.blockedNote, { steps: listOf((s.waitingFor || []).map(titleOf), uiLang) })
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
    const error = errors[s.id];
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
    const retrying = !!setupBusy[s.id];
    step.setupRetry.disabled = !checkable || s.status === 'blocked';
    step.setupRetry.textContent = retrying ? labels.setupRetrying : labels.setupRetry;
    if (retrying) {
      step.setupRetry.setAttribute('aria-disabled', 'true');
    } else {
      step.setupRetry.removeAttribute('aria-disabled');
    }
  }

  function renderProgress() {
    const { done, total } = progressOf(view.steps);
    if (bar && total > 0) {
      bar.max = total;
      bar.value = done;
    }
    if (barLabel) {
      barLabel.textContent = fill(labels.progress, { done, total });
    }
  }

  function renderComplete() {
    const done = !!view.completed;
    const appeared = done && complete.hidden;
    complete.hidden = !done;
    completeEnd.hidden = !(done && canCheck() && session.current());
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
    next.steps.forEach((s) => {
      const before = stepOf(s.id);
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
    const id = sessionId;
    const seq = ++fetchSeq;
    call('GET', sessionUrl(api, id)).then((result) => {
      if (seq === fetchSeq && id === sessionId && result.ok && isView(result.data)) {
        showView(result.data);
      }
    }, () => {
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
    const s = stepOf(msg.stepId);
    if (!s) {
      return;
    }
    if (msg.type === 'check') {
      const changed = s.status !== msg.status;
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
    const s = stepOf(stepId);
    if (!canCheck() || busy[stepId] || !s || s.status === 'blocked') {
      return;
    }
    const id = sessionId;
    busy[stepId] = action;
    delete errors[stepId];
    render();
    call('POST', stepUrl(api, id, stepId, action)).then((result) => {
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
    }, () => {
      if (id === sessionId) {
        delete busy[stepId];
        errors[stepId] = { title: labels.networkError, detail: null };
        announce(labels.networkError);
        render();
      }
    });
  }

  function applyOutcome(stepId, outcome) {
    const s = stepOf(stepId);
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

  /** A check the server would not run: say why. */
  function refused(stepId, result) {
    const { title, detail, sessionGone } = refusalOf(result, labels);
    if (sessionGone) {
      session.refresh(); // session.js ends the page's session if the server has
    }
    errors[stepId] = { title, detail };
    announce(title);
  }

  function retrySetup(stepId) {
    const s = stepOf(stepId);
    if (!canCheck() || setupBusy[stepId] || !s) {
      return;
    }
    const id = sessionId;
    setupBusy[stepId] = true;
    render();
    call('POST', stepUrl(api, id, stepId, 'setup')).then((result) => {
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
    }, () => {
      if (id === sessionId) {
        delete setupBusy[stepId];
        s.setupError = labels.networkError;
        render();
      }
    });
  }

  function endFromPanel() {
    const endButton = byId('session-end');
    const confirmBox = byId('session-confirm');
    if (!session.current() || !endButton) {
      return;
    }
    if (confirmBox && !confirmBox.hidden) {
      byId('session-end-cancel').focus();
    } else {
      endButton.click(); // session.js asks for confirmation and moves the focus there
    }
  }

  /* ---- Sessions --------------------------------------------------------------------------------------------- */

  function sessionReady(live) {
    if (sessionId !== live.id) {
      // A new session starts from zero: nothing shown so far (an earlier session's steps) carries over.
      sessionId = live.id;
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

  function sessionEnded(last) {
    if (last.id !== sessionId) {
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
    const url = api + '/latest?labId=' + encodeURIComponent(labId) + '&lang=' + encodeURIComponent(lang);
    call('GET', url).then((result) => {
      if (sessionId || view || !result.ok || !isView(result.data)) {
        return;
      }
      const status = result.data.status;
      if (status === 'starting' || status === 'ready') {
        return; // session.js resumes it, and its view comes when it is ready
      }
      view = result.data;
      render();
      notice.hidden = false;
    }, () => {
      // Nothing to show: the page stays as rendered.
    });
  }

  /* ---- Wiring ----------------------------------------------------------------------------------------------- */

  list.addEventListener('click', (event) => {
    const target = event.target.closest('button');
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
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && ready) {
      refresh();
    }
  });

  session.onReady(sessionReady);
  session.onEnded(sessionEnded);
  showEarlierProgress();

  return { onControl };
}
