/*
 * What the learner's pages know about classes: the answer of a join (POST /api/classes/join), kept in
 * sessionStorage for the lab page; where a join leads; and the terminal websocket's class messages (broadcast,
 * takeover). DOM-free (storage is passed in), so node --test can import it.
 */

const KEY_PREFIX = 'labdeck.class.';

/** What the lab page needs of a join answer, or null when it is none. */
export function joinedClass(joined) {
  if (!joined || typeof joined.id !== 'string' || typeof joined.labId !== 'string') {
    return null;
  }
  return {
    sessionId: joined.id,
    classId: joined.classId || null,
    className: joined.className || '',
    displayName: joined.displayName || '',
  };
}

/** Keeps the join for the lab page of this tab. A storage that refuses (private mode, full) is no error. */
export function rememberClass(storage, joined) {
  const info = joinedClass(joined);
  if (!info || !storage) {
    return info;
  }
  try {
    storage.setItem(KEY_PREFIX + info.sessionId, JSON.stringify(info));
  } catch (e) {
    // the lab page asks the server instead
  }
  return info;
}

/** The join this tab made for the session, or null. */
export function classOf(storage, sessionId) {
  if (!storage || !sessionId) {
    return null;
  }
  try {
    const info = JSON.parse(storage.getItem(KEY_PREFIX + sessionId) || 'null');
    return info && info.sessionId === sessionId ? info : null;
  } catch (e) {
    return null;
  }
}

/** The lab page a join leads to: the class's lab in its language (the page resumes the session by itself). */
export function labPageOf(joined) {
  return '/labs/' + encodeURIComponent(joined.labId) + '?lang=' + encodeURIComponent(joined.lang || '');
}

const LANGUAGE_NAMES = { ja: '日本語', ko: '한국어', en: 'English' };

/** A language's own name, for the join page's choice. */
export function languageName(lang) {
  return LANGUAGE_NAMES[lang] || lang;
}

/**
 * The language a learner reads a class's lab in, offered first on the join page: the page's own language when the
 * lab has it, else the class's (door: GET /api/classes/join/{code}).
 */
export function preferredLanguage(door, uiLang) {
  const offered = (door && Array.isArray(door.languages)) ? door.languages : [];
  if (offered.includes(uiLang)) {
    return uiLang;
  }
  return door && door.lang ? door.lang : (offered[0] || '');
}

/** Which of the page's messages says why a join failed, by HTTP status; the server's words follow it. */
export function joinProblem(status) {
  if (status === 404) {
    return 'unknownCode';
  }
  if (status === 409) {
    return 'closed';
  }
  if (status === 400) {
    return 'invalid';
  }
  if (status === 429 || status === 503) {
    return 'busy';
  }
  return 'failed';
}

/** A broadcast from the instructor ({"type":"broadcast","text","at"}), or null. */
export function broadcastOf(msg) {
  if (!msg || msg.type !== 'broadcast' || typeof msg.text !== 'string' || !msg.text.trim()) {
    return null;
  }
  return { text: msg.text, at: typeof msg.at === 'string' ? msg.at : null };
}

/** Whether a takeover message allows typing: true, false, or null when msg is no takeover message. */
export function takeoverOf(msg) {
  return msg && msg.type === 'takeover' && typeof msg.allowed === 'boolean' ? msg.allowed : null;
}

/** The learner's consent as a control message for the terminal websocket. */
export function takeoverMessage(allowed) {
  return { type: 'takeover', allowed: allowed === true };
}
