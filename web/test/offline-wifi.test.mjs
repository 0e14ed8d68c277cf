// Browser test: a Wi-Fi without internet. The browser says it is online
// (navigator.onLine stays true) but every /api request fails (playwright
// routes them to abort, those of the service worker included). The UI goes by
// what the requests find: the offline banner shows, the service worker's
// copies (events list, home) are marked "Offline: bijgewerkt om HH:MM", and
// the questions, notifications, ties and visits pages show their last known
// data marked so (web/src/last-known.ts), or say it is not available offline —
// never "no questions" that is not true. When the requests get through again
// the banner and the notes go away by themselves (api.ts probeNetwork, pwa.ts).
// Sign-out leaves no copy. A request that never gets an answer counts as
// offline too (after api.ts's time-out). 375 px Dutch and 1280 px English; the expected
// sentences come from the strings tables and the numbers from the API (the
// oracle); axe on each page offline. Screenshots: offline-wifi-*.png.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/offline-wifi.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  ANJA, PIETER, apiSession, axeViolations, goto, login, perFile, screenshot, scrollWidth, settle, staleRe, stringTables, swReady,
} from './harness.mjs';

const { server, browser, ready } = perFile();
let s, a, oracle;

before(async () => {
  await ready();
  s = await stringTables(['shell', 'core', 'member', 'questions', 'events']);
  assert.match(s.nl['pwa.offline'], /^Je bent offline\./);
  assert.match(s.en['pwa.offline'], /^You are offline\./);
  a = await apiSession(server.base, ANJA);
  const p = await apiSession(server.base, PIETER);
  // Something in each list: Pieter asks Anja for a visit (a notification for her too).
  const day = Math.floor(Date.now() / 1000) + 20 * 86400;
  await p.call('POST', '/api/v1/visits', { host_id: a.memberId, reason: 'Kijken hoe jullie de wijkteams plannen.', proposed: [day] });
  // And a question to the network (the demo has none).
  await p.call('POST', '/api/v1/questions', {
    title: 'Wie plant er roosters met een gedeelde agenda?', text: 'We zoeken een manier die ook op de telefoon werkt.', tags: ['planning'], sector: 'care',
  });
  const ties = `/api/v1/members/${a.memberId}/ties`;
  oracle = {
    questions: (await a.call('GET', '/api/v1/questions?limit=100')).items.length,
    notifications: (await a.call('GET', '/api/v1/notifications?limit=100')).items.length,
    prefs: (await a.call('GET', '/api/v1/notifications/preferences')).items.length,
    real: (await a.call('GET', `${ties}?real=true&limit=1`)).total,
    online: (await a.call('GET', `${ties}?real=false&limit=1`)).total,
    tieItems: (await a.call('GET', `${ties}?limit=25`)).items.length,
    visits: (await a.call('GET', '/api/v1/visits')).items.length,
  };
  for (const k of ['questions', 'notifications', 'prefs', 'real', 'tieItems', 'visits']) assert.ok(oracle[k] > 0, `Anja has ${k} in the demo`);
});

// The pages this test takes offline, the last known copies each keeps (last-known.ts
// keys, per member), and what each must show from them.
const PAGES = [
  { path: '/questions', keys: ['questions:::'], notes: ['#questions-state'],
    async check(page) { assert.equal(await page.locator('#questions-list .question-card').count(), oracle.questions, 'the last known questions'); } },
  { path: '/notifications', keys: ['notifications:all', 'notifications:prefs'], notes: ['#notifications-state', '#prefs-state'],
    async check(page) {
      assert.equal(await page.locator('#notifications .notification-list > li').count(), oracle.notifications, 'the last known notifications');
      assert.equal(await page.locator('#prefs-form input[type=checkbox]').count(), oracle.prefs, 'the last known e-mail choices');
    } },
  { path: '/visits', keys: ['visits:mine'], notes: ['#visits-state'],
    async check(page) { assert.equal(await page.locator('#visits > li').count(), oracle.visits, 'the last known visits'); } },
  { path: '/ties', keys: ['ties:all:1', 'ties:real', 'ties:online'], notes: ['#ties-state'],
    async check(page) {
      assert.deepEqual(await page.locator('#tie-stats strong').allTextContents(), [String(oracle.real), String(oracle.online)], 'the real numbers, not zero');
      assert.equal(await page.locator('#tie-list > li').count(), oracle.tieItems);
    } },
];

const text = async (page, sel) => (await page.locator(sel).textContent()).trim();

