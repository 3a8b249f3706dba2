/*
 * The files API as the page uses it (PUT/GET /api/sessions/{id}/files?path=P, GET /api/sessions/{id}/tree?path=P):
 * URLs, the editor's syntax mode by file name, the tree built from a flat listing, and uploads with progress.
 * Apart from upload(), DOM-free so node --test can import it.
 */
import { parseBody, sessionUrl } from './api.js';

export function fileUrl(sessionId, path) {
  return sessionUrl('/api/sessions', sessionId) + '/files?path=' + encodeURIComponent(path);
}

export function treeUrl(sessionId, path) {
  return sessionUrl('/api/sessions', sessionId) + '/tree?path=' + encodeURIComponent(path || '');
}

/** The editor's language for a file name: dockerfile, python, yaml, shell, json, or null for plain text. */
export function languageFor(path) {
  const name = String(path || '').split('/').pop();
  const lower = name.toLowerCase();
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile')
      || lower === 'containerfile') {
    return 'dockerfile';
  }
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  return { py: 'python', yaml: 'yaml', yml: 'yaml', sh: 'shell', bash: 'shell', json: 'json' }[ext] || null;
}

/** dir/name, without doubled or leading slashes. */
export function joinPath(dir, name) {
  return [dir, name].filter(Boolean).join('/').replace(/\/+/g, '/').replace(/^\/+/, '');
}

/**
 * The listing's flat entries ({path, name, type, size}) as a tree: nodes {name, path, type, size, children}, folders
 * first, then by name. Entries whose folder is missing from the listing hang under a folder made for them.
 */
export function buildTree(entries) {
  const root = { name: '', path: '', type: 'dir', size: 0, children: [] };
  const dirs = new Map([['', root]]);
  function dirOf(path) {
    if (dirs.has(path)) {
      return dirs.get(path);
    }
    const slash = path.lastIndexOf('/');
    const parent = dirOf(slash < 0 ? '' : path.slice(0, slash));
    const node = { name: path.slice(slash + 1), path, type: 'dir', size: 0, children: [] };
    parent.children.push(node);
    dirs.set(path, node);
    return node;
  }
  (entries || []).slice().sort((a, b) => a.path.split('/').length - b.path.split('/').length)
    .forEach((e) => {
      if (e.type === 'dir') {
        dirOf(e.path);
        return;
      }
      const slash = e.path.lastIndexOf('/');
      dirOf(slash < 0 ? '' : e.path.slice(0, slash)).children.push({ name: e.name, path: e.path, type: e.type,
        size: e.size || 0, children: null });
    });
  (function sort(node) {
    node.children.sort((a, b) => (a.type === 'dir') === (b.type === 'dir')
      ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : (a.type === 'dir' ? -1 : 1));
    node.children.filter((c) => c.children).forEach(sort);
  })(root);
  return root;
}

/** 1234567 as "1.2 MB". */
export function formatSize(bytes) {
  if (bytes < 1024) {
    return bytes + ' B';
  }
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return (value < 10 ? value.toFixed(1) : Math.round(value)) + ' ' + units[unit];
}

/** What the learner reads when an upload or a save fails: the server's own words, after the page's. */
export function problemText(status, data, labels) {
  const own = data && typeof data.message === 'string' ? data.message : '';
  const base = status === 413 ? labels.tooLarge : status === 400 ? labels.badPath : status === 0
    ? labels.network : labels.failed;
  return own ? base + ' ' + own : base;
}

/**
 * PUTs body (a File, Blob or string) to path, reporting progress as onProgress(sent, total). Resolves to
 * {ok, status, data}; status 0 when the server could not be reached. XMLHttpRequest, as fetch reports no upload
 * progress.
 */
export function upload(sessionId, path, body, onProgress = () => {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', fileUrl(sessionId, path));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status,
      data: parseBody(xhr.responseText) });
    xhr.onerror = () => resolve({ ok: false, status: 0, data: null });
    xhr.send(body);
  });
}
