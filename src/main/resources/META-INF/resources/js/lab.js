/*
 * Lab page behaviour: Copy and Run buttons on the code blocks of the lab text.
 *
 * Labels come from data-label-* attributes on #lab (rendered from the message bundle), so this file holds no UI
 * strings. Run buttons stay disabled until a terminal is attached: the terminal code calls
 * Labdeck.setRunCommand(fn), and each Run click then calls fn(text) with the block's data-command.
 */
(function () {
  'use strict';

  var root = document.getElementById('lab');
  if (!root) {
    return;
  }

  var labels = {
    copy: root.dataset.labelCopy,
    copied: root.dataset.labelCopied,
    copyFailed: root.dataset.labelCopyFailed,
    run: root.dataset.labelRun,
    runUnavailable: root.dataset.labelRunUnavailable
  };

  var runCommand = null;
  var runButtons = [];

  /* What a block sends or copies: data-command (prompts stripped, output left out) when the block is runnable,
     else the code exactly as shown. */
  function commandText(block) {
    if (block.hasAttribute('data-command')) {
      // The HTML sanitiser defuses "{{" in attributes by putting a zero-width space between the braces; a shell
      // would receive it verbatim (breaking e.g. --format '{{.Names}}'), so it is taken out again here.
      return block.getAttribute('data-command').replace(/\{\u200B(?=\{)/g, '{');
    }
    var code = block.querySelector('code') || block.querySelector('pre');
    return code ? code.textContent : '';
  }

  function copyWithTextarea(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.top = '-1000px';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  // navigator.clipboard exists only in secure contexts (https or localhost); a lab served over plain http on a
  // classroom network needs the textarea fallback.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () {
        return copyWithTextarea(text);
      });
    }
    return Promise.resolve(copyWithTextarea(text));
  }

  var live = document.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);

  function flash(button, ok) {
    clearTimeout(button._labdeckTimer);
    button.textContent = ok ? labels.copied : labels.copy;
    button.classList.toggle('is-copied', ok);
    button.classList.toggle('is-failed', !ok);
    button.title = ok ? '' : labels.copyFailed;
    live.textContent = ok ? labels.copied : labels.copyFailed;
    button._labdeckTimer = setTimeout(function () {
      button.textContent = labels.copy;
      button.classList.remove('is-copied', 'is-failed');
      button.title = '';
    }, ok ? 1600 : 4000);
  }

  function makeButton(className, text) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-btn ' + className;
    button.textContent = text;
    return button;
  }

  function updateRunButtons() {
    runButtons.forEach(function (button) {
      button.disabled = !runCommand;
      button.title = runCommand ? '' : labels.runUnavailable;
    });
  }

  function decorate(block) {
    if (block.querySelector('.code-actions')) {
      return;
    }
    var bar = document.createElement('div');
    bar.className = 'code-actions';

    if (block.getAttribute('data-kind') === 'run') {
      var run = makeButton('code-btn-run', labels.run);
      run.setAttribute('data-action', 'run');
      run.addEventListener('click', function () {
        if (runCommand) {
          runCommand(commandText(block), block);
        }
      });
      runButtons.push(run);
      bar.appendChild(run);
    }

    var copy = makeButton('code-btn-copy', labels.copy);
    copy.setAttribute('data-action', 'copy');
    copy.addEventListener('click', function () {
      copyText(commandText(block)).then(function (ok) { flash(copy, ok); });
    });
    bar.appendChild(copy);

    block.insertBefore(bar, block.firstChild);
  }

  document.querySelectorAll('.code-block').forEach(decorate);
  updateRunButtons();

  window.Labdeck = window.Labdeck || {};
  /** Plugs in (or, with null, removes) what Run does: fn(text, block) sends text to the terminal. */
  window.Labdeck.setRunCommand = function (fn) {
    runCommand = typeof fn === 'function' ? fn : null;
    updateRunButtons();
  };
  window.Labdeck.commandText = commandText;
  /** Copies text to the clipboard, also on plain http; resolves to whether it worked. */
  window.Labdeck.copyText = copyText;
})();
