// Browser test: the member's home (and the events and schedule pages) rendered
// again while the phone is offline — after a language switch, a reload from the
// service worker's copy of the app, or a navigation — shows each section's last
// known data marked "Offline: bijgewerkt om HH:MM" (web/src/last-known.ts), or
// says the part is not available offline; never "0 echte verbindingen" or
// "Er wacht nu niets op je" that is not true. 375 px Dutch and 1280 px English;
// the expected sentences come from the strings tables and the numbers from the
// API (the oracle), axe on each state. Screenshots: offline-sections-*.png.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/offline-sections.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  ANJA, LEADER, PIETER, apiSession, axeViolations, goto, login, perFile, screenshot, scrollWidth, settle, staleRe, stringTables, swReady,
} from './harness.mjs';

let s, a, congress, drinks, meetingReq, ties, pieterCode;
const { server, browser, ready } = perFile();

before(async () => {
  await ready();
  s = await stringTables(['core', 'member']);   // the strings files this test words from
  // The oracle's sentences themselves: Dutch and English, not the same.
  assert.equal(s.nl['lastknown.offline.none'], 'Offline niet beschikbaar: hiervoor is verbinding nodig.');
  assert.notEqual(s.en['lastknown.offline.none'], s.nl['lastknown.offline.none']);
  a = await apiSession(server.base, ANJA);
  const p = await apiSession(server.base, PIETER);
  const l = await apiSession(server.base, LEADER);
  const evs = await a.call('GET', '/api/v1/events?upcoming=true&limit=20');
  congress = evs.items.find((e) => e.kind === 'congress');
  // Something waits for Anja: the leader asks her for a meeting at a later borrel, Pieter for a visit.
  drinks = await l.call('POST', '/api/v1/events', {
    title: 'Winterborrel', kind: 'network_drinks', starts_at: congress.starts_at + 10 * 86400, ends_at: congress.starts_at + 10 * 86400 + 3 * 3600, capacity: 0,
  });
  for (const m of [a, l]) await m.call('POST', `/api/v1/events/${drinks.id}/registrations`);
  meetingReq = await l.call('POST', `/api/v1/events/${drinks.id}/meeting-requests`, { to: a.memberId, message: 'Even bijpraten?' });
  pieterCode = (await p.call('GET', '/api/v1/me/connect-code')).code;
  const day = Math.floor(Date.now() / 1000) + 20 * 86400;
  await p.call('POST', '/api/v1/visits', { host_id: a.memberId, reason: 'Zien hoe jullie de wijkteams plannen.', proposed: [day] });
  const total = async (real) => (await a.call('GET', `/api/v1/members/${a.memberId}/ties?real=${real}&limit=1`)).total;
  ties = { real: await total(true), online: await total(false) };
  assert.ok(ties.real > 0, 'Anja has real ties in the demo: a 0 offline would be false');
});

// Online once: the service worker controls the page, keeps both languages'
// strings, and the pages were seen online (their last known copies are kept).
async function prepare(page, paths) {
  await swReady(page, server.base);
  for (const p of paths) await goto(page, server.base + p);
  await goto(page, server.base + '/');
  // The home's copies are in the member-data cache (written after the render).
  await page.waitForFunction(async () => {
    const keys = (await (await caches.open('vb-data-v1')).keys()).map((r) => new URL(r.url).pathname);
    return ['home:ties-real', 'home:pending', 'home:unread', 'home:routed'].every((k) => keys.some((x) => x.startsWith('/__last-known/') && x.endsWith('/' + k)));
  }, null, { timeout: 15000 });
}

async function switchLanguage(page, to) {
  await page.locator('button.lang').click();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
  await settle(page);
}

const text = async (page, sel) => (await page.locator(sel).textContent()).trim();
const tiesText = (lang) => s[lang]['home.ties.text'].replace('{real}', String(ties.real)).replace('{online}', String(ties.online));
// Sentences that would be false while the data is not known.
const falseNothing = (lang) => [s[lang]['home.next.waiting.none'], s[lang]['home.ties.text'].replace('{real}', '0').split(',')[0]];

// The home from last known copies, in `lang`: every section says how old it is.
async function assertHomeFromCopies(page, lang) {
  const re = staleRe(s, lang);
  assert.equal(await text(page, '#ties-count'), tiesText(lang), 'the real numbers, not zero');
  assert.match(await text(page, '#ties-state'), re);
  assert.match(await text(page, '#waiting-state'), re);
  assert.equal(await page.locator(`#waiting-list li[data-next="meeting-${meetingReq.id}"]`).count(), 1, 'the meeting request is still shown');
  assert.equal((await page.locator('#next-event h3').first().textContent()).trim(), congress.title);
  assert.match(await text(page, '#questions-state'), re);
  assert.match(await text(page, '#visits-state'), re);
  if (await page.locator('#people').count() > 0) assert.match(await text(page, '#people-state'), re);
  const main = await page.locator('main').textContent();
  for (const l of ['nl', 'en']) for (const bad of falseNothing(l)) assert.ok(!main.includes(bad), `no "${bad}"`);
}

