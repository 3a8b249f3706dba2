/*
 * Copy and Run buttons on the code blocks of the lab text.
 *
 * Labels come from data-label-* attributes on #lab (rendered from the message bundle), so this file holds no UI
 * strings. Run buttons stay disabled until a terminal is attached: the terminal calls setRunCommand(fn), and each
 * Run click then calls fn(text, block, options) with the block's data-command. The lab text's actions (actions.js)
 * may change both first: parts.prepareRun(block, text) answers {text, options} ({interrupt}) or null to refuse, and
 * parts.copyText(block, text) what Copy copies.
 */
import { copyText } from './clipboard.js';
import { commandFromAttribute } from './text.js';

/** What a block sends or copies: data-command (prompts stripped, output left out) when it is runnable, else the
 *  code exactly as shown. */
export function commandText(block) {
  if (block.hasAttribute('data-command')) {
    return commandFromAttribute(block.getAttribute('data-command'));
  }
  const code = block.querySelector('code') || block.querySelector('pre');
  return code ? code.textContent : '';
}

function makeButton(className, text) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'code-btn ' + className;
  button.textContent = text;
  return button;
}

/** Decorates the code blocks under root (#lab). Returns {setRunCommand}. */
export function initLab(root, { prepareRun = (block, text) => ({ text, options: {} }),
  copyText: copyFor = (block, text) => text } = {}) {
  const data = root.dataset;
  const labels = {
    copy: data.labelCopy,
    copied: data.labelCopied,
    copyFailed: data.labelCopyFailed,
    run: data.labelRun,
    runUnavailable: data.labelRunUnavailable,
  };

  let runCommand = null;
  const runButtons = [];
  const flashTimers = new WeakMap();

  const live = document.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);

  function flash(button, ok) {
    clearTimeout(flashTimers.get(button));
    button.textContent = ok ? labels.copied : labels.copy;
    button.classList.toggle('is-copied', ok);
    button.classList.toggle('is-failed', !ok);
    button.title = ok ? '' : labels.copyFailed;
    live.textContent = ok ? labels.copied : labels.copyFailed;
    flashTimers.set(button, setTimeout(() => {
      button.textContent = labels.copy;
      button.classList.remove('is-copied', 'is-failed');
      button.title = '';
    }, ok ? 1600 : 4000));
  }

  function updateRunButtons() {
    runButtons.forEach((button) => {
      button.disabled = !runCommand;
      button.title = runCommand ? '' : labels.runUnavailable;
    });
  }

  function decorate(block) {
    if (block.querySelector('.code-actions')) {
      return;
    }
    const bar = document.createElement('div');
    bar.className = 'code-actions';

    if (block.getAttribute('data-kind') === 'run') {
      const run = makeButton('code-btn-run', labels.run);
      run.setAttribute('data-action', 'run');
      run.addEventListener('click', () => {
        const prepared = runCommand ? prepareRun(block, commandText(block)) : null;
        if (prepared) {
          runCommand(prepared.text, block, prepared.options);
        }
      });
      runButtons.push(run);
      bar.appendChild(run);
    }

    const copy = makeButton('code-btn-copy', labels.copy);
    copy.setAttribute('data-action', 'copy');
    copy.addEventListener('click', () => {
      copyText(copyFor(block, commandText(block))).then((ok) => flash(copy, ok));
    });
    bar.appendChild(copy);

    block.insertBefore(bar, block.firstChild);
  }

  document.querySelectorAll('.code-block').forEach(decorate);
  updateRunButtons();

  return {
    /** Plugs in (or, with null, removes) what Run does: fn(text, block, options) sends text to the terminal. */
    setRunCommand(fn) {
      runCommand = typeof fn === 'function' ? fn : null;
      updateRunButtons();
    },
  };
}
