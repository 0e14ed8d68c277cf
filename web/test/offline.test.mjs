// Browser tests of issue #17 point 8: the installable web app (manifest,
// service worker) keeps the member's own schedule, connect code, check-in code
// and the event's practical information available with the network switched
// off (Chromium, context.setOffline), and a "we spraken elkaar" claim made
// offline (from the other's connect code) waits on the phone and is recorded
// once the connection returns. 375 px Dutch and 1280 px English, axe offline.
// Run: VERBINDER_BINARY=... node --test web/test/offline.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ANJA, LEADER, PIETER, apiSession, axeViolations, goto, login, perFile, screenshot, scrollWidth, settle } from './harness.mjs';

const { server, browser } = perFile();

// Online once: the service worker is installed and controls the page, and the
// pages a member needs at the venue (and their data) have been seen.
async function prepare(page, pages) {
  await goto(page, server.base + '/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null || false, null, { timeout: 15000 }).catch(async () => {
    await page.reload();
    await settle(page);
  });
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
  for (const p of pages) await goto(page, server.base + p);
  await goto(page, server.base + '/');
}

// Page errors only: the browser itself logs every request that fails offline.
function scriptProblems(b) { return b.problems.filter((p) => p.startsWith('pageerror')); }

describe('usable without Wi-Fi at the venue', () => {
  let a, p, congress, borrel;
  before(async () => {
    a = await apiSession(server.base, ANJA);
    p = await apiSession(server.base, PIETER);
    const evs = await a.call('GET', '/api/v1/events?upcoming=true&limit=20');
    congress = evs.items.find((e) => e.kind === 'congress');
    // A borrel on now, both registered: where Anja meets Pieter without Wi-Fi.
    const l = await apiSession(server.base, LEADER);
    const now = Math.floor(Date.now() / 1000);
    borrel = await l.call('POST', '/api/v1/events', { title: 'Borrel zonder wifi', kind: 'network_drinks', starts_at: now - 3600, ends_at: now + 3 * 3600, capacity: 0, location: 'Kelder van De Waag' });
    for (const m of [a, p]) await m.call('POST', `/api/v1/events/${borrel.id}/registrations`);
  });

  test('the app is installable: a manifest and a service worker', async () => {
    const r = await fetch(server.base + '/manifest.webmanifest');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /application\/manifest\+json/);
    const m = await r.json();
    assert.equal(m.start_url, '/');
    assert.equal(m.display, 'standalone');
    assert.ok(m.icons.length > 0);
    const sw = await fetch(server.base + '/sw.js');
    assert.equal(sw.status, 200);
    assert.match(sw.headers.get('content-type'), /javascript/);
  });

  test('375 px nl offline: home with my next event, schedule, check-in and connect code; the schedule and event pages; a claim waits and goes out when back online', async () => {
    const b = await browser();
    const { page, context } = b;
    await login(page, server.base, ANJA);
    await prepare(page, [`/events/${borrel.id}`, `/events/${congress.id}`, `/events/${congress.id}/schedule`]);
    const pieterCode = (await p.call('GET', '/api/v1/me/connect-code')).code;
    const checkin = (await a.call('GET', `/api/v1/events/${borrel.id}/registration`)).checkin_code;

    await context.setOffline(true);
    try {
      await page.goto(server.base + '/');
      await settle(page);
      await page.locator('#offline-banner').waitFor();
      assert.match(await page.locator('#offline-banner').textContent(), /^Je bent offline\./);
      assert.equal((await page.locator('#next-event h3').first().textContent()).trim(), 'Borrel zonder wifi');
      assert.match(await page.locator('#next-event').textContent(), /Kelder van De Waag/);
      assert.equal((await page.locator('#home-checkin code').textContent()).trim(), checkin);
      assert.match((await page.locator('#home-connect-code code').textContent()).trim(), /^[0-9A-Z]{8}$/);
      assert.deepEqual(await axeViolations(page), [], 'axe on the home offline');
      assert.ok(await scrollWidth(page) <= 375);
      await screenshot(page, 'offline-home-375-nl');

      // The congress schedule (Pieter is in it) and the event's practical information.
      await page.goto(`${server.base}/events/${congress.id}/schedule`);
      await settle(page);
      assert.match(await page.locator('#schedule').textContent(), /Pieter Lammerink/);
      await page.goto(`${server.base}/events/${borrel.id}`);
      await settle(page);
      assert.equal((await page.locator('h1').textContent()).trim(), 'Borrel zonder wifi');
      assert.match(await page.locator('.event-facts').textContent(), /Kelder van De Waag/);
      assert.equal((await page.locator('#checkin-code code').textContent()).trim(), checkin);
      await screenshot(page, 'offline-event-375-nl');

      // Pieter's connect code, scanned with the phone's camera: the claim waits on the phone.
      await page.goto(`${server.base}/connect/${pieterCode}`);
      await settle(page);
      await page.getByRole('button', { name: /Borrel zonder wifi/ }).click();
      const queued = page.locator('#connect-events .msg-info');
      await queued.waitFor();
      assert.equal((await queued.textContent()).trim(), 'Bewaard op deze telefoon: zodra je weer verbinding hebt, leggen we vast dat jullie elkaar spraken.');
      const before = await p.call('GET', '/api/v1/encounters/to-confirm');
      assert.equal(before.items.some((e) => e.other.member_id === a.memberId), false, 'nothing reached the server yet');
    } finally {
      await context.setOffline(false);
    }
    // Back online: the queued claim is sent without the member doing anything.
    let arrived = false;
    for (let i = 0; i < 100 && !arrived; i++) {
      const list = await p.call('GET', '/api/v1/encounters/to-confirm');
      arrived = list.items.some((e) => e.other.member_id === a.memberId && e.event_id === borrel.id);
      if (!arrived) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(arrived, 'the claim reached the server once back online');
    await page.waitForFunction(() => /gesprek is vastgelegd/.test(document.querySelector('#toast')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('vb_claims') ?? '[]').length), 0, 'the queue is empty');
    assert.deepEqual(scriptProblems(b), []);
  });

  test('1280 px en offline: the home in English; signing out forgets the member data on the device', async () => {
    const b = await browser({ width: 1280, height: 900, lang: 'en-GB' });
    const { page, context } = b;
    await login(page, server.base, ANJA);
    await page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    await prepare(page, [`/events/${borrel.id}`]);
    // Each language's strings are a chunk of their own (web/src/i18n.ts); the app
    // has the service worker keep the other one too (main.ts registerPwa).
    await page.waitForFunction(async () => {
      const c = await caches.open('vb-shell-v1');
      for (const r of await c.keys()) {
        if (new URL(r.url).pathname.startsWith('/assets/') && (await (await c.match(r)).text()).includes('Je bent offline')) return true;
      }
      return false;
    });
    await context.setOffline(true);
    try {
      await page.goto(server.base + '/');
      await settle(page);
      assert.match(await page.locator('#offline-banner').textContent(), /^You are offline\./);
      assert.equal((await page.locator('#next-event h3').first().textContent()).trim(), 'Borrel zonder wifi');
      assert.deepEqual(await axeViolations(page), [], 'axe on the home offline (en)');
      await screenshot(page, 'offline-home-1280-en');
      // Switching to Dutch offline: its strings come from the service worker's copy.
      await page.locator('button.lang').click();
      await page.waitForFunction(() => document.documentElement.lang === 'nl');
      await settle(page);
      assert.equal((await page.locator('button.lang').textContent()).trim(), 'English');
      assert.equal((await page.locator('#next-event h3').first().textContent()).trim(), 'Borrel zonder wifi');
      await page.locator('button.lang').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await settle(page);
    } finally {
      await context.setOffline(false);
    }
    await page.goto(server.base + '/');
    await settle(page);
    // Signing out (the request goes through the service worker, whatever the menu looks like).
    assert.ok(await page.evaluate(async () => (await (await caches.open('vb-data-v1')).keys()).length) > 0, 'data was kept while signed in');
    await page.evaluate(async () => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('vb_csrf='))?.split('=')[1] ?? '';
      await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': decodeURIComponent(csrf) } });
    });
    const kept = await page.evaluate(async () => {
      const c = await caches.open('vb-data-v1');
      return (await c.keys()).length;
    });
    assert.equal(kept, 0, 'no member data left in the cache after signing out');
    assert.deepEqual(scriptProblems(b), []);
  });
});
