import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRefresher, followClass, liveUrl, parseLive } from '../live.js';

/** Timers the test runs by hand. */
function timers() {
  const pending = new Map();
  let next = 1;
  return {
    later(fn, ms) {
      const id = next++;
      pending.set(id, { fn, ms, repeat: false });
      return id;
    },
    every(fn, ms) {
      const id = next++;
      pending.set(id, { fn, ms, repeat: true });
      return id;
    },
    cancel(id) {
      pending.delete(id);
    },
    /** Runs the timers set for ms (once each; repeating ones stay). */
    fire(ms) {
      [...pending.entries()].filter(([, t]) => t.ms === ms).forEach(([id, t]) => {
        if (!t.repeat) {
          pending.delete(id);
        }
        t.fn();
      });
    },
    count: (ms) => [...pending.values()].filter((t) => t.ms === ms).length,
  };
}

function fakeSockets() {
  const made = [];
  class FakeSocket {
    constructor(url) {
      this.url = url;
      this.closed = false;
      made.push(this);
    }

    close() {
      this.closed = true;
    }
  }
  return { FakeSocket, made };
}

describe('parseLive', () => {
  it('reads hello and event messages', () => {
    assert.deepEqual(parseLive('{"type":"hello"}'), { type: 'hello' });
    const msg = parseLive('{"type":"event","event":"step.passed","session":"s1","step":"a"}');
    assert.equal(msg.event, 'step.passed');
    assert.equal(msg.session, 's1');
  });

  it('ignores what is not a message', () => {
    assert.equal(parseLive('nope'), null);
    assert.equal(parseLive('[1]'), null);
    assert.equal(parseLive('{"type":"event"}'), null);
  });
});

describe('liveUrl', () => {
  it('is the class\'s live socket on the page\'s origin', () => {
    assert.equal(liveUrl('ab c', 'https://labs.example/classes/x'), 'wss://labs.example/api/classes/ab%20c/live');
    assert.equal(liveUrl('c1', 'http://localhost:8081/'), 'ws://localhost:8081/api/classes/c1/live');
  });
});

describe('createRefresher', () => {
  it('makes one fetch of a burst, and one more for what comes while it runs', async () => {
    const t = timers();
    let calls = 0;
    let finish;
    const r = createRefresher(() => {
      calls++;
      return new Promise((resolve) => {
        finish = resolve;
      });
    }, { delay: 150, later: t.later });
    r.request();
    r.request();
    r.request();
    assert.equal(t.count(150), 1);
    t.fire(150);
    assert.equal(calls, 1);
    r.request(); // while the fetch runs
    r.request();
    assert.equal(t.count(150), 0);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(t.count(150), 1);
    t.fire(150);
    assert.equal(calls, 2);
  });

  it('goes on after a fetch that failed', async () => {
    const t = timers();
    let calls = 0;
    const r = createRefresher(() => {
      calls++;
      return Promise.reject(new Error('down'));
    }, { delay: 10, later: t.later });
    r.request();
    t.fire(10);
    await new Promise((resolve) => setImmediate(resolve));
    r.request();
    t.fire(10);
    assert.equal(calls, 2);
  });
});

describe('followClass', () => {
  function setUp() {
    const t = timers();
    const { FakeSocket, made } = fakeSockets();
    const modes = [];
    const events = [];
    let ticks = 0;
    const feed = followClass({
      url: 'ws://x/api/classes/c1/live', WebSocketImpl: FakeSocket,
      onEvent: (m) => events.push(m.event), onTick: () => ticks++, onMode: (m) => modes.push(m),
      later: t.later, cancel: t.cancel, every: t.every, stopEvery: t.cancel,
      pollMs: 1000, openTimeoutMs: 4000, retryMs: 30000,
    });
    return { t, made, modes, events, feed, ticks: () => ticks };
  }

  it('is live once the socket opens, and asks for the progress on each event', () => {
    const { made, modes, events, ticks } = setUp();
    assert.deepEqual(modes, ['connecting']);
    made[0].onopen();
    assert.deepEqual(modes, ['connecting', 'live']);
    assert.equal(ticks(), 1);
    made[0].onmessage({ data: '{"type":"hello"}' });
    assert.equal(ticks(), 1);
    made[0].onmessage({ data: '{"type":"event","event":"step.passed","session":"s1"}' });
    assert.deepEqual(events, ['step.passed']);
    assert.equal(ticks(), 2);
  });

  it('polls every second when the socket is refused, and says so', () => {
    const { t, made, modes, ticks } = setUp();
    made[0].onclose({ code: 1006 });
    assert.deepEqual(modes, ['connecting', 'polling']);
    t.fire(1000);
    t.fire(1000);
    assert.equal(ticks(), 2);
  });

  it('polls when the socket does not open in time, and goes live when a later try opens', () => {
    const { t, made, modes, ticks } = setUp();
    t.fire(4000);
    assert.ok(made[0].closed);
    assert.deepEqual(modes, ['connecting', 'polling']);
    t.fire(30000);
    assert.equal(made.length, 2);
    made[1].onopen();
    assert.deepEqual(modes, ['connecting', 'polling', 'live']);
    const before = ticks();
    t.fire(1000);
    assert.equal(ticks(), before, 'no polling once live');
  });

  it('falls back to polling when a live socket is lost', () => {
    const { t, made, modes } = setUp();
    made[0].onopen();
    made[0].onclose({ code: 1001 });
    assert.equal(modes[modes.length - 1], 'polling');
    assert.equal(t.count(1000), 1);
  });

  it('stops everything on stop()', () => {
    const { t, made, feed } = setUp();
    made[0].onopen();
    feed.stop();
    assert.ok(made[0].closed);
    assert.equal(t.count(1000), 0);
  });
});
