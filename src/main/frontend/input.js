/*
 * What the terminal sends as input, and how: UTF-8 bytes in frames of at most 16 KiB, in order, held back while the
 * server says the shell has too much unread input ({"type":"flow","paused":true}) and sent on once it may go on.
 * DOM-free, so node --test can import it.
 */

// The server takes frames of up to 64 KiB. A multi-MB paste is one onData string: cut it well below that.
export const CHUNK_BYTES = 16 * 1024;
// A paste is sent a few frames at a time, so that a pause from the server can arrive (and count) in between;
// typing never comes near this.
export const HIGH_WATER_BYTES = 4 * CHUNK_BYTES;
export const DRAIN_POLL_MS = 20;

const encoder = new TextEncoder();

/** A command as if typed: each line ends with Enter, which a terminal sends as \r. */
export function typed(text) {
  return text.replace(/(\r?\n)+$/, '').replace(/\r?\n/g, '\r') + '\r';
}

/** Text as the shell reads it: UTF-8, encoded once for the whole text. */
export function utf8(text) {
  return encoder.encode(text);
}

/**
 * bytes in slices of at most size. A slice may end inside a UTF-8 sequence: the server never decodes per frame, it
 * writes the bytes to the shell in order. Slices are views, not copies.
 */
export function chunks(bytes, size = CHUNK_BYTES) {
  const out = [];
  for (let at = 0; at < bytes.length; at += size) {
    out.push(bytes.subarray(at, at + size));
  }
  return out;
}

/**
 * The input on its way to one connection, in order.
 *   transmit(bytes)  sends one frame;
 *   backlog()        the bytes the socket has taken but not sent yet (WebSocket.bufferedAmount);
 *   later(fn, ms), cancel(timer)  the clock (setTimeout and clearTimeout; tests pass their own).
 * send(bytes) queues input and sends what it may at once; setPaused(paused) follows the server's flow messages;
 * reset() drops what waits (the connection it was for is gone: input typed since went nowhere either).
 */
export function createInputQueue({ transmit, backlog = () => 0, later = setTimeout, cancel = clearTimeout }) {
  let frames = [];    // what waits to be sent, oldest first; an input's frames are its own, never merged
  let head = 0;       // frames before this one are sent
  let paused = false;
  let timer = null;

  function pump() {
    timer = null;
    while (head < frames.length && !paused) {
      if (backlog() >= HIGH_WATER_BYTES) {
        timer = later(pump, DRAIN_POLL_MS); // nothing says when the socket drains: look again soon
        return;
      }
      const frame = frames[head];
      frames[head] = null;
      head += 1;
      transmit(frame);
    }
    if (head === frames.length) {
      frames = [];
      head = 0;
    }
  }

  function send(bytes) {
    for (const frame of chunks(bytes)) {
      frames.push(frame);
    }
    if (timer === null) {
      pump();
    }
  }

  function setPaused(on) {
    paused = on;
    if (!paused && timer === null) {
      pump();
    }
  }

  function reset() {
    if (timer !== null) {
      cancel(timer);
      timer = null;
    }
    frames = [];
    head = 0;
    paused = false;
  }

  /** Bytes queued and not sent yet. */
  function pending() {
    let sum = 0;
    for (let i = head; i < frames.length; i++) {
      sum += frames[i].length;
    }
    return sum;
  }

  return { send, setPaused, reset, pending, isPaused: () => paused };
}
