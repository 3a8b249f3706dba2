/*
 * The tabs beside the steps: Terminal, Editor, and one per open port preview (an iframe of the port's proxied URL,
 * with an "open in a new window" link and a close button). ARIA tabs: arrows, Home and End move between them.
 *
 * Events on document (shared with the lab text's actions, see docs/architecture.md, "The lab page's tabs"):
 *   labdeck:open-port  detail {port}: opens (or focuses) that port's preview tab;
 *   labdeck:open-file  detail {path}: handled by editor.js, which selects the Editor tab through select('editor').
 * Element ids: tab-terminal, tab-editor, tab-port-N (its close button tab-close-N), panel-terminal, panel-editor,
 * panel-port-N (its iframe preview-frame-N, its link preview-open-N). The pure functions are DOM-free.
 */
import { byId } from './dom.js';

export function portTab(port) {
  return 'port-' + port;
}

/** The tab to show once closing is closed: the same one, or the one left of it. */
export function afterClose(order, closing, selected) {
  if (closing !== selected) {
    return selected;
  }
  const at = order.indexOf(closing);
  return order[Math.max(0, at - 1)] || order[0];
}

/** The tab a key moves to from current (ARIA tabs: arrows wrap, Home and End), or null for other keys. */
export function tabForKey(order, current, key) {
  const at = order.indexOf(current);
  if (key === 'ArrowRight') {
    return order[(at + 1) % order.length];
  }
  if (key === 'ArrowLeft') {
    return order[(at - 1 + order.length) % order.length];
  }
  if (key === 'Home') {
    return order[0];
  }
  if (key === 'End') {
    return order[order.length - 1];
  }
  return null;
}

/** Port previews in the order they were opened, after Terminal and Editor. */
export function tabOrder(openPorts) {
  return ['terminal', 'editor', ...openPorts.map(portTab)];
}

/**
 * The tabs in tablist (#side-tabs), the panels beside it in mount (#terminal-mount). parts: labels (data-label-*
 * of the tablist), urlOf(port) the port's preview URL. Answers {select(id), openPort(port), closePort(port),
 * selected(), onSelect(fn)}.
 */
export function initSideTabs(tablist, mount, { labels, urlOf }) {
  const open = []; // port numbers, in the order their previews were opened
  const handlers = [];
  let current = 'terminal';

  function tabEl(id) {
    return byId('tab-' + id);
  }

  function select(id, focus = false) {
    if (!tabEl(id)) {
      return;
    }
    current = id;
    tabOrder(open).forEach((tab) => {
      const on = tab === id;
      tabEl(tab).setAttribute('aria-selected', String(on));
      tabEl(tab).tabIndex = on ? 0 : -1;
      byId('panel-' + tab).hidden = !on;
    });
    mount.setAttribute('data-tab', id);
    if (focus) {
      tabEl(id).focus();
    }
    handlers.forEach((fn) => fn(id));
  }

  function openPort(port) {
    const id = portTab(port);
    if (!tabEl(id)) {
      open.push(port);
      const url = urlOf(port);
      const wrap = document.createElement('span');
      wrap.className = 'side-tab-wrap';
      wrap.setAttribute('role', 'presentation');
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'side-tab side-tab-port';
      tab.id = 'tab-' + id;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', 'panel-' + id);
      tab.setAttribute('data-tab', id);
      tab.setAttribute('data-testid', 'tab-port-' + port);
      tab.textContent = labels.port.replace('{port}', String(port));
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'side-tab-close';
      close.id = 'tab-close-' + port;
      close.setAttribute('aria-label', labels.close.replace('{port}', String(port)));
      close.title = close.getAttribute('aria-label');
      close.textContent = '×';
      close.addEventListener('click', () => closePort(port));
      wrap.append(tab, close);
      tablist.appendChild(wrap);
      mount.appendChild(previewPanel(port, id, url));
    }
    select(id);
  }

  function previewPanel(port, id, url) {
    const panel = document.createElement('div');
    panel.className = 'side-panel preview-panel';
    panel.id = 'panel-' + id;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', 'tab-' + id);
    panel.hidden = true;
    const bar = document.createElement('div');
    bar.className = 'preview-bar';
    const address = document.createElement('code');
    address.className = 'preview-url';
    address.textContent = url;
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'btn btn-bar';
    reload.id = 'preview-reload-' + port;
    reload.textContent = labels.reload;
    const link = document.createElement('a');
    link.className = 'btn btn-bar';
    link.id = 'preview-open-' + port;
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = labels.newWindow;
    bar.append(address, reload, link);
    const frame = document.createElement('iframe');
    frame.className = 'preview-frame';
    frame.id = 'preview-frame-' + port;
    frame.title = labels.port.replace('{port}', String(port));
    frame.src = url;
    frame.referrerPolicy = 'same-origin';
    reload.addEventListener('click', () => {
      frame.src = url;
    });
    panel.append(bar, frame);
    return panel;
  }

  function closePort(port) {
    const id = portTab(port);
    if (!tabEl(id)) {
      return;
    }
    const next = afterClose(tabOrder(open), id, current);
    open.splice(open.indexOf(port), 1);
    tabEl(id).parentElement.remove();
    byId('panel-' + id).remove();
    select(next, true);
  }

  tablist.addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (tab) {
      select(tab.getAttribute('data-tab'));
    }
  });
  tablist.addEventListener('keydown', (e) => {
    const next = tabForKey(tabOrder(open), current, e.key);
    if (next && e.target.getAttribute('role') === 'tab') {
      e.preventDefault();
      select(next, true);
    }
  });
  document.addEventListener('labdeck:open-port', (e) => {
    const port = Number(e.detail && e.detail.port);
    if (Number.isInteger(port) && port > 0 && port < 65536) {
      openPort(port);
    }
  });

  select('terminal');
  return {
    select,
    openPort,
    closePort,
    selected: () => current,
    onSelect: (fn) => handlers.push(fn),
    closeAll: () => open.slice().forEach(closePort),
  };
}
