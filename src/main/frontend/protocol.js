/*
 * The terminal websocket's rules as the page follows them (see the contract's "Terminal websocket"): where it is,
 * how its control messages read, how long to wait before connecting again, and what a close from the server says.
 * DOM-free, so node --test can import it.
 */

export const RETRY_MS = [500, 1000, 2000, 4000, 8000]; // after these fail the badge says disconnected, and tries go on:
export const RETRY_LATER_MS = 15000;                   // the session is still live, so the server may well come back

// The server closed the connection for this tab's sake: it fell too far behind the output, or sent input the shell
// could not take. The close reason says which, in the server's words; the page connects again as after any loss.
export const CLOSE_DROPPED = 4001;

/** The websocket URL for a session's terminalUrl: same origin, so the browser sends the owner cookie along. */
export function socketUrl(terminalUrl, pageUrl) {
  const url = new URL(terminalUrl, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** A text frame as a control message ({type, ...}), or null when it is not one. */
export function parseControl(text) {
  let msg;
  try {
    msg = JSON.parse(text);
  } catch (e) {
    return null;
  }
  return msg && typeof msg === 'object' && typeof msg.type === 'string' ? msg : null;
}

/** How long to wait before the next try, after failures connections lost or refused in a row (0 for the first). */
export function retryDelay(failures) {
  return failures < RETRY_MS.length ? RETRY_MS[failures] : RETRY_LATER_MS;
}

/** What the badge says while the page tries again, after failures losses in a row (counting this one). */
export function retryState(failures, everConnected) {
  if (failures > RETRY_MS.length) {
    return 'disconnected';
  }
  return everConnected ? 'reconnecting' : 'connecting';
}

/** The server's reason for a close, when it dropped this tab; null for any other close. */
export function droppedReason(code, reason) {
  return code === CLOSE_DROPPED ? reason || '' : null;
}
