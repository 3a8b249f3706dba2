/*
 * The class dashboard (/classes/{id}): the class (GET /api/classes/{id}), its grid (GET .../progress, drawn by
 * gridview.js), raised hands with Answer (DELETE /api/sessions/{sid}/help), the broadcast box
 * (POST .../broadcast), Extend everyone, Close, and per learner Extend and Reset. The grid is fetched again, debounced,
 * on each message of the live socket (live.js), or every second when the socket cannot be opened; which mode is on
 * shows in the header. Strings come from data-label-* on the page's root.
 */
import { call, serverMessage, sessionUrl, shareCredentials, signInEnded } from './api.js';
import { announceIn, byId } from './dom.js';
import { gridModel } from './grid.js';
import { initGridView } from './gridview.js';
import { createRefresher, followClass, liveUrl } from './live.js';
import { fill, withDetail } from './text.js';

export function initDashboard(root) {
  const labels = root.dataset;
  const ui = labels.uiLang;
  const classId = labels.classId;
  const api = '/api/classes/' + encodeURIComponent(classId);
  const notice = byId('dash-notice');
  const live = byId('dash-live');
  const modeText = byId('live-mode');
  const hands = byId('hands');
  const gridEmpty = byId('grid-empty');
  const view = initGridView(byId('class-grid'), labels, { ui, classId, onAction });

  function say(text, tone) {
    notice.textContent = text || '';
    notice.hidden = !text;
    notice.setAttribute('data-tone', tone || 'info');
    if (text) {
      announceIn(live, text);
    }
  }

  function failed(result) {
    if (result && signInEnded(result.status)) {
      say(labels.labelSignInAgain, 'warn');
      return;
    }
    say(result ? withDetail(labels.labelActionFailed, serverMessage(result)) : labels.labelNetworkError, 'warn');
  }

  /* ---- The class and its grid ----------------------------------------------------------------------------- */

  function showClass(c) {
    byId('dash-title').textContent = c.name || c.joinCode;
    document.title = (c.name || c.joinCode) + ' · Labdeck';
    byId('dash-lab').textContent = c.labId + ' · ' + c.lang;
    const state = byId('dash-state');
    state.textContent = labels['labelState' + c.state.charAt(0).toUpperCase() + c.state.slice(1)] || c.state;
    state.setAttribute('data-state', c.state);
    state.hidden = false;
    byId('dash-join-code').textContent = c.joinCode;
    const url = byId('dash-join-url');
    url.href = c.joinUrl;
    url.textContent = c.joinUrl;
    byId('dash-qr').src = c.qrUrl;
    byId('close-class').disabled = c.state === 'closed';
  }

  function loadClass() {
    return call('GET', api).then((result) => {
      if (result.ok && result.data) {
        showClass(result.data);
      } else {
        failed(result);
      }
    }, () => failed(null));
  }

  function drawHands(list) {
    const open = new Map(list.map((h) => [String(h.id), h]));
    [...hands.children].forEach((li) => {
      if (!open.has(li.getAttribute('data-help'))) {
        li.remove();
      }
    });
    list.forEach((h) => {
      if (hands.querySelector('[data-help="' + CSS.escape(String(h.id)) + '"]')) {
        return;
      }
      const li = document.createElement('li');
      li.setAttribute('data-help', String(h.id));
      li.setAttribute('data-session', h.sessionId);
      const who = document.createElement('strong');
      who.textContent = '⚑ ' + h.displayName;
      const where = document.createElement('span');
      where.className = 'hand-step';
      where.textContent = h.stepTitle ? fill(labels.labelHandOnStep, { step: h.stepTitle }) : '';
      const when = document.createElement('time');
      when.className = 'mono';
      when.dateTime = new Date(h.raisedAt).toISOString();
      when.textContent = new Date(h.raisedAt).toLocaleTimeString(ui, { hourCycle: 'h23', hour: '2-digit',
        minute: '2-digit' });
      const answer = document.createElement('button');
      answer.type = 'button';
      answer.className = 'btn btn-small btn-primary';
      answer.textContent = labels.labelAnswer;
      answer.setAttribute('data-action', 'answer');
      answer.addEventListener('click', () => answerHand(h, answer));
      li.append(who, ' ', where, ' ', when, ' ', answer);
      if (h.message) {
        const message = document.createElement('p');
        message.className = 'hand-message';
        message.textContent = h.message;
        li.appendChild(message);
      }
      hands.appendChild(li);
    });
    byId('hands-count').textContent = String(list.length);
    byId('hands-empty').hidden = list.length > 0;
  }

  function loadProgress() {
    return call('GET', api + '/progress').then((result) => {
      if (!result.ok || !result.data) {
        return;
      }
      const model = gridModel(result.data);
      view.update(model, Date.now());
      drawHands(model.hands);
      gridEmpty.hidden = model.learners.length > 0;
    }, () => {});
  }

  const refresher = createRefresher(loadProgress);

  /* ---- Actions ---------------------------------------------------------------------------------------------- */

  function act(button, method, url, body, done) {
    button.disabled = true;
    return call(method, url, body).then((result) => {
      button.disabled = false;
      if (result.ok) {
        done(result);
      } else {
        failed(result);
      }
      refresher.request();
    }, () => {
      button.disabled = false;
      failed(null);
    });
  }

  function answerHand(h, button) {
    act(button, 'DELETE', sessionUrl('/api/sessions', h.sessionId) + '/help', null, () => {});
  }

  function onAction(kind, learner, button) {
    if (kind === 'extend') {
      act(button, 'POST', api + '/sessions/' + encodeURIComponent(learner.sessionId) + '/extend', {},
        () => say(fill(labels.labelExtendedOne, { name: learner.displayName }), 'ok'));
    } else if (kind === 'reset' && window.confirm(fill(labels.labelResetConfirm, { name: learner.displayName }))) {
      act(button, 'POST', sessionUrl('/api/sessions', learner.sessionId) + '/reset', null,
        () => say(fill(labels.labelResetDone, { name: learner.displayName }), 'ok'));
    }
  }

  const extendAll = byId('extend-all');
  extendAll.addEventListener('click', () => {
    act(extendAll, 'POST', api + '/extend', {}, () => say(labels.labelExtendedAll, 'ok'));
  });

  const form = byId('broadcast-form');
  const text = byId('broadcast-text');
  const status = byId('broadcast-status');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = text.value.trim();
    if (!words) {
      text.focus();
      return;
    }
    const send = byId('broadcast-send');
    send.disabled = true;
    call('POST', api + '/broadcast', { text: words }).then((result) => {
      send.disabled = false;
      status.textContent = result.ok ? labels.labelBroadcastSent
        : withDetail(labels.labelBroadcastFailed, serverMessage(result));
      if (result.ok) {
        text.value = '';
      }
    }, () => {
      send.disabled = false;
      status.textContent = labels.labelBroadcastFailed;
    });
  });

  const closeButton = byId('close-class');
  const confirmBox = byId('close-confirm');
  function closeConfirm(refocus) {
    confirmBox.hidden = true;
    closeButton.setAttribute('aria-expanded', 'false');
    if (refocus) {
      closeButton.focus();
    }
  }
  closeButton.addEventListener('click', () => {
    const opening = confirmBox.hidden;
    confirmBox.hidden = !opening;
    closeButton.setAttribute('aria-expanded', String(opening));
    if (opening) {
      byId('close-cancel').focus();
    }
  });
  byId('close-cancel').addEventListener('click', () => closeConfirm(true));
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeConfirm(true);
    }
  });
  const confirmButton = byId('close-confirm-button');
  confirmButton.addEventListener('click', () => {
    act(confirmButton, 'POST', api + '/close', {}, (result) => {
      closeConfirm(true);
      if (result.data) {
        showClass(result.data);
      }
      say(labels.labelClosed, 'ok');
    });
  });

  const toggleJoin = byId('toggle-join');
  toggleJoin.addEventListener('click', () => {
    const panel = byId('join-panel');
    panel.hidden = !panel.hidden;
    toggleJoin.setAttribute('aria-expanded', String(!panel.hidden));
    toggleJoin.textContent = panel.hidden ? labels.labelShowJoin : labels.labelHideJoin;
  });

  /* ---- Live ------------------------------------------------------------------------------------------------- */

  function showMode(mode) {
    modeText.textContent = labels['labelMode' + mode.charAt(0).toUpperCase() + mode.slice(1)] || mode;
    modeText.parentElement.setAttribute('data-mode', mode);
    root.setAttribute('data-live', mode);
  }

  shareCredentials().then(() => {
    loadClass();
    loadProgress();
    followClass({
      url: liveUrl(classId, window.location.href),
      WebSocketImpl: window.WebSocket,
      onTick: () => refresher.request(),
      onEvent: (msg) => {
        if (msg.event === 'class.closed') {
          loadClass();
        }
      },
      onMode: showMode,
    });
  });
  setInterval(() => view.tick(Date.now()), 1000);
}
