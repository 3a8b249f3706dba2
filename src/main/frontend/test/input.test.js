import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHUNK_BYTES, DRAIN_POLL_MS, HIGH_WATER_BYTES, chunks, createInputQueue, typed, utf8 } from '../input.js';

/** All frames joined back into one byte array. */
function joined(frames) {
  const out = new Uint8Array(frames.reduce((sum, f) => sum + f.length, 0));
  let at = 0;
  for (const f of frames) {
    out.set(f, at);
    at += f.length;
  }
  return out;
}

/** A clock the test moves by hand: later() only remembers, tick() runs what is due. */
function manualClock() {
  let timers = [];
  let next = 1;
  return {
    later(fn, ms) {
      const id = next++;
      timers.push({ id, fn, ms });
      return id;
    },
    cancel(id) {
      timers = timers.filter((t) => t.id !== id);
    },
    tick() {
      const due = timers;
      timers = [];
      due.forEach((t) => t.fn());
    },
    pending: () => timers.length,
    delays: () => timers.map((t) => t.ms),
  };
}

/** A queue on a fake socket: frames it sent, and a backlog the test sets. */
function queueOnFakeSocket() {
  const sent = [];
  const clock = manualClock();
  const socket = { backlog: 0 };
  const queue = createInputQueue({
    transmit: (frame) => sent.push(frame),
    backlog: () => socket.backlog,
    later: clock.later,
    cancel: clock.cancel,
  });
  return { queue, sent, clock, socket };
}

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

describe('chunks', () => {
  it('leaves input of up to 16 KiB whole', () => {
    const bytes = new Uint8Array(CHUNK_BYTES).fill(7);
    const out = chunks(bytes);
    assert.equal(out.length, 1);
    assert.deepEqual(out[0], bytes);
  });

  it('cuts larger input into 16 KiB slices and a rest, in order', () => {
    const bytes = Uint8Array.from({ length: 2 * CHUNK_BYTES + 5 }, (_, i) => i % 251);
    const out = chunks(bytes);
    assert.deepEqual(out.map((c) => c.length), [CHUNK_BYTES, CHUNK_BYTES, 5]);
    assert.deepEqual(joined(out), bytes);
  });

  it('gives nothing for nothing', () => {
    assert.deepEqual(chunks(new Uint8Array(0)), []);
  });

  it('keeps multi-byte text intact once the slices are joined, wherever a cut falls', () => {
    // 3-byte (CJK) and 4-byte (emoji) characters: 16384 is a multiple of neither, so cuts fall inside them.
    const text = '日本語と한국어🙂'.repeat(5000);
    const bytes = utf8(text);
    const out = chunks(bytes);
    assert.equal(out.length, Math.ceil(bytes.length / CHUNK_BYTES));
    assert.ok(out.every((c) => c.length <= CHUNK_BYTES));
    // A slice that starts with a continuation byte (10xxxxxx) was cut from the middle of a character.
    assert.ok(out.slice(1).some((c) => (c[0] & 0xc0) === 0x80), 'some cut falls inside a character');
    assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(joined(out)), text);
  });
});

describe('createInputQueue', () => {
  it('sends a keystroke at once, as one frame', () => {
    const { queue, sent } = queueOnFakeSocket();
    queue.send(utf8('a'));
    assert.deepEqual(sent, [utf8('a')]);
    assert.equal(queue.pending(), 0);
  });

  it('sends large input in frames of at most 16 KiB, the same bytes in the same order', () => {
    const { queue, sent } = queueOnFakeSocket();
    const paste = utf8('echo "Ünïcödé ✓"\n'.repeat(3000));
    queue.send(paste);
    assert.ok(sent.length > 1);
    assert.ok(sent.every((f) => f.length <= CHUNK_BYTES));
    assert.deepEqual(joined(sent), paste);
  });

  it('holds input back while paused and sends it all, in order, on resume', () => {
    const { queue, sent } = queueOnFakeSocket();
    queue.send(utf8('before '));
    queue.setPaused(true);
    queue.send(utf8('one '));
    queue.send(utf8('two '));
    queue.send(new Uint8Array(CHUNK_BYTES + 1).fill(0x78));
    assert.deepEqual(sent, [utf8('before ')]);
    assert.equal(queue.pending(), 8 + CHUNK_BYTES + 1);
    assert.equal(queue.isPaused(), true);

    queue.setPaused(false);
    assert.equal(queue.pending(), 0);
    const text = new TextDecoder().decode(joined(sent));
    assert.equal(text, 'before one two ' + 'x'.repeat(CHUNK_BYTES + 1));
    assert.ok(sent.every((f) => f.length <= CHUNK_BYTES));
  });

  it('waits while the socket holds too much, then goes on; a pause meanwhile stops it', () => {
    const sent = [];
    const clock = manualClock();
    let backlog = 0;
    const queue = createInputQueue({
      transmit: (frame) => {
        sent.push(frame);
        backlog += frame.length; // nothing drains until the test says so
      },
      backlog: () => backlog,
      later: clock.later,
      cancel: clock.cancel,
    });
    const paste = Uint8Array.from({ length: 10 * CHUNK_BYTES }, (_, i) => i % 256);
    queue.send(paste);
    assert.equal(sent.length, HIGH_WATER_BYTES / CHUNK_BYTES, 'up to the high-water mark at once');
    assert.deepEqual(clock.delays(), [DRAIN_POLL_MS]);

    queue.send(utf8('later keystroke'));
    assert.equal(sent.length, 4, 'a keystroke waits behind the paste');

    backlog = 0; // the socket drained
    queue.setPaused(true); // and the server asked for a pause before the next look
    clock.tick();
    assert.equal(sent.length, 4, 'nothing sent while paused');
    assert.equal(clock.pending(), 0, 'and no polling while paused');

    queue.setPaused(false);
    assert.equal(sent.length, 8);
    backlog = 0;
    clock.tick();
    assert.equal(clock.pending(), 0);
    const all = joined(sent);
    assert.deepEqual(all.subarray(0, paste.length), paste);
    assert.equal(new TextDecoder().decode(all.subarray(paste.length)), 'later keystroke');
  });

  it('drops what waits on reset, and starts again unpaused', () => {
    const { queue, sent } = queueOnFakeSocket();
    queue.setPaused(true);
    queue.send(utf8('lost with the connection'));
    queue.reset();
    assert.equal(queue.pending(), 0);
    assert.equal(queue.isPaused(), false);
    queue.send(utf8('new'));
    assert.deepEqual(sent, [utf8('new')]);
  });

  it('cancels its wait for the socket on reset', () => {
    const { queue, sent, clock, socket } = queueOnFakeSocket();
    socket.backlog = HIGH_WATER_BYTES;
    queue.send(utf8('stuck'));
    assert.equal(clock.pending(), 1);
    queue.reset();
    assert.equal(clock.pending(), 0);
    socket.backlog = 0;
    queue.send(utf8('fresh'));
    assert.deepEqual(sent, [utf8('fresh')]);
  });
});
