// What each of the leader's pages loads before it is usable (docs/performance.md,
// web section): the strings in one language only — the one the page is shown
// in —, and of that language only the shell's strings (strings/nl.ts or en.ts:
// core.ts, shell.ts, errors.ts) and the area tables the page uses (a chunk
// each, web/src/i18n.ts), and no code of another page's libraries. The demo
// leader's browser says English (en-GB) and their profile says Dutch, the case
// that used to fetch both language chunks on every page load (the guess from
// the browser while the session was asked for, then the profile's). Also: the
// QR library (qrcode-generator) only where a QR code is drawn, sigma and
// graphology only on the map. A script's content is recognised by text that
// only it holds: for each string table and language a sentence found in no
// other table or language (read from web/src/strings/*.ts; the build checks a
// language's text is in that language's chunks only), "bad maskPattern:"
// (qrcode-generator), "graphology". Screenshots of the members page at 375 px
// (Dutch) and 1280 px (English).
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/leader-scripts.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { LEADER, apiSession, login, perFile, screenshot, settle } from './harness.mjs';

const MARKS = {
  qrcode: 'bad maskPattern:',
  graph: 'graphology',
};
// The shell's strings: its tables (the tagline is in core.ts).
const SHELL = ['core', 'shell'];
const TABLES = ['core', 'shell', 'account', 'encounters', 'events', 'leader', 'member', 'newsletter', 'questions'];
// The area tables each leader page uses (besides the shell's), by what the page shows.
const AREAS = {
  '/leader/members': ['leader'], '/leader/members/new': [], '/leader/events': ['events'], congress: ['events', 'leader'],
  '/leader/health': ['leader'], '/leader/weave': ['leader'], '/leader/learned': ['leader'], '/leader/settings': ['leader'],
  '/leader/newsletter': ['leader', 'newsletter'], '/account/invitations': ['account', 'leader'], '/leader/map': ['leader'],
};

// For each table and language (`nl:leader`): a sentence only that table holds in that language.
async function tableMarks() {
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'strings');
  const contents = TABLES.map((t) => `export * as ${t} from './${t}';`).join('\n');
  const r = await esbuild.build({ stdin: { contents, resolveDir: src, loader: 'ts' }, bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'error' });
  const mod = await import('data:text/javascript;base64,' + Buffer.from(r.outputFiles[0].text).toString('base64'));
  const all = TABLES.flatMap((t) => ['nl', 'en'].map((l) => [`${l}:${t}`, Object.values(mod[t][l])]));
  const marks = {};
  for (const [name, values] of all) {
    const elsewhere = new Set(all.filter(([n]) => n !== name).flatMap(([, v]) => v));
    marks[name] = values.find((v) => v.length >= 20 && /^[\x20-\x7e]+$/.test(v) && !/["'\\`{]/.test(v) && !elsewhere.has(v)
      && ![...elsewhere].some((o) => o.includes(v)));
    assert.ok(marks[name], `a sentence only ${name} holds`);
  }
  return marks;
}

// The string tables `found` saw, per language: { nl: ['core', 'leader', …], en: […] }.
function tablesSeen(found) {
  const seen = { nl: [], en: [] };
  for (const [k, n] of Object.entries(found)) {
    const m = /^(nl|en):(\w+)$/.exec(k);
    if (m && n > 0) seen[m[1]].push(n === 1 ? m[2] : `${m[2]} (in ${n} scripts)`);
  }
  for (const l of ['nl', 'en']) seen[l].sort();
  return seen;
}
const expected = (lang, area) => ({ nl: [], en: [], [lang]: [...SHELL, ...area].sort() });

let paths;
let congress;
const { server, browser, ready } = perFile();

before(async () => {
  await ready();
  Object.assign(MARKS, await tableMarks());
  const l = await apiSession(server.base, LEADER);
  const events = (await l.call('GET', '/api/v1/events?limit=100')).items;
  congress = events.filter((e) => e.kind === 'congress').sort((a, b) => b.starts_at - a.starts_at)[0].id;
  paths = ['/leader/members', '/leader/members/new', '/leader/events', `/leader/events/${congress}`, '/leader/health',
    '/leader/weave', '/leader/learned', '/leader/settings', '/leader/newsletter', '/account/invitations', '/leader/map'];
});

