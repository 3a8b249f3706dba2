import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTree, fileUrl, formatSize, joinPath, languageFor, problemText, treeUrl } from '../files.js';

test('languageFor picks the mode by file name', () => {
  assert.equal(languageFor('Dockerfile'), 'dockerfile');
  assert.equal(languageFor('app/Dockerfile.dev'), 'dockerfile');
  assert.equal(languageFor('web.dockerfile'), 'dockerfile');
  assert.equal(languageFor('app.py'), 'python');
  assert.equal(languageFor('compose.yaml'), 'yaml');
  assert.equal(languageFor('k8s/deploy.YML'), 'yaml');
  assert.equal(languageFor('run.sh'), 'shell');
  assert.equal(languageFor('package.json'), 'json');
  assert.equal(languageFor('requirements.txt'), null);
  assert.equal(languageFor('Makefile'), null);
});

test('URLs encode the path as one query value', () => {
  assert.equal(fileUrl('s1', 'app/main file.py'), '/api/sessions/s1/files?path=app%2Fmain%20file.py');
  assert.equal(fileUrl('s1', 'a&b=c'), '/api/sessions/s1/files?path=a%26b%3Dc');
  assert.equal(treeUrl('s1'), '/api/sessions/s1/tree?path=');
  assert.equal(joinPath('', 'x.txt'), 'x.txt');
  assert.equal(joinPath('app/', '/x.txt'), 'app/x.txt');
});

test('buildTree nests a flat listing, folders first, by name', () => {
  const tree = buildTree([
    { path: 'z.txt', name: 'z.txt', type: 'file', size: 3 },
    { path: 'app/main.py', name: 'main.py', type: 'file', size: 10 },
    { path: 'app', name: 'app', type: 'dir', size: 0 },
    { path: 'Dockerfile', name: 'Dockerfile', type: 'file', size: 5 },
    { path: 'deep/er/x', name: 'x', type: 'file', size: 1 },
    { path: 'link', name: 'link', type: 'link', size: 0 },
  ]);
  assert.deepEqual(tree.children.map((c) => c.name), ['app', 'deep', 'Dockerfile', 'link', 'z.txt']);
  assert.deepEqual(tree.children[0].children.map((c) => c.path), ['app/main.py']);
  assert.equal(tree.children[1].children[0].path, 'deep/er', 'a folder missing from the listing is made');
  assert.equal(tree.children[1].children[0].children[0].path, 'deep/er/x');
  assert.equal(tree.children[3].type, 'link');
});

test('formatSize and problemText', () => {
  assert.equal(formatSize(900), '900 B');
  assert.equal(formatSize(5 * 1024 * 1024), '5.0 MB');
  assert.equal(formatSize(20 * 1024 * 1024), '20 MB');
  const labels = { tooLarge: 'Too large.', badPath: 'Bad path.', network: 'No network.', failed: 'Failed.' };
  assert.equal(problemText(413, { message: 'at most 20 MB' }, labels), 'Too large. at most 20 MB');
  assert.equal(problemText(400, null, labels), 'Bad path.');
  assert.equal(problemText(0, null, labels), 'No network.');
  assert.equal(problemText(500, {}, labels), 'Failed.');
});
