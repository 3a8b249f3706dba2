/*
 * Uploads into the sandbox's working directory: files dropped on the terminal (into the working directory) or on
 * the editor's tree (into the folder under the pointer), and the Upload button's picks. One at a time, each with its
 * progress in #upload-status, and a 413 or 400 said with the server's own words. Labels come from the data-label-*
 * attributes of #upload-status.
 */
import { formatSize, joinPath, problemText, upload } from './files.js';

/** Whether a drag carries files (not text or a link). */
function hasFiles(e) {
  return !!(e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files'));
}

/**
 * status: #upload-status. sessionId() the live session's id or null; onUploaded() after each batch with something
 * written. Answers {send(files, dir), dropZone(element, dirOf(event))}.
 */
export function initUploads(status, { sessionId, onUploaded }) {
  const labels = {
    uploading: status.dataset.labelUploading,
    uploaded: status.dataset.labelUploaded,
    tooLarge: status.dataset.labelTooLarge,
    badPath: status.dataset.labelBadPath,
    network: status.dataset.labelNetwork,
    failed: status.dataset.labelFailed,
    folder: status.dataset.labelFolder,
  };
  let queue = Promise.resolve();
  let clearTimer = 0;

  function say(state, text) {
    clearTimeout(clearTimer);
    status.hidden = !text;
    status.setAttribute('data-state', state);
    status.textContent = text;
    if (state === 'done') {
      clearTimer = setTimeout(() => {
        status.hidden = true;
      }, 5000);
    }
  }

  function fill(template, values) {
    return Object.entries(values).reduce((text, [k, v]) => text.split('{' + k + '}').join(String(v)), template);
  }

  async function one(id, file, dir) {
    const path = joinPath(dir, file.name);
    const result = await upload(id, path, file, (sent, total) => {
      const percent = total ? Math.floor((sent * 100) / total) : 0;
      say('progress', fill(labels.uploading, { name: path, percent, size: formatSize(file.size) }));
    });
    if (!result.ok) {
      say('error', path + ': ' + problemText(result.status, result.data, labels));
    }
    return result.ok ? path : null;
  }

  /** Uploads files (a FileList or array) into dir, after whatever is uploading now. */
  function send(files, dir = '') {
    const list = Array.from(files || []);
    const id = sessionId();
    if (!list.length || !id) {
      return queue;
    }
    queue = queue.then(async () => {
      const done = [];
      for (const file of list) {
        const path = await one(id, file, dir);
        if (!path) {
          break; // the error stays up; the rest would likely fail alike
        }
        done.push(path);
      }
      if (done.length === list.length) {
        say('done', fill(labels.uploaded, { names: done.join(', '), count: done.length }));
      }
      if (done.length) {
        onUploaded(done);
      }
    });
    return queue;
  }

  /** Takes files dropped on element into the folder dirOf(event) names. Folders dropped are refused, said. */
  function dropZone(element, dirOf = () => '') {
    element.addEventListener('dragover', (e) => {
      if (hasFiles(e) && sessionId()) {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        element.classList.add('is-drop-target');
      }
    }, true);
    element.addEventListener('dragleave', (e) => {
      if (!element.contains(e.relatedTarget)) {
        element.classList.remove('is-drop-target');
      }
    }, true);
    element.addEventListener('drop', (e) => {
      if (!hasFiles(e)) {
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      element.classList.remove('is-drop-target');
      const items = Array.from(e.dataTransfer.items || []);
      const folders = items.filter((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()?.isDirectory).length;
      if (folders) {
        say('error', labels.folder);
      }
      const files = Array.from(e.dataTransfer.files).filter((f, i) => !(items[i] && items[i].webkitGetAsEntry
        && items[i].webkitGetAsEntry()?.isDirectory));
      send(files, dirOf(e));
    }, true);
  }

  return { send, dropZone };
}
