/*
 * The join page (/join/{code}): the code and a display name, POST /api/classes/join, then the class's lab page,
 * which finds the session (GET /api/sessions) and resumes it by itself. The join's answer is kept in sessionStorage
 * for the lab page's class bar. The name is remembered in localStorage for the next class. Once the code is known,
 * GET /api/classes/join/{code} says which languages the class's lab has: the learner picks theirs (the page's own
 * language first, when the lab has it). Strings: data-label-*.
 */
import { call, serverMessage } from './api.js';
import { byId } from './dom.js';
import { joinProblem, labPageOf, languageName, preferredLanguage, rememberClass } from './classroom.js';
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

/** Fills the choice of language for a code, or hides it when the code names no class (the join says why). */
function offerLanguages(code, select, label) {
  const typed = code.replace(/[^A-Za-z0-9]/g, '');
  if (typed.length !== 6) {
    select.hidden = true;
    label.hidden = true;
    return;
  }
  call('GET', '/api/classes/join/' + encodeURIComponent(typed)).then((result) => {
    const door = result.ok ? result.data : null;
    const offered = door && Array.isArray(door.languages) ? door.languages : [];
    select.replaceChildren(...offered.map((lang) => new Option(languageName(lang), lang)));
    select.value = preferredLanguage(door, document.documentElement.lang);
    select.hidden = offered.length < 2;
    label.hidden = select.hidden;
  }, () => {
    select.hidden = true;
    label.hidden = true;
  });
}

export function initJoin(root) {
  const labels = root.dataset;
  const form = byId('join-form');
  const code = byId('join-code');
  const name = byId('join-name');
  const submit = byId('join-submit');
  const error = byId('join-error');
  const lang = byId('join-lang');
  const langLabel = byId('join-lang-label');

  if (!name.value) {
    name.value = stored(window.localStorage, NAME_KEY);
  }
  (code.value ? name : code).focus();
  offerLanguages(code.value, lang, langLabel);
  code.addEventListener('change', () => offerLanguages(code.value, lang, langLabel));

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
    const body = { joinCode: code.value.trim(), displayName };
    if (lang.value) {
      body.lang = lang.value; // empty when the page could not ask: the class's language
    }
    call('POST', '/api/classes/join', body).then((result) => {
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
