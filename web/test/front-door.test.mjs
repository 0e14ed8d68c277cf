// Browser tests of the public front door (issue #17, point 7) in a real
// chromium against a real `verbinder serve` on a fresh demo database whose
// site.* settings name the network, at 375 px in Dutch and 1280 px in English,
// each checked with axe:
// - logged out, "/" shows the network's name, description, organiser and logo,
//   its public upcoming events and published articles (as the API lists them)
//   and the newsletter sign-up, which works; no console message at all;
// - a mistyped address is an HTML page saying "not found" (status 404), an
//   unknown API path stays JSON;
// - a leader sees the same page with /?preview=public.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/front-door.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { LEADER, axeViolations, goto, login, newBrowser, perFile, screenshot, scrollWidth, settle } from './harness.mjs';

const { server, browsers, ready } = perFile();
const SITE = {
  'site.name': 'Netwerk Twente',
  'site.description_nl': 'Zorg, industrie en overheid in Twente leren van elkaar.',
  'site.description_en': 'Care, industry and government in Twente learning from each other.',
  'site.organizer': 'Emma Leider',
  'site.logo_url': '/favicon.svg',
};

// A browser that records every console message, also the network errors the
// harness lets pass (a 401 logged by the browser is what issue #17 is about).
async function browser(opts) {
  const b = await newBrowser(opts);
  browsers.push(b);
  b.console = [];
  b.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') b.console.push(`${m.type()}: ${m.text()}`); });
  return b;
}

before(async () => {
  await ready();
  for (const [k, v] of Object.entries(SITE)) {
    const r = spawnSync(process.env.VERBINDER_BINARY, ['settings', 'set', k, v, '--db', server.db], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
});

async function publicLists() {
  const events = await (await fetch(server.base + '/api/v1/events?upcoming=true&limit=5')).json();
  const articles = await (await fetch(server.base + '/api/v1/articles?limit=4')).json();
  return { events: events.items, articles: articles.items };
}

describe('a visitor who is not signed in', () => {
  test('sees the network\'s front door at 375 px in Dutch, without console errors, and subscribes', async () => {
    const b = await browser({ width: 375, height: 812, lang: 'nl-NL' });
    const { page } = b;
    await goto(page, server.base + '/');
    assert.equal(new URL(page.url()).pathname, '/', 'no redirect to the log-in page');
    assert.equal(await page.locator('h1').textContent(), 'Netwerk Twente');
    assert.equal(await page.title(), 'Netwerk Twente · verbinder');
    assert.equal(await page.locator('#front-description').textContent(), SITE['site.description_nl']);
    assert.equal(await page.locator('#front-organizer').textContent(), 'Georganiseerd door Emma Leider');
    assert.equal(await page.locator('.front-hero img').getAttribute('src'), '/favicon.svg');
    const { events, articles } = await publicLists();
    assert.ok(events.length > 0 && articles.length > 0, 'the demo has public events and articles');
    assert.deepEqual(await page.locator('#events h3').allTextContents(), events.map((e) => e.title));
    assert.deepEqual(await page.locator('#articles h3').allTextContents(), articles.map((a) => a.title));
    assert.equal(await page.locator('#events a').first().getAttribute('href'), `/login?next=%2Fevents%2F${events[0].id}`);
    assert.equal(await page.getByRole('link', { name: 'Inloggen', exact: true }).getAttribute('href'), '/login');
    assert.equal(await page.getByRole('link', { name: 'Lid worden', exact: true }).getAttribute('href'), '/signup');
    assert.ok(await scrollWidth(page) <= 375, 'no sideways scrolling');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'front-door-375-nl');
    // The newsletter sign-up on the page itself.
    await page.locator('#nl-email').fill('bezoeker@elders.example');
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/newsletter/subscriptions')),
      page.getByRole('button', { name: 'Aanmelden' }).click()]);
    assert.equal(resp.status(), 202);
    await page.locator('#newsletter .msg-ok').waitFor();
    const r = spawnSync('sqlite3', [server.db, "SELECT status FROM subscribers WHERE email = 'bezoeker@elders.example'"], { encoding: 'utf8' });
    assert.equal(r.stdout.trim(), 'pending');
    assert.deepEqual(b.console, [], 'no console messages (no 401 from /auth/me)');
    assert.deepEqual(b.problems, []);
  });

  test('sees it at 1280 px in English', async () => {
    const b = await browser({ width: 1280, height: 900, lang: 'en-GB' });
    const { page } = b;
    await goto(page, server.base + '/');
    if (await page.evaluate(() => document.documentElement.lang) !== 'en') {
      await page.locator('button.lang').click();
      await settle(page);
    }
    assert.equal(await page.locator('h1').textContent(), 'Netwerk Twente');
    assert.equal(await page.locator('#front-description').textContent(), SITE['site.description_en']);
    assert.equal(await page.locator('#front-organizer').textContent(), 'Run by Emma Leider');
    assert.equal(await page.locator('#front-newsletter').textContent(), 'The monthly newsletter');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'front-door-1280-en');
    assert.deepEqual(b.console, []);
    assert.deepEqual(b.problems, []);
  });

  test('a mistyped address is an HTML page that says so; an unknown API path stays JSON', async () => {
    const b = await browser({ width: 375, height: 812, lang: 'nl-NL' });
    const { page } = b;
    const resp = await page.goto(server.base + '/evenementen/borrel');
    assert.equal(resp.status(), 404);
    assert.match(resp.headers()['content-type'], /^text\/html/);
    await settle(page);
    assert.equal(await page.locator('h1').textContent(), 'Pagina niet gevonden');
    assert.equal(await page.locator('main a[href="/"]').count(), 1);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'not-found-375-nl');
    // The only console message: the browser's own line about the page's 404 status.
    assert.ok(b.console.every((m) => /status of 404/.test(m)), b.console.join('\n'));
    const api = await fetch(server.base + '/api/v1/evenementen');
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type'), /^application\/json/);
    const post = await fetch(server.base + '/evenementen', { method: 'POST' });
    assert.equal(post.status, 404);
    assert.match(post.headers.get('content-type'), /^application\/json/, 'only a GET gets the page');
  });
});

describe('a leader', () => {
  test('previews the front door while signed in', async () => {
    const b = await browser({ width: 1280, height: 900, lang: 'nl-NL' });
    const { page } = b;
    await login(page, server.base, LEADER);
    await goto(page, server.base + '/?preview=public');
    assert.equal(await page.locator('h1').textContent(), 'Netwerk Twente');
    await goto(page, server.base + '/');
    assert.notEqual(await page.locator('h1').textContent(), 'Netwerk Twente', 'without ?preview the leader\'s own home');
    assert.deepEqual(b.problems, []);
  });
});