// Loads `p` anew and returns which marks the scripts fetched until the page was
// usable hold (what the app fetches afterwards for offline use is not counted).
async function scriptsOf(page, p) {
  await page.goto(server.base + p);
  await settle(page);
  return page.evaluate(async (marks) => {
    const until = window.__usableAt ?? performance.now();
    const urls = performance.getEntriesByType('resource')
      .filter((e) => /\/assets\/.*\.js$/.test(new URL(e.name).pathname) && e.startTime <= until).map((e) => e.name);
    const found = Object.fromEntries(Object.keys(marks).map((k) => [k, 0]));
    for (const u of urls) {
      const body = await (await fetch(u)).text();
      for (const [k, m] of Object.entries(marks)) if (body.includes(m)) found[k]++;
    }
    return { lang: document.documentElement.lang, scripts: urls.length, found };
  }, MARKS);
}

async function leaderBrowser(opts) {
  const b = await browser(opts);
  await login(b.page, server.base, LEADER);
  // When <main> became usable (as pages_bench.mjs measures it).
  await b.page.addInitScript(() => {
    if (window !== window.top) return;
    const check = () => {
      const m = document.querySelector('main');
      if (m && !m.hasAttribute('aria-busy') && !m.querySelector('.loading')) window.__usableAt ??= performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  });
  return b;
}

describe('each leader page loads only what it uses', () => {
  test('1440 px, browser en-GB, profile nl: Dutch pages with the Dutch strings only', async () => {
    const b = await leaderBrowser({ width: 1440, height: 900, lang: 'en-GB' });
    for (const p of paths) {
      const r = await scriptsOf(b.page, p);
      assert.equal(r.lang, 'nl', `${p}: shown in the profile's language`);
      assert.deepEqual(tablesSeen(r.found), expected('nl', AREAS[p === `/leader/events/${congress}` ? 'congress' : p]),
        `${p}: the Dutch shell strings and the page's area tables only (${r.scripts} scripts)`);
      assert.equal(r.found.qrcode, 0, `${p}: no QR library`);
      if (p === '/leader/map') assert.ok(r.found.graph > 0, 'the map loads graphology');
      else assert.equal(r.found.graph, 0, `${p}: graphology only on the map`);
    }
    assert.deepEqual(b.problems, []);
  });

  test('1280 px, English chosen with the switch: the English strings only; screenshot', async () => {
    const b = await leaderBrowser({ width: 1280, height: 900, lang: 'en-GB' });
    await b.page.goto(server.base + '/leader/health');
    await settle(b.page);
    // The switch words the page in English: the English health table comes with the shell's.
    await b.page.locator('button.lang').click();
    await b.page.waitForFunction(() => document.documentElement.lang === 'en');
    await b.page.waitForFunction(() => !document.querySelector('main')?.hasAttribute('aria-busy'));
    assert.equal((await b.page.locator('h1').first().textContent()).trim(), 'Network health');
    for (const p of ['/leader/members', '/leader/health', '/leader/newsletter']) {
      const r = await scriptsOf(b.page, p);
      assert.equal(r.lang, 'en', p);
      assert.deepEqual(tablesSeen(r.found), expected('en', AREAS[p]), `${p}: the English shell strings and the page's area tables only`);
    }
    await scriptsOf(b.page, '/leader/members');
    assert.equal((await b.page.locator('h1').first().textContent()).trim(), 'Manage members');
    await screenshot(b.page, 'leader-members-1280-en');
    assert.deepEqual(b.problems, []);
  });

  test('375 px, Dutch: the members page; screenshot', async () => {
    const b = await leaderBrowser({ width: 375, height: 812, lang: 'nl-NL' });
    const r = await scriptsOf(b.page, '/leader/members');
    assert.equal(r.lang, 'nl');
    assert.deepEqual(tablesSeen(r.found), expected('nl', ['leader']));
    assert.equal((await b.page.locator('h1').first().textContent()).trim(), 'Leden beheren');
    await screenshot(b.page, 'leader-members-375-nl');
    assert.deepEqual(b.problems, []);
  });
});
