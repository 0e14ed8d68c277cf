// Issue #17 point 4, without a browser: every reason key the server can send
// (`.WithReason("...")` in src/**/*.cpp) has an nl and an en wording in
// web/src/strings/errors.ts, both wordings use the same {placeholders}, and
// feedback.ts errorText() — the one place an API error becomes words — uses the
// reason and its params, labels the field, falls back by code, and never lets
// the server's English message through.
// Run: node --test web/test/errors-strings.test.mjs (needs `npm ci` for esbuild)
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cppFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...cppFiles(p));
    else if (/\.(cpp|h)$/.test(name)) out.push(p);
  }
  return out;
}

// Every reason key in the C++ sources, with the first file that uses it.
function serverReasons() {
  const keys = new Map();
  for (const f of cppFiles(join(root, 'src'))) {
    if (f.endsWith('status.h')) continue;  // the example in the comment
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/WithReason\(\s*"([^"]*)"/g)) if (!keys.has(m[1])) keys.set(m[1], f.slice(root.length));
  }
  return keys;
}

// The web modules, bundled for node (errors.ts, feedback.ts errorText, ApiError, setLang).
async function loadWeb() {
  const entry = `export * as strings from './strings/errors';
export { errorText } from './feedback';
export { ApiError } from './api';
export { setLang } from './i18n';`;
  const r = await build({
    stdin: { contents: entry, resolveDir: join(root, 'web/src'), loader: 'ts' },
    bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent',
  });
  globalThis.document ??= { documentElement: {}, cookie: '' };
  return import('data:text/javascript;base64,' + Buffer.from(r.outputFiles[0].text).toString('base64'));
}

const web = await loadWeb();
const { reasons, codes, fields } = web.strings;
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

test('the server sends reasons at all (the scan finds them)', () => {
  const keys = serverReasons();
  assert.ok(keys.size >= 50, `found only ${keys.size} reason keys`);
  assert.ok(keys.has('field.required') && keys.has('account.login_failed'));
});

test('every reason key in src/**/*.cpp has an nl and an en wording', () => {
  const missing = [];
  for (const [key, file] of serverReasons()) {
    assert.match(key, /^[a-z]+(\.[a-z0-9_]+)+$/, `${key} (${file}): <module-noun>.<what>, snake_case`);
    for (const lang of ['nl', 'en']) if (!reasons[lang][key]) missing.push(`${lang} ${key} (${file})`);
  }
  assert.deepEqual(missing, [], 'reasons without text in web/src/strings/errors.ts');
});

test('nl and en have the same keys and the same placeholders', () => {
  for (const table of [reasons, codes, fields]) {
    assert.deepEqual(Object.keys(table.nl).sort(), Object.keys(table.en).sort());
    for (const k of Object.keys(table.en)) {
      assert.equal(placeholders(table.nl[k]), placeholders(table.en[k]), `placeholders of ${k}`);
      assert.notEqual(table.nl[k].trim(), '', `nl ${k} is empty`);
    }
  }
});

test('errorText words the reason with its params and the field label, in the UI language', async () => {
  const { ApiError, errorText, setLang } = web;
  const secret = 'you already asked Willem Hofstede (pending)';
  await setLang('nl');  // loads the language's strings first (web/src/i18n.ts)
  const e1 = new ApiError(409, secret, 'email', 'already_exists', 'invitation.already_member', { email: 'a@b.nl' });
  assert.equal(errorText(e1), 'a@b.nl is al lid.');
  const e2 = new ApiError(400, 'is required', 'starts_at', 'invalid_argument', 'field.required', {});
  assert.equal(errorText(e2), 'Vul ‘Datum en tijd’ in.');
  // The page's own label wins; indices are dropped ("challenges[2].title").
  assert.equal(errorText(e2, { starts_at: 'Begint om' }), 'Vul ‘Begint om’ in.');
  const e3 = new ApiError(400, 'is too long', 'challenges[2].title', 'invalid_argument', 'field.too_long', { max: '200' });
  assert.equal(errorText(e3), '‘Uitdaging’ is te lang: hoogstens 200 tekens.');
  // A field no table knows: "dit veld", never the raw key.
  const e4 = new ApiError(400, 'is required', 'zz_internal', 'invalid_argument', 'field.required', {});
  assert.equal(errorText(e4), 'Vul dit veld in.');
  await setLang('en');
  assert.equal(errorText(e2), 'Fill in ‘Date and time’.');
  assert.equal(errorText(e3), '‘Challenge’ is too long: at most 200 characters.');
  assert.equal(errorText(e4), 'Fill in this field.');
});

test('errorText without a reason: a sentence by code (and field), never the server message', async () => {
  const { ApiError, errorText, setLang } = web;
  const secret = 'no such question';
  await setLang('nl');
  assert.equal(errorText(new ApiError(404, secret, 'id', 'not_found')), 'Niet gevonden — misschien verwijderd, of niet zichtbaar voor jou.');
  assert.equal(errorText(new ApiError(409, secret, null, 'conflict')), 'Dat kan nu niet meer; vernieuw de pagina.');
  assert.equal(errorText(new ApiError(400, secret, 'starts_at', 'invalid_argument')), 'Controleer ‘Datum en tijd’.');
  // A reason the UI does not know yet (a newer server): still the code's sentence.
  assert.equal(errorText(new ApiError(409, secret, null, 'conflict', 'zz.unknown_reason')), 'Dat kan nu niet meer; vernieuw de pagina.');
  // No JSON body (a proxy's 502): by HTTP status.
  assert.equal(errorText(new ApiError(502, 'Bad Gateway', null)), codes.nl.unavailable);
  assert.equal(errorText(new Error('x is undefined')), codes.nl.unknown);
  await setLang('en');
  assert.equal(errorText(new ApiError(400, secret, 'starts_at', 'invalid_argument')), 'Check ‘Date and time’.');
  for (const code of ['unauthenticated', 'permission_denied', 'too_many_requests', 'unavailable', 'internal']) {
    const text = errorText(new ApiError(400, secret, null, code));
    assert.equal(text, codes.en[code]);
    assert.ok(!text.includes(secret));
  }
});
