// Bundles the lab page's front end (main.js and the modules it imports, xterm.js among them) into one IIFE file,
// CodeMirror (editor-cm.js) into a second one loaded on demand,
// and copies xterm's stylesheet next to them, so the page loads static files from the classpath and nothing from
// elsewhere. Maven runs it in generate-resources:
//   npm run build -- <target/classes/META-INF/resources/assets>
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('Usage: npm run build -- OUTPUT_DIRECTORY');
  process.exit(2);
}
const here = fileURLToPath(new URL('.', import.meta.url));

mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [join(here, 'main.js')],
  outfile: join(outdir, 'labdeck.bundle.js'),
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
// CodeMirror (the Editor tab) is a bundle of its own, loaded when the tab first opens (editor.js).
await build({
  entryPoints: [join(here, 'editor-cm.js')],
  outfile: join(outdir, 'labdeck.editor.js'),
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
copyFileSync(join(here, 'node_modules/@xterm/xterm/css/xterm.css'), join(outdir, 'xterm.css'));