async function lastKnownKeys(page) {
  return page.evaluate(async () => (await (await caches.open('vb-data-v1')).keys())
    .map((r) => new URL(r.url).pathname).filter((x) => x.startsWith('/__last-known/')).map((x) => decodeURIComponent(x.replace(/^\/__last-known\/\d+\//, ''))));
}

describe('a Wi-Fi without internet counts as offline', () => {
  for (const { width, lang, browserLang } of [
    { width: 375, lang: 'nl', browserLang: 'nl-NL' },
    { width: 1280, lang: 'en', browserLang: 'en-GB' },
  ]) {
    test(`${width} px ${lang}: banner and notes while /api fails with navigator.onLine true; gone when it answers again`, async () => {
      const b = await browser({ width, height: width < 800 ? 812 : 900, lang: browserLang });
      const { page, context } = b;
      await login(page, server.base, ANJA);
      await page.evaluate((l) => localStorage.setItem('vb_lang', l), lang);
      // Online once: the service worker controls the page; each page seen (its copies kept).
      await swReady(page, server.base);
      for (const p of [...PAGES, { path: '/events' }]) await goto(page, server.base + p.path);
      await goto(page, server.base + '/');
      const wanted = PAGES.flatMap((p) => p.keys);
      // Each page's copies are whole in the member-data cache (readable, with a value).
      await page.waitForFunction(async (keys) => {
        const c = await caches.open('vb-data-v1');
        const found = [];
        for (const r of await c.keys()) {
          const p = decodeURIComponent(new URL(r.url).pathname);
          if (!p.startsWith('/__last-known/')) continue;
          try { if ('value' in await (await c.match(r)).json()) found.push(p); } catch { /* not whole */ }
        }
        return keys.every((k) => found.some((x) => x.endsWith('/' + k)));
      }, wanted, { timeout: 15000 });
      assert.equal(await page.locator('#offline-banner').count(), 0, 'no banner online');
      assert.equal(await page.locator('.last-known').count(), 0, 'no note while everything is fresh');

      // The Wi-Fi without internet: every API request fails, the page's and the service worker's.
      const abort = (route) => route.abort('internetdisconnected');
      await context.route('**/api/**', abort);
      const re = staleRe(s, lang);
      try {
        // The home and the events list come from the service worker's copies: marked as such.
        for (const [path, note] of [['/', '#ties-state'], ['/events', '#events-state']]) {
          await goto(page, server.base + path);
          assert.equal(await page.evaluate(() => navigator.onLine), true, 'the browser still says online');
          await page.locator('#offline-banner').waitFor();
          assert.equal(await text(page, '#offline-banner'), s[lang]['pwa.offline']);
          assert.match(await text(page, note), re, `${path} ${note}`);
        }
        assert.ok(await page.locator('#event-list li').count() > 0, 'the last known events');

        // A list never seen online: "not available offline", never "no questions".
        await goto(page, server.base + '/questions?status=solved');
        await page.locator('#offline-banner').waitFor();
        assert.equal(await text(page, '#questions-state'), s[lang]['lastknown.offline.none']);
        const main = await page.locator('main').textContent();
        for (const l of ['nl', 'en']) assert.ok(!main.includes(s[l]['questions.none']), `no "${s[l]['questions.none']}"`);

        for (const p of PAGES) {
          await goto(page, server.base + p.path);
          await page.locator('#offline-banner').waitFor();
          assert.equal(await text(page, '#offline-banner'), s[lang]['pwa.offline'], p.path);
          for (const n of p.notes) assert.match(await text(page, n), re, `${p.path} ${n}`);
          await p.check(page);
          assert.deepEqual(await axeViolations(page), [], `axe on ${p.path} offline (${lang})`);
          assert.ok(await scrollWidth(page) <= width, `${p.path} fits`);
          await screenshot(page, `offline-wifi${p.path.replace('/', '-')}-${width}-${lang}`);
        }
      } finally {
        await context.unroute('**/api/**', abort);
      }
      // The requests get through again: the banner goes, and the page (ties, the last
      // one) is drawn again fresh, without the member doing anything.
      await page.locator('#offline-banner').waitFor({ state: 'detached', timeout: 30000 });
      await page.waitForFunction(() => !document.querySelector('main .last-known') && !document.querySelector('main[aria-busy]'), null, { timeout: 30000 });
      await settle(page);
      assert.equal(new URL(page.url()).pathname, '/ties');
      await PAGES.find((p) => p.path === '/ties').check(page);
      await goto(page, server.base + '/questions');
      assert.equal(await page.locator('#offline-banner').count(), 0);
      assert.equal(await page.locator('.last-known').count(), 0);
      assert.deepEqual(b.problems.filter((x) => x.startsWith('pageerror')), []);

      // Signing out leaves no copy on this phone.
      assert.ok((await lastKnownKeys(page)).length > 0);
      await page.evaluate(async () => {
        const csrf = document.cookie.split('; ').find((c) => c.startsWith('vb_csrf='))?.split('=')[1] ?? '';
        await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': decodeURIComponent(csrf) } });
      });
      assert.deepEqual(await lastKnownKeys(page), []);
    });
  }
});

// A Wi-Fi that takes requests but never answers: a request without an answer
// in time (api.ts GET_TIMEOUT_MS, 15 s) counts as offline too.
test('375 px nl: a request that never gets an answer counts as offline', async () => {
  const b = await browser({ width: 375, height: 812, lang: 'nl-NL' });
  const { page, context } = b;
  await login(page, server.base, ANJA);
  await page.evaluate(() => localStorage.setItem('vb_lang', 'nl'));
  await swReady(page, server.base);
  await goto(page, server.base + '/visits');
  await page.waitForFunction(async () => (await (await caches.open('vb-data-v1')).keys()).some((r) => r.url.endsWith('/visits:mine')));
  const pending = [];
  const hang = (route) => { pending.push(route); };   // never answered
  await context.route('**/api/v1/visits', hang);
  try {
    await page.goto(server.base + '/visits');
    await page.waitForFunction(() => !document.querySelector('main')?.hasAttribute('aria-busy'), null, { timeout: 40000 });
    assert.equal(await page.evaluate(() => navigator.onLine), true);
    assert.match(await text(page, '#visits-state'), staleRe(s, 'nl'));
    assert.equal(await page.locator('#visits > li').count(), oracle.visits);
    await page.locator('#offline-banner').waitFor();
    assert.equal(await text(page, '#offline-banner'), s.nl['pwa.offline']);
  } finally {
    await context.unroute('**/api/v1/visits', hang);
    for (const r of pending) await r.abort().catch(() => {});
  }
  // The next answer (the probe, or the member's next page) takes the banner away.
  await page.locator('#offline-banner').waitFor({ state: 'detached', timeout: 30000 });
  assert.deepEqual(b.problems.filter((x) => x.startsWith('pageerror')), []);
});
