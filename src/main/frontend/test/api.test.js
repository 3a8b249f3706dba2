import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clockSkew, instant, isView, liveSessionOf, parseBody, retryAfterSeconds, serverMessage, sessionUrl, signInEnded,
  stepUrl,
} from '../api.js';

describe('addresses', () => {
  it('escapes ids in paths', () => {
    assert.equal(sessionUrl('/api/sessions', 'a/b c'), '/api/sessions/a%2Fb%20c');
    assert.equal(stepUrl('/api/sessions', 's1', 'run container', 'check'),
      '/api/sessions/s1/steps/run%20container/check');
  });
});

describe('parseBody and serverMessage', () => {
  it('reads JSON, and nothing from an empty or non-JSON answer', () => {
    assert.deepEqual(parseBody('{"id":"s1"}'), { id: 's1' });
    assert.equal(parseBody(''), null);
    assert.equal(parseBody('<html>Bad gateway</html>'), null);
  });

  it('takes the server\'s message only when it is text', () => {
    assert.equal(serverMessage({ data: { message: 'Quota reached.' } }), 'Quota reached.');
    assert.equal(serverMessage({ data: { message: 42 } }), '');
    assert.equal(serverMessage({ data: null }), '');
    assert.equal(serverMessage(null), '');
  });
});

describe('instant', () => {
  it('reads epoch seconds, epoch milliseconds and ISO text', () => {
    assert.equal(instant(1700000000), 1700000000000);
    assert.equal(instant(1700000000123), 1700000000123);
    assert.equal(instant('2023-11-14T22:13:20Z'), 1700000000000);
    assert.equal(instant('never'), 0);
  });
});

describe('liveSessionOf', () => {
  const sessions = [
    { id: 'other-lab', labId: 'b', lang: 'ja', status: 'ready', expiresAt: 900 },
    { id: 'other-lang', labId: 'a', lang: 'ko', status: 'ready', expiresAt: 900 },
    { id: 'ended', labId: 'a', lang: 'ja', status: 'ended', expiresAt: 990 },
    { id: 'sooner', labId: 'a', lang: 'ja', status: 'ready', expiresAt: 100 },
    { id: 'later', labId: 'a', lang: 'ja', status: 'starting', expiresAt: 500 },
    null,
  ];

  it('picks this lab\'s live session in this language, the one lasting longest', () => {
    assert.equal(liveSessionOf(sessions, 'a', 'ja').id, 'later');
  });

  it('finds none in an empty list or an answer that is no list', () => {
    assert.equal(liveSessionOf(sessions, 'c', 'ja'), null);
    assert.equal(liveSessionOf({ error: 'x' }, 'a', 'ja'), null);
    assert.equal(liveSessionOf(null, 'a', 'ja'), null);
  });
});

describe('retryAfterSeconds', () => {
  it('takes a positive number of seconds, else the fallback', () => {
    assert.equal(retryAfterSeconds('30', 10), 30);
    assert.equal(retryAfterSeconds('0', 10), 10);
    assert.equal(retryAfterSeconds(null, 10), 10);
    assert.equal(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT', 10), 10);
  });
});

describe('isView', () => {
  it('wants an id and a list of steps', () => {
    assert.equal(isView({ id: 's1', steps: [] }), true);
    assert.equal(isView({ id: 's1' }), false);
    assert.equal(isView({ steps: [] }), false);
    assert.equal(isView(null), false);
  });
});

describe('clockSkew', () => {
  const now = Date.parse('2024-05-01T10:00:00Z');

  it('measures how far the server\'s clock is ahead or behind', () => {
    assert.equal(clockSkew('Wed, 01 May 2024 10:01:00 GMT', now), 60000);
    assert.equal(clockSkew('Wed, 01 May 2024 09:59:50 GMT', now), -10000);
  });

  it('takes a few seconds as no difference, and a missing header as no news', () => {
    assert.equal(clockSkew('Wed, 01 May 2024 10:00:02 GMT', now), 0);
    assert.equal(clockSkew(null, now), null);
    assert.equal(clockSkew('garbage', now), null);
  });
});

describe('signInEnded', () => {
  it('knows an ended sign-in from any other refusal', () => {
    assert.equal(signInEnded(401), true);
    assert.equal(signInEnded(499), true, 'OIDC\'s answer to a script');
    assert.equal(signInEnded(403), false, 'signed in, but not allowed');
    assert.equal(signInEnded(500), false);
  });
});
