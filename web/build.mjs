// Builds the web UI into web/dist: hashed, minified ES modules (one chunk per
// page, loaded on demand) and CSS under dist/assets/, index.html pointing at
// them, and the static files. src/web/embed_web.cmake embeds dist/ into the binary.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = process.env.VERBINDER_WEB_DIST ? path.resolve(process.env.VERBINDER_WEB_DIST) : path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', styles: 'src/styles.css' },
  bundle: true,
  splitting: true,
  format: 'esm',
  outdir: path.join(dist, 'assets'),
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  minify: true,
  target: ['es2022'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const outputs = {};
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  if (meta.entryPoint) outputs[meta.entryPoint] = '/' + path.relative(dist, path.join(root, file)).split(path.sep).join('/');
}
const mainJs = outputs['src/main.ts'];
const stylesCss = outputs['src/styles.css'];
if (!mainJs || !stylesCss) throw new Error('esbuild did not produce main.js and styles.css: ' + JSON.stringify(outputs));

const html = fs.readFileSync(path.join(root, 'src/index.html'), 'utf8')
  .replaceAll('%MAIN_JS%', mainJs)
  .replaceAll('%STYLES_CSS%', stylesCss);
fs.writeFileSync(path.join(dist, 'index.html'), html);
for (const f of fs.readdirSync(path.join(root, 'static'))) fs.copyFileSync(path.join(root, 'static', f), path.join(dist, f));

let total = 0;
for (const f of fs.readdirSync(path.join(dist, 'assets'))) total += fs.statSync(path.join(dist, 'assets', f)).size;
console.log(`web: built ${path.relative(process.cwd(), dist)} (${mainJs}, ${stylesCss}; assets ${(total / 1024).toFixed(1)} KiB)`);
