import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellStatus, gridModel, sameColumns, secondsOnStep, SYMBOLS } from '../grid.js';

const PROGRESS = {
  classId: 'c1',
  lang: 'ja',
  steps: [
    { id: 'make-file', title: 'Make a file', hasCheck: true, passed: 1, stuck: [] },
    { id: 'follow-up', title: 'Follow up', hasCheck: true, passed: 0, stuck: ['s2'] },
  ],
  learners: [
    {
      sessionId: 's1', displayName: 'さくら', lang: 'ja', status: 'ready',
      steps: [{ id: 'make-file', status: 'passed' }, { id: 'follow-up', status: 'pending' }],
      currentStep: 'follow-up', secondsOnStep: 42, lastActivity: '2026-01-01T10:00:00Z', failedChecks: 0,
      stuck: false, completed: false, help: null,
    },
    {
      sessionId: 's2', displayName: '민준', lang: 'ko', status: 'ready',
      steps: [{ id: 'make-file', status: 'failed' }, { id: 'follow-up', status: 'blocked' }],
      currentStep: 'make-file', secondsOnStep: 700, lastActivity: 1767261600, failedChecks: 3,
      stuck: true, stuckReason: 'repeated-fails', completed: false,
      help: { id: 7, stepId: 'make-file', message: 'help', raisedAt: '2026-01-01T10:01:00Z' },
    },
  ],
};

describe('gridModel', () => {
  it('makes one row per learner with a status per step', () => {
    const grid = gridModel(PROGRESS);
    assert.deepEqual(grid.learners.map((l) => l.cells), [
      { 'make-file': 'passed', 'follow-up': 'pending' },
      { 'make-file': 'failed', 'follow-up': 'blocked' },
    ]);
    assert.equal(grid.learners[1].currentTitle, 'Make a file');
    assert.equal(grid.learners[1].stuckReason, 'repeated-fails');
    assert.equal(grid.learners[0].lastActivity, Date.parse('2026-01-01T10:00:00Z'));
    assert.equal(grid.learners[1].lastActivity, 1767261600 * 1000);
  });

  it('marks a learner who reads the lab in another language than the class\'s', () => {
    const grid = gridModel(PROGRESS);
    assert.deepEqual(grid.learners.map((l) => l.otherLanguage), [null, 'ko']);
  });

  it('names who is stuck on each step, and counts the passes', () => {
    const grid = gridModel(PROGRESS);
    assert.deepEqual(grid.steps.map((s) => [s.id, s.passed, s.stuck]),
      [['make-file', 1, []], ['follow-up', 0, ['민준']]]);
  });

  it('works the columns out from the rows when the server sends none', () => {
    const grid = gridModel({ learners: PROGRESS.learners.map((l) => ({ ...l, help: null })) });
    assert.deepEqual(grid.steps.map((s) => [s.id, s.title, s.passed, s.stuck]),
      [['make-file', 'make-file', 1, ['민준']], ['follow-up', 'follow-up', 0, []]]);
  });

  it('lists the raised hands, oldest first, with the step\'s title', () => {
    const learners = [...PROGRESS.learners];
    learners[0] = { ...learners[0], help: { id: 9, stepId: null, message: '', raisedAt: '2026-01-01T10:02:00Z' } };
    const grid = gridModel({ ...PROGRESS, learners });
    assert.deepEqual(grid.hands.map((h) => [h.id, h.displayName, h.stepTitle]),
      [[7, '민준', 'Make a file'], [9, 'さくら', '']]);
  });

  it('takes an empty or odd answer as an empty grid', () => {
    assert.deepEqual(gridModel(null), { steps: [], learners: [], hands: [] });
    assert.deepEqual(gridModel({ learners: [null, { displayName: 'x' }] }).learners, []);
  });
});

describe('cells', () => {
  it('reads unknown statuses as pending, and every status has a symbol', () => {
    assert.equal(cellStatus('weird'), 'pending');
    ['pending', 'passed', 'failed', 'blocked'].forEach((s) => assert.ok(SYMBOLS[s]));
  });
});

describe('secondsOnStep', () => {
  it('counts on from when the answer came', () => {
    const learner = gridModel(PROGRESS).learners[0];
    assert.equal(secondsOnStep(learner, 1000, 1000), 42);
    assert.equal(secondsOnStep(learner, 1000, 4500), 45);
    assert.equal(secondsOnStep({ ...learner, currentStep: null }, 0, 0), null);
  });
});

describe('sameColumns', () => {
  it('is true only for the same steps in the same order', () => {
    const a = gridModel(PROGRESS);
    assert.ok(sameColumns(a, gridModel(PROGRESS)));
    assert.ok(!sameColumns(a, gridModel({ ...PROGRESS, steps: [...PROGRESS.steps].reverse() })));
    assert.ok(!sameColumns(null, a));
  });
});
