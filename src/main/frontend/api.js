/*
 * The session REST API as the page uses it (see the contract's "Sessions"): one way to call it and to read its
 * answers. The owner cookie is httpOnly: the browser sends it with every same-origin fetch, and no script sees it.
 * Apart from call(), DOM-free and fetch-free, so node --test can import it.
 */

/** Resolves to {ok, status, data, response}; rejects only when the server could not be reached. */
export function call(method, url, body) {
  // X-Requested-With: with OIDC's code flow, an ended sign-in answers 499 to a script instead of a redirect to the
  // identity provider, which fetch could only report as a network error.
  const init = {
    method, credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' },
  };
  if (body) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(url, init).then((response) =>
    response.text().then((text) => ({
      ok: response.ok,
      status: response.status,
      data: parseBody(text),
      response,
    })),
  );
}

/** Whether an answer says the instructor's sign-in is gone: 401, or 499 (OIDC's code flow, to a script). */
export function signInEnded(status) {
  return status === 401 || status === 499;
}

/** An answer's JSON, or null when it has none (204, an HTML error page from a proxy). */
export function parseBody(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null;
  }
}

/**
 * For the instructor's pages, before their first API call: a request to /classes, whose directory is "/". Browsers
 * send basic credentials unasked only below the directory of the URL that was challenged (RFC 7617), so a page
 * opened at /classes/{id} would otherwise send none to /api/sessions/... (a reset, an answered hand) nor on a
 * websocket upgrade, and get 403. After this one challenge, answered from the browser's cache, they go everywhere
 * on the origin. Resolves either way.
 */
export function shareCredentials() {
  return fetch('/classes', { method: 'HEAD', credentials: 'same-origin' }).catch(() => null);
}

export function sessionUrl(api, id) {
  return api + '/' + encodeURIComponent(id);
}

export function stepUrl(api, id, stepId, action) {
  return sessionUrl(api, id) + '/steps/' + encodeURIComponent(stepId) + '/' + action;
}

/** The server's own words for an error, if it sent any. */
export function serverMessage(result) {
  return result && result.data && typeof result.data.message === 'string' ? result.data.message : '';
}

/** An instant from the API as ms since the epoch: epoch seconds (Jackson timestamps), milliseconds or ISO text. */
export function instant(value) {
  if (typeof value === 'number') {
    return value < 1e11 ? value * 1000 : value;
  }
  const parsed = Date.parse(value);
  return isNaN(parsed) ? 0 : parsed;
}

export function isLive(status) {
  return status === 'starting' || status === 'ready';
}

/** Of the sessions GET /api/sessions lists, this lab's live one in this language (the one lasting longest). */
export function liveSessionOf(sessions, labId, lang) {
  if (!Array.isArray(sessions)) {
    return null;
  }
  const mine = sessions.filter((s) => s && s.labId === labId && s.lang === lang && isLive(s.status));
  mine.sort((a, b) => instant(b.expiresAt) - instant(a.expiresAt));
  return mine[0] || null;
}

/** Retry-After in seconds, or fallback when the header is missing or says nothing usable. */
export function retryAfterSeconds(header, fallback) {
  const seconds = parseInt(header, 10);
  return seconds > 0 ? seconds : fallback;
}

/** A session view with its steps (GET /api/sessions/{id}, /latest). */
export function isView(json) {
  return !!(json && typeof json.id === 'string' && Array.isArray(json.steps));
}

/** Server time minus ours from a Date header, when they differ noticeably (more than 3 s); else 0. */
export function clockSkew(dateHeader, now) {
  const date = Date.parse(dateHeader || '');
  if (isNaN(date)) {
    return null;
  }
  const diff = date - now;
  return Math.abs(diff) > 3000 ? diff : 0;
}
