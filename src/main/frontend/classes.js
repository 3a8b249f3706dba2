/*
 * The instructor's class list (/classes): their classes (GET /api/classes) and the form that makes one
 * (POST /api/classes). After a creation the join code shows in large type with the join link and its QR code, for
 * the projector. The browser sends the instructor's basic credentials with each fetch (the page itself asked for
 * them). Strings come from data-label-* on the page's root.
 */
import { call, instant, serverMessage } from './api.js';
import { announceIn, byId } from './dom.js';
import { withDetail } from './text.js';

/** A datetime-local value (the browser's local time) as an ISO instant, or undefined when empty. */
export function isoOf(value) {
  if (!value) {
    return undefined;
  }
  const date = new Date(value);
  return isNaN(date) ? undefined : date.toISOString();
}

export function initClassList(root) {
  const labels = root.dataset;
  const ui = labels.uiLang;
  const form = byId('class-form');
  const labSelect = byId('class-lab');
  const langSelect = byId('class-lang');
  const submit = byId('class-create');
  const formError = byId('class-form-error');
  const created = byId('class-created');
  const table = byId('class-table');
  const empty = byId('classes-empty');
  const listError = byId('classes-error');
  const live = byId('classes-live');
  const labTitles = new Map([...labSelect.options].map((o) => [o.value, o.textContent]));

  function dashboardUrl(id) {
    return '/classes/' + encodeURIComponent(id) + '?lang=' + encodeURIComponent(ui);
  }

  /** Only the chosen lab's languages can be picked, and the page's language is picked when the lab has it. */
  function followLab() {
    const option = labSelect.selectedOptions[0];
    if (!option) {
      return;
    }
    const offered = (option.dataset.languages || '').split(' ');
    [...langSelect.options].forEach((o) => {
      o.disabled = !offered.includes(o.value);
      o.hidden = o.disabled;
    });
    langSelect.value = option.dataset.first || offered[0];
  }

  function stateLabel(state) {
    return labels['labelState' + state.charAt(0).toUpperCase() + state.slice(1)] || state;
  }

  function cell(tr, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    tr.appendChild(td);
    return td;
  }

  function list() {
    return call('GET', '/api/classes').then((result) => {
      if (!result.ok || !Array.isArray(result.data)) {
        listError.textContent = withDetail(labels.labelLoadFailed, serverMessage(result));
        listError.hidden = false;
        return;
      }
      listError.hidden = true;
      const classes = [...result.data].sort((a, b) => instant(b.createdAt) - instant(a.createdAt));
      const body = table.tBodies[0];
      body.replaceChildren();
      classes.forEach((c) => {
        const tr = document.createElement('tr');
        tr.setAttribute('data-class', c.id);
        const nameCell = document.createElement('th');
        nameCell.scope = 'row';
        const link = document.createElement('a');
        link.href = dashboardUrl(c.id);
        link.textContent = c.name || c.id;
        nameCell.appendChild(link);
        tr.appendChild(nameCell);
        cell(tr, labTitles.get(c.labId) || c.labId);
        cell(tr, c.lang);
        cell(tr, stateLabel(c.state || '')).setAttribute('data-state', c.state || '');
        cell(tr, c.joinCode || '', 'mono');
        cell(tr, c.createdAt ? new Date(instant(c.createdAt)).toLocaleString(ui) : '');
        body.appendChild(tr);
      });
      table.hidden = classes.length === 0;
      empty.hidden = classes.length > 0;
    }, () => {
      listError.textContent = labels.labelNetworkError;
      listError.hidden = false;
    });
  }

  function showCreated(c) {
    byId('created-name').textContent = c.name || '';
    byId('created-join-code').textContent = c.joinCode;
    const url = byId('created-join-url');
    url.href = c.joinUrl;
    url.textContent = c.joinUrl;
    byId('created-qr').src = c.qrUrl;
    byId('created-dashboard').href = dashboardUrl(c.id);
    created.hidden = false;
    created.focus();
    announceIn(live, labels.labelCreate + ': ' + c.joinCode);
  }

  byId('created-copy').addEventListener('click', (event) => {
    const button = event.currentTarget;
    const text = byId('created-join-url').href;
    const done = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('none'));
    done.then(() => {
      button.textContent = labels.labelCopied;
    }, () => {
      button.textContent = labels.labelCopyFailed;
    });
    setTimeout(() => {
      button.textContent = labels.labelCopy;
    }, 2000);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    const seats = byId('class-seats').value;
    const body = {
      name: byId('class-name').value.trim(),
      labId: labSelect.value,
      lang: langSelect.value,
      seats: seats ? parseInt(seats, 10) : undefined,
      startsAt: isoOf(byId('class-starts').value),
      endsAt: isoOf(byId('class-ends').value),
    };
    formError.hidden = true;
    submit.disabled = true;
    submit.textContent = labels.labelCreating;
    call('POST', '/api/classes', body).then((result) => {
      submit.disabled = false;
      submit.textContent = labels.labelCreate;
      if (result.ok && result.data && result.data.joinCode) {
        showCreated(result.data);
        list();
      } else {
        formError.textContent = withDetail(labels.labelCreateFailed, serverMessage(result));
        formError.hidden = false;
      }
    }, () => {
      submit.disabled = false;
      submit.textContent = labels.labelCreate;
      formError.textContent = labels.labelNetworkError;
      formError.hidden = false;
    });
  });

  labSelect.addEventListener('change', followLab);
  followLab();
  list();
}
