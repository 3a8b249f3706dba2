/*
 * The class dashboard's grid as data, from GET /api/classes/{id}/progress: learners × steps, who is stuck on what,
 * the raised hands, and the per-step counts. The page draws what this returns; nothing here touches the DOM, so
 * node --test can import it.
 */
import { instant } from './api.js';

export const STATUSES = ['pending', 'passed', 'failed', 'blocked'];

/**
 * Each status has a symbol as well as a colour, so the grid reads without colour too. No emoji: a machine without an
 * emoji font (a projector's laptop, a headless browser) would show empty boxes.
 */
export const SYMBOLS = { pending: '·', passed: '✓', failed: '✗', blocked: '⊘' };

/** A cell's status as the grid knows it: anything else the server might send reads as pending. */
export function cellStatus(status) {
  return STATUSES.includes(status) ? status : 'pending';
}

/**
 * The grid. receivedAt is when the answer arrived (ms, our clock), from which each time on a step goes on counting.
 *   steps:    [{id, title, hasCheck, passed, stuck: [displayName]}], the lab's order
 *   learners: [{sessionId, displayName, status, cells: {stepId: status}, currentStep, currentTitle, secondsOnStep,
 *               lastActivity (ms or 0), failedChecks, stuck, stuckReason, completed, help,
 *               otherLanguage: the language they read when it is not the class's, else null}]
 *   hands:    [{id, sessionId, displayName, stepId, stepTitle, message, raisedAt (ms)}], oldest first
 */
export function gridModel(progress) {
  const learnersIn = progress && Array.isArray(progress.learners) ? progress.learners : [];
  const steps = stepsOf(progress, learnersIn);
  const titles = new Map(steps.map((s) => [s.id, s.title]));
  const learners = learnersIn.filter((l) => l && typeof l.sessionId === 'string').map((l) => {
    const cells = {};
    (Array.isArray(l.steps) ? l.steps : []).forEach((c) => {
      if (c && typeof c.id === 'string') {
        cells[c.id] = cellStatus(c.status);
      }
    });
    return {
      sessionId: l.sessionId,
      displayName: l.displayName || l.sessionId,
      otherLanguage: l.lang && progress.lang && l.lang !== progress.lang ? l.lang : null,
      status: l.status || '',
      cells,
      currentStep: l.currentStep || null,
      currentTitle: l.currentStep ? titles.get(l.currentStep) || l.currentStep : '',
      secondsOnStep: typeof l.secondsOnStep === 'number' ? l.secondsOnStep : null,
      lastActivity: l.lastActivity ? instant(l.lastActivity) : 0,
      failedChecks: typeof l.failedChecks === 'number' ? l.failedChecks : 0,
      stuck: l.stuck === true,
      stuckReason: l.stuckReason || null,
      completed: l.completed === true,
      help: l.help || null,
    };
  });
  const names = new Map(learners.map((l) => [l.sessionId, l.displayName]));
  const summaries = steps.map((s) => ({
    ...s,
    passed: s.passed !== null ? s.passed : learners.filter((l) => l.cells[s.id] === 'passed').length,
    stuck: (s.stuck !== null ? s.stuck : learners.filter((l) => l.stuck && l.currentStep === s.id)
      .map((l) => l.sessionId)).map((id) => names.get(id) || id),
  }));
  const hands = learners.filter((l) => l.help).map((l) => ({
    id: l.help.id,
    sessionId: l.sessionId,
    displayName: l.displayName,
    stepId: l.help.stepId || null,
    stepTitle: l.help.stepId ? titles.get(l.help.stepId) || l.help.stepId : '',
    message: l.help.message || '',
    raisedAt: l.help.raisedAt ? instant(l.help.raisedAt) : 0,
  })).sort((a, b) => a.raisedAt - b.raisedAt);
  return { steps: summaries, learners, hands };
}

/** The columns: the server's step summaries when it sends them, else the steps of the first learner's row. */
function stepsOf(progress, learners) {
  if (progress && Array.isArray(progress.steps) && progress.steps.length) {
    return progress.steps.filter((s) => s && typeof s.id === 'string').map((s) => ({
      id: s.id,
      title: s.title || s.id,
      hasCheck: s.hasCheck !== false,
      passed: typeof s.passed === 'number' ? s.passed : null,
      stuck: Array.isArray(s.stuck) ? s.stuck : null,
    }));
  }
  const first = learners.find((l) => l && Array.isArray(l.steps));
  return first ? first.steps.filter((c) => c && typeof c.id === 'string')
    .map((c) => ({ id: c.id, title: c.id, hasCheck: true, passed: null, stuck: null })) : [];
}

/** Seconds on the current step now, counting on from the answer that said so; null when on none. */
export function secondsOnStep(learner, receivedAt, now) {
  if (learner.secondsOnStep === null || !learner.currentStep) {
    return null;
  }
  return learner.secondsOnStep + Math.max(0, Math.floor((now - receivedAt) / 1000));
}

/** Whether two grids have the same columns (the table's head is built again only when they differ). */
export function sameColumns(a, b) {
  return !!a && !!b && a.steps.length === b.steps.length && a.steps.every((s, i) => s.id === b.steps[i].id
    && s.title === b.steps[i].title);
}
