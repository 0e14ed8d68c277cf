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

// Each language's chunk (src/strings/nl.ts, en.ts, loaded by src/i18n.ts) gets
// only its own language's half of the string tables it imports: a table module
// is evaluated here, and its `nl`/`en` export, or the `nl`/`en` member of an
// exported object (errors.ts `reasons`), of the other language is left out.
// Issue #17: a page never ships both languages.
const LANGS = ['nl', 'en'];
async function oneLanguage(file, lang) {
  const r = await esbuild.build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const mod = await import('data:text/javascript;base64,' + Buffer.from(r.outputFiles[0].text).toString('base64'));
  const others = LANGS.filter((l) => l !== lang);
  const isPair = (v) => v !== null && typeof v === 'object' && LANGS.every((l) => l in v);
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

// Each language's tagline is in its own language's chunk and in no other script.
const tagline = { nl: 'Van online contact naar echte verbinding', en: 'From online contact to real connection' };
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const lang = /^src\/strings\/(nl|en)\.ts$/.exec(meta.entryPoint ?? '')?.[1];
  for (const l of LANGS) {
    if (text.includes(tagline[l]) !== (l === lang)) throw new Error(`web build: ${file} ${l === lang ? 'lacks' : 'has'} the ${l} strings`);
  }
}

const html = fs.readFileSync(path.join(root, 'src/index.html'), 'utf8')
  .replaceAll('%MAIN_JS%', mainJs)
  .replaceAll('%STYLES_CSS%', stylesCss);
fs.writeFileSync(path.join(dist, 'index.html'), html);
for (const f of fs.readdirSync(path.join(root, 'static'))) fs.copyFileSync(path.join(root, 'static', f), path.join(dist, f));

let total = 0;
for (const f of fs.readdirSync(path.join(dist, 'assets'))) total += fs.statSync(path.join(dist, 'assets', f)).size;
console.log(`web: built ${path.relative(process.cwd(), dist)} (${mainJs}, ${stylesCss}; assets ${(total / 1024).toFixed(1)} KiB)`);
