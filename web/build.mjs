// Builds the web UI into web/dist: hashed, minified ES modules (one chunk per
// page, loaded on demand) and CSS under dist/assets/, index.html pointing at
// them, and the static files. src/web/embed_web.cmake embeds dist/ into the binary.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStrings, LANGS } from './strings-check.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = process.env.VERBINDER_WEB_DIST ? path.resolve(process.env.VERBINDER_WEB_DIST) : path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

// Each language's modules (src/strings/nl.ts, en.ts, loaded by src/i18n.ts, and
// the area tables they import with import(), a chunk each) get only their own
// language's half of a string table: a table module is evaluated here, and its
// `nl`/`en` export, or the `nl`/`en` member of an exported object (errors.ts
// `reasons`), of the other language is left out.
// Issue #17: a page never ships both languages.
async function evaluate(file) {
  const r = await esbuild.build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  return import('data:text/javascript;base64,' + Buffer.from(r.outputFiles[0].text).toString('base64'));
}
const isPair = (v) => v !== null && typeof v === 'object' && LANGS.every((l) => l in v);
async function oneLanguage(file, lang) {
  const mod = await evaluate(file);
  const others = LANGS.filter((l) => l !== lang);
  let contents = '';
  for (const [name, value] of Object.entries(mod)) {
    if (others.includes(name)) continue;
    if (typeof value === 'function') throw new Error(`${file}: export ${name} is a function; string tables hold data only`);
    contents += `export const ${name} = ${JSON.stringify(isPair(value) ? { [lang]: value[lang] } : value)};\n`;
  }
  return { contents, loader: 'js', watchFiles: [file] };
}
const langOnly = {
  name: 'lang-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+$/ }, (args) => {
      const m = /[\\/]src[\\/]strings[\\/](nl|en)\.ts$/.exec(args.importer);
      if (!m) return undefined;
      return { path: path.join(path.dirname(args.importer), args.path + '.ts'), namespace: 'lang-' + m[1] };
    });
    for (const lang of LANGS) b.onLoad({ filter: /.*/, namespace: 'lang-' + lang }, (args) => oneLanguage(args.path, lang));
  },
};

const result = await esbuild.build({
  absWorkingDir: root,
  plugins: [langOnly],
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

// `node web/build.mjs --metafile FILE` also writes esbuild's metafile (which
// module went into which chunk, and which chunks each chunk imports) for
// `node bench/web/chunks.mjs FILE` or esbuild's bundle analyzer.
const metaArg = process.argv.indexOf('--metafile');
if (metaArg >= 0) fs.writeFileSync(path.resolve(process.argv[metaArg + 1]), JSON.stringify(result.metafile));

const outputs = {};
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  if (meta.entryPoint) outputs[meta.entryPoint] = '/' + path.relative(dist, path.join(root, file)).split(path.sep).join('/');
}
const mainJs = outputs['src/main.ts'];
const stylesCss = outputs['src/styles.css'];
if (!mainJs || !stylesCss) throw new Error('esbuild did not produce main.js and styles.css: ' + JSON.stringify(outputs));

// Each language's text is in its own language's chunks and in no other script, the
// shell uses only the shell's tables, and every route lists the tables its page uses
// (web/strings-check.mjs).
const tables = {};
const pairs = [];
const stringsDir = path.join(root, 'src/strings');
for (const f of fs.readdirSync(stringsDir)) {
  if (!f.endsWith('.ts') || LANGS.includes(f.slice(0, -3))) continue;
  const mod = await evaluate(path.join(stringsDir, f));
  if (isPair(mod)) tables[f.slice(0, -3)] = { nl: mod.nl, en: mod.en };
  for (const v of Object.values(mod)) if (isPair(v)) pairs.push(v);
  if (isPair(mod)) pairs.push(mod);
}
checkStrings(root, result.metafile, tables, pairs);

const html = fs.readFileSync(path.join(root, 'src/index.html'), 'utf8')
  .replaceAll('%MAIN_JS%', mainJs)
  .replaceAll('%STYLES_CSS%', stylesCss);
fs.writeFileSync(path.join(dist, 'index.html'), html);
for (const f of fs.readdirSync(path.join(root, 'static'))) fs.copyFileSync(path.join(root, 'static', f), path.join(dist, f));

let total = 0;
for (const f of fs.readdirSync(path.join(dist, 'assets'))) total += fs.statSync(path.join(dist, 'assets', f)).size;
console.log(`web: built ${path.relative(process.cwd(), dist)} (${mainJs}, ${stylesCss}; assets ${(total / 1024).toFixed(1)} KiB)`);
