import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentStepId, onceWithin, progressOf, refusalOf } from '../steps.js';

const labels = { stepBlocked: 'BLOCKED', checkNotReady: 'NOT READY', checkError: 'ERROR' };

describe('currentStepId', () => {
  it('is the first step with a check that is open and not passed', () => {
    const steps = [
      { id: 'intro', hasCheck: false, status: 'pending' },
      { id: 'one', hasCheck: true, status: 'passed' },
      { id: 'two', hasCheck: true, status: 'failed' },
      { id: 'three', hasCheck: true, status: 'pending' },
    ];
    assert.equal(currentStepId(steps), 'two');
  });

  it('skips blocked steps and is null when every check passed', () => {
    assert.equal(currentStepId([{ id: 'a', hasCheck: true, status: 'blocked' },
      { id: 'b', hasCheck: true, status: 'pending' }]), 'b');
    assert.equal(currentStepId([{ id: 'a', hasCheck: true, status: 'passed' },
      { id: 'b', hasCheck: false, status: 'pending' }]), null);
  });
});

describe('progressOf', () => {
  it('counts only steps with a check', () => {
    const steps = [
      { hasCheck: false, status: 'passed' },
      { hasCheck: true, status: 'passed' },
      { hasCheck: true, status: 'failed' },
      { hasCheck: true, status: 'blocked' },
    ];
    assert.deepEqual(progressOf(steps), { done: 1, total: 3 });
    assert.deepEqual(progressOf([]), { done: 0, total: 0 });
  });
});

describe('refusalOf', () => {
  it('says a blocked step is blocked', () => {
    assert.deepEqual(refusalOf({ status: 409, data: { error: 'step-blocked', message: 'm' } }, labels),
      { title: 'BLOCKED', detail: null, sessionGone: false });
  });

  it('asks about the session when it is not ready, not found or not ours', () => {
    for (const result of [{ status: 409, data: { error: 'session-not-ready' } },
      { status: 404, data: { error: 'session-not-found' } }, { status: 403, data: null }]) {
      assert.deepEqual(refusalOf(result, labels), { title: 'NOT READY', detail: null, sessionGone: true });
    }
  });

  it('gives the server\'s message with anything else, or the HTTP status', () => {
    assert.deepEqual(refusalOf({ status: 500, data: { error: 'x', message: 'Docker is down' } }, labels),
      { title: 'ERROR', detail: 'Docker is down', sessionGone: false });
    assert.deepEqual(refusalOf({ status: 502, data: null }, labels),
      { title: 'ERROR', detail: 'HTTP 502', sessionGone: false });
  });
});

describe('onceWithin', () => {
  it('lets the same words through once within the time, and again after it', () => {
    let now = 1000;
    const fresh = onceWithin(2000, () => now);
    assert.equal(fresh('Step 1 passed'), true);
    now += 500;
    assert.equal(fresh('Step 1 passed'), false);
    assert.equal(fresh('Step 2 passed'), true);
    assert.equal(fresh('Step 1 passed'), true, 'other words came between');
    now += 2000;
    assert.equal(fresh('Step 1 passed'), true);
  });

  it('says nothing for no words', () => {
    const fresh = onceWithin(2000, () => 0);
    assert.equal(fresh(''), false);
  });
});
