// Browser tests of the leader's desk (issue #17, point 5) in a real chromium
// against a real `verbinder serve` on a fresh demo database, at 375 px in Dutch
// and 1280 px in English, each page checked with axe:
// - the menu: seven entries at the top, grouped (My network, Events, Network
//   insight, Newsletter & articles, Settings), a group opens and closes;
// - the members table: search and filters (sector, role, visibility, last
//   active) give what the API and the database give, row actions in one menu,
//   e-mail addresses never broken inside a word; the mail state with a link;
// - the map's member panel: readable values and plain-language explanations,
//   no jargon;
// - the health charts: labels never cut;
// - the newsletter editor: introduction in two languages, articles chosen and
//   reordered, saved in that order and shown in the preview.
// Screenshots of the members page go to docs/screenshots/ (what a newcomer sees)
// when VERBINDER_DOCS_SCREENSHOTS=1; a plain test run leaves the source tree as it is.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/leader-nav.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import {
  LEADER, apiSession, axeViolations, goto, login, perFile, screenshot, scrollWidth, settle, splitWords,
} from './harness.mjs';

const DOCS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
let leaderApi;
const { server, browser, ready } = perFile();

before(async () => {
  await ready();
  leaderApi = await apiSession(server.base, LEADER);
});

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}
function sqlNumber(sql) {
  const r = spawnSync('sqlite3', [server.db, sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('sqlite3: ' + r.stderr);
  return Number(r.stdout.trim());
}
// Puts the page in `lang` with the header's switch (the leader's profile says Dutch).
async function useLanguage(page, lang) {
  if (await page.evaluate(() => document.documentElement.lang) !== lang) {
    await page.locator('button.lang').click();
    await settle(page);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
}
async function docsScreenshot(page, name) {
  await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement?.blur(); });
  const file = await screenshot(page, name);
  if (process.env.VERBINDER_DOCS_SCREENSHOTS !== '1') return;
  fs.mkdirSync(DOCS, { recursive: true });
  fs.copyFileSync(file, path.join(DOCS, name + '.png'));
}

// The health page's fading members: as the API lists them, every column
// inside its box (no sideways scrolling), no word broken across lines
// ("Industr / y"); `display` tells a table ('table-row') from the phone's list ('block').
async function fadingTable(page, display, shot) {
  const hl = await leaderApi.call('GET', '/api/v1/network/health?fading_days=180');
  assert.ok(hl.fading.length > 5, 'the demo has fading members');
  const rows = page.locator('#lh-fading tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), Math.min(20, hl.fading.length));
  assert.deepEqual(await rows.locator('td.name').allTextContents(), hl.fading.slice(0, 20).map((m) => m.name));
  assert.equal(await rows.first().evaluate((tr) => getComputedStyle(tr).display), display);
  const wrap = await page.locator('.fading-wrap').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(wrap.scroll <= wrap.client, `the table fits its box (${wrap.scroll} > ${wrap.client})`);
  assert.ok(await page.locator('#lh-fading td').count() > 20);
  assert.deepEqual(await splitWords(page, '#lh-fading th, #lh-fading td'), []);
  await page.locator('#lh-fading').scrollIntoViewIfNeeded();
  await screenshot(page, shot);
}

describe('the leader at 1280 px in English', () => {
  let b;
  before(async () => {
    b = await browser({ width: 1280, height: 900, lang: 'en-GB' });
    await login(b.page, server.base, LEADER);
    await useLanguage(b.page, 'en');
  });

  test('the menu has seven entries at the top, grouped; a group opens, Escape closes it', async () => {
    const { page } = b;
    const top = page.locator('#nav > ul > li');
    assert.equal(await top.count(), 7);
    const names = await top.evaluateAll((lis) => lis.map((li) => (li.querySelector(':scope > a, :scope > button') ?? li).textContent.trim()));
    assert.deepEqual(names.map((n) => n.replace(/\s*\d+ unread$/, '')),
      ['Home', 'My network', 'Events', 'Network insight', 'Newsletter & articles', 'Notifications', 'Settings']);
    const insight = page.getByRole('button', { name: 'Network insight' });
    const map = page.locator('#nav a[href="/leader/map"]');
    assert.equal(await map.isVisible(), false, 'closed groups hide their links');
    await insight.click();
    assert.equal(await insight.getAttribute('aria-expanded'), 'true');
    for (const href of ['/leader/map', '/leader/health', '/leader/weave']) assert.equal(await page.locator(`#nav a[href="${href}"]`).isVisible(), true);
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    assert.equal(await insight.getAttribute('aria-expanded'), 'false');
    assert.equal(await map.isVisible(), false);
    // Opening one group closes the other; a link in it navigates.
    await page.getByRole('button', { name: 'Settings' }).click();
    assert.equal(await page.getByRole('button', { name: 'Log out' }).isVisible(), true);
    await page.getByRole('button', { name: 'My network' }).click();
    assert.equal(await page.getByRole('button', { name: 'Log out' }).isVisible(), false);
    await page.locator('#nav a[href="/leader/members"]').click();
    await page.waitForURL(/\/leader\/members$/);
    await settle(page);
    assert.equal(await page.locator('.nav-group-btn.here').textContent(), 'My network', 'the group of the current page is marked');
    noProblems(b);
  });

  test('the members table: filters give what the database gives, actions in one menu, addresses whole', async () => {
    const { page } = b;
    await goto(page, server.base + '/leader/members');
    // Mail is not set up in the demo: the page says so, with what waits, and links to the settings.
    const waiting = sqlNumber("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')");
    assert.ok(waiting > 0);
    assert.match(await page.locator('#mail-state').textContent(), new RegExp(`Mail is not set up\\. Waiting in the outbox: ${waiting} e-mails\\.`));
    assert.equal(await page.locator('#mail-state a').getAttribute('href'), '/leader/settings');
    const visible = sqlNumber("SELECT count(*) FROM members WHERE visibility <> 'hidden'");
    assert.match(await page.locator('#lm-count').textContent(), new RegExp(`^${visible.toLocaleString('en-GB')} members`));
    // No delete button in any row; one menu button per row.
    assert.equal(await page.locator('#lm-list tbody button.btn-danger, #lm-list tbody .danger:visible').count(), 0);
    const rows = await page.locator('#lm-list tbody tr').count();
    assert.equal(await page.locator('#lm-list tbody .row-menu > button').count(), rows);
    // Role: organisers only, as the database says.
    await page.locator('#lm-role').selectOption('organizer');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/role=organizer/);
    await settle(page);
    const organizers = sqlNumber("SELECT count(*) FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.role = 'organizer' AND m.visibility <> 'hidden'");
    assert.equal(await page.locator('#lm-list tbody tr').count(), organizers);
    assert.ok(await page.locator('#lm-list tbody td', { hasText: /^Organiser$/ }).count() === organizers);
    // Sector and last activity together: never active members in care.
    await goto(page, server.base + '/leader/members?sector=care&active=30d');
    const since = Math.floor(Date.now() / 1000) - 30 * 86400;
    const careActive = sqlNumber(`SELECT count(*) FROM members m WHERE m.sector = 'care' AND m.visibility <> 'hidden' AND (
      EXISTS (SELECT 1 FROM sessions s WHERE s.member_id = m.id AND s.created_at >= ${since}) OR
      EXISTS (SELECT 1 FROM interactions i WHERE (i.a = m.id OR i.b = m.id) AND i.at >= ${since}))`);
    assert.match(await page.locator('#lm-count').textContent(), new RegExp(`^${careActive} member`));
    assert.equal(await page.locator('#lm-sector').inputValue(), 'care', 'the filters show what is applied');
    // Visibility: members visible to organisers only.
    await goto(page, server.base + '/leader/members?visibility=organizers');
    const orgOnly = sqlNumber("SELECT count(*) FROM members WHERE visibility = 'organizers'");
    assert.match(await page.locator('#lm-count').textContent(), new RegExp(`^${orgOnly} member`));
    // Search by part of an address.
    await goto(page, server.base + '/leader/members?q=noaberzorg');
    const noaber = sqlNumber("SELECT count(*) FROM members WHERE email LIKE '%noaberzorg%' AND visibility <> 'hidden'");
    assert.equal(await page.locator('#lm-list tbody tr').count(), noaber);
    // The row menu: profile, map, e-mail, delete.
    await goto(page, server.base + '/leader/members');
    const row = page.locator(`#lm-list tbody tr:not([data-member="${leaderApi.memberId}"])`).first();
    const id = await row.getAttribute('data-member');
    await row.locator('.row-menu > button').click();
    const menu = row.locator('.row-menu-list');
    assert.equal(await menu.isVisible(), true);
    assert.deepEqual(await menu.locator('a, button').evaluateAll((xs) => xs.map((x) => x.getAttribute('href') ?? x.className)),
      [`/members/${id}`, `/leader/map?member=${id}`, await menu.locator('a[href^="mailto:"]').getAttribute('href'), 'danger']);
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    assert.equal(await menu.isVisible(), false);
    // Addresses are never broken inside a part (between "@" and dots), and no part sticks out of its cell.
    const broken = await page.locator('#lm-list td.email .email-part').evaluateAll((parts) => parts
      .filter((el) => el.getClientRects().length !== 1
        || el.getBoundingClientRect().right > el.closest('td').getBoundingClientRect().right + 1).map((el) => el.textContent));
    assert.deepEqual(broken, []);
    assert.ok(await page.locator('#lm-list td.email .email-part').count() > 100);
    // One-word cells (role, sector) are never split ("Mem / ber").
    const split = await page.locator('#lm-list td[data-label="Role"], #lm-list td[data-label="Sector"]').evaluateAll((tds) => tds
      .filter((td) => !/\s/.test(td.textContent.trim())).filter((td) => {
        const r = document.createRange();
        r.selectNodeContents(td);
        return r.getClientRects().length > 1;
      }).map((td) => td.textContent));
    assert.deepEqual(split, []);
    await docsScreenshot(page, 'leader-members-1280-en');
    noProblems(b);
  });

  test('the map panel: readable values, each measure explained in plain words', async () => {
    const { page } = b;
    const map = await leaderApi.call('GET', '/api/v1/network/map?compact=true');
    const hub = [...map.nodes].sort((x, y) => y.brokerage - x.brokerage)[0];
    await goto(page, server.base + `/leader/map?member=${hub.id}`);
    await page.waitForFunction((id) => document.querySelector('#lm-panel h2')?.getAttribute('data-member') === id, String(hub.id), { timeout: 30000 });
    const panel = page.locator('#lm-panel');
    const text = await panel.textContent();
    for (const jargon of ['k-core', 'Constraint', 'Burt', 'Betweenness', 'Effective size']) assert.ok(!text.includes(jargon), jargon);
    for (const name of ['Bridge', 'Go-between (structural hole)', 'Core', 'Broker']) assert.ok(text.includes(name), name);
    assert.match(text, /if .+ drops out, those groups drift apart/);
    assert.match(text, /stands between people who do not know each other/);
    // Values are not squeezed to a character per line: each value and name is at least 8 em wide.
    const widths = await panel.locator('dl.metrics dt, dl.metrics dd').evaluateAll((xs) => xs.map((x) => x.getBoundingClientRect().width));
    assert.ok(widths.length > 10 && widths.every((w) => w > 120), JSON.stringify(widths));
    const pos = await leaderApi.call('GET', `/api/v1/network/members/${hub.id}`);
    assert.equal(await panel.locator('[data-metric=kern] .metric-value').textContent(),
      `in a group where everyone has at least ${pos.core.toLocaleString('en-GB')} ties inside the group`);
    assert.equal(await panel.locator('[data-metric=bridge] .metric-value').textContent(),
      `higher than ${Math.round(pos.betweenness_percentile * 100)}% of members`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-map-panel-1280-en');
    noProblems(b);
  });

  test('the health charts: no label is cut', async () => {
    const { page } = b;
    await goto(page, server.base + '/leader/health');
    await page.locator('svg.chart-svg').first().waitFor();
    const labels = await page.locator('svg.chart-svg text').allTextContents();
    assert.ok(labels.length > 10);
    assert.deepEqual(labels.filter((x) => x.includes('…')), []);
    // The month labels under the trend are whole ("16 April 2026" style dates or month names with the year).
    const ticks = await page.locator('svg.chart-svg text.chart-tick').allTextContents();
    assert.ok(ticks.some((x) => /\d{4}/.test(x)), ticks.join(' | '));
    await fadingTable(page, 'table-row', 'leader-health-fading-1280-en');
    assert.deepEqual(await axeViolations(page), []);
    noProblems(b);
  });

  test('the newsletter editor: introduction in two languages, articles chosen and ordered, saved and previewed', async () => {
    const { page } = b;
    const month = '2026-12';
    const before = await leaderApi.call('GET', `/api/v1/newsletter/issues/${month}/edition`);
    assert.equal(before.saved, false);
    assert.ok(before.candidates.articles.length >= 3);
    await goto(page, server.base + `/leader/newsletter?month=${month}`);
    assert.match(await page.locator('#mail-state').textContent(), /Mail is not set up/);
    await page.getByLabel('Introduction in Dutch (Markdown)').fill('Beste leden, **welkom** bij het decembernummer.');
    await page.getByLabel('Introduction in English (Markdown)').fill('Dear members, **welcome** to the December issue.');
    // Keep the first two chosen articles, swapped; leave the rest out.
    const first = before.articles[0], second = before.articles[1];
    for (const id of before.articles.slice(2)) await page.locator(`#nl-art-${id}`).uncheck();
    const second_title = before.candidates.articles.find((a) => a.id === second).title;
    await page.getByRole('button', { name: `Move ${second_title} up` }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), `nl-art-down-${second}`, 'focus stays on the moved row');
    await page.getByRole('button', { name: 'Save this issue' }).click();
    await page.locator('main .status-near.msg-ok').waitFor();
    assert.match(await page.locator('main .status-near').textContent(), /^Saved\./);
    const saved = await leaderApi.call('GET', `/api/v1/newsletter/issues/${month}/edition`);
    assert.equal(saved.saved, true);
    assert.deepEqual(saved.articles, [second, first]);
    assert.equal(saved.intro_nl, 'Beste leden, **welkom** bij het decembernummer.');
    // The preview (an anonymous reader reads Dutch) opens with the introduction, rendered, and lists the two in order.
    const frame = page.frameLocator('#nl-preview');
    await frame.locator('strong', { hasText: 'welkom' }).waitFor();
    const body = await frame.locator('body').textContent();
    const titles = before.candidates.articles.filter((a) => [first, second].includes(a.id));
    const at = (id) => body.indexOf(titles.find((a) => a.id === id).title);
    assert.ok(at(second) >= 0 && at(second) < at(first), 'the leader\'s order');
    for (const id of before.articles.slice(2)) assert.equal(body.indexOf(before.candidates.articles.find((a) => a.id === id).title), -1);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'newsletter-editor-1280-en');
    noProblems(b);
  });
});

