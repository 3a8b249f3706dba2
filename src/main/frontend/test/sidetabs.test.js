import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterClose, portTab, tabForKey, tabOrder } from '../sidetabs.js';

test('tabOrder puts Terminal and Editor before the previews, in the order they opened', () => {
  assert.deepEqual(tabOrder([8080, 5001]), ['terminal', 'editor', 'port-8080', 'port-5001']);
  assert.equal(portTab(5001), 'port-5001');
});

test('afterClose keeps the selection, or moves left of the closed tab', () => {
  const order = tabOrder([5001, 8080]);
  assert.equal(afterClose(order, 'port-8080', 'terminal'), 'terminal');
  assert.equal(afterClose(order, 'port-8080', 'port-8080'), 'port-5001');
  assert.equal(afterClose(order, 'port-5001', 'port-5001'), 'editor');
});

test('tabForKey wraps the arrows and knows Home and End', () => {
  const order = tabOrder([5001]);
  assert.equal(tabForKey(order, 'terminal', 'ArrowRight'), 'editor');
  assert.equal(tabForKey(order, 'port-5001', 'ArrowRight'), 'terminal');
  assert.equal(tabForKey(order, 'terminal', 'ArrowLeft'), 'port-5001');
  assert.equal(tabForKey(order, 'editor', 'Home'), 'terminal');
  assert.equal(tabForKey(order, 'editor', 'End'), 'port-5001');
  assert.equal(tabForKey(order, 'editor', 'a'), null);
});
