// Browser test of issue #17 point 4 for errors: server errors triggered through
// the real forms are worded in the UI's language from the API's reason and
// params (web/src/strings/errors.ts) — a wrong password at login, a question
// posted without its title, a wrong current password on the profile, the
// leader inviting a member or adding one with a taken address — in Dutch at
// 375 px and in English at 1280 px. The server's English message never shows,
// anywhere on the page. axe on every page.
// Run: VERBINDER_BINARY=... node --test web/test/errors-language.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ANJA, LEADER, PIETER, axeViolations, goto, login, newBrowser, perFile, screenshot, scrollWidth } from './harness.mjs';

const { server, browsers } = perFile();

// A browser that records the English `error.message` of every failed API call.
async function browser(opts) {
  const b = await newBrowser(opts);
  browsers.push(b);
  b.serverMessages = [];
  b.page.on('response', async (r) => {
    if (!r.url().includes('/api/') || r.status() < 400) return;
    const j = await r.json().catch(() => null);
    if (j?.error?.message) b.serverMessages.push({ status: r.status(), message: j.error.message, reason: j.error.reason ?? null });
  });
  return b;
}

// Waits for the error in `scope`, asserts its exact text, and that no server
// message is anywhere on the page; then axe and no sideways scrolling.
async function assertError(b, scope, text, { reason, name, width }) {
  const { page } = b;
  const loc = page.locator(`${scope} .msg-error`).first();
  await loc.waitFor({ timeout: 10000 });
  assert.equal((await loc.textContent()).trim(), text);
  const last = b.serverMessages.at(-1);
  assert.ok(last, 'the server answered with an error');
  if (reason) assert.equal(last.reason, reason, 'the API sent the reason the UI worded');
  const body = await page.evaluate(() => document.body.innerText);
  for (const m of b.serverMessages) assert.ok(!body.includes(m.message), `server message on the page: "${m.message}"`);
  assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
  assert.ok(await scrollWidth(page) <= width, `${name}: no sideways scrolling`);
  await screenshot(page, name);
}

async function failedLogin(b, email) {
  const { page } = b;
  await goto(page, server.base + '/login');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill('niet het goede wachtwoord');
  await page.locator('form button[type=submit]').click();
}

async function askWithoutTitle(page) {
  await goto(page, server.base + '/questions/new');
  await page.locator('#q-text').fill('Hoe plannen jullie de ploegendiensten?');
  await page.locator('#ask-form button[type=submit]').click();
}

async function wrongCurrentPassword(page) {
  await goto(page, server.base + '/profile');
  await page.locator('#pw-old').fill('niet mijn wachtwoord');
  await page.locator('#pw-new').fill('een nieuw lang wachtwoord');
  await page.locator('#pw-new').press('Enter');
}

describe('server errors in Dutch at 375 px', () => {
  const width = 375;
  let anja, leader;
  before(async () => {
    anja = await browser();
    leader = await browser();
  });

  test('a wrong password at login', async () => {
    await failedLogin(anja, ANJA);
    await assertError(anja, 'form', 'Onjuist e-mailadres of wachtwoord.', { reason: 'account.login_failed', name: 'errors-login-375-nl', width });
  });

  test('a question without its title, posted through the form', async () => {
    await login(anja.page, server.base, ANJA);
    await askWithoutTitle(anja.page);
    await assertError(anja, 'main', 'Vul ‘Je vraag’ in.', { reason: 'field.required', name: 'errors-question-375-nl', width });
  });

  test('a wrong current password on the profile', async () => {
    await wrongCurrentPassword(anja.page);
    await assertError(anja, 'section[aria-labelledby=h-pw]', 'Dat is niet je wachtwoord.', { reason: 'account.wrong_password', name: 'errors-password-375-nl', width });
  });

  test('the leader invites someone who is already a member', async () => {
    const { page } = leader;
    await login(page, server.base, LEADER);
    await goto(page, server.base + '/account/invitations');
    await page.locator('#inv1-email').fill(PIETER);
    await page.locator('#invite-single button[type=submit]').click();
    await assertError(leader, 'main', `${PIETER} is al lid.`, { reason: 'invitation.already_member', name: 'errors-invite-375-nl', width });
  });
});

describe('server errors in English at 1280 px', () => {
  const width = 1280;
  let pieter, leader;
  before(async () => {
    pieter = await browser({ width, height: 800, lang: 'en-GB' });
    leader = await browser({ width, height: 800, lang: 'en-GB' });
  });

  test('a wrong password at login', async () => {
    await failedLogin(pieter, PIETER);
    await assertError(pieter, 'form', 'Wrong e-mail address or password.', { reason: 'account.login_failed', name: 'errors-login-1280-en', width });
  });

  test('a question without its title, posted through the form', async () => {
    await login(pieter.page, server.base, PIETER);
    await pieter.page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    await askWithoutTitle(pieter.page);
    await assertError(pieter, 'main', 'Fill in ‘Your question’.', { reason: 'field.required', name: 'errors-question-1280-en', width });
  });

  test('a wrong current password on the profile', async () => {
    await wrongCurrentPassword(pieter.page);
    await assertError(pieter, 'section[aria-labelledby=h-pw]', 'That is not your password.', { reason: 'account.wrong_password', name: 'errors-password-1280-en', width });
  });

  test('the leader adds a member with an address that is taken', async () => {
    const { page } = leader;
    await login(page, server.base, LEADER);
    await page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    await goto(page, server.base + '/leader/members/new');
    await page.locator('#nm-name').fill('Anja Tweede');
    await page.locator('#nm-email').fill(ANJA);
    await page.locator('input[name=create_account]').uncheck();
    await page.locator('main form button[type=submit]').click();
    await assertError(leader, 'main', 'A member with this e-mail address already exists. Sign in, or reset your password.',
      { reason: 'account.email_taken', name: 'errors-new-member-1280-en', width });
  });
});
