/*
 * The rules of the steps' display that need no page: which step the learner is on, how far the lab is, and how a
 * refused check is put. DOM-free, so node --test can import it.
 */

/** The first step with a check that is open and not passed yet: the one the learner is on (it is auto-checked). */
export function currentStepId(steps) {
  const step = steps.find((s) => s.hasCheck && s.status !== 'passed' && s.status !== 'blocked');
  return step ? step.id : null;
}

/** Only steps with a check can pass, so only they count. */
export function progressOf(steps) {
  let total = 0;
  let done = 0;
  steps.forEach((s) => {
    if (s.hasCheck) {
      total += 1;
      done += s.status === 'passed' ? 1 : 0;
    }
  });
  return { done, total };
}

/**
 * A check the server would not run, in our words with the server's particulars where they help:
 * {title, detail, sessionGone}; sessionGone says the page should ask whether the session is still on.
 */
export function refusalOf(result, labels) {
  const code = result.data && result.data.error;
  const detail = result.data && typeof result.data.message === 'string' ? result.data.message : null;
  if (code === 'step-blocked') {
    return { title: labels.stepBlocked, detail: null, sessionGone: false };
  }
  if (code === 'session-not-ready' || result.status === 403 || code === 'session-not-found') {
    return { title: labels.checkNotReady, detail: null, sessionGone: true };
  }
  return { title: labels.checkError, detail: detail || 'HTTP ' + result.status, sessionGone: false };
}

/**
 * A filter for announcements: a button's answer and its websocket push say the same thing, so the same text within
 * ms of the last time is said once. now() is the clock (Date.now; tests pass their own).
 */
export function onceWithin(ms, now = Date.now) {
  let last = { text: '', at: 0 };
  return function fresh(text) {
    const at = now();
    if (!text || (text === last.text && at - last.at < ms)) {
      return false;
    }
    last = { text, at };
    return true;
  };
}
