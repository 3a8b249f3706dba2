/*
 * The lab page's one script (esbuild bundles it, with xterm.js, into assets/labdeck.bundle.js). Each part gets what
 * it works with from here, in this order: the code blocks' buttons, the session, the lab text's actions, the steps (which follow the
 * session), the terminal (which follows the session, types for the Run buttons and hands the steps their websocket
 * messages), the class bar of a session in a class, and the split beside it. A part whose elements are not on the
 * page is left out, with those after it that need it. The class pages (the instructor's list, dashboard, watch and
 * replay views, and the learner's join page) are in the same bundle and start by their root element.
 */
import { initActions } from './actions.js';
import { copyText } from './clipboard.js';
import { byId } from './dom.js';
import { initClassBar } from './classbar.js';
import { initEditor } from './editor.js';
import { initPorts } from './ports.js';
import { initSessionText } from './placeholders.js';
import { initSideTabs } from './sidetabs.js';
import { initUploads } from './uploads.js';
import { initClassList } from './classes.js';
import { initDashboard } from './dashboard.js';
import { initJoin } from './join.js';
import { initLab } from './lab.js';
import { initReplay } from './replay.js';
import { initWatch } from './watch.js';
import { initProgress } from './progress.js';
import { initSession } from './session.js';
import { initSplit } from './split.js';
import { initTerminal } from './terminal.js';

const root = byId('lab');
let actions = null; // the lab text's actions (actions.js), made once the session is: Run and Copy ask them first
const lab = root ? initLab(root, {
  prepareRun: (block, text) => (actions ? actions.prepareRun(block, text) : { text, options: {} }),
  copyText: (block, text) => (actions ? actions.copyText(block, text) : text),
}) : null;

const pane = byId('terminal-pane');
const session = pane && window.fetch ? initSession(pane) : null;

const steps = byId('steps');
if (session && root) {
  initSessionText(root, { session }); // before the steps and the terminal, so Run sends the filled command
}
if (root) {
  actions = initActions(root, { session, lang: root.dataset.lang });
}
const progress = session && steps ? initProgress(steps, pane, session) : null;

const mount = byId('terminal-mount');
// The tabs beside the steps (terminal, editor, port previews), the port links and uploads: sidetabs.js, ports.js,
// editor.js and uploads.js, which also say what they dispatch and listen to on document.
const tabList = byId('side-tabs');
const side = session && mount && tabList ? initSide(session) : null;
let classBar = null; // made after the terminal, whose connection it sends its take-over consent on
const terminal = session && mount
  ? initTerminal(mount, {
    session,
    copyText,
    setRunCommand: lab ? lab.setRunCommand : () => {},
    onControl: (msg) => {
      if (msg.type === 'ports') {
        if (side) {
          side.ports.update(msg.ports);
        }
      } else if (msg.type === 'check' || msg.type === 'setup') {
        if (progress) {
          progress.onControl(msg); // the steps' business: progress.js turns them green or red
        }
      } else if (classBar) {
        classBar.onControl(msg); // broadcast, takeover
      }
    },
    onConnected: (up) => classBar && classBar.onConnected(up),
  })
  : null;

/** The data-label-* attributes of element as {name: text}: data-label-new-window becomes newWindow. */
function labelsOf(element) {
  const labels = {};
  Object.entries(element.dataset).forEach(([key, value]) => {
    if (key.startsWith('label') && key.length > 5) {
      labels[key[5].toLowerCase() + key.slice(6)] = value;
    }
  });
  return labels;
}

function initSide(live) {
  const liveId = () => {
    const current = live.current();
    return current && pane.getAttribute('data-state') === 'ready' ? current.id : null;
  };
  const portBar = byId('port-bar');
  let ports = null;
  const tabs = initSideTabs(tabList, mount, { labels: labelsOf(tabList), urlOf: (port) => ports.url(port) });
  ports = initPorts(portBar, { session: live, labels: labelsOf(portBar), onOpen: (port) => tabs.openPort(port) });
  let editor = null;
  const uploads = initUploads(byId('upload-status'), { sessionId: liveId, onUploaded: () => editor.refresh() });
  editor = initEditor(byId('panel-editor'), { sessionId: liveId, tabs, uploads });
  uploads.dropZone(byId('panel-terminal'));
  live.onEnded(() => {
    tabs.closeAll();
    tabs.select('terminal');
    editor.reset();
  });
  return { tabs, ports, editor };
}

const bar = byId('class-bar');
if (session && terminal && bar) {
  classBar = initClassBar(bar, { session, sendControl: terminal.sendControl });
}

const handle = byId('split-handle');
if (root && handle) {
  initSplit(root, handle);
}

// The class pages: each starts when its element is on the page. The watch and replay views have a terminal.
let viewer = null;
[
  ['class-list-page', initClassList],
  ['class-dashboard', initDashboard],
  ['class-join', initJoin],
  ['class-watch', initWatch],
  ['class-replay', initReplay],
].forEach(([id, init]) => {
  const element = byId(id);
  if (element && window.fetch) {
    viewer = init(element) || viewer;
  }
});

// For the browser tests and the console only: nothing on the page reads these.
window.Labdeck = Object.freeze({
  get terminal() {
    if (viewer) {
      return viewer.terminal();
    }
    return terminal ? terminal.terminal() : null;
  },
  currentSession: () => (session ? session.current() : null),
  editor: () => (side ? side.editor.state() : null),
});
