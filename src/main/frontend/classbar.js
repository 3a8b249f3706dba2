/*
 * The lab page of a session in a class: the raised hand (POST, GET and DELETE /api/sessions/{id}/help), the
 * instructor's broadcasts and the take-over switch ("let my instructor type"), both of which travel on the terminal
 * websocket ({"type":"broadcast",...} in, {"type":"takeover","allowed":...} both ways).
 *
 * initClassBar(bar, {session, sendControl}) gets session.js's session and the terminal's sendControl; it answers
 * {onControl(msg), onConnected(connected)}, which main.js hands the terminal's messages and connection to. A
 * session is in a class when GET .../help answers (a session in no class gets 409): the bar shows only then. The
 * class's name comes from the join (sessionStorage, classroom.js). Every string comes from data-label-*.
 */
import { call, sessionUrl } from './api.js';
import { byId } from './dom.js';
import { broadcastOf, classOf, takeoverMessage, takeoverOf } from './classroom.js';

const HAND_POLL_MS = 5000; // while the hand is up: the instructor may answer it

export function initClassBar(bar, { session, sendControl }) {
  const labels = bar.dataset;
  const helpButton = byId('class-help');
  const helpText = byId('class-help-text');
  const note = byId('class-help-note');
  const takeover = byId('class-takeover');
  const takeoverState = byId('class-takeover-state');
  const takeoverBanner = byId('takeover-banner');
  const takeoverOff = byId('takeover-off');
  const pane = byId('terminal-pane');
  const banner = byId('class-broadcast');
  const bannerText = byId('class-broadcast-text');
  const bannerAt = byId('class-broadcast-at');
  const lang = document.documentElement.lang || undefined;

  let sessionId = null;
  let raised = false;
  let allowed = false;    // what the server last said of the consent
  let wanted = false;     // what the learner last chose; sent again after a reconnect
  let connected = false;
  let pollTimer = null;

  function api(id) {
    return sessionUrl('/api/sessions', id) + '/help';
  }

  function setNote(text) {
    note.textContent = text || '';
    note.hidden = !text;
  }

  function showHand(up) {
    raised = up;
    helpButton.setAttribute('aria-pressed', String(up));
    helpText.textContent = up ? labels.labelLower : labels.labelRaise;
    bar.setAttribute('data-hand', up ? 'raised' : 'down');
    clearTimeout(pollTimer);
    if (up) {
      pollTimer = setTimeout(pollHand, HAND_POLL_MS);
    }
  }

  function showTakeover(on) {
    allowed = on;
    takeover.setAttribute('aria-checked', String(on));
    takeoverState.textContent = on ? labels.labelOn : labels.labelOff;
    takeoverBanner.hidden = !on;
    pane.setAttribute('data-takeover', on ? 'on' : 'off');
  }

  /** The session is in a class when its help route answers; anything else leaves the bar hidden. */
  function enter(s) {
    sessionId = s.id;
    call('GET', api(s.id)).then((result) => {
      if (sessionId !== s.id || !result.ok || !result.data) {
        return;
      }
      const info = classOf(window.sessionStorage, s.id);
      byId('class-name').textContent = info ? info.className : '';
      bar.hidden = false;
      showHand(result.data.raised === true);
    }, () => {});
  }

  function leave() {
    sessionId = null;
    bar.hidden = true;
    banner.hidden = true;
    setNote('');
    showHand(false);
    wanted = false;
    showTakeover(false);
  }

  function pollHand() {
    const id = sessionId;
    if (!id || !raised) {
      return;
    }
    call('GET', api(id)).then((result) => {
      if (id !== sessionId) {
        return;
      }
      if (result.ok && result.data && result.data.raised === false) {
        showHand(false);
        setNote(labels.labelAnswered);
      } else {
        showHand(raised);
      }
    }, () => showHand(raised));
  }

  function toggleHand() {
    const id = sessionId;
    if (!id) {
      return;
    }
    helpButton.disabled = true;
    const raising = !raised;
    call(raising ? 'POST' : 'DELETE', api(id), raising ? { message: '' } : null).then((result) => {
      helpButton.disabled = false;
      if (result.ok) {
        showHand(raising);
        setNote(raising ? labels.labelRaised : '');
      } else {
        setNote(labels.labelFailed);
      }
      helpButton.focus();
    }, () => {
      helpButton.disabled = false;
      setNote(labels.labelFailed);
    });
  }

  function choose(on) {
    wanted = on;
    if (!sendControl(takeoverMessage(on)) && !on) {
      showTakeover(false); // not connected: nobody can type now anyway
    }
  }

  function broadcast(msg) {
    const b = broadcastOf(msg);
    if (!b || bar.hidden) {
      return;
    }
    bannerText.textContent = b.text;
    const at = b.at ? new Date(b.at) : null;
    bannerAt.textContent = at && !isNaN(at) ? at.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) : '';
    bannerAt.dateTime = b.at || '';
    banner.hidden = false;
  }

  helpButton.addEventListener('click', toggleHand);
  takeover.addEventListener('click', () => choose(!allowed));
  takeoverOff.addEventListener('click', () => {
    choose(false);
    takeover.focus();
  });
  byId('class-broadcast-dismiss').addEventListener('click', () => {
    banner.hidden = true;
  });
  session.onReady((s) => enter(s));
  session.onEnded(() => leave());

  return {
    onControl(msg) {
      const on = takeoverOf(msg);
      if (on !== null) {
        showTakeover(on);
        if (!on) {
          wanted = false;
        }
      } else if (msg && msg.type === 'broadcast') {
        broadcast(msg);
      }
    },
    onConnected(up) {
      connected = up;
      takeover.disabled = !up;
      if (up && wanted) {
        sendControl(takeoverMessage(true)); // a new connection: the consent is said again
      } else if (!up) {
        showTakeover(false);
      }
    },
    connected: () => connected,
  };
}
