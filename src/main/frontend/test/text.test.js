import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandFromAttribute, fill, formatCountdown, listOf, withDetail } from '../text.js';

describe('formatCountdown', () => {
  it('shows minutes and seconds, two digits each', () => {
    assert.equal(formatCountdown(0), '00:00');
    assert.equal(formatCountdown(5000), '00:05');
    assert.equal(formatCountdown(59 * 60 * 1000 + 59000), '59:59');
  });

  it('counts a started second as a whole one', () => {
    assert.equal(formatCountdown(1), '00:01');
    assert.equal(formatCountdown(60001), '01:01');
  });

  it('adds hours from an hour on', () => {
    assert.equal(formatCountdown(3600 * 1000), '1:00:00');
    assert.equal(formatCountdown((2 * 3600 + 3 * 60 + 4) * 1000), '2:03:04');
  });

  it('never goes below zero', () => {
    assert.equal(formatCountdown(-90000), '00:00');
  });
});

describe('fill', () => {
  it('fills every placeholder, each as often as it occurs', () => {
    assert.equal(fill('{done} of {total} ({done})', { done: 2, total: 5 }), '2 of 5 (2)');
  });

  it('leaves unknown placeholders and takes a missing label as empty', () => {
    assert.equal(fill('retry in {seconds} s {x}', { seconds: 10 }), 'retry in 10 s {x}');
    assert.equal(fill(undefined, { seconds: 1 }), '');
  });
});

describe('withDetail', () => {
  it('puts the server\'s particulars after our words, when there are any', () => {
    assert.equal(withDetail('Could not extend.', 'At the limit.'), 'Could not extend. At the limit.');
    assert.equal(withDetail('Could not extend.', ''), 'Could not extend.');
    assert.equal(withDetail('Could not extend.', undefined), 'Could not extend.');
  });
});

describe('listOf', () => {
  it('joins as the language does', () => {
    assert.equal(listOf(['A', 'B', 'C'], 'en'), 'A, B, and C');
  });

  it('falls back to commas for a tag Intl refuses', () => {
    assert.equal(listOf(['A', 'B'], 'not a language tag!'), 'A, B');
  });
});

describe('commandFromAttribute', () => {
  it('takes the sanitiser\'s zero-width space out of {{', () => {
    assert.equal(commandFromAttribute("docker ps --format '{\u200B{.Names}\u200B}'"),
      "docker ps --format '{{.Names}\u200B}'");
    assert.equal(commandFromAttribute('a {\u200B{x}} {\u200B{y}}'), 'a {{x}} {{y}}');
  });

  it('leaves other zero-width spaces alone', () => {
    assert.equal(commandFromAttribute('echo \u200B{'), 'echo \u200B{');
    assert.equal(commandFromAttribute('{\u200B}'), '{\u200B}');
  });
});
