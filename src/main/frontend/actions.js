/*
 * The lab text's actions beyond Run and Copy (the server renders them, see docs/authoring.md, "Actions"):
 *   .code-block[data-action~=interrupt]  Run sends Ctrl-C first, waits until the terminal is quiet, then runs;
 *   .code-block[data-action~=edit]       its «parts» (span.edit-part[data-part]) become inputs; Run refuses, saying
 *                                        which, until every part differs from what the author wrote;
 *   a[data-action=open-file][data-path]  dispatches labdeck:open-file {path} (editor.js opens it in the Editor tab);
 *   a[data-action=open-port][data-port]  dispatches labdeck:open-port {port} (sidetabs.js opens its preview tab), and
 *                                        carries the preview's address as its href while a session runs.
 * Before a session runs, the links say that it must start first instead of doing anything. Labels come from the
 * data-label-* attributes of #lab (the act: message bundle). The pure functions are DOM-free for node --test.
 */
import { fill, listOf } from './text.js';
import { previewUrl } from './ports.js';

const OPEN = '«';
const CLOSE = '»';

/** The action words of a block's data-action. */
export function actionsOf(element) {
  return (element.getAttribute('data-action') || '').split(/\s+/).filter(Boolean);
}

/** The distinct «parts» of a command, in order of first use. */
export function editKeys(command) {
  const keys = [];
  const re = /«([^«»\n]+)»/g;
  let m;
  while ((m = re.exec(command)) !== null) {
    if (!keys.includes(m[1])) {
      keys.push(m[1]);
    }
  }
  return keys;
}

/** command with each «part» replaced by what values holds for it (a part without a value stays marked). */
export function fillParts(command, values) {
  return command.replace(/«([^«»\n]+)»/g, (whole, key) => (
    Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole));
}

/** The parts the learner has not changed yet: still as written, or blank. */
export function unchangedParts(keys, values) {
  return keys.filter((key) => {
    const value = values[key];
    return typeof value !== 'string' || value.trim() === '' || value === key;
  });
}

/**
 * Resolves once the terminal has been quiet for quietMs since the Ctrl-C (its echo and the shell's new prompt have
 * arrived), but not before minMs and at the latest after maxMs: a program that ignores Ctrl-C does not hold the
 * command back for long. lastOutputAt() is when output last arrived; now() and sleep(ms) are the clock.
 */
export function waitForQuiet({ lastOutputAt, now = Date.now, sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
  quietMs = 300, minMs = 150, maxMs = 3000, stepMs = 50 }) {
  const start = now();
  return new Promise((resolve) => {
    const tick = () => {
      const t = now();
      const quiet = t - Math.max(lastOutputAt(), start);
      if (t - start >= maxMs || (t - start >= minMs && quiet >= quietMs)) {
        resolve();
      } else {
        sleep(stepMs).then(tick);
      }
    };
    tick();
  });
}

/** Ctrl-C, then the command once the terminal is quiet. sendRaw(text) sends bytes as they are; run() the command. */
export function interruptThenRun({ sendRaw, run, lastOutputAt, now, sleep }) {
  sendRaw('\u0003');
  return waitForQuiet({ lastOutputAt, now, sleep }).then(run);
}

/** What a port link shows: without a session, no address and the note that it must start first. */
export function portLinkState(port, sessionId, ports) {
  if (!sessionId) {
    return { state: 'no-session', href: null };
  }
  const known = (ports || []).find((p) => p.port === port);
  return { state: known ? known.state : 'not-listening', href: previewUrl(known || port, sessionId) };
}

/** The values of a block's part inputs, by part. */
function valuesOf(block) {
  const values = {};
  block.querySelectorAll('input.edit-part').forEach((input) => {
    if (!Object.prototype.hasOwnProperty.call(values, input.dataset.part)) {
      values[input.dataset.part] = input.value;
    }
  });
  return values;
}

/**
 * Starts the actions under root (#lab). parts: session (session.js's, or null on a page without one), lang (for lists of parts). Answers
 * {prepareRun(block, text), copyText(block, text)}: what Run sends ({text, options: {interrupt}}, or null when it
 * refuses) and what Copy copies; text is the block's data-command as lab.js reads it.
 */
