/*
 * Draws the dashboard's grid (grid.js's model) into its table: a row per learner, a cell per step with its symbol
 * and its status in words (never colour alone), the current step, the time on it, the last activity, failed checks
 * and the actions; a foot row with each step's passes and who is stuck on it. Rows are kept by session and updated
 * in place, so a refresh every second neither moves the focus nor loses a half-done action.
 *
 * initGridView(table, labels, {ui, classId, onAction}) answers {update(model, receivedAt), tick(now)}; onAction(kind,
 * learner) for extend and reset.
 */
import { SYMBOLS, sameColumns, secondsOnStep } from './grid.js';
import { clock } from './asciicast.js';
import { fill } from './text.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

export function initGridView(table, labels, { ui, classId, onAction }) {
  const head = table.tHead;
  const body = table.tBodies[0];
  const foot = table.tFoot;
  const rows = new Map(); // sessionId -> the row's parts
  let model = null;
  let receivedAt = 0;

  const statusText = (s) => labels['labelStatus' + s.charAt(0).toUpperCase() + s.slice(1)] || s;
  const pageUrl = (view, sessionId) => '/classes/' + encodeURIComponent(classId) + '/' + view + '/'
    + encodeURIComponent(sessionId) + '?lang=' + encodeURIComponent(ui);

  function buildHead(steps) {
    const tr = el('tr');
    const first = el('th', 'col-learner', labels.labelLearner);
    first.scope = 'col';
    tr.appendChild(first);
    steps.forEach((s, i) => {
      const th = el('th', 'col-step');
      th.scope = 'col';
      th.title = s.title;
      th.setAttribute('data-step', s.id);
      th.append(el('span', 'step-no', String(i + 1)), el('span', 'step-name', s.title));
      tr.appendChild(th);
    });
    [labels.labelCurrent, labels.labelTime, labels.labelActivity, labels.labelFailed, labels.labelActions]
      .forEach((text) => {
        const th = el('th', 'col-info', text);
        th.scope = 'col';
        tr.appendChild(th);
      });
    head.replaceChildren(tr);
    rows.forEach((row) => row.tr.remove());
    rows.clear();
  }

  function buildRow(learner, steps) {
    const tr = el('tr');
    tr.setAttribute('data-session', learner.sessionId);
    const name = el('th', 'learner-name');
    name.scope = 'row';
    const label = el('span', 'learner-label');
    const badges = el('span', 'learner-badges');
    name.append(label, badges);
    tr.appendChild(name);
    const cells = new Map();
    steps.forEach((s) => {
      const td = el('td', 'cell');
      td.setAttribute('data-session', learner.sessionId);
      td.setAttribute('data-step', s.id);
      const symbol = el('span', 'cell-symbol');
      symbol.setAttribute('aria-hidden', 'true');
      td.append(symbol, el('span', 'visually-hidden'));
      cells.set(s.id, td);
      tr.appendChild(td);
    });
    const current = el('td', 'info-current');
    const time = el('td', 'info-time mono');
    const activity = el('td', 'info-activity mono');
    const failed = el('td', 'info-failed mono');
    const actions = el('td', 'info-actions');
    const watch = el('a', 'btn btn-small', labels.labelWatch);
    watch.href = pageUrl('watch', learner.sessionId);
    watch.setAttribute('data-action', 'watch');
    const replay = el('a', 'btn btn-small', labels.labelReplay);
    replay.href = pageUrl('replay', learner.sessionId);
    replay.setAttribute('data-action', 'replay');
    const extend = el('button', 'btn btn-small', labels.labelExtend);
    extend.type = 'button';
    extend.setAttribute('data-action', 'extend');
    const reset = el('button', 'btn btn-small', labels.labelReset);
    reset.type = 'button';
    reset.setAttribute('data-action', 'reset');
    extend.addEventListener('click', () => onAction('extend', row.learner, extend));
    reset.addEventListener('click', () => onAction('reset', row.learner, reset));
    actions.append(watch, replay, extend, reset);
    tr.append(current, time, activity, failed, actions);
    const row = { tr, label, badges, cells, current, time, activity, failed, learner };
    return row;
  }

  function badge(kind, text) {
    const b = el('span', 'badge badge-' + kind, text);
    b.setAttribute('data-badge', kind);
    return b;
  }

  function fillRow(row, learner) {
    row.learner = learner;
    row.label.textContent = learner.displayName;
    const badges = [];
    if (learner.otherLanguage) {
      badges.push(badge('lang', learner.otherLanguage.toUpperCase())); // reads the lab in another language
    }
    if (learner.help) {
      badges.push(badge('hand', '⚑ ' + labels.labelHand));
    }
    if (learner.stuck) {
      const reason = learner.stuckReason === 'repeated-fails' ? labels.labelStuckRepeatedFails
        : labels.labelStuckNoPass;
      const b = badge('stuck', '⚠ ' + labels.labelStuck);
      b.title = reason;
      b.appendChild(el('span', 'visually-hidden', ' (' + reason + ')'));
      badges.push(b);
    }
    if (learner.completed) {
      badges.push(badge('done', '✓ ' + labels.labelCompleted));
    }
    row.badges.replaceChildren(...badges);
    row.tr.setAttribute('data-stuck', String(learner.stuck));
    row.cells.forEach((td, stepId) => {
      const status = learner.cells[stepId] || 'pending';
      if (td.getAttribute('data-status') !== status) {
        td.setAttribute('data-status', status);
        td.firstChild.textContent = SYMBOLS[status];
        td.lastChild.textContent = statusText(status);
        const step = model.steps.find((s) => s.id === stepId);
        td.title = (step ? step.title : stepId) + ': ' + statusText(status);
      }
      td.classList.toggle('is-current', stepId === learner.currentStep);
    });
    row.current.textContent = learner.currentTitle || '—';
    row.activity.textContent = learner.lastActivity
      ? new Date(learner.lastActivity).toLocaleTimeString(ui, { hourCycle: 'h23', hour: '2-digit', minute: '2-digit',
        second: '2-digit' })
      : '—';
    row.failed.textContent = String(learner.failedChecks);
    row.failed.classList.toggle('is-many', learner.failedChecks > 0);
  }

  function fillFoot(steps) {
    const tr = el('tr');
    const th = el('th', '', labels.labelSummary);
    th.scope = 'row';
    tr.appendChild(th);
    steps.forEach((s) => {
      const td = el('td', 'step-summary');
      td.setAttribute('data-step', s.id);
      td.appendChild(el('span', 'summary-passed', fill(labels.labelPassedCount, { passed: s.passed })));
      if (s.stuck.length) {
        td.appendChild(el('span', 'summary-stuck', fill(labels.labelStuckOn, { names: s.stuck.join(', ') })));
      }
      tr.appendChild(td);
    });
    const rest = el('td');
    rest.colSpan = 5;
    tr.appendChild(rest);
    foot.replaceChildren(tr);
  }

  function tick(now) {
    if (!model) {
      return;
    }
    rows.forEach((row) => {
      const seconds = secondsOnStep(row.learner, receivedAt, now);
      row.time.textContent = seconds === null ? '—' : clock(seconds);
    });
  }

  function update(next, at) {
    if (!sameColumns(model, next)) {
      buildHead(next.steps);
    }
    model = next;
    receivedAt = at;
    const seen = new Set();
    next.learners.forEach((learner, i) => {
      let row = rows.get(learner.sessionId);
      if (!row) {
        row = buildRow(learner, next.steps);
        rows.set(learner.sessionId, row);
      }
      // In the server's order (the order they joined). A row is moved only when out of place: moving takes the
      // focus from a button in it.
      if (body.children[i] !== row.tr) {
        body.insertBefore(row.tr, body.children[i] || null);
      }
      fillRow(row, learner);
      seen.add(learner.sessionId);
    });
    rows.forEach((row, id) => {
      if (!seen.has(id)) {
        row.tr.remove();
        rows.delete(id);
      }
    });
    fillFoot(next.steps);
    tick(at);
  }

  return { update, tick };
}