describe('offline, sections say what they know and since when', () => {
  for (const { width, lang, other, browserLang } of [
    { width: 375, lang: 'nl', other: 'en', browserLang: 'nl-NL' },
    { width: 1280, lang: 'en', other: 'nl', browserLang: 'en-GB' },
  ]) {
    test(`${width} px ${lang}: home, events and schedule offline after a language switch, a reload and without copies`, async () => {
      const b = await browser({ width, height: width < 800 ? 812 : 900, lang: browserLang });
      const { page, context } = b;
      await login(page, server.base, ANJA);
      await page.evaluate((l) => localStorage.setItem('vb_lang', l), lang);
      await prepare(page, ['/events', `/events/${congress.id}`, `/events/${congress.id}/schedule`]);
      // Online: the numbers as the API gives them, no note.
      assert.equal(await text(page, '#ties-count'), tiesText(lang));
      assert.equal(await page.locator('.last-known').count(), 0, 'no note while everything is fresh');

      await context.setOffline(true);
      try {
        await page.locator('#offline-banner').waitFor();
        // 1. The language switched offline: the page is drawn again from the copies.
        await switchLanguage(page, other);
        await assertHomeFromCopies(page, other);
        await switchLanguage(page, lang);
        await assertHomeFromCopies(page, lang);
        assert.deepEqual(await axeViolations(page), [], `axe on the home offline (${lang})`);
        assert.ok(await scrollWidth(page) <= width);
        await screenshot(page, `offline-sections-home-${width}-${lang}`);

        // 2. Opened again from the service worker's copy of the app (no page memory left).
        await page.goto(server.base + '/');
        await settle(page);
        await assertHomeFromCopies(page, lang);

        // 3. The events list and the schedule, navigated to offline.
        await page.locator('nav a[href="/events"]').first().evaluate((el) => el.click());
        await page.waitForURL((u) => u.pathname === '/events');
        await settle(page);
        assert.match(await text(page, '#events-state'), /^Offline/);
        assert.ok(await page.locator(`#event-list a[href="/events/${congress.id}"]`).count() === 1, 'the last known list');
        // The event page: its parts as last known, "Wie sprak je?" said to be unavailable (never left out silently).
        await page.goto(`${server.base}/events/${congress.id}`);
        await settle(page);
        for (const id of ['#meet-state', '#requests-state', '#rounds-state']) assert.match(await text(page, id), staleRe(s, lang), id);
        assert.ok(await page.locator('#suggestions li').count() > 0, 'the last known suggestions');
        assert.equal(await text(page, '#encounters-state'), s[lang]['lastknown.offline.none']);
        assert.deepEqual(await axeViolations(page), [], `axe on the event page offline (${lang})`);
        await screenshot(page, `offline-sections-event-${width}-${lang}`);
        await page.goto(`${server.base}/events/${congress.id}/schedule`);
        await settle(page);
        assert.match(await text(page, '#schedule-state'), /^Offline/);
        const meetings = await page.locator('#schedule li').count();
        assert.ok(meetings > 0, 'the last known schedule');
        // Switched language offline: the server's reasons in the other language are not
        // kept by the service worker; the copy is shown, its reasons marked in their language.
        await switchLanguage(page, other);
        assert.equal(await page.locator('#schedule li').count(), meetings, 'the schedule stays after the switch');
        assert.match(await text(page, '#schedule-state'), /^Offline/);
        if (await page.locator('#schedule .why').count() > 0)
          assert.ok(await page.locator(`#schedule .why span[lang="${lang}"]`).count() > 0, 'reasons marked with their language');
        assert.deepEqual(await axeViolations(page), [], `axe on the schedule offline (${other})`);
        await switchLanguage(page, lang);
        // Pieter's connect code scanned offline: the phone knows only my coming events (none on now),
        // so it cannot tell that I am not registered for one on now: it says it needs a connection.
        await page.goto(`${server.base}/connect/${pieterCode}`);
        await settle(page);
        assert.equal(await text(page, '#connect-state'), s[lang]['lastknown.offline.none']);
        assert.equal(await page.locator('#connect-none').count(), 0, 'not "you are not registered"');

        // 4. No copies on this phone (deleted here): "not available offline", never zero or "nothing".
        await page.evaluate(async () => {
          const c = await caches.open('vb-data-v1');
          for (const r of await c.keys()) if (new URL(r.url).pathname.startsWith('/__last-known/')) await c.delete(r);
        });
        await page.goto(server.base + '/');
        await settle(page);
        assert.equal(await text(page, '#ties-state'), s[lang]['lastknown.offline.none']);
        assert.equal(await page.locator('#ties-count').count(), 0, 'no count when none is known');
        assert.equal(await text(page, '#questions-state'), s[lang]['lastknown.offline.none']);
        assert.equal(await page.locator('#waiting-none').count(), 0, 'not "nothing waits"');
        assert.equal(await text(page, '#waiting-state'), s[lang]['lastknown.offline.none'], 'the waiting section says it is not known');
        const main = await page.locator('main').textContent();
        for (const l of ['nl', 'en']) for (const bad of [...falseNothing(l), s[l]['home.next.questions.none']]) assert.ok(!main.includes(bad), `no "${bad}"`);
        assert.deepEqual(await axeViolations(page), [], `axe on the home offline without copies (${lang})`);
        await screenshot(page, `offline-sections-home-none-${width}-${lang}`);
      } finally {
        await context.setOffline(false);
      }
      // Back online and drawn again: fresh, no notes.
      await goto(page, server.base + '/');
      assert.equal(await text(page, '#ties-count'), tiesText(lang));
      assert.equal(await page.locator('.last-known').count(), 0);
      assert.deepEqual(b.problems.filter((x) => x.startsWith('pageerror')), []);
    });
  }
});
