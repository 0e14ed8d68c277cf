// What each of the leader's pages loads before it is usable (docs/performance.md,
// web section): one language's strings — the one the page is shown in — and no
// code of another page's libraries. The demo leader's browser says English
// (en-GB) and their profile says Dutch, the case that used to fetch both
// language chunks on every page load (the guess from the browser while the
// session was asked for, then the profile's). Also: the QR library
// (qrcode-generator) only where a QR code is drawn, sigma and graphology only on
// the map. A script's content is recognised by text that only it holds: each
// language's tagline (the build checks it is in that language's chunk only),
// "bad maskPattern:" (qrcode-generator), "graphology". Screenshots of the
// members page at 375 px (Dutch) and 1280 px (English).
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/leader-scripts.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LEADER, apiSession, login, newBrowser, screenshot, settle, startServer } from './harness.mjs';

const MARKS = {
  nl: 'Van online contact naar echte verbinding',
  en: 'From online contact to real connection',
  qrcode: 'bad maskPattern:',
  graph: 'graphology',
};

let server;
let paths;
const browsers = [];
async function browser(opts) { const b = await newBrowser(opts); browsers.push(b); return b; }

before(async () => {
  server = await startServer();
  const l = await apiSession(server.base, LEADER);
  const events = (await l.call('GET', '/api/v1/events?limit=100')).items;
  const congress = events.filter((e) => e.kind === 'congress').sort((a, b) => b.starts_at - a.starts_at)[0].id;
  paths = ['/leader/members', '/leader/members/new', '/leader/events', `/leader/events/${congress}`, '/leader/health',
    '/leader/weave', '/leader/settings', '/leader/newsletter', '/account/invitations', '/leader/map'];
});
after(async () => {
  for (const b of browsers) await b.close().catch(() => {});
  await server?.stop();
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
      assert.deepEqual({ nl: r.found.nl, en: r.found.en }, { nl: 1, en: 0 }, `${p}: one language chunk (${r.scripts} scripts)`);
      assert.equal(r.found.qrcode, 0, `${p}: no QR library`);
      if (p === '/leader/map') assert.ok(r.found.graph > 0, 'the map loads graphology');
      else assert.equal(r.found.graph, 0, `${p}: graphology only on the map`);
    }
    assert.deepEqual(b.problems, []);
  });

  test('1280 px, English chosen with the switch: the English strings only; screenshot', async () => {
    const b = await leaderBrowser({ width: 1280, height: 900, lang: 'en-GB' });
    await b.page.locator('button.lang').click();
    await b.page.waitForFunction(() => document.documentElement.lang === 'en');
    for (const p of ['/leader/members', '/leader/health']) {
      const r = await scriptsOf(b.page, p);
      assert.equal(r.lang, 'en', p);
      assert.deepEqual({ nl: r.found.nl, en: r.found.en }, { nl: 0, en: 1 }, `${p}: one language chunk`);
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
    assert.deepEqual({ nl: r.found.nl, en: r.found.en }, { nl: 1, en: 0 });
    assert.equal((await b.page.locator('h1').first().textContent()).trim(), 'Leden beheren');
    await screenshot(b.page, 'leader-members-375-nl');
    assert.deepEqual(b.problems, []);
  });
});
