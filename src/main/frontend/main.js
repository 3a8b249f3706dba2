/*
 * The lab page's one script (esbuild bundles it, with xterm.js, into assets/labdeck.bundle.js). Each part gets what
 * it works with from here, in this order: the code blocks' buttons, the session, the steps (which follow the
 * session), the terminal (which follows the session, types for the Run buttons and hands the steps their websocket
 * messages) and the split beside it. A part whose elements are not on the page is left out, with those after it
 * that need it.
 */
import { copyText } from './clipboard.js';
import { byId } from './dom.js';
import { initLab } from './lab.js';
import { initProgress } from './progress.js';
import { initSession } from './session.js';
import { initSplit } from './split.js';
import { initTerminal } from './terminal.js';

const root = byId('lab');
const lab = root ? initLab(root) : null;

const pane = byId('terminal-pane');
const session = pane && window.fetch ? initSession(pane) : null;

const steps = byId('steps');
const progress = session && steps ? initProgress(steps, pane, session) : null;

const mount = byId('terminal-mount');
const terminal = session && mount
  ? initTerminal(mount, {
    session,
    copyText,
    setRunCommand: lab ? lab.setRunCommand : () => {},
    onControl: progress ? progress.onControl : () => {},
  })
  : null;

const handle = byId('split-handle');
if (root && handle) {
  initSplit(root, handle);
}

// For the browser tests and the console only: nothing on the page reads these.
window.Labdeck = Object.freeze({
  get terminal() {
    return terminal ? terminal.terminal() : null;
  },
  currentSession: () => (session ? session.current() : null),
});
