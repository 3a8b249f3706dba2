import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RETRY_LATER_MS, RETRY_MS, parseControl, retryDelay, retryState, socketUrl } from '../protocol.js';

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
