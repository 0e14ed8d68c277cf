// The language audit (issue #17, point 4): one language at a time. A real
// chromium walks EVERY page of the web UI against a real `verbinder serve` on a
// fresh demo database — logged out, as a member (Anja) and as the leader — in
// Dutch at 375 px and in English at 1280 px, runs axe on each page, and fails on
// (a) visible text that is a sentence of the OTHER language's string tables
//     (web/src/strings/*.ts, with the error tables),
// (b) raw i18n keys ("events.leader.rounds") and raw enum keys ("industry",
//     "organizer", "network_drinks") where a label belongs,
// (c) English server messages in the Dutch UI ("must be", "no such", …).
// The pages come from the route table itself (web/src/areas/*.ts): a route that
// is added without a place in WALK below fails the test, so no page is forgotten.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/language-audit.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import {
  ANJA, LEADER, PIETER, apiSession, axeViolations, goto, login, newBrowser, perFile, screenshot, settle,
} from './harness.mjs';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

// Every route pattern of the app, with who may open it, read from the areas' source.
function routeTable() {
  const dir = path.join(SRC, 'areas');
  const out = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/pattern:\s*'([^']+)',\s*access:\s*'(\w+)'/g)) out.push({ pattern: m[1], access: m[2] });
  }
  return out;
}

// The string tables of both languages, from their sources: every module export
// of web/src/strings/*.ts that is, or has, an `nl` and an `en` table of strings
// (core.ts `nl`/`en`, errors.ts `reasons`, …). The app loads one language at a
// time (strings/nl.ts, en.ts); here both are needed.
async function stringTables() {
  const files = fs.readdirSync(path.join(SRC, 'strings')).filter((f) => f.endsWith('.ts'));
  const contents = files.map((f, i) => `export * as s${i} from './strings/${f.replace(/\.ts$/, '')}';`).join('\n');
  const r = await esbuild.build({
    stdin: { contents, resolveDir: SRC, loader: 'ts' }, bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'error',
  });
  const mod = await import('data:text/javascript;base64,' + Buffer.from(r.outputFiles[0].text).toString('base64'));
  const pairs = [];
  const visit = (o, depth) => {
    if (!o || typeof o !== 'object' || depth > 2) return;
    if (o.nl && o.en && typeof o.nl === 'object' && typeof o.en === 'object'
      && Object.values(o.en).every((v) => typeof v === 'string')) { pairs.push({ nl: o.nl, en: o.en }); return; }
    for (const v of Object.values(o)) visit(v, depth + 1);
  };
  visit(mod, 0);
  return pairs;
}

// What a reader must never see in `lang`: the other language's sentences.
function auditSets(pairs) {
  const values = { nl: new Set(), en: new Set() };
  const keys = new Set();
  for (const p of pairs) {
    for (const l of ['nl', 'en']) for (const [k, v] of Object.entries(p[l])) { values[l].add(v.trim()); keys.add(k); }
  }
  // Long enough to be language (not a name, "OK", a number or a symbol), and not the same in both.
  const letters = (s) => (s.match(/\p{L}/gu) ?? []).length;
  const other = {};
  for (const [lang, them] of [['nl', 'en'], ['en', 'nl']]) {
    const exact = new Set(), templates = [];
    for (const v of values[them]) {
      if (values[lang].has(v)) continue;
      if (!/\{\w+\}/.test(v)) {
        if (letters(v) >= 4) exact.add(v);
        continue;
      }
      const fixed = v.replace(/\{\w+\}/g, '');
      if (letters(fixed) < 12) continue;
      const parts = v.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
      templates.push({ source: v, re: new RegExp('^' + parts.join('.+?') + '$', 's') });
    }
    other[lang] = { exact, templates };
  }
  return { other, keys, own: values };
}

// English a server may send that must not reach the Dutch UI.
const ENGLISH_SERVER = /\b(must be|must not|no such|already|not found|invalid|failed to fetch|is required|is not|cannot|asked to meet|you asked)\b/i;
// The server's own sentences (meeting and suggestion reasons, src/matching/suggest_explain.cpp,
// src/events/round_schedule.cpp): the UI must ask for them in its language (?lang=).
const SERVER_SENTENCES = {
  nl: [/\basked to meet you\b/, /^What you are running into\b/, /\bworks in another sector\b/, /^In turn, you can help\b/, /^You can help\b/, /^Your challenge\b/],
  en: [/\bwil graag met jou in gesprek\b/, /\bvroeg om een gesprek met jou\b/, /^Waar jij tegenaan loopt\b/, /\bwerkt in een andere sector\b/,
    /^Andersom kun jij\b/, /^Jij kunt\b/, /^Jouw vraag\b/],
};
const ROLE_KEYS = ['member', 'organizer', 'admin'];
const KIND_KEYS = ['congress', 'inspiration_session', 'network_drinks'];
const VISIBILITY_KEYS = ['members_only', 'hidden', 'public', 'members'];
// What the demo's people typed themselves (not UI copy, so in their own language):
// the leader's round and seating titles (src/events/demo_networking.cpp) and
// an article's tag.
const DEMO_DATA = new Set(['Netwerkrondes', 'Borrel', 'werkbezoek']);

