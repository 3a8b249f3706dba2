import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typed } from '../input.js';

describe('typed', () => {
  it('ends a one-line command with Enter', () => {
    assert.equal(typed('ls -l'), 'ls -l\r');
  });

  it('turns every line break into Enter and keeps inner empty lines', () => {
    assert.equal(typed('mkdir d\ncd d\r\n\ncat f'), 'mkdir d\rcd d\r\rcat f\r');
  });

  it('sends one Enter for the trailing line breaks, however many there are', () => {
    assert.equal(typed('echo hi\n'), 'echo hi\r');
    assert.equal(typed('echo hi\r\n\r\n\n'), 'echo hi\r');
  });

  it('makes an empty command a bare Enter', () => {
    assert.equal(typed(''), '\r');
  });
});
