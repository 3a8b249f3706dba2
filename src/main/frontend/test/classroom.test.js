import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  broadcastOf, classOf, joinProblem, labPageOf, languageName, preferredLanguage, rememberClass,
  takeoverMessage, takeoverOf,
} from '../classroom.js';

function memoryStorage() {
  const items = new Map();
  return {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
  };
}

const JOINED = {
  id: 's1', labId: 'check-fixture', lang: 'ja', status: 'starting', classId: 'c1', className: 'Docker 101',
  displayName: 'さくら', resumed: false,
};

describe('joins', () => {
  it('are kept per session for the lab page', () => {
    const storage = memoryStorage();
    rememberClass(storage, JOINED);
    assert.deepEqual(classOf(storage, 's1'),
      { sessionId: 's1', classId: 'c1', className: 'Docker 101', displayName: 'さくら' });
    assert.equal(classOf(storage, 's2'), null);
  });

  it('survive a storage that refuses', () => {
    const refusing = { setItem: () => { throw new Error('quota'); }, getItem: () => 'not json' };
    assert.equal(rememberClass(refusing, JOINED).classId, 'c1');
    assert.equal(classOf(refusing, 's1'), null);
    assert.equal(classOf(null, 's1'), null);
  });

  it('lead to the lab page in the class\'s language', () => {
    assert.equal(labPageOf(JOINED), '/labs/check-fixture?lang=ja');
  });

  it('say why they failed', () => {
    assert.equal(joinProblem(404), 'unknownCode');
    assert.equal(joinProblem(409), 'closed');
    assert.equal(joinProblem(429), 'busy');
    assert.equal(joinProblem(500), 'failed');
  });
});

describe('class messages on the terminal websocket', () => {
  it('read broadcasts', () => {
    assert.deepEqual(broadcastOf({ type: 'broadcast', text: 'Break until 11', at: '2026-01-01T10:00:00Z' }),
      { text: 'Break until 11', at: '2026-01-01T10:00:00Z' });
    assert.equal(broadcastOf({ type: 'broadcast', text: '  ' }), null);
    assert.equal(broadcastOf({ type: 'check' }), null);
  });

  it('read and write the takeover consent', () => {
    assert.equal(takeoverOf({ type: 'takeover', allowed: true }), true);
    assert.equal(takeoverOf({ type: 'takeover', allowed: false }), false);
    assert.equal(takeoverOf({ type: 'takeover' }), null);
    assert.equal(takeoverOf({ type: 'status' }), null);
    assert.deepEqual(takeoverMessage(true), { type: 'takeover', allowed: true });
    assert.deepEqual(takeoverMessage('yes'), { type: 'takeover', allowed: false });
  });
});

describe('the join page\'s choice of language', () => {
  it('offers the page\'s language when the lab has it, else the class\'s', () => {
  const door = { lang: 'ja', languages: ['ja', 'ko'] };
    assert.equal(preferredLanguage(door, 'ko'), 'ko');
    assert.equal(preferredLanguage(door, 'ja'), 'ja');
    assert.equal(preferredLanguage(door, 'en'), 'ja', 'no English text: the class\'s language');
    assert.equal(preferredLanguage({ languages: ['ko'] }, 'en'), 'ko');
    assert.equal(preferredLanguage(null, 'ko'), '');
    assert.equal(languageName('ko'), '한국어');
    assert.equal(languageName('fr'), 'fr');
  });
});
