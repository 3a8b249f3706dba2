import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initPorts } from '../ports.js';

/** Just enough of the DOM for the port bar: elements with children, attributes, text and click listeners. */
class FakeElement {
  constructor(tag) {
    this.tag = tag;
    this.children = [];
    this.attributes = {};
    this.listeners = {};
    this.textContent = '';
    this.hidden = false;
  }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  getAttribute(name) { return this.attributes[name]; }
  append(...nodes) { this.children.push(...nodes); }
  appendChild(node) { this.children.push(node); return node; }
  replaceChildren() { this.children = []; }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  click() { (this.listeners.click || []).forEach((fn) => fn()); }
}

function fakePage(answer) {
  const events = [];
  globalThis.document = {
    createElement: (tag) => new FakeElement(tag),
    dispatchEvent: (e) => events.push(e),
  };
  globalThis.fetch = () => Promise.resolve({ ok: answer.status === 200, status: answer.status,
    text: () => Promise.resolve(JSON.stringify(answer.body)) });
  const handlers = { ready: [], ended: [] };
  const session = { onReady: (fn) => handlers.ready.push(fn), onEnded: (fn) => handlers.ended.push(fn) };
  return { events, session, handlers };
}

const labels = { title: 'Ports', answering: 'answers', notAnswering: 'no answer', localOnly: 'local only',
  notListening: 'nothing listens' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a server without port detection (404) leaves the bar hidden; the websocket list then fills it', async () => {
  const { events, session, handlers } = fakePage({ status: 404, body: { error: 'not-found' } });
  const bar = new FakeElement('div');
  const opened = [];
  const ports = initPorts(bar, { session, labels, onOpen: (p) => opened.push(p) });
  handlers.ready.forEach((fn) => fn({ id: 's1' }));
  await tick();
  assert.equal(bar.hidden, true);
  assert.equal(events.length, 0, 'nothing to say yet');

  ports.update([{ port: 5001, answering: false, state: 'not-listening', reason: 'nothing on 5001' },
    { port: 80, answering: true, state: 'answering', url: '/sessions/s1/ports/80/' }]);
  assert.equal(bar.hidden, false);
  const links = bar.children.filter((c) => c.tag === 'button');
  assert.deepEqual(links.map((l) => l.id), ['port-link-80', 'port-link-5001']);
  assert.equal(links[1].attributes['data-state'], 'not-listening');
  assert.equal(links[1].children[1].textContent, 'nothing listens');
  assert.equal(links[1].title, 'nothing listens — nothing on 5001');
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'labdeck:ports');
  assert.deepEqual(events[0].detail.ports.map((p) => p.port), [80, 5001]);
  links[1].click();
  assert.deepEqual(opened, [5001]);
  assert.equal(ports.url(80), '/sessions/s1/ports/80/');
  assert.equal(ports.url(5001), '/sessions/s1/ports/5001/');

  ports.update([{ port: 80, answering: true, state: 'answering', url: '/sessions/s1/ports/80/' },
    { port: 5001, answering: false, state: 'not-listening', reason: 'nothing on 5001' }]);
  assert.equal(events.length, 1, 'the same list again says nothing');
  ports.update([{ port: 80, answering: true, state: 'answering', url: '/sessions/s1/ports/80/' }]);
  assert.deepEqual(bar.children.filter((c) => c.tag === 'button').map((l) => l.id), ['port-link-80'],
    'a port that left the list loses its link');
  handlers.ended.forEach((fn) => fn());
  assert.equal(bar.hidden, true);
  assert.deepEqual(events.at(-1).detail.ports, []);
});

test('the API list comes in once the session is ready', async () => {
  const { events, session, handlers } = fakePage({ status: 200, body: [{ port: 8080, answering: true,
    state: 'answering', url: '/x/' }] });
  const bar = new FakeElement('div');
  const ports = initPorts(bar, { session, labels, onOpen: () => {} });
  handlers.ready.forEach((fn) => fn({ id: 's2' }));
  await tick();
  await tick();
  assert.deepEqual(ports.ports().map((p) => p.port), [8080]);
  assert.equal(events.length, 1);
});
