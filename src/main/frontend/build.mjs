// Bundles the lab page's front end (main.js and the modules it imports, xterm.js among them) into one IIFE file
// and copies xterm's stylesheet next to it, so the page loads two static files from the classpath and nothing from
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
copyFileSync(join(here, 'node_modules/@xterm/xterm/css/xterm.css'), join(outdir, 'xterm.css'));
