/*
 * The learner's port links on the instructor's watch view: what their sandbox publishes, each a link that opens the
 * preview in a new tab (an instructor of the class may use it), with the port's state in words. The list comes from
 * GET /api/sessions/{id}/ports when the terminal connects, then from the websocket's {"type":"ports"} messages.
 * Labels: data-label-answering, -not-answering, -local-only, -not-listening on the list's element.
 */
import { call, sessionUrl } from './api.js';
import { normalizePorts, previewUrl, stateText } from './ports.js';

export function initWatchPorts(list, title, sessionId) {
  const labels = {
    answering: list.dataset.labelAnswering,
    notAnswering: list.dataset.labelNotAnswering,
    localOnly: list.dataset.labelLocalOnly,
    notListening: list.dataset.labelNotListening,
  };

  function draw(ports) {
    const shown = normalizePorts(ports);
    list.replaceChildren(...shown.map((p) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.id = 'watch-port-' + p.port;
      link.href = previewUrl(p, sessionId);
      link.target = '_blank';
      link.rel = 'noopener';
      link.setAttribute('data-state', p.state);
      link.textContent = ':' + p.port;
      const state = document.createElement('span');
      state.className = 'port-state';
      state.textContent = ' ' + stateText(p, labels);
      if (p.reason) {
        state.title = p.reason;
      }
      item.append(link, state);
      return item;
    }));
    list.hidden = title.hidden = shown.length === 0;
  }

  return {
    draw,
    /** Fetches the list afresh: the websocket only says what changes. */
    load() {
      call('GET', sessionUrl('/api/sessions', sessionId) + '/ports')
        .then((result) => result.ok && draw(result.data)).catch(() => {});
    },
  };
}
