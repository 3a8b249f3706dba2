/*
 * The Editor tab: a file tree of the working directory (GET /api/sessions/{id}/tree, refreshed by its button and
 * after saves and uploads), and CodeMirror 6 on the file opened from it: Save (the button, Ctrl-S or Cmd-S) PUTs it
 * back, a dot marks unsaved changes, and the syntax mode follows the file's name (files.js's languageFor).
 * CodeMirror is its own bundle (assets/labdeck.editor.js, editor-cm.js), loaded the first time the tab opens.
 *
 * Listens on document to labdeck:open-file, detail {path}: selects the Editor tab and opens that file, creating it
 * empty when it does not exist yet (see docs/architecture.md, "The lab page's tabs"). Labels come from the
 * data-label-* attributes of #panel-editor. Element ids: editor-tree (its rows carry data-path and data-type),
 * editor-refresh, editor-new, editor-new-name, editor-upload, editor-upload-input, editor-download-all,
 * editor-file, editor-dirty, editor-save, editor-status, editor-host.
 */
import { byId } from './dom.js';
import { buildTree, fileUrl, formatSize, joinPath, languageFor, problemText, treeUrl, upload } from './files.js';
import { call } from './api.js';

const EDITOR_BUNDLE = '/assets/labdeck.editor.js';
const MAX_OPEN_BYTES = 2 * 1024 * 1024;