// The text on the page as a reader meets it: visible text nodes (and text a
// screen reader reads: visually hidden, labels, alt, placeholders, options),
// plus whole blocks (a sentence built from a template with a name in a link).
async function pageTexts(page) {
  return page.evaluate(() => {
    const nodes = [], blocks = [], inputs = [];
    const shown = (el) => el && (el.closest('#nav') || el.checkVisibility?.({ checkVisibilityCSS: true }) !== false);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // (Code samples and text being typed are not copy; a page may mark user content with data-user-content.)
      if (!el || el.closest('script, style, noscript, pre, code, textarea, [data-user-content]')) continue;
      const s = n.textContent.replace(/\s+/g, ' ').trim();
      if (s && (shown(el) || el.tagName === 'OPTION')) nodes.push(s);
    }
    for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v && v.trim()) nodes.push(v.replace(/\s+/g, ' ').trim());
      }
    }
    // What a form fills in for the reader (a default title), and buttons made of inputs.
    for (const el of document.body.querySelectorAll('input[type=text], input:not([type]), input[type=submit], input[type=button]')) {
      if (el.value.trim() && shown(el)) inputs.push(el.value.replace(/\s+/g, ' ').trim());
    }
    for (const el of document.body.querySelectorAll('h1, h2, h3, h4, p, li, label, legend, button, a, td, th, dt, dd, summary, caption, figcaption, option, .msg')) {
      if (el.closest('[data-user-content], pre, code') || !shown(el)) continue;
      const s = el.textContent.replace(/\s+/g, ' ').trim();
      if (s && s.length < 600) blocks.push(s);
    }
    nodes.push(document.title.replace(/ · verbinder$/, ''));
    return { nodes: [...new Set(nodes)], blocks: [...new Set(blocks)], inputs: [...new Set(inputs)] };
  });
}

let tables, routes, sectors, sectorKeys;
const ids = {};
const { server, browsers, ready } = perFile();
// Visited: `${lang} ${pattern}` → url.
const visited = new Map();
// Dutch-looking text in the English UI that is not a string of ours (server-made, reported, not failed).
const dutchInEnglish = new Map();
// Server-made pages with a language fault reported to their owners (not worked
// around in the UI): their findings are printed, not failed. Remove an entry when fixed.
const KNOWN_SERVER_ISSUES = {
};
// The same for pages of the app: `${lang} ${pattern}` → what is wrong and whose it is.
const KNOWN_PAGE_ISSUES = {
};
const knownFindings = [];
// The server-made printable pages audited (`${lang} ${path}`).
const printed = new Set();

before(async () => {
  await ready();
  routes = routeTable();
  const pairs = await stringTables();
  tables = { ...auditSets(pairs), pairs };
  const anja = await apiSession(server.base, ANJA);
  const pieter = await apiSession(server.base, PIETER);
  const leader = await apiSession(server.base, LEADER);
  sectors = (await anja.call('GET', '/api/v1/sectors')).items;
  sectorKeys = sectors.map((s) => s.key);
  ids.member = pieter.memberId;
  const events = (await anja.call('GET', '/api/v1/events?limit=100')).items;
  const upcoming = events.filter((e) => e.starts_at > Date.now() / 1000);
  ids.event = (upcoming[0] ?? events[events.length - 1]).id;
  // The demo has no questions: Pieter asks one in Anja's sector, so she sees why she got it.
  ids.question = (await pieter.call('POST', '/api/v1/questions', {
    title: 'Wie heeft ervaring met voorraadbeheer op een afdeling?', text: 'We tellen nu met de hand; dat gaat vaak mis.',
    tags: ['logistiek'], sector: 'care',
  })).id;
  await anja.call('POST', `/api/v1/questions/${ids.question}/answers`, { text: 'Wij gebruiken tweebakken-systemen, kom gerust kijken.' });
  const articles = (await leader.call('GET', '/api/v1/articles?limit=100')).items;
  ids.article = articles[0].id;
  ids.connect = (await pieter.call('GET', '/api/v1/me/connect-code')).code;
});

