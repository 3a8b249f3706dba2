import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CLOSE_DROPPED, RETRY_LATER_MS, RETRY_MS, droppedReason, parseControl, retryDelay, retryState, socketUrl,
} from '../protocol.js';

describe('socketUrl', () => {
  it('takes the page\'s host and turns http into ws', () => {
    assert.equal(socketUrl('/api/sessions/s1/terminal', 'http://lab.example:8080/labs/x?lang=ja'),
      'ws://lab.example:8080/api/sessions/s1/terminal');
  });

  it('turns https into wss', () => {
    assert.equal(socketUrl('/api/sessions/s1/terminal', 'https://lab.example/labs/x'),
      'wss://lab.example/api/sessions/s1/terminal');
  });
});

describe('parseControl', () => {
  it('reads the server\'s control messages', () => {
    assert.deepEqual(parseControl('{"type":"flow","paused":true}'), { type: 'flow', paused: true });
    assert.deepEqual(parseControl('{"type":"status","state":"ready"}'), { type: 'status', state: 'ready' });
  });

  it('answers null for what is not one', () => {
    assert.equal(parseControl('not json'), null);
    assert.equal(parseControl('null'), null);
    assert.equal(parseControl('42'), null);
    assert.equal(parseControl('{"paused":true}'), null);
  });
});

describe('reconnecting', () => {
  it('waits longer after each failure in a row, then every 15 s', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map(retryDelay), [500, 1000, 2000, 4000, 8000]);
    assert.equal(retryDelay(5), RETRY_LATER_MS);
    assert.equal(retryDelay(50), RETRY_LATER_MS);
  });

  it('says reconnecting (or connecting, before the first connection) until the backoff is used up', () => {
    assert.equal(retryState(1, true), 'reconnecting');
    assert.equal(retryState(1, false), 'connecting');
    assert.equal(retryState(RETRY_MS.length, true), 'reconnecting');
    assert.equal(retryState(RETRY_MS.length + 1, true), 'disconnected');
    assert.equal(retryState(RETRY_MS.length + 1, false), 'disconnected');
  });
});

describe('droppedReason', () => {
  it('gives the server\'s reason when it dropped this tab (4001)', () => {
    assert.equal(CLOSE_DROPPED, 4001);
    const reason = 'This tab fell more than 1024 KiB behind';
    assert.equal(droppedReason(4001, reason), reason);
    assert.equal(droppedReason(4001, ''), '');
  });

  it('answers null for other closes, which show nothing', () => {
    assert.equal(droppedReason(1000, ''), null);
    assert.equal(droppedReason(1006, ''), null);
    assert.equal(droppedReason(1011, 'server error'), null);
  });
});
