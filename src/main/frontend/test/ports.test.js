import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePorts, previewUrl, samePorts, stateText } from '../ports.js';

const labels = { answering: 'answers', notAnswering: 'no answer', localOnly: 'local only',
  notListening: 'nothing listens' };

test('normalizePorts keeps valid ports once, by number, with a known state', () => {
  const ports = normalizePorts([
    { port: 8080, url: '/sessions/s/ports/8080/', answering: true, state: 'answering' },
    { port: 5001, answering: false, state: 'not-listening', reason: 'nothing listens yet' },
    { port: '5001', answering: true, state: 'answering' },
    { port: 0 }, { port: 70000 }, null, { port: 'x' },
    { port: 3000, answering: false, state: 'weird' },
  ]);
  assert.deepEqual(ports.map((p) => p.port), [3000, 5001, 8080]);
  assert.equal(ports[0].state, 'not-answering', 'an unknown state falls back on answering');
  assert.equal(ports[1].state, 'answering', 'the last word on a port wins');
  assert.equal(ports[2].url, '/sessions/s/ports/8080/');
  assert.deepEqual(normalizePorts(undefined), []);
  assert.deepEqual(normalizePorts({ ports: [] }), []);
});

test('samePorts compares what the bar shows', () => {
  const a = normalizePorts([{ port: 1, state: 'answering' }]);
  assert.ok(samePorts(a, normalizePorts([{ port: 1, answering: true }])));
  assert.ok(!samePorts(a, normalizePorts([{ port: 1, state: 'local-only' }])));
  assert.ok(!samePorts(a, []));
});

test('previewUrl takes the server URL, else the path mode', () => {
  assert.equal(previewUrl({ port: 5001, url: 'http://5001-abc.example/' }, 'abc'), 'http://5001-abc.example/');
  assert.equal(previewUrl({ port: 5001, url: null }, 'abc'), '/sessions/abc/ports/5001/');
  assert.equal(previewUrl(8000, 'a b'), '/sessions/a%20b/ports/8000/');
});

test('stateText says every state in the labels language', () => {
  assert.equal(stateText({ state: 'answering' }, labels), 'answers');
  assert.equal(stateText({ state: 'not-answering' }, labels), 'no answer');
  assert.equal(stateText({ state: 'local-only' }, labels), 'local only');
  assert.equal(stateText({ state: 'not-listening' }, labels), 'nothing listens');
});