// Where each route is opened, and by whom. A route without an entry fails the test.
const WALK = {
  '/login': [['anon', '/login']],
  '/': [['anon', '/'], ['member', '/'], ['leader', '/'], ['leader', '/?preview=public']],
  '/members': [['member', '/members'], ['member', '/members?q=zorg']],
  '/members/:id': [['member', () => `/members/${ids.member}`]],
  '/profile': [['member', '/profile']],
  '/connections': [['member', '/connections']],
  '/ties': [['member', '/ties']],
  '/leader/members': [['leader', '/leader/members']],
  '/leader/members/new': [['leader', '/leader/members/new']],
  '/events': [['member', '/events']],
  '/events/:id': [['member', () => `/events/${ids.event}`]],
  '/events/:id/schedule': [['member', () => `/events/${ids.event}/schedule`]],
  '/visits': [['member', '/visits']],
  '/connect/:code': [['member', () => `/connect/${ids.connect}`]],
  '/leader/events': [['leader', '/leader/events']],
  '/leader/events/:id': [['leader', () => `/leader/events/${ids.event}`]],
  '/questions': [['member', '/questions']],
  '/questions/new': [['member', '/questions/new']],
  '/questions/:id': [['member', () => `/questions/${ids.question}`]],
  '/notifications': [['member', '/notifications']],
  '/signup': [['anon', '/signup']],
  '/signup/confirm': [['anon', '/signup/confirm?token=' + '0'.repeat(64)]],
  '/invite/accept': [['anon', '/invite/accept?token=' + '0'.repeat(64)]],
  '/reset': [['anon', '/reset']],
  '/reset/password': [['anon', '/reset/password?token=' + '0'.repeat(64)]],
  '/account/delete': [['member', '/account/delete']],
  '/account/deleted': [['anon', '/account/deleted']],
  '/account/invitations': [['leader', '/account/invitations']],
  '/leader/map': [['leader', '/leader/map']],
  '/leader/health': [['leader', '/leader/health']],
  '/leader/weave': [['leader', '/leader/weave']],
  '/leader/learned': [['leader', '/leader/learned']],
  '/leader/settings': [['leader', '/leader/settings']],
  '/articles': [['anon', '/articles'], ['member', '/articles'], ['leader', '/articles']],
  '/articles/new': [['member', '/articles/new']],
  '/articles/:id': [['anon', () => `/articles/${ids.article}`]],
  '/articles/:id/edit': [['leader', () => `/articles/${ids.article}/edit`]],
  '/newsletter': [['anon', '/newsletter']],
  '/newsletter/unsubscribe/:token': [['anon', '/newsletter/unsubscribe/' + 'f'.repeat(64)]],
  '/leader/newsletter': [['leader', '/leader/newsletter']],
  // Not a route: the "not found" page.
  '(not found)': [['member', '/members/999999'], ['anon', '/nergens']],
};

function readsAsWord(lang, key) {
  if (lang !== 'en' || key.includes('_')) return false;
  const sector = sectors.find((x) => x.key === key);
  return sector ? sector.label_en.toLowerCase() === key : true;
}