describe('the leader at 375 px in Dutch', () => {
  let b;
  before(async () => {
    b = await browser({ width: 375, height: 812, lang: 'nl-NL' });
    await login(b.page, server.base, LEADER);
    await useLanguage(b.page, 'nl');
  });

  test('the menu shows its groups under their names', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Menu' }).click();
    const labels = await page.locator('#nav .nav-group-label').allTextContents();
    assert.deepEqual(labels, ['Mijn netwerk', 'Bijeenkomsten', 'Netwerkinzicht', 'Nieuwsbrief & artikelen', 'Instellingen']);
    assert.equal(await page.locator('#nav a[href="/leader/map"]').isVisible(), true, 'on a phone every link shows');
    assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).isVisible(), true);
    assert.ok(await scrollWidth(page) <= 375);
    assert.deepEqual(await axeViolations(page), []);
    noProblems(b);
  });

  test('the members page: one card per member, addresses only broken between their parts', async () => {
    const { page } = b;
    await goto(page, server.base + '/leader/members');
    assert.equal(await page.locator('h1').textContent(), 'Leden beheren');
    assert.match(await page.locator('#mail-state').textContent(), /De mail is nog niet ingesteld/);
    assert.ok(await scrollWidth(page) <= 375, 'no sideways scrolling');
    // Each part of an address (split at "@" and dots) stays on one line.
    const broken = await page.locator('#lm-list td.email .email-part').evaluateAll((parts) => parts
      .filter((el) => el.getClientRects().length !== 1
        || el.getBoundingClientRect().right > el.closest('tr').getBoundingClientRect().right + 1).map((el) => el.textContent));
    assert.ok(await page.locator('#lm-list td.email .email-part').count() > 100);
    assert.deepEqual(broken, []);
    const row = page.locator(`#lm-list tbody tr:not([data-member="${leaderApi.memberId}"])`).first();
    await row.getByRole('button', { name: /^Acties voor / }).click();
    assert.equal(await row.locator('.row-menu-list').isVisible(), true);
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    await docsScreenshot(page, 'leader-members-375-nl');
    noProblems(b);
  });

  test('the health page: fading members as a list, no word broken', async () => {
    const { page } = b;
    await goto(page, server.base + '/leader/health');
    await fadingTable(page, 'block', 'leader-health-fading-375-nl');
    // Each value keeps its heading in the list.
    assert.match(await page.locator('#lh-fading tbody tr').first().locator('td.num').evaluate((td) => getComputedStyle(td, '::before').content), /Dagen zonder contact: /);
    assert.ok(await scrollWidth(page) <= 375);
    assert.deepEqual(await axeViolations(page), []);
    noProblems(b);
  });

  test('the map panel and the newsletter editor fit and pass axe', async () => {
    const { page } = b;
    const map = await leaderApi.call('GET', '/api/v1/network/map?compact=true');
    const someone = map.nodes[0];
    await goto(page, server.base + `/leader/map?member=${someone.id}`);
    await page.waitForFunction((id) => document.querySelector('#lm-panel h2')?.getAttribute('data-member') === id, String(someone.id), { timeout: 30000 });
    const text = await page.locator('#lm-panel').textContent();
    for (const name of ['Brugfunctie', 'Tussenpositie', 'Kern', 'Makelaar']) assert.ok(text.includes(name), name);
    for (const jargon of ['k-kern', 'Burt', 'betweenness']) assert.ok(!text.includes(jargon), jargon);
    assert.ok(await scrollWidth(page) <= 375);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-map-panel-375-nl');
    await goto(page, server.base + '/leader/newsletter?month=2026-12');
    assert.equal(await page.locator('#h-edit').textContent(), 'Stel dit nummer samen');
    assert.ok(await scrollWidth(page) <= 375);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'newsletter-editor-375-nl');
    await goto(page, server.base + '/leader/settings');
    assert.match(await page.locator('#mail-state').textContent(), /De mail is nog niet ingesteld/);
    assert.match(await page.locator('main').textContent(), /mail\.smtp_url/);
    assert.ok(await scrollWidth(page) <= 375);
    assert.deepEqual(await axeViolations(page), []);
    noProblems(b);
  });
});
