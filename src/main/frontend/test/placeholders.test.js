import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillSession } from '../placeholders.js';

describe('fillSession', () => {
  it('puts the session id in every {{session}}', () => {
    assert.equal(fillSession('docker tag a {{registry}}/{{session}}/app && echo {{session}}', 'abc123'),
      'docker tag a {{registry}}/abc123/app && echo abc123');
  });

  it('leaves the text as it is without a session', () => {
    assert.equal(fillSession('push {{session}}/app', null), 'push {{session}}/app');
  });

  it('leaves other braces alone', () => {
    assert.equal(fillSession('{{port:5001}} {{ session }}', 'x'), '{{port:5001}} {{ session }}');
  });
});
