// Browser tests of the leader's settings and the mail state (issue #17, points
// 5 and 7) in a real chromium against a real `verbinder serve` on a fresh demo
// database, at 375 px in Dutch and 1280 px in English, each page checked with axe:
// - the network's public page (name, organiser, descriptions, logo) is edited on
//   /leader/settings (PUT /api/v1/site): a logo from elsewhere is refused with a
//   sentence in the page's language next to the button (in view, the field
//   marked), nothing is written; a good save is stored (read back from the
//   settings table) and the logged-out front door shows it, in each language;
// - wherever mail is involved (invitations, newsletter) the page says that mail
//   is not set up and how many mails wait, with a link to the settings.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/leader-settings.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { LEADER, axeViolations, goto, inView, login, perFile, screenshot, scrollWidth, settle } from './harness.mjs';

const { server, browser } = perFile();

function sql(q) {
  const r = spawnSync('sqlite3', [server.db, q], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('sqlite3: ' + r.stderr);
  return r.stdout.trim();
}
const siteRows = () => sql("SELECT key || '=' || value FROM settings WHERE key LIKE 'site.%' ORDER BY key");

async function useLanguage(page, lang) {
  if (await page.evaluate(() => document.documentElement.lang) !== lang) {
    await page.locator('button.lang').click();
    await settle(page);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
}
// The status line next to the save button: exactly `text`, in view, focused.
async function statusNear(page, text) {
  await page.waitForFunction((t) => document.querySelector('.status-near')?.textContent.trim() === t, text, { timeout: 10000 })
    .catch(async () => assert.fail(`expected "${text}", got "${await page.locator('.status-near').textContent().catch(() => 'nothing')}"`));
  assert.equal(await inView(page, '.status-near'), true, 'the message is in view');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('status-near')), true, 'focus is on the message');
}
async function checkPage(page, name) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
  const width = await page.evaluate(() => window.innerWidth);
  assert.ok(await scrollWidth(page) <= width, `${name} fits ${width} px`);
  await screenshot(page, name);
}

const CASES = [
  {
    lang: 'nl', width: 375, height: 812, locale: 'nl-NL',
    name: 'Netwerk Twente', organizer: 'Emma Leider', description: 'Zorg en industrie in Twente leren van elkaar.',
    descField: '#site-description_nl', descKey: 'site.description_nl',
    refused: 'Het logo moet een pad op deze server zijn (zoals /logo.svg) of een data:image-adres.',
    saved: 'Opgeslagen. Bezoekers zien de nieuwe tekst nu.', by: 'Georganiseerd door Emma Leider',
    mail: /^De mail is nog niet ingesteld\. In de uitgaande post wachten: \d+ e-mails\.Mailinstellingen$/,
  },
  {
    lang: 'en', width: 1280, height: 900, locale: 'en-GB',
    name: 'Twente Network', organizer: 'Emma Leider (chair)', description: 'Care and industry in Twente learn from each other.',
    descField: '#site-description_en', descKey: 'site.description_en',
    refused: 'The logo must be a path on this server (such as /logo.svg) or a data:image address.',
    saved: 'Saved. Visitors see the new text now.', by: 'Run by Emma Leider (chair)',
    mail: /^Mail is not set up\. Waiting in the outbox: \d+ e-mails\.Mail settings$/,
  },
];

for (const c of CASES) {
  describe(`the leader's settings in ${c.lang === 'nl' ? 'Dutch at 375 px' : 'English at 1280 px'}`, () => {
    let b;
    before(async () => {
      b = await browser({ width: c.width, height: c.height, lang: c.locale });
      await login(b.page, server.base, LEADER);
      await useLanguage(b.page, c.lang);
    });

    test('a logo from elsewhere is refused next to the button, and nothing is written', async () => {
      const { page } = b;
      await goto(page, server.base + '/leader/settings');
      await checkPage(page, `settings-${c.lang}`);
      const before = siteRows();
      await page.locator('#site-name').fill('Mag niet blijven');
      await page.locator('#site-logo_url').fill('https://elders.example/logo.png');
      await page.locator('#site-save').click();
      await statusNear(page, c.refused);
      assert.equal(await page.locator('#site-logo_url').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#site-name').getAttribute('aria-invalid'), null);
      assert.equal(siteRows(), before, 'the settings table is unchanged');
      await checkPage(page, `settings-refused-${c.lang}`);
    });

    test('the public page is saved, stored, and the logged-out front door shows it', async () => {
      const { page } = b;
      await goto(page, server.base + '/leader/settings');
      await page.locator('#site-name').fill(c.name);
      await page.locator('#site-organizer').fill(c.organizer);
      await page.locator(c.descField).fill(c.description);
      await page.locator('#site-logo_url').fill('');
      await page.locator('#site-save').click();
      await statusNear(page, c.saved);
      assert.equal(sql("SELECT value FROM settings WHERE key = 'site.name'"), c.name);
      assert.equal(sql("SELECT value FROM settings WHERE key = 'site.organizer'"), c.organizer);
      assert.equal(sql(`SELECT value FROM settings WHERE key = '${c.descKey}'`), c.description);
      assert.equal(sql("SELECT count(*) FROM settings WHERE key = 'site.logo_url'"), '0', 'empty: the built-in logo');
      // The preview on the page follows.
      assert.equal((await page.locator('#site .front-hero strong').textContent()).trim(), c.name);
      // A visitor, not signed in, in the same language.
      const v = await browser({ width: c.width, height: c.height, lang: c.locale });
      await goto(v.page, server.base + '/');
      await useLanguage(v.page, c.lang);
      assert.equal((await v.page.locator('#front-name').textContent()).trim(), c.name);
      assert.equal((await v.page.locator('#front-description').textContent()).trim(), c.description);
      assert.equal((await v.page.locator('#front-organizer').textContent()).trim(), c.by);
      assert.equal(await v.page.locator('.front-hero img').first().getAttribute('src'), '/favicon.svg');
      assert.deepEqual(v.problems, []);
      // After a reload the form holds what was saved.
      await goto(page, server.base + '/leader/settings');
      assert.equal(await page.locator('#site-name').inputValue(), c.name);
      assert.equal(await page.locator(c.descField).inputValue(), c.description);
      await checkPage(page, `settings-saved-${c.lang}`);
      assert.deepEqual(b.problems, []);
    });

    test('where mail is involved, the page says it is not set up and what waits, with a link', async () => {
      const { page } = b;
      const waiting = Number(sql("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')"));
      const invitations = Number(sql("SELECT count(*) FROM outbox WHERE kind = 'account.invitation' AND status IN ('pending', 'sending')"));
      assert.ok(waiting > 0);
      assert.equal(invitations, 0, 'the demo has no invitations waiting (the line counts e-mails)');
      for (const path of ['/account/invitations', '/leader/newsletter']) {
        await goto(page, server.base + path);
        const line = page.locator('#mail-state');
        assert.match((await line.textContent()).trim(), c.mail, path);
        assert.match((await line.textContent()).trim(), new RegExp(`: ${waiting} e-mails`), `${path}: the outbox's count`);
        assert.equal(await line.locator('a').getAttribute('href'), '/leader/settings');
        await checkPage(page, `mail-state-${c.lang}${path.replace(/\//g, '-')}`);
      }
      assert.deepEqual(b.problems, []);
    });
  });
}
