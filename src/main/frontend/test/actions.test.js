import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editKeys, fillParts, interruptThenRun, portLinkState, unchangedParts, waitForQuiet } from '../actions.js';

/** A clock the test moves: sleep(ms) resolves when the test advances past it. */
function fakeClock() {
  let t = 1000;
  const sleepers = [];
  return {
    now: () => t,
    sleep: (ms) => new Promise((resolve) => sleepers.push({ at: t + ms, resolve })),
    async advance(ms) {
      const end = t + ms;
      while (t < end) {
        t += 10;
        for (let i = sleepers.length - 1; i >= 0; i--) {
          if (sleepers[i].at <= t) {
            sleepers.splice(i, 1)[0].resolve();
          }
        }
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}

test('editKeys lists each «part» once, in order of first use', () => {
  assert.deepEqual(editKeys('docker tag app «name»:«tag»\ndocker push «name»:«tag»'), ['name', 'tag']);
  assert.deepEqual(editKeys('ls'), []);
  assert.deepEqual(editKeys('echo «un closed\n»'), [], 'a part stays on its line');
});

test('fillParts puts the learner\'s values in every place of a part and leaves unknown parts marked', () => {
  assert.equal(fillParts('docker tag app «name»:«tag» && echo «name»', { name: 'web', tag: 'v2' }),
    'docker tag app web:v2 && echo web');
  assert.equal(fillParts('run «a» «b»', { a: 'x' }), 'run x «b»');
  assert.equal(fillParts('echo «a»', { a: '$HOME «b»' }), 'echo $HOME «b»', 'a value is not filled again');
});

test('unchangedParts are those still as written, or blank', () => {
  assert.deepEqual(unchangedParts(['name', 'tag'], { name: 'name', tag: 'v2' }), ['name']);
  assert.deepEqual(unchangedParts(['name', 'tag'], { name: '  ', tag: 'v2' }), ['name']);
  assert.deepEqual(unchangedParts(['name'], {}), ['name']);
  assert.deepEqual(unchangedParts(['name', 'tag'], { name: 'web', tag: 'v2' }), []);
});

test('an interrupt sends Ctrl-C at once and the command once the terminal has been quiet', async () => {
  const clock = fakeClock();
  const sent = [];
  let lastOutput = 0;
  const done = interruptThenRun({ sendRaw: (t) => sent.push(t), run: () => sent.push('cmd'),
    lastOutputAt: () => lastOutput, now: clock.now, sleep: clock.sleep });
  assert.deepEqual(sent, ['\u0003'], 'Ctrl-C goes first, alone');
  await clock.advance(100);
  lastOutput = clock.now(); // ^C echoed, a new prompt drawn
  await clock.advance(200);
  assert.deepEqual(sent, ['\u0003'], 'output 200 ms ago: not quiet yet');
  await clock.advance(150);
  await done;
  assert.deepEqual(sent, ['\u0003', 'cmd']);
});

test('an interrupt waits at least a moment, and at most a few seconds for a program that keeps printing', async () => {
  const clock = fakeClock();
  let ran = 0;
  const quiet = waitForQuiet({ lastOutputAt: () => 0, now: clock.now, sleep: clock.sleep }).then(() => { ran = clock.now(); });
  await clock.advance(400);
  await quiet;
  assert.ok(ran - 1000 >= 300 && ran - 1000 <= 350, 'silence after the Ctrl-C is enough: ' + (ran - 1000));

  const loud = fakeClock();
  let end = 0;
  const busy = waitForQuiet({ lastOutputAt: () => loud.now(), now: loud.now, sleep: loud.sleep })
    .then(() => { end = loud.now(); });
  await loud.advance(3200);
  await busy;
  assert.ok(end - 1000 >= 3000 && end - 1000 <= 3060, 'gives up waiting at 3 s: ' + (end - 1000));
});

test('a port link has no address before the session, then the preview\'s, with the port\'s state', () => {
  assert.deepEqual(portLinkState(5001, null, []), { state: 'no-session', href: null });
  assert.deepEqual(portLinkState(5001, 'abc', []), { state: 'not-listening', href: '/sessions/abc/ports/5001/' });
  assert.deepEqual(portLinkState(5001, 'abc', [{ port: 5001, state: 'answering', url: 'http://5001-abc.h/' }]),
    { state: 'answering', href: 'http://5001-abc.h/' });
});
