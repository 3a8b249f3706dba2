/*
 * Terminal recordings in asciicast v2 (GET /api/sessions/{id}/recording): a JSON header line, then one event per
 * line, [time, code, data], time in seconds from the start. "o" is output, "r" a resize ("COLSxROWS"); other codes
 * ("i" input, "m" markers) are kept but play nothing. And the clock that plays them back: play, pause, speed.
 * DOM-free, so node --test can import it.
 */

export const SPEEDS = [1, 2, 4];
// A learner who reads for ten minutes leaves a ten-minute gap: a replay shortens every pause to this (seconds),
// unless the header asks for its own idle_time_limit.
export const MAX_IDLE_S = 2;

/**
 * The recording as {header, events: [{time, code, data}], skipped}: lines that are not events (a cut-off last line,
 * a blank one) are counted in skipped, not thrown. A first line that is no v2 header throws.
 */
export function parseCast(text) {
  const lines = String(text || '').split('\n');
  let header = null;
  let at = 0;
  while (at < lines.length && !lines[at].trim()) {
    at++;
  }
  try {
    header = JSON.parse(lines[at]);
  } catch (e) {
    header = null;
  }
  if (!header || typeof header !== 'object' || Array.isArray(header) || header.version !== 2) {
    throw new Error('not an asciicast v2 recording');
  }
  const events = [];
  let skipped = 0;
  let last = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      continue;
    }
    const event = parseEvent(line);
    if (!event) {
      skipped++;
      continue;
    }
    event.time = Math.max(event.time, last); // time never goes back, even in a recording that says so
    last = event.time;
    events.push(event);
  }
  return { header, events, skipped };
}

function parseEvent(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return null;
  }
  if (!Array.isArray(value) || value.length < 3 || typeof value[0] !== 'number' || !isFinite(value[0])
      || typeof value[1] !== 'string' || typeof value[2] !== 'string') {
    return null;
  }
  return { time: Math.max(0, value[0]), code: value[1], data: value[2] };
}

/** A resize event's size, or null: "120x32". */
export function parseSize(data) {
  const m = /^(\d+)x(\d+)$/.exec(String(data).trim());
  return m ? { cols: parseInt(m[1], 10), rows: parseInt(m[2], 10) } : null;
}

/**
 * When each event plays, in seconds from the start of the replay: the recorded times with every pause longer than
 * maxIdle shortened to maxIdle.
 */
export function timeline(events, maxIdle = MAX_IDLE_S) {
  const out = new Array(events.length);
  let prevRecorded = 0;
  let prevPlay = 0;
  for (let i = 0; i < events.length; i++) {
    const gap = events[i].time - prevRecorded;
    prevPlay += maxIdle > 0 ? Math.min(gap, maxIdle) : gap;
    prevRecorded = events[i].time;
    out[i] = prevPlay;
  }
  return out;
}

/** The pause limit a recording asks for, else the default. */
export function idleLimit(header) {
  const limit = header && header.idle_time_limit;
  return typeof limit === 'number' && limit > 0 ? limit : MAX_IDLE_S;
}

/**
 * Plays a parsed recording: write(data) for output, resize(cols, rows) for sizes, reset() before playing from the
 * start again; onChange({state, position, duration, speed}) after each change (state: paused, playing, ended).
 * now(), later(fn, ms) and cancel(timer) are the clock (performance.now, setTimeout and clearTimeout by default;
 * tests pass their own).
 */
export function createPlayer(cast, { write, resize = () => {}, reset = () => {}, onChange = () => {},
  now = () => performance.now(), later = setTimeout, cancel = clearTimeout }) {
  const events = cast.events;
  const times = timeline(events, idleLimit(cast.header));
  const duration = times.length ? times[times.length - 1] : 0;
  let index = 0;        // the next event to play
  let position = 0;     // seconds of the replay played, while paused
  let anchor = 0;       // now() when playing started, in ms
  let anchorPos = 0;    // position at that moment
  let speed = 1;
  let state = 'paused';
  let timer = null;

  function at() {
    return state === 'playing' ? anchorPos + ((now() - anchor) / 1000) * speed : position;
  }

  function report() {
    onChange({ state, position: Math.min(at(), duration), duration, speed });
  }

  function deliver(until) {
    while (index < events.length && times[index] <= until) {
      const e = events[index++];
      if (e.code === 'o') {
        write(e.data);
      } else if (e.code === 'r') {
        const size = parseSize(e.data);
        if (size) {
          resize(size.cols, size.rows);
        }
      }
    }
  }

  function step() {
    timer = null;
    const pos = at();
    deliver(pos);
    if (index >= events.length) {
      state = 'ended';
      position = duration;
      report();
      return;
    }
    timer = later(step, Math.max(0, ((times[index] - pos) * 1000) / speed));
    report();
  }

  function stopTimer() {
    if (timer !== null) {
      cancel(timer);
      timer = null;
    }
  }

  function play() {
    if (state === 'playing') {
      return;
    }
    if (state === 'ended' || index >= events.length) {
      restart();
    }
    anchor = now();
    anchorPos = position;
    state = 'playing';
    step();
  }

  function pause() {
    if (state !== 'playing') {
      return;
    }
    position = at();
    stopTimer();
    state = 'paused';
    report();
  }

  function restart() {
    stopTimer();
    index = 0;
    position = 0;
    state = 'paused';
    reset();
    if (cast.header.width && cast.header.height) {
      resize(cast.header.width, cast.header.height);
    }
  }

  function setSpeed(value) {
    if (!SPEEDS.includes(value) || value === speed) {
      return;
    }
    if (state === 'playing') {
      position = at();
      anchor = now();
      anchorPos = position;
      speed = value;
      stopTimer();
      step();
    } else {
      speed = value;
      report();
    }
  }

  return {
    play,
    pause,
    toggle: () => (state === 'playing' ? pause() : play()),
    restart: () => {
      restart();
      report();
    },
    setSpeed,
    state: () => state,
    duration: () => duration,
  };
}

/** Seconds as m:ss (h:mm:ss from an hour on), rounded down. */
export function clock(seconds) {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
}
