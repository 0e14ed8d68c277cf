// Browser tests of accounts for real people (Debian chromium, real server on a
// fresh demo database): sign up → confirm with the link from the mail outbox →
// log in → fill the profile; forgot password → reset (old sessions end);
// delete the account (gone from the directory); the leader invites people and
// one accepts. At 375 px, in Dutch and English, axe-core on every page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { LEADER, apiSession, axeViolations, goto, linkFromMail, login, perFile, screenshot, scrollWidth, settle } from './harness.mjs';

const { server, browser } = perFile();

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}

async function checkPage(page, name, lang) {
  await settle(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${name}: language`);
  assert.ok(await scrollWidth(page) <= 375, `${name}: no sideways scrolling at 375 px (${await scrollWidth(page)})`);
  assert.deepEqual(await axeViolations(page), [], `${name} (${lang})`);
  await screenshot(page, `account-${name}-375-${lang}`);
}

async function count(base, session, q) {
  const r = await session.call('GET', `/api/v1/members?q=${encodeURIComponent(q)}`);
  return r.total;
}

const PW = 'mijn eigen lange zin';

describe('accounts for real people', () => {
  test('sign up (nl) → confirm via the mailed link → log in → fill the profile', async () => {
    const b = await browser({ lang: 'nl-NL' });
    const { page } = b;
    await goto(page, server.base + '/login');
    await page.getByRole('link', { name: 'Nieuw hier? Meld je aan' }).click();
    await page.waitForURL('**/signup');
    await checkPage(page, 'signup', 'nl');
    await page.locator('#su-name').fill('Sanne <b>Smit</b>');
    await page.locator('#su-email').fill('sanne.smit@metaal.example');
    await page.locator('#su-sector').selectOption('industry');
    await page.locator('#su-organization').fill('Smit Metaal');
    await page.locator('#su-password').fill(PW);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Bijna klaar: we hebben een link gestuurd naar sanne.smit@metaal.example').waitFor();
    await checkPage(page, 'signup-sent', 'nl');
    // Not yet a member: login fails.
    await assert.rejects(apiSession(server.base, 'sanne.smit@metaal.example', PW));

    const link = linkFromMail(server.db, 'sanne.smit@metaal.example', 'account.confirm');
    assert.match(link, /^\/signup\/confirm\?token=[0-9a-f]{64}$/);
    await goto(page, server.base + link);
    await checkPage(page, 'confirm', 'nl');
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await page.getByText('Je e-mailadres is bevestigd').waitFor();
    // The link works once.
    await goto(page, server.base + link);
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze link is al gebruikt' }).waitFor();

    await login(page, server.base, 'sanne.smit@metaal.example', PW);
    await goto(page, server.base + '/profile');
    assert.equal(await page.locator('#p-name').inputValue(), 'Sanne <b>Smit</b>');
    assert.equal(await page.locator('#p-organization').inputValue(), 'Smit Metaal');
    assert.equal(await page.locator('#p-sector').inputValue(), 'industry');
    await page.locator('#p-title').fill('Bedrijfsleider');
    await page.locator('#p-tags').fill('lasrobots, lean');
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await page.getByText('Je profiel is opgeslagen.').first().waitFor();
    const leader = await apiSession(server.base, LEADER);
    assert.equal(await count(server.base, leader, 'lasrobots'), 1);
    // The name is shown as text, never as HTML.
    assert.equal(await page.locator('main b').count(), 0);
    noProblems(b);
  });

  test('forgot password (en) → reset via the mailed link → every old session ends', async () => {
    const email = 'sanne.smit@metaal.example';
    const before = await apiSession(server.base, email, PW);
    const b = await browser({ lang: 'en-GB' });
    const { page } = b;
    await goto(page, server.base + '/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/reset');
    await checkPage(page, 'forgot', 'en');
    await page.locator('#forgot-email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If ${email} belongs to an account, a link is on its way.`).waitFor();
    // The same answer for an address without an account.
    await page.locator('#forgot-email').fill('nobody@nowhere.example');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If nobody@nowhere.example belongs to an account, a link is on its way.').waitFor();
    await checkPage(page, 'forgot-sent', 'en');

    const link = linkFromMail(server.db, email, 'account.password_reset');
    await goto(page, server.base + link);
    await checkPage(page, 'reset', 'en');
    await page.locator('#reset-password').fill('a brand new sentence');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    await assert.rejects(before.call('GET', '/api/v1/auth/me'), /401/);
    await assert.rejects(apiSession(server.base, email, PW), /401/);
    await login(page, server.base, email, 'a brand new sentence');
    assert.equal(new URL(page.url()).pathname, '/');
    noProblems(b);
  });

  test('a member deletes their account (nl): gone from the directory and search', async () => {
    const email = 'sanne.smit@metaal.example';
    const b = await browser({ lang: 'nl-NL' });
    const { page } = b;
    await login(page, server.base, email, 'a brand new sentence');
    const me = await apiSession(server.base, email, 'a brand new sentence');
    const leader = await apiSession(server.base, LEADER);
    assert.equal(await count(server.base, leader, 'lasrobots'), 1);
    await goto(page, server.base + '/profile');
    await page.getByRole('link', { name: 'Mijn account verwijderen' }).click();
    await page.waitForURL('**/account/delete');
    await checkPage(page, 'delete', 'nl');
    await page.locator('#delete-password').fill('not my password');
    await page.locator('#f-delete_confirm').check();
    await page.getByRole('button', { name: 'Mijn account voorgoed verwijderen' }).click();
    // Worded in Dutch from the API's reason (issue #17), never the server's English.
    await page.locator('#delete-form [role=alert]', { hasText: 'Dat is niet je wachtwoord.' }).waitFor();
    assert.equal(await count(server.base, leader, 'lasrobots'), 1, 'a wrong password deletes nothing');
    await page.locator('#delete-password').fill('a brand new sentence');
    await page.getByRole('button', { name: 'Mijn account voorgoed verwijderen' }).click();
    await page.waitForURL('**/account/deleted');
    await page.getByText('Je account is verwijderd').first().waitFor();
    await checkPage(page, 'deleted', 'nl');
    assert.equal(await count(server.base, leader, 'lasrobots'), 0);
    assert.ok(!(await leader.call('GET', '/api/v1/members?q=Smit&limit=500')).items.some((m) => m.email === email));
    await assert.rejects(me.call('GET', '/api/v1/auth/me'), /401/);
    const all = await leader.call('GET', '/api/v1/members?limit=500');
    assert.ok(!all.items.some((m) => m.email === email));
    // The directory in the browser of the leader.
    const lb = await browser({ lang: 'nl-NL' });
    await login(lb.page, server.base, LEADER);
    await goto(lb.page, server.base + '/members?q=lasrobots');
    await lb.page.getByText('Geen leden gevonden').waitFor();
    noProblems(b);
  });

  for (const lang of ['nl', 'en']) {
    test(`the leader invites one person and a list; one accepts (${lang})`, async () => {
      const lb = await browser({ lang: 'nl-NL' });
      const { page } = lb;
      await login(page, server.base, LEADER);
      if (lang === 'en') {
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await settle(page);
      }
      await goto(page, server.base + '/account/invitations');
      await checkPage(page, 'invitations', lang);
      const L = lang === 'nl'
        // Mail is not set up in the demo: the invitations wait in the outbox, and the page says so (never "sent").
        ? { send: 'Uitnodiging versturen', sendList: 'Uitnodigingen versturen', revoke: 'Intrekken',
          sent: (n) => (n === 1 ? '1 uitnodiging gemaakt. De mail is nog niet ingesteld, dus die wacht in de uitgaande post.'
            : `${n} uitnodigingen gemaakt. De mail is nog niet ingesteld, dus ze wachten in de uitgaande post.`),
          waiting: (n) => new RegExp(`^De mail is nog niet ingesteld\\. In de uitgaande post wachten: ${n} uitnodigingen \\+ \\d+ e-mails\\.Mailinstellingen$`) }
        : { send: 'Send invitation', sendList: 'Send invitations', revoke: 'Withdraw',
          sent: (n) => (n === 1 ? '1 invitation made. Mail is not set up yet, so it waits in the outbox.'
            : `${n} invitations made. Mail is not set up yet, so they wait in the outbox.`),
          waiting: (n) => new RegExp(`^Mail is not set up\\. Waiting in the outbox: ${n} invitations \\+ \\d+ e-mails\\.Mail settings$`) };
      assert.equal(await page.locator('#inv-mail #mail-state a').getAttribute('href'), '/leader/settings');
      const kees = `kees.${lang}@bouw.example`;
      await page.locator('#inv1-email').fill(kees);
      await page.locator('#inv1-name').fill('Kees Bouwman');
      await page.locator('#inv1-language').selectOption(lang);
      await page.getByRole('button', { name: L.send, exact: true }).click();
      await page.locator('#inv-status').getByText(L.sent(1)).waitFor();
      await page.locator('#inv-pending li', { hasText: kees }).waitFor();
      await page.locator('#inv-list').fill(`Els Schoolmeester <els.${lang}@school.example>\nbram.${lang}@gemeente.example, Bram de Wit\n`);
      await page.getByRole('button', { name: L.sendList }).click();
      await page.locator('#inv-status').getByText(L.sent(2)).waitFor();
      // The mail state line counts the invitations waiting, as the outbox table does.
      const waitingInvitations = Number(spawnSync('sqlite3', [server.db,
        "SELECT count(*) FROM outbox WHERE kind = 'account.invitation' AND status IN ('pending', 'sending')"], { encoding: 'utf8' }).stdout.trim());
      assert.ok(waitingInvitations >= 3);
      assert.match((await page.locator('#inv-mail #mail-state').textContent()).trim(), L.waiting(waitingInvitations));
      await page.locator('#inv-pending li', { hasText: `bram.${lang}@gemeente.example` }).getByRole('button', { name: L.revoke }).click();
      await page.locator('#inv-status [role=status]').filter({ hasText: `bram.${lang}@gemeente.example` }).waitFor();
      // The pending list redraws after the status message: wait until Bram's entry is gone.
      await page.locator('#inv-pending li', { hasText: `bram.${lang}@gemeente.example` }).waitFor({ state: 'detached' });
      assert.equal(await page.locator('#inv-pending li', { hasText: `bram.${lang}@gemeente.example` }).count(), 0);
      await checkPage(page, 'invitations-sent', lang);
      noProblems(lb);

      // Kees opens the link from his mail, in the language of the invitation.
      const link = linkFromMail(server.db, kees, 'account.invitation');
      const kb = await browser({ lang: lang === 'nl' ? 'nl-NL' : 'en-GB' });
      await goto(kb.page, server.base + link);
      await checkPage(kb.page, 'invite-accept', lang);
      assert.equal(await kb.page.locator('#inv-name').inputValue(), 'Kees Bouwman');
      await kb.page.locator('#inv-password').fill('bouwen aan verbinding');
      await kb.page.locator('#inv-sector').selectOption('industry');
      await kb.page.locator('#inv-organization').fill('Bouwman BV');
      await kb.page.locator('#inv-title').fill('Directeur');
      await kb.page.locator('#invite-form button[type=submit]').click();
      await kb.page.waitForURL('**/profile');
      await settle(kb.page);
      assert.equal(await kb.page.locator('#p-organization').inputValue(), 'Bouwman BV');
      noProblems(kb);
      // He is in the directory; the invitation is no longer pending; the link is spent.
      const leader = await apiSession(server.base, LEADER);
      const found = await leader.call('GET', '/api/v1/members?q=Bouwman&limit=500');
      assert.ok(found.items.some((m) => m.email === kees && m.organization === 'Bouwman BV'));
      const pending = await leader.call('GET', '/api/v1/invitations?status=pending&limit=500');
      assert.ok(!pending.items.some((i) => i.email === kees));
      await goto(kb.page, server.base + link);
      await kb.page.getByRole('alert').waitFor();
    });
  }

  for (const lang of ['nl', 'en']) {
    test(`public account pages without a valid link (${lang})`, async () => {
      const b = await browser({ lang: lang === 'nl' ? 'nl-NL' : 'en-GB' });
      for (const [name, p] of [['confirm-nolink', '/signup/confirm'], ['invite-badlink', '/invite/accept?token=' + 'a'.repeat(64)],
        ['reset-nolink', '/reset/password']]) {
        await goto(b.page, server.base + p);
        await b.page.getByRole('alert').waitFor();
        await checkPage(b.page, name, lang);
      }
      noProblems(b);
    });
  }
});