let loading = null;
function loadCodeMirror() {
  if (window.LabdeckCodeMirror) {
    return Promise.resolve(window.LabdeckCodeMirror);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = EDITOR_BUNDLE;
      script.onload = () => resolve(window.LabdeckCodeMirror);
      script.onerror = () => {
        loading = null;
        reject(new Error('editor bundle'));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

/**
 * panel: #panel-editor. parts: sessionId() the live session's id or null, tabs (sidetabs.js's), uploads
 * (uploads.js's). Answers {open(path), save(), refresh(), state()}.
 */
export function initEditor(panel, { sessionId, tabs, uploads }) {
  const labels = { ...panel.dataset };
  const tree = byId('editor-tree');
  const fileName = byId('editor-file');
  const dirtyMark = byId('editor-dirty');
  const saveButton = byId('editor-save');
  const status = byId('editor-status');
  const host = byId('editor-host');
  const downloadAll = byId('editor-download-all');
  const expanded = new Set();
  // Folders opened that the working directory's listing showed empty: past its depth, so listed on their own.
  const deep = new Set();
  let editor = null;
  let path = null;
  let dirty = false;
  let treeLoaded = false;

  function say(text, tone = 'info') {
    status.textContent = text || '';
    status.setAttribute('data-tone', tone);
  }

  function setDirty(value) {
    dirty = value;
    dirtyMark.hidden = !value;
    fileName.setAttribute('data-dirty', String(value));
    saveButton.disabled = !path;
  }

  let making = null;
  /** The one editor, made once: the tab's opening and a labdeck:open-file may both ask while the bundle loads. */
  function ensureEditor() {
    if (!making) {
      making = loadCodeMirror().then((cm) => {
        editor = cm.createEditor(host, { onChange: () => setDirty(true), onSave: save, label: labels.labelEditor });
        return editor;
      }).catch((e) => {
        making = null;
        throw e;
      });
    }
    return making;
  }

  async function refresh() {
    const id = sessionId();
    if (!id) {
      return;
    }
    downloadAll.href = fileUrl(id, '');
    const folders = ['', ...[...deep].filter((p) => expanded.has(p))];
    const results = await Promise.all(folders.map((folder) => call('GET', treeUrl(id, folder))
      .catch(() => ({ ok: false, status: 0 }))));
    const result = results[0];
    if (!result.ok) {
      say(problemText(result.status, result.data, { tooLarge: labels.labelFailed, badPath: labels.labelFailed,
        network: labels.labelNetwork, failed: labels.labelTreeFailed }), 'error');
      return;
    }
    treeLoaded = true;
    // A deep folder gone since (deleted in the shell) just drops out: its listing fails, the rest stands.
    const entries = new Map(results.filter((r) => r.ok).flatMap((r) => r.data.entries).map((e) => [e.path, e]));
    renderTree(buildTree([...entries.values()]), results.some((r) => r.ok && r.data.truncated));
  }

  function renderTree(root, truncated) {
    tree.replaceChildren(...root.children.map((node) => row(node, 1)));
    byId('editor-tree-note').hidden = !truncated;
    if (!root.children.length) {
      const empty = document.createElement('li');
      empty.className = 'tree-empty';
      empty.textContent = labels.labelTreeEmpty;
      tree.appendChild(empty);
    }
  }

  function row(node, level) {
    const item = document.createElement('li');
    item.setAttribute('role', 'treeitem');
    item.setAttribute('aria-level', String(level));
    item.className = 'tree-row tree-' + node.type;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tree-name';
    button.setAttribute('data-path', node.path);
    button.setAttribute('data-type', node.type);
    button.setAttribute('data-testid', 'tree-item');
    button.style.paddingLeft = (level * 12) + 'px';
    button.textContent = (node.type === 'dir' ? (expanded.has(node.path) ? '▾ ' : '▸ ') : '') + node.name;
    if (node.type === 'file') {
      button.title = formatSize(node.size);
      if (node.path === path) {
        item.setAttribute('aria-current', 'true');
      }
    }
    button.addEventListener('click', () => {
      if (node.type === 'dir') {
        expanded.has(node.path) ? expanded.delete(node.path) : expanded.add(node.path);
        if (expanded.has(node.path) && !node.children.length) {
          deep.add(node.path);
        }
        refresh();
      } else {
        open(node.path);
      }
    });
    const download = document.createElement('a');
    download.className = 'tree-download';
    download.href = fileUrl(sessionId(), node.path);
    download.setAttribute('download', node.type === 'dir' ? node.name + '.tar' : node.name);
    download.setAttribute('aria-label', labels.labelDownload.replace('{name}', node.name));
    download.title = download.getAttribute('aria-label');
    download.textContent = '⤓';
    item.append(button);
    if (node.type !== 'link') {
      item.append(download);
    }
    if (node.type === 'dir') {
      item.setAttribute('data-dir', node.path);
      item.setAttribute('aria-expanded', String(expanded.has(node.path)));
      if (expanded.has(node.path)) {
        const group = document.createElement('ul');
        group.setAttribute('role', 'group');
        group.append(...node.children.map((child) => row(child, level + 1)));
        item.append(group);
      }
    }
    return item;
  }

  /** Opens the file at target in the editor, creating it empty when there is none. */
  async function open(target) {
    const id = sessionId();
    if (!id || !target) {
      return false;
    }
    if (dirty && target !== path && !window.confirm(labels.labelDiscard.replace('{name}', path))) {
      return false;
    }
    tabs.select('editor');
    const cm = await ensureEditor();
    say(labels.labelOpening.replace('{name}', target));
    let response = await fetch(fileUrl(id, target), { credentials: 'same-origin' }).catch(() => null);
    let text = '';
    if (response && response.status === 404) {
      const made = await upload(id, target, '');
      if (!made.ok) {
        say(target + ': ' + problemText(made.status, made.data, problemLabels()), 'error');
        return false;
      }
      response = null;
      refresh();
    } else if (!response || !response.ok) {
      const data = response ? await response.json().catch(() => null) : null;
      say(target + ': ' + problemText(response ? response.status : 0, data, problemLabels()), 'error');
      return false;
    } else {
      const bytes = new Uint8Array(await response.arrayBuffer());
      try {
        if (bytes.length > MAX_OPEN_BYTES || bytes.includes(0)) {
          throw new Error('binary');
        }
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch (e) {
        say(labels.labelBinary.replace('{name}', target), 'error');
        return false;
      }
    }
    path = target;
    cm.setDoc(text, languageFor(target));
    fileName.textContent = target;
    panel.setAttribute('data-open', target);
    byId('editor-empty').hidden = true;
    setDirty(false);
    say('');
    if (treeLoaded) {
      tree.querySelectorAll('[aria-current]').forEach((el) => el.removeAttribute('aria-current'));
      const current = tree.querySelector('[data-path="' + CSS.escape(target) + '"]');
      if (current) {
        current.parentElement.setAttribute('aria-current', 'true');
      }
    }
    cm.focus();
    return true;
  }

  function problemLabels() {
    return { tooLarge: labels.labelTooLarge, badPath: labels.labelBadPath, network: labels.labelNetwork,
      failed: labels.labelFailed };
  }

  async function save() {
    const id = sessionId();
    if (!id || !path || !editor) {
      return false;
    }
    const saving = path;
    saveButton.disabled = true;
    say(labels.labelSaving);
    const result = await upload(id, saving, editor.text());
    saveButton.disabled = false;
    if (!result.ok) {
      say(saving + ': ' + problemText(result.status, result.data, problemLabels()), 'error');
      return false;
    }
    if (saving === path) {
      setDirty(false);
    }
    say(labels.labelSaved.replace('{name}', saving), 'ok');
    panel.setAttribute('data-saved', saving);
    refresh();
    return true;
  }

  saveButton.addEventListener('click', save);
  byId('editor-refresh').addEventListener('click', refresh);
  panel.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault(); // the browser's own "save page" never helps here
      save();
    }
  });
  const newForm = byId('editor-new-form');
  byId('editor-new').addEventListener('click', () => {
    newForm.hidden = !newForm.hidden;
    if (!newForm.hidden) {
      byId('editor-new-name').focus();
    }
  });
  newForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = byId('editor-new-name').value.trim();
    if (name) {
      newForm.hidden = true;
      byId('editor-new-name').value = '';
      open(joinPath('', name));
    }
  });
  const picker = byId('editor-upload-input');
  byId('editor-upload').addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    uploads.send(picker.files, '');
    picker.value = '';
  });
  uploads.dropZone(byId('editor-tree-pane'), (e) => {
    const dir = e.target.closest && e.target.closest('[data-dir]');
    return dir ? dir.getAttribute('data-dir') : '';
  });
  tabs.onSelect((id) => {
    if (id === 'editor') {
      ensureEditor().then((cm) => cm.measure()).catch(() => say(labels.labelLoadFailed, 'error'));
      refresh();
    }
  });
  document.addEventListener('labdeck:open-file', (e) => {
    const target = e.detail && typeof e.detail.path === 'string' ? e.detail.path.trim() : '';
    if (target) {
      open(target.replace(/^\.\//, ''));
    }
  });
  return {
    open,
    save,
    refresh,
    reset() {
      path = null;
      setDirty(false);
      treeLoaded = false;
      expanded.clear();
      deep.clear();
      tree.replaceChildren();
      if (editor) {
        editor.setDoc('', null);
      }
      byId('editor-empty').hidden = false;
      fileName.textContent = labels.labelNoFile;
      panel.removeAttribute('data-open');
    },
    state: () => ({ path, dirty, text: editor ? editor.text() : null }),
  };
}
