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

/** One minified browser bundle of an entry module. */
function bundle(entry, output) {
  return build({
    entryPoints: [join(here, entry)],
    outfile: join(outdir, output),
    bundle: true,
    format: 'iife',
    target: ['es2020'],
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

mkdirSync(outdir, { recursive: true });
await bundle('main.js', 'labdeck.bundle.js');
// CodeMirror (the Editor tab) is a bundle of its own, loaded when the tab first opens (editor.js).
await bundle('editor-cm.js', 'labdeck.editor.js');
copyFileSync(join(here, 'node_modules/@xterm/xterm/css/xterm.css'), join(outdir, 'xterm.css'));