function audit(lang, texts) {
  const { exact, templates } = tables.other[lang];
  const found = [];
  const enumKeys = new Set([...sectorKeys, ...ROLE_KEYS, ...KIND_KEYS, ...VISIBILITY_KEYS]);
  const keyPrefixes = new Set([...tables.keys].map((k) => k.split('.')[0]));
  const own = tables.own[lang];
  for (const s of texts.nodes) {
    if (DEMO_DATA.has(s)) continue;
    if (exact.has(s)) found.push(`other language: "${s}"`);
    for (const tok of s.match(/\b[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\b/g) ?? []) {
      if (tables.keys.has(tok) || (tok === s && keyPrefixes.has(tok.split('.')[0]) && !/@/.test(s))) found.push(`raw key: "${tok}" in "${s}"`);
    }
    // A sentence of our own table may use the word ("Nobody (hidden)"); elsewhere a bare key is a missing label.
    // In English a key that reads as its own label in lower case ("care" for Care, "member") is a word, not a key.
    if (!own.has(s)) for (const piece of s.split(/\s*[·|,:()]\s*/)) if (enumKeys.has(piece) && !readsAsWord(lang, piece)) found.push(`raw enum key: "${piece}" in "${s}"`);
    if (lang === 'nl' && ENGLISH_SERVER.test(s)) found.push(`English in the Dutch UI: "${s}"`);
    else if (SERVER_SENTENCES[lang].some((re) => re.test(s))) found.push(`server sentence in the other language: "${s}"`);
  }
  // A form's own default ("Netwerkronde" in the English UI), even where the demo typed the same word.
  for (const s of texts.inputs) if (exact.has(s)) found.push(`other language in a form default: "${s}"`);
  for (const s of texts.blocks) {
    if (exact.has(s) || DEMO_DATA.has(s)) continue;  // reported above
    const tpl = templates.find((x) => x.re.test(s));
    if (tpl) found.push(`other language: "${s}" (from "${tpl.source}")`);
  }
  return [...new Set(found)];
}

const DUTCH = /\b(je|jij|jullie|een|het|van de|niet|naar|wordt|zijn|voor de|met je)\b/i;

for (const [lang, width, height, locale] of [['nl', 375, 812, 'nl-NL'], ['en', 1280, 900, 'en-GB']]) {
  describe(`every page in ${lang === 'nl' ? 'Dutch at 375 px' : 'English at 1280 px'}`, () => {
    const people = {};
    before(async () => {
      for (const [who, email] of [['anon', null], ['member', ANJA], ['leader', LEADER]]) {
        const b = await newBrowser({ width, height, lang: locale });
        browsers.push(b);
        if (email) await login(b.page, server.base, email);
        else await goto(b.page, server.base + '/login');
        // The language as the reader chose it in the header (remembered).
        if (await b.page.evaluate(() => document.documentElement.lang) !== lang) {
          await b.page.locator('button.lang').click();
          await settle(b.page);
        }
        people[who] = b;
      }
    });

    for (const [pattern, entries] of Object.entries(WALK)) {
      test(`${pattern}: only ${lang}, no raw keys, axe clean`, async () => {
        for (const [who, u] of entries) {
          const b = people[who];
          const url = typeof u === 'function' ? u() : u;
          await goto(b.page, server.base + url);
          // Parts that load after the page (counts, previews); a page that keeps polling just waits less.
          await b.page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
          await settle(b.page);
          assert.equal(await b.page.evaluate(() => document.documentElement.lang), lang);
          const texts = await pageTexts(b.page);
          assert.ok(texts.nodes.length > 3, `${url} shows something`);
          const found = audit(lang, texts);
          const shot = await screenshot(b.page, `audit-${lang}-${who}-${url.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}`);
          const knownPage = KNOWN_PAGE_ISSUES[`${lang} ${pattern}`];
          if (knownPage && found.length) knownFindings.push(`${url} (${lang}): ${found.length} findings, e.g. ${found[0].slice(0, 200)} — ${knownPage}`);
          else assert.deepEqual(found, [], `${who} at ${url} (${lang}; screenshot ${shot})`);
          assert.deepEqual(await axeViolations(b.page), [], `axe at ${url} (${lang})`);
          if (lang === 'en') {
            for (const s of texts.nodes) if (DUTCH.test(s) && s.length > 20) dutchInEnglish.set(s, url);
          }
          visited.set(`${lang} ${pattern}`, url);
          // The server-made pages this page links to (printable schedules, table sheets, the door list).
          // (Not the newsletter preview: it shows a subscriber's mail, in the subscriber's language.)
          const printables = (await b.page.locator('main a[target=_blank][href^="/api/v1/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
            .filter((href) => !href.startsWith('/api/v1/newsletter/preview'));
          for (const href of printables) {
            assert.match(href, new RegExp(`[?&]lang=${lang}(&|$)`), `${href} asks for the page's language`);
            const p = await b.context.newPage();
            try {
              const res = await p.goto(server.base + href);
              assert.equal(res.status(), 200, href);
              const found = audit(lang, await pageTexts(p));
              const known = Object.entries(KNOWN_SERVER_ISSUES).find(([re]) => new RegExp(re).test(href));
              if (known && found.length) knownFindings.push(`${href}: ${found.length} findings, e.g. ${found[0].slice(0, 200)} — ${known[1]}`);
              else assert.deepEqual(found, [], `${who}: ${href} (${lang})`);
              if (lang === 'en') for (const s of (await pageTexts(p)).nodes) if (DUTCH.test(s) && s.length > 20) dutchInEnglish.set(s, href);
              printed.add(`${lang} ${href.replace(/\?.*$/, '')}`);
            } finally {
              await p.close();
            }
          }
        }
        for (const b of Object.values(people)) assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
      });
    }

    // Without a connection a page says so in the reader's language, never the browser's "Failed to fetch".
    // (The connections page keeps no last known copy: /ties would show its copy, last-known.ts.)
    test(`offline: the page's error is our own sentence in ${lang}`, async () => {
      const b = people.member;
      await goto(b.page, server.base + '/members');
      await b.page.context().setOffline(true);
      try {
        await b.page.locator('#nav a[href="/connections"]').evaluate((a) => a.click());
        await b.page.waitForURL(/\/connections$/);
        await settle(b.page);
        const shown = (await b.page.locator('main .msg-error').first().textContent()).trim();
        assert.equal(shown, tables.pairs.find((p) => 'fb.offline' in p[lang])[lang]['fb.offline']);
        assert.deepEqual(audit(lang, await pageTexts(b.page)), []);
      } finally {
        await b.page.context().setOffline(false);
      }
      b.problems.length = 0;  // the failed fetches the browser logged while offline
    });
  });
}

// The audit itself finds what it is meant to find (so a green walk means something).
test('the audit catches the other language, raw keys, bare enum keys and English server text', () => {
  const en = (k) => tables.pairs.find((p) => k in p.en).en[k];
  const nl = (k) => tables.pairs.find((p) => k in p.nl).nl[k];
  const inNl = audit('nl', {
    nodes: [en('leader.settings.title'), 'events.leader.rounds', 'TPO Almelo · industry', 'Failed to fetch', 'must be in the future'],
    blocks: ['Connects Zorg with Industrie.'], inputs: [],
  });
  assert.deepEqual(inNl, [
    `other language: "${en('leader.settings.title')}"`, 'raw key: "events.leader.rounds" in "events.leader.rounds"',
    'raw enum key: "industry" in "TPO Almelo · industry"', 'English in the Dutch UI: "Failed to fetch"',
    'English in the Dutch UI: "must be in the future"', 'other language: "Connects Zorg with Industrie." (from "Connects {a} with {b}.")',
  ]);
  const inEn = audit('en', {
    nodes: [nl('leader.settings.title'), 'Nobody (hidden)', 'Mark works in another sector (care).', 'Drinks · network_drinks',
      'Pieter Lammerink vroeg om een gesprek met jou.'],
    blocks: [], inputs: ['Netwerkronde'],
  });
  assert.deepEqual(inEn, [`other language: "${nl('leader.settings.title')}"`,
    'raw enum key: "network_drinks" in "Drinks · network_drinks"',
    'server sentence in the other language: "Pieter Lammerink vroeg om een gesprek met jou."',
    'other language in a form default: "Netwerkronde"']);
  // Words both languages share, names and numbers are never a finding.
  assert.deepEqual(audit('en', { nodes: ['Sector', 'Anja Kamphuis', '42', 'OK'], blocks: [], inputs: [] }), []);
});

test('the walk covers every route of the app in both languages', () => {
  const patterns = routes.map((r) => r.pattern);
  assert.ok(patterns.length >= 30, `read the route table (${patterns.length} routes)`);
  const missing = patterns.filter((p) => !WALK[p]);
  assert.deepEqual(missing, [], 'routes without a place in WALK: add them so their pages are audited');
  for (const p of patterns) for (const lang of ['nl', 'en']) assert.ok(visited.has(`${lang} ${p}`), `${p} visited in ${lang}`);
  // Who opens a route matches who may: the leader's pages by the leader, public pages logged out (at least once).
  for (const r of routes) {
    const whos = WALK[r.pattern].map(([w]) => w);
    if (r.access === 'organizer') assert.ok(whos.includes('leader'), `${r.pattern} is opened by the leader`);
    if (r.access === 'member') assert.ok(whos.includes('member') || whos.includes('leader'), `${r.pattern} is opened signed in`);
    if (r.access === 'public') assert.ok(whos.includes('anon'), `${r.pattern} is opened logged out`);
  }
  assert.ok([...printed].filter((x) => x.startsWith('nl ')).length >= 3 && [...printed].filter((x) => x.startsWith('en ')).length >= 3,
    `the printable pages were audited: ${[...printed].join(', ')}`);
  if (knownFindings.length) {
    console.log('Known server-side language faults (reported, not failed):');
    for (const f of knownFindings) console.log('  ' + f);
  }
  if (dutchInEnglish.size) {
    console.log('Dutch-looking text in the English UI (user content or server-made; see the report):');
    for (const [s, url] of dutchInEnglish) console.log(`  ${url}: ${s.slice(0, 160)}`);
  }
});
