// Build-time checks of the string chunks (web/build.mjs runs them on esbuild's
// metafile): one language's text never in another language's chunk or in any
// other script, the shell uses only the shell's tables, and each route's
// `strings` (web/src/areas/*.ts) are the area tables its page uses.
import fs from 'node:fs';
import path from 'node:path';

export const LANGS = ['nl', 'en'];
// The tables that ship with the shell (web/src/strings/nl.ts, en.ts); the others are parts.
const SHELL_TABLES = ['core', 'shell'];

// Each page's route `strings` in web/src/areas/*.ts (page file name → tables); bench/web/chunks.mjs uses it too.
export function routeStrings(root) {
  const declared = {};
  const areas = path.join(root, 'src/areas');
  for (const f of fs.readdirSync(areas)) {
    for (const route of fs.readFileSync(path.join(areas, f), 'utf8').split('{ pattern:').slice(1)) {
      const lists = [...route.matchAll(/\[((?:'\w+'(?:, )?)*)\]/g)].map((m) => (m[1] ? m[1].split(', ').map((s) => s.slice(1, -1)) : []));
      const pages = [...route.matchAll(/import\('\.\.\/pages\/([\w-]+)'\)/g)].map((m) => m[1]);
      pages.forEach((p, i) => { declared[p] = lists.length === pages.length ? lists[i] : lists.flat(); });
    }
  }
  return declared;
}

// `tables`: name → { nl, en } (the UI's tables); `pairs`: every { nl, en } of strings
// (the UI's tables and the API's error wordings, errors.ts).
export function checkStrings(root, metafile, tables, pairs) {
  const errors = [];
  const outs = metafile.outputs;

  // 1. Each chunk's language, from the modules in it: lang-nl:… / src/strings/nl.ts is Dutch.
  const langOf = (input) => /^lang-(nl|en):/.exec(input)?.[1] ?? /^src\/strings\/(nl|en)\.ts$/.exec(input)?.[1];
  // A language's sentences (ASCII, so the minified text has them verbatim; not in the other language).
  const sentences = {};
  for (const l of LANGS) {
    const other = new Set(pairs.flatMap((t) => Object.values(t[LANGS.find((x) => x !== l)])));
    sentences[l] = [...new Set(pairs.flatMap((t) => Object.values(t[l])))]
      .filter((s) => s.length >= 16 && s.includes(' ') && /^[\x20-\x7e]+$/.test(s) && !/["'\\`]/.test(s) && !other.has(s));
  }
  for (const [file, meta] of Object.entries(outs)) {
    if (!file.endsWith('.js')) continue;
    const langs = [...new Set(Object.keys(meta.inputs).map(langOf).filter(Boolean))];
    if (langs.length > 1) { errors.push(`${file} has modules of ${langs.join(' and ')}`); continue; }
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const l of LANGS) {
      const found = sentences[l].filter((s) => text.includes(s));
      if (l === langs[0] && !found.length) errors.push(`${file} lacks the ${l} strings`);
      if (l !== langs[0] && found.length) errors.push(`${file} has ${l} strings: "${found[0]}"`);
    }
  }

  // 2. Which keys a module uses: quoted keys, and every key under a prefix it completes
  // at run time (`events.kind.${kind}`, 'kind.' + kind).
  const tableOf = {};
  for (const [name, t] of Object.entries(tables)) for (const k of Object.keys(t.en)) tableOf[k] = name;
  const keys = Object.keys(tableOf);
  const usedTables = (file) => {
    const src = fs.readFileSync(path.join(root, file), 'utf8');
    const found = new Set();
    for (const m of src.matchAll(/'([a-z][\w.-]*)'/g)) if (Object.hasOwn(tableOf, m[1])) found.add(tableOf[m[1]]);
    for (const m of src.matchAll(/[`'(]([a-z][\w-]*\.[\w.-]*\.)(?:\$\{|' \+)/g)) for (const k of keys) if (k.startsWith(m[1])) found.add(tableOf[k]);
    return found;
  };
  const ins = metafile.inputs;
  const closure = (f, set = new Set()) => {
    if (set.has(f) || !ins[f]) return set;
    set.add(f);
    for (const i of ins[f].imports) if (i.kind === 'import-statement') closure(i.path, set);
    return set;
  };
  const code = (f) => f.startsWith('src/') && !f.startsWith('src/strings/') && f.endsWith('.ts');
  const shell = closure('src/main.ts');
  for (const f of [...shell].filter(code)) {
    for (const t of usedTables(f)) if (!SHELL_TABLES.includes(t)) errors.push(`${f} (shell) uses keys of strings/${t}.ts: move them to strings/shell.ts`);
  }

  // 3. Each route's `strings`: exactly the part tables its page's modules (beyond the shell) use.
  const declared = routeStrings(root);
  for (const p of Object.keys(declared)) {
    const need = new Set();
    for (const f of [...closure(`src/pages/${p}.ts`)].filter((x) => code(x) && !shell.has(x))) for (const t of usedTables(f)) if (!SHELL_TABLES.includes(t)) need.add(t);
    const want = [...need].sort().join(', '), has = [...declared[p]].sort().join(', ');
    if (want !== has) errors.push(`src/areas: the route of pages/${p}.ts has strings [${has}], its modules use [${want}]`);
  }
  if (errors.length) throw new Error('web build, strings:\n  ' + errors.join('\n  '));
}
