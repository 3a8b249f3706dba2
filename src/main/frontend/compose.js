/*
 * The compose line under the terminal: a plain text input, where every IME composes reliably. xterm.js composes
 * in a hidden textarea of its own, which drops Hangul syllables or lags one behind in WebKit (xterm.js #6084) and
 * breaks with some Windows IMEs. Enter sends the line and a carriage return; Up and Down recall earlier lines.
 */
const HISTORY_KEY = 'labdeck.compose.history';
const HISTORY_MAX = 50;

function loadHistory() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(HISTORY_KEY));
    return Array.isArray(saved) ? saved.filter((line) => typeof line === 'string').slice(-HISTORY_MAX) : [];
  } catch (e) {
    return [];
  }
}

function saveHistory(history) {
  try {
    sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch (e) {
    // kept in memory only
  }
}

/** send(text) delivers text to the terminal. Returns setEnabled(on). */
export function initCompose(input, button, send) {
  let history = loadHistory();
  let position = history.length; // history.length means the line being written, not a recalled one
  let draft = '';

  function submit() {
    const line = input.value;
    send(line + '\r');
    if (line.trim() && history[history.length - 1] !== line) {
      history = history.concat(line).slice(-HISTORY_MAX);
      saveHistory(history);
    }
    position = history.length;
    draft = '';
    input.value = '';
  }

  function recall(to) {
    if (position === history.length) {
      draft = input.value;
    }
    position = to;
    input.value = to === history.length ? draft : history[to];
    input.setSelectionRange(input.value.length, input.value.length);
  }

  input.addEventListener('keydown', (event) => {
    // While an IME composes, Enter commits and the arrows pick candidates: those keys are the IME's. WebKit sends
    // the committing Enter after compositionend with isComposing false, but still with keyCode 229.
    if (event.isComposing || event.keyCode === 229) {
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    } else if (event.key === 'ArrowUp' && position > 0) {
      event.preventDefault();
      recall(position - 1);
    } else if (event.key === 'ArrowDown' && position < history.length) {
      event.preventDefault();
      recall(position + 1);
    }
  });
  button.addEventListener('click', () => {
    submit();
    input.focus();
  });

  return function setEnabled(on) {
    input.disabled = !on;
    button.disabled = !on;
  };
}
