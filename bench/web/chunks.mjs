// What each page of the web UI loads, from the build's esbuild metafile: the
// shell (main.ts and the chunks it imports statically), the page's own chunks
// (its static imports not in the shell), one language's strings — the shell's
// (strings/nl.ts or en.ts) and the area tables the page's route lists in
// `strings` (web/src/areas), a chunk each — and the modules that make up the
// page's part, largest first. Static imports only:
// what a page fetches later with import() (the map's libraries are static
// imports of leader-map.ts, so they count) is not followed.
//
//   node web/build.mjs --metafile /tmp/meta.json   (or VERBINDER_WEB_DIST=/tmp/d node web/build.mjs --metafile …)
//   node bench/web/chunks.mjs /tmp/meta.json [--lang nl|en] [--top N] [page …]
//
// page: a file name under web/src/pages without .ts (default: every page).
// Sizes are the minified bytes esbuild wrote (uncompressed), in KiB.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeStrings } from '../../web/strings-check.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const lang = opt('lang', 'nl');
const top = Number(opt('top', '5'));
const [metaFile, ...pages] = args;
if (!metaFile) {
  console.error('usage: node bench/web/chunks.mjs METAFILE [--lang nl|en] [--top N] [page …]');
  process.exit(2);
}
const outs = JSON.parse(fs.readFileSync(metaFile, 'utf8')).outputs;
const byEntry = {};
for (const [f, m] of Object.entries(outs)) if (m.entryPoint) byEntry[m.entryPoint] = f;

function closure(f, set = new Set()) {
  if (set.has(f)) return set;
  set.add(f);
  for (const i of outs[f].imports) if (i.kind === 'import-statement') closure(i.path, set);
  return set;
}
const bytes = (files) => [...files].reduce((s, f) => s + outs[f].bytes, 0);
const kib = (n) => (n / 1024).toFixed(1);

const shell = closure(byEntry['src/main.ts']);
const strings = closure(byEntry[`src/strings/${lang}.ts`]);
const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web');
// (A build from before the area tables were split off has them all in strings/nl.ts.)
const declared = Object.keys(byEntry).some((e) => e.startsWith('lang-')) ? routeStrings(web) : {};
// A page's area tables in `lang` (entry points lang-nl:/…/src/strings/events.ts).
const partsOf = (page) => (declared[page] ?? []).map((t) => {
  const e = Object.keys(byEntry).find((x) => x.startsWith(`lang-${lang}:`) && x.endsWith(`/src/strings/${t}.ts`));
  if (!e) throw new Error(`no ${lang} chunk for strings/${t}.ts`);
  return byEntry[e];
});
const names = pages.length ? pages : Object.keys(byEntry)
  .filter((e) => e.startsWith('src/pages/')).map((e) => e.slice('src/pages/'.length, -3)).sort();
console.log(`shell ${kib(bytes(shell))} KiB, ${lang} shell strings ${kib(bytes(strings))} KiB`);
console.log('page'.padEnd(26) + 'total  page  area strings  largest modules of the page part');
for (const name of names) {
  const entry = byEntry[`src/pages/${name}.ts`];
  if (!entry) { console.log(`${name}: no such page chunk`); continue; }
  const parts = new Set(partsOf(name).flatMap((f) => [...closure(f)]));
  const own = [...closure(entry)].filter((f) => !shell.has(f) && !strings.has(f) && !parts.has(f));
  const modules = {};
  for (const f of own) for (const [m, x] of Object.entries(outs[f].inputs)) modules[m] = (modules[m] ?? 0) + x.bytesInOutput;
  const largest = Object.entries(modules).sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([m, b]) => `${m.replace(/^src\//, '').replace(/^\.\.\/node_modules\//, '')} ${kib(b)}`).join(', ');
  const total = bytes(shell) + bytes(strings) + bytes(parts) + bytes(own);
  const area = `${kib(bytes(parts))} ${(declared[name] ?? []).join('+') || '-'}`;
  console.log(name.padEnd(26) + kib(total).padStart(5) + kib(bytes(own)).padStart(6) + '  ' + area.padEnd(36) + largest);
}
