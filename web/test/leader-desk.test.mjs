// Browser tests of the leader at the desk, in a real chromium against a real
// `verbinder serve` on a fresh demo database:
// - deleting a member from the leader's members page: a confirmation naming the
//   member and saying what goes; after it the list, the directory and search no
//   longer show them, and their ledger entries and registrations are gone;
// - the trend on the network's health page: the months, values and table as
//   the API reports them, checked against the SQLite database directly.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/leader-desk.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import {
  ANJA, LEADER, apiSession, axeViolations, goto, login, perFile, screenshot, scrollWidth, settle,
} from './harness.mjs';

let leaderApi;
let anjaApi;
const { server, browser, ready } = perFile();

before(async () => {
  await ready();
  leaderApi = await apiSession(server.base, LEADER);
  anjaApi = await apiSession(server.base, ANJA);
});

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}

// One number from the server's SQLite database.
function sqlNumber(sql) {
  const r = spawnSync('sqlite3', [server.db, sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('sqlite3: ' + r.stderr);
  return Number(r.stdout.trim());
}

async function switchLanguage(page) {
  await page.locator('button.lang').click();
  await settle(page);
}

describe('the leader at the desk', () => {
  test('deletes a member: confirmation names them and says what goes; gone from the list, directory and search', async () => {
    const b = await browser({ width: 1280, height: 900, lang: 'nl-NL' });
    const { page } = b;
    await login(page, server.base, LEADER);
    // A member with ledger entries and registrations, visible in the directory.
    const all = await leaderApi.call('GET', '/api/v1/members?limit=100');
    const victim = all.items.find((m) => m.id !== leaderApi.memberId && m.id !== anjaApi.memberId && m.visibility === 'members' &&
      sqlNumber(`SELECT count(*) FROM interactions WHERE a = ${m.id} OR b = ${m.id}`) > 0 &&
      sqlNumber(`SELECT count(*) FROM registrations WHERE member_id = ${m.id}`) > 0);
    assert.ok(victim, 'the demo has a member with ledger entries and registrations');
    const surname = victim.name.split(' ').slice(-1)[0];
    const found = await anjaApi.call('GET', `/api/v1/members?q=${encodeURIComponent(surname)}`);
    assert.ok(found.items.some((m) => m.id === victim.id), 'found by search before');

    await goto(page, server.base + `/leader/members?q=${encodeURIComponent(surname)}`);
    const countBefore = Number((await page.locator('#lm-list .count').textContent()).match(/\d+/)?.[0] ?? 1);
    // The row's actions are in one menu (issue #17): no delete button in every row.
    const menu = page.getByRole('button', { name: `Acties voor ${victim.name}` });
    const del = page.getByRole('button', { name: `${victim.name} verwijderen` });
    assert.equal(await menu.count(), 1);
    assert.equal(await del.isVisible(), false, 'delete hides in the menu');
    assert.equal(await page.locator(`button[data-member="${leaderApi.memberId}"]`).count(), 0, 'no delete button for myself');
    await menu.click();
    await del.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal(await dialog.locator('h2').textContent(), `${victim.name} verwijderen?`);
    const text = await dialog.locator('p').textContent();
    assert.match(text, new RegExp(`account en het profiel van ${victim.name}`));
    assert.match(text, /contactmomenten/);
    assert.match(text, /aanmeldingen voor bijeenkomsten worden geannuleerd/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-members-delete-1280-nl');
    // Cancel keeps the member.
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.equal(await anjaApi.call('GET', `/api/v1/members/${victim.id}`).then((m) => m.id), victim.id);

    await menu.click();
    await del.click();
    await page.getByRole('button', { name: `Ja, verwijder ${victim.name}` }).click();
    await page.locator('main .status-near').getByText(`${victim.name} is verwijderd.`).waitFor();
    assert.equal(await page.getByRole('button', { name: `${victim.name} verwijderen` }).count(), 0, 'gone from the list');
    assert.equal(await page.locator('#lm-list tbody a', { hasText: victim.name }).count(), 0);
    assert.match(await page.locator('#lm-list .count').textContent(), new RegExp(`^${countBefore - 1} `));
    const del1 = b.changes.find((c) => c.method === 'DELETE');
    assert.ok(del1 && del1.csrf, 'the DELETE carried the CSRF token');

    // Gone from the directory and search (API and page), their ledger entries and registrations too.
    const afterSearch = await anjaApi.call('GET', `/api/v1/members?q=${encodeURIComponent(surname)}`);
    assert.ok(!afterSearch.items.some((m) => m.id === victim.id));
    await assert.rejects(anjaApi.call('GET', `/api/v1/members/${victim.id}`), /404/);
    assert.equal(sqlNumber(`SELECT count(*) FROM interactions WHERE a = ${victim.id} OR b = ${victim.id}`), 0);
    assert.equal(sqlNumber(`SELECT count(*) FROM registrations WHERE member_id = ${victim.id}`), 0);
    await goto(page, server.base + `/members?q=${encodeURIComponent(victim.name)}`);
    assert.equal(await page.locator('main').getByText(victim.name).count(), 0, 'not in the directory search');
    noProblems(b);
  });

  test('the members page with its row menus works at 375 px in English', async () => {
    const b = await browser({ width: 375, height: 812, lang: 'en-GB' });
    const { page } = b;
    await login(page, server.base, LEADER);
    await goto(page, server.base + '/leader/members');
    if (await page.locator('h1').textContent() !== 'Manage members') await switchLanguage(page);
    assert.equal(await page.locator('h1').textContent(), 'Manage members');
    await page.locator(`#lm-list tbody tr:not([data-member="${leaderApi.memberId}"]) .row-menu > button`).first().click();
    await page.locator('.row-menu-list:not([hidden]) button.danger').click();
    await page.getByRole('dialog').waitFor();
    assert.match(await page.getByRole('dialog').locator('h2').textContent(), /^Delete .+\?$/);
    assert.match(await page.getByRole('dialog').locator('p').textContent(), /event registrations are cancelled/);
    assert.ok(await scrollWidth(page) <= 375, 'no sideways scrolling');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-members-delete-375-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    noProblems(b);
  });

  test('the health page shows the trend per month as the API and the database say', async () => {
    const b = await browser({ width: 1280, height: 900, lang: 'nl-NL' });
    const { page } = b;
    await login(page, server.base, LEADER);
    const trend = await leaderApi.call('GET', '/api/v1/network/health/trend?months=12');
    assert.equal(trend.months.length, 12);
    // Active members per month, independently from the database (visible members only).
    const visible = "(SELECT id FROM members WHERE visibility <> 'hidden')";
    for (const m of trend.months) {
      const active = sqlNumber(`SELECT count(DISTINCT x) FROM (SELECT a AS x, b AS y, at FROM interactions UNION ALL
        SELECT b, a, at FROM interactions) WHERE at >= ${m.starts_at} AND at < ${m.ends_at}
        AND x IN ${visible} AND y IN ${visible}`);
      assert.equal(m.active_members, active, m.month);
    }
    assert.ok(trend.months.some((m) => m.active_members > 0), 'the demo ledger falls in the last year');
    const last = trend.months[11];
    const ties = sqlNumber(`SELECT count(*) FROM (SELECT DISTINCT a, b FROM interactions WHERE at < ${last.ends_at}
      AND a IN ${visible} AND b IN ${visible})`);
    assert.equal(last.ties, ties);

    await goto(page, server.base + '/leader/health');
    const section = page.locator('[data-testid=trend]');
    assert.equal(await section.locator('h2').textContent(), 'Verloop over de laatste 12 maanden');
    const charts = section.locator('figure.chart');
    assert.equal(await charts.count(), 2);
    for (let i = 0; i < 2; i++) {
      assert.equal(await charts.nth(i).locator('svg[role=img] desc').count(), 1);
      assert.equal(await charts.nth(i).locator('details table').count(), 1);
    }
    const withTies = trend.months.filter((m) => m.ties > 0);
    const shares = charts.filter({ hasText: 'Echte verbindingen en verbindingen tussen sectoren' });
    assert.equal(await shares.locator('svg circle').count(), withTies.length * 2);
    assert.equal(await shares.locator('details tbody tr').count(), withTies.length);
    const pct = (x) => (Math.round(x * 1000) / 10).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const lastRow = shares.locator('details tbody tr').last().locator('td');
    assert.equal(await lastRow.nth(0).textContent(), pct(withTies[withTies.length - 1].real_tie_share));
    assert.equal(await lastRow.nth(1).textContent(), pct(withTies[withTies.length - 1].cross_sector_share));
    const active = charts.filter({ hasText: 'Actieve leden per maand' });
    const rows = active.locator('details tbody tr');
    assert.equal(await rows.count(), 12);
    for (let i = 0; i < 12; i++)
      assert.equal(await rows.nth(i).locator('td').textContent(), trend.months[i].active_members.toLocaleString('nl-NL'));
    assert.match(await active.locator('svg desc').textContent(), /actieve leden/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-health-trend-1280-nl');
    await switchLanguage(page);
    assert.equal(await page.locator('[data-testid=trend] h2').textContent(), 'Trend over the last 12 months');
    assert.equal(await page.locator('[data-testid=trend] figure.chart').filter({ hasText: 'Active members per month' }).count(), 1);
    await page.setViewportSize({ width: 375, height: 812 });
    assert.ok(await scrollWidth(page) <= 375, 'no sideways scrolling at 375 px');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-health-trend-375-en');
    noProblems(b);
  });
});
