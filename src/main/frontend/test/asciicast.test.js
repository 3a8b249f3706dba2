import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clock, createPlayer, idleLimit, parseCast, parseSize, timeline } from '../asciicast.js';

const CAST = [
  '{"version":2,"width":80,"height":24,"timestamp":1700000000}',
  '[0.5,"o","$ "]',
  '[1.0,"o","ls\\r\\n"]',
  '[1.25,"r","100x30"]',
  '[30.0,"o","later"]',
  '',
].join('\n');

/** A clock the test moves: later() queues, advance() runs what falls due, in order. */
function fakeClock() {
  let t = 0;
  let queue = [];
  let seq = 0;
  return {
    now: () => t,
    later(fn, ms) {
      const timer = { at: t + ms, fn, seq: seq++ };
      queue.push(timer);
      return timer;
    },
    cancel(timer) {
      queue = queue.filter((q) => q !== timer);
    },
    advance(ms) {
      const end = t + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = queue[0];
        if (!next || next.at > end) {
          break;
        }
        queue.shift();
        t = next.at;
        next.fn();
      }
      t = end;
    },
  };
}

describe('parseCast', () => {
  it('reads the header and the events, in order', () => {
    const cast = parseCast(CAST);
    assert.equal(cast.header.width, 80);
    assert.deepEqual(cast.events.map((e) => [e.time, e.code, e.data]),
      [[0.5, 'o', '$ '], [1, 'o', 'ls\r\n'], [1.25, 'r', '100x30'], [30, 'o', 'later']]);
    assert.equal(cast.skipped, 0);
  });

  it('skips lines that are no events, such as a cut-off last line', () => {
    const cast = parseCast('{"version":2,"width":80,"height":24}\n[0.1,"o","a"]\nnot json\n[1,"o"]\n[0.2,"o","b');
    assert.equal(cast.events.length, 1);
    assert.equal(cast.skipped, 3);
  });

  it('never lets time run backwards', () => {
    const cast = parseCast('{"version":2}\n[2,"o","a"]\n[1,"o","b"]');
    assert.deepEqual(cast.events.map((e) => e.time), [2, 2]);
  });

  it('refuses what is no asciicast v2', () => {
    assert.throws(() => parseCast(''), /asciicast v2/);
    assert.throws(() => parseCast('{"version":1}\n'), /asciicast v2/);
    assert.throws(() => parseCast('[0,"o","x"]'), /asciicast v2/);
  });
});

describe('timeline', () => {
  it('keeps short gaps and shortens long pauses', () => {
    const { events } = parseCast(CAST);
    assert.deepEqual(timeline(events, 2), [0.5, 1, 1.25, 3.25]);
    assert.deepEqual(timeline(events, 0), [0.5, 1, 1.25, 30]);
  });

  it('takes the header\'s idle_time_limit', () => {
    assert.equal(idleLimit({ idle_time_limit: 0.5 }), 0.5);
    assert.equal(idleLimit({}), 2);
  });
});

describe('parseSize and clock', () => {
  it('reads COLSxROWS', () => {
    assert.deepEqual(parseSize('120x32'), { cols: 120, rows: 32 });
    assert.equal(parseSize('wide'), null);
  });

  it('shows m:ss and h:mm:ss', () => {
    assert.equal(clock(0), '0:00');
    assert.equal(clock(65.9), '1:05');
    assert.equal(clock(3725), '1:02:05');
  });
});

describe('createPlayer', () => {
  function setUp() {
    const c = fakeClock();
    const out = [];
    const sizes = [];
    const states = [];
    let resets = 0;
    const player = createPlayer(parseCast(CAST), {
      write: (d) => out.push(d),
      resize: (cols, rows) => sizes.push(cols + 'x' + rows),
      reset: () => resets++,
      onChange: (s) => states.push(s),
      now: c.now,
      later: c.later,
      cancel: c.cancel,
    });
    return { c, out, sizes, states, player, resets: () => resets };
  }

  it('plays each event at its time', () => {
    const { c, out, sizes, player } = setUp();
    player.play();
    assert.deepEqual(out, []);
    c.advance(499);
    assert.deepEqual(out, []);
    c.advance(1);
    assert.deepEqual(out, ['$ ']);
    c.advance(750);
    assert.deepEqual(out, ['$ ', 'ls\r\n']);
    assert.deepEqual(sizes, ['100x30']);
    c.advance(1999); // the 28.75 s pause is played as 2 s
    assert.equal(out.length, 2);
    c.advance(1);
    assert.deepEqual(out, ['$ ', 'ls\r\n', 'later']);
    assert.equal(player.state(), 'ended');
  });

  it('holds still while paused and goes on from there', () => {
    const { c, out, player, states } = setUp();
    player.play();
    c.advance(600);
    player.pause();
    assert.equal(player.state(), 'paused');
    assert.ok(Math.abs(states[states.length - 1].position - 0.6) < 1e-9);
    c.advance(10000);
    assert.deepEqual(out, ['$ ']);
    player.play();
    c.advance(399);
    assert.deepEqual(out, ['$ ']);
    c.advance(1);
    assert.deepEqual(out, ['$ ', 'ls\r\n']);
  });

  it('plays faster at 2× and 4×, also when changed while playing', () => {
    const { c, out, player } = setUp();
    player.setSpeed(4);
    player.play();
    c.advance(125); // 0.5 s of recording at 4×
    assert.deepEqual(out, ['$ ']);
    player.setSpeed(2);
    c.advance(249);
    assert.deepEqual(out, ['$ ']);
    c.advance(1); // 0.5 s more at 2×
    assert.deepEqual(out, ['$ ', 'ls\r\n']);
    player.setSpeed(3); // not offered: ignored
    c.advance(1125); // 0.25 + 2 s at 2×
    assert.equal(out.length, 3);
  });

  it('starts again from a clean screen after the end', () => {
    const { c, out, player, sizes, resets } = setUp();
    player.play();
    c.advance(10000);
    assert.equal(player.state(), 'ended');
    player.play();
    assert.equal(resets(), 1);
    assert.equal(sizes[sizes.length - 1], '80x24'); // the header's size again
    c.advance(500);
    assert.deepEqual(out.slice(3), ['$ ']);
  });

  it('says the duration of the replay', () => {
    const { player } = setUp();
    assert.equal(player.duration(), 3.25);
  });
});
