/*
 * The join page (/join/{code}): the code and a display name, POST /api/classes/join, then the class's lab page,
 * which finds the session (GET /api/sessions) and resumes it by itself. The join's answer is kept in sessionStorage
 * for the lab page's class bar. The name is remembered in localStorage for the next class. Strings: data-label-*.
 */
import { call, serverMessage } from './api.js';
import { byId } from './dom.js';
import { joinProblem, labPageOf, rememberClass } from './classroom.js';
import { withDetail } from './text.js';

const NAME_KEY = 'labdeck.displayName';

const PROBLEM_LABELS = {
  unknownCode: 'labelUnknownCode',
  closed: 'labelClosed',
  invalid: 'labelInvalid',
  busy: 'labelBusy',
  failed: 'labelFailed',
};

function stored(storage, key) {
  try {
    return storage.getItem(key) || '';
  } catch (e) {
    return '';
  }
}

export function initJoin(root) {
  const labels = root.dataset;
  const form = byId('join-form');
  const code = byId('join-code');
  const name = byId('join-name');
  const submit = byId('join-submit');
  const error = byId('join-error');

  if (!name.value) {
    name.value = stored(window.localStorage, NAME_KEY);
  }
  (code.value ? name : code).focus();

  function fail(text) {
    error.textContent = text;
    error.hidden = false;
    submit.disabled = false;
    submit.textContent = labels.labelJoin;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = labels.labelJoining;
    const displayName = name.value.trim();
    call('POST', '/api/classes/join', { joinCode: code.value.trim(), displayName }).then((result) => {
      if (result.ok && result.data && result.data.labId) {
        try {
          window.localStorage.setItem(NAME_KEY, displayName);
        } catch (e) {
          // only a convenience
        }
        rememberClass(window.sessionStorage, result.data);
        window.location.assign(labPageOf(result.data));
        return;
      }
      const key = PROBLEM_LABELS[joinProblem(result.status)];
      fail(withDetail(labels[key], serverMessage(result)));
      (result.status === 404 ? code : name).focus();
    }, () => fail(labels.labelNetworkError));
  });
}