export function initActions(root, { session, lang }) {
  const data = root.dataset;
  const labels = {
    runInterrupt: data.labelRunInterrupt,
    runInterruptHint: data.labelRunInterruptHint,
    editHint: data.labelEditHint,
    editRefused: data.labelEditRefused,
    editPart: data.labelEditPart,
    editReady: data.labelEditReady,
    openFile: data.labelOpenFile,
    openPort: data.labelOpenPort,
    startFirst: data.labelStartFirst,
  };
  let sessionId = null;
  let ports = [];

  root.querySelectorAll('.code-block[data-action]').forEach((block) => {
    if (actionsOf(block).includes('edit')) {
      makeEditable(block);
    }
  });
  const fileLinks = [...root.querySelectorAll('a[data-action="open-file"][data-path]')];
  const portLinks = [...root.querySelectorAll('a[data-action="open-port"][data-port]')];
  fileLinks.forEach((link) => wireLink(link, () => new CustomEvent('labdeck:open-file',
    { detail: { path: link.dataset.path } })));
  portLinks.forEach((link) => wireLink(link, () => new CustomEvent('labdeck:open-port',
    { detail: { port: Number(link.dataset.port) } })));

  function makeEditable(block) {
    block.querySelectorAll('span.edit-part').forEach((span) => {
      const input = document.createElement('input');
      input.type = 'text';
      input.className = 'edit-part';
      input.dataset.part = span.dataset.part;
      input.value = span.dataset.part;
      input.size = Math.max(3, span.dataset.part.length + 1);
      input.spellcheck = false;
      input.setAttribute('autocapitalize', 'off');
      input.setAttribute('autocomplete', 'off');
      input.setAttribute('aria-label', fill(labels.editPart, { part: span.dataset.part }));
      input.addEventListener('input', () => {
        block.querySelectorAll('input.edit-part').forEach((other) => {
          if (other !== input && other.dataset.part === input.dataset.part) {
            other.value = input.value;
          }
        });
        input.size = Math.max(3, input.value.length + 1);
        noteEdits(block, false);
      });
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.isComposing) {
          e.preventDefault();
          const run = block.querySelector('.code-btn-run');
          if (run && !run.disabled) {
            run.click();
          }
        }
      });
      span.replaceWith(input);
    });
    const note = document.createElement('p');
    note.className = 'edit-note';
    note.setAttribute('role', 'status');
    block.appendChild(note);
    noteEdits(block, false);
  }

  /** The block's note: the hint, what is still to change (refused: said as a refusal), or that it may run. */
  function noteEdits(block, refused) {
    const note = block.querySelector('.edit-note');
    const missing = unchangedParts(editKeys(block.getAttribute('data-command') || ''), valuesOf(block));
    block.setAttribute('data-edited', String(missing.length === 0));
    if (missing.length === 0) {
      note.textContent = labels.editReady;
      note.removeAttribute('data-refused');
    } else if (refused || note.hasAttribute('data-refused')) {
      note.textContent = fill(labels.editRefused, { parts: listOf(missing.map((k) => '«' + k + '»'), lang) });
      note.setAttribute('data-refused', 'true');
    } else {
      note.textContent = labels.editHint;
    }
    return missing;
  }

  function wireLink(link, event) {
    link.setAttribute('role', link.dataset.action === 'open-port' ? 'link' : 'button');
    link.tabIndex = 0;
    link.addEventListener('click', (e) => {
      if (link.dataset.action === 'open-port' && sessionId && (e.ctrlKey || e.metaKey || e.shiftKey || e.button)) {
        return; // a new tab or window of the preview's address, as the learner asked
      }
      e.preventDefault();
      if (!sessionId) {
        sayStartFirst(link);
        return;
      }
      document.dispatchEvent(event());
    });
    link.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && !link.hasAttribute('href')) {
        e.preventDefault();
        link.click();
      }
    });
  }

  function sayStartFirst(link) {
    let note = link.nextElementSibling;
    if (!note || !note.classList.contains('action-note')) {
      note = document.createElement('span');
      note.className = 'action-note';
      note.setAttribute('role', 'status');
      link.after(note);
    }
    note.textContent = labels.startFirst;
  }

  function update() {
    fileLinks.forEach((link) => {
      link.setAttribute('data-ready', String(Boolean(sessionId)));
      link.title = sessionId ? fill(labels.openFile, { path: link.dataset.path }) : labels.startFirst;
    });
    portLinks.forEach((link) => {
      const port = Number(link.dataset.port);
      const { state, href } = portLinkState(port, sessionId, ports);
      link.setAttribute('data-state', state);
      link.setAttribute('data-ready', String(Boolean(sessionId)));
      link.title = sessionId ? fill(labels.openPort, { port }) : labels.startFirst;
      if (href) {
        link.href = href;
      } else {
        link.removeAttribute('href');
      }
    });
    if (sessionId) {
      root.querySelectorAll('.action-note').forEach((note) => note.remove());
    }
  }

  if (session) {
    session.onReady((s) => {
      sessionId = s.id;
      update();
    });
    session.onEnded(() => {
      sessionId = null;
      ports = [];
      update();
    });
  }
  document.addEventListener('labdeck:ports', (e) => {
    ports = (e.detail && Array.isArray(e.detail.ports)) ? e.detail.ports : [];
    update();
  });
  root.querySelectorAll('.code-block[data-action~="interrupt"] .code-btn-run').forEach((button) => {
    button.textContent = labels.runInterrupt;
    button.setAttribute('aria-description', labels.runInterruptHint);
  });
  update();

  return {
    prepareRun(block, text) {
      const interrupt = actionsOf(block).includes('interrupt');
      if (!actionsOf(block).includes('edit')) {
        return { text, options: { interrupt } };
      }
      const missing = noteEdits(block, true);
      if (missing.length) {
        const first = [...block.querySelectorAll('input.edit-part')].find((i) => missing.includes(i.dataset.part));
        if (first) {
          first.focus();
          first.select();
        }
        return null;
      }
      return { text: fillParts(text, valuesOf(block)), options: { interrupt } };
    },
    copyText(block, text) {
      return actionsOf(block).includes('edit') ? fillParts(text, valuesOf(block)) : text;
    },
  };
}
