// Browser tests of issue #17 points 1 and 2 on the member's pages: after each
// action the message stands next to the control that acted, has the focus, is
// inside the viewport (375 px Dutch, 1280 px English) and is announced by the
// toast (aria-live); offline errors are worded in the UI's language (never
// "Failed to fetch"); destructive actions (cancel a registration, cancel a
// meeting) ask first in an accessible dialog that names what is lost, and
// nothing happens when the member keeps it. axe on every page and dialog.
// Run: VERBINDER_BINARY=... node --test web/test/feedback.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ANJA, PIETER, apiSession, axeViolations, goto, inView, login, perFile, screenshot, scrollWidth } from './harness.mjs';

const { server, browser } = perFile();

// The message by the control: exact text, focused, in view; the toast says the same, live.
async function assertFeedback(page, text) {
  const near = page.locator('.status-near');
  await page.waitForFunction((t) => document.querySelector('.status-near')?.textContent.trim() === t, text, { timeout: 10000 })
    .catch(() => {});
  assert.equal((await near.textContent()).trim(), text);
  assert.equal(await inView(page, '.status-near'), true, 'the message is in view');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('status-near')), true, 'focus moved to the message');
  const toast = page.locator('#toast');
  assert.equal((await toast.locator('.toast-msg').textContent()).trim(), text);
  assert.match(await toast.getAttribute('aria-live'), /polite|assertive/);
  assert.equal(await inView(page, '#toast'), true, 'the toast is in view');
}

async function checkPage(b, name, width) {
  assert.deepEqual(await axeViolations(b.page), [], `axe on ${name}`);
  assert.ok(await scrollWidth(b.page) <= width, `${name}: no sideways scrolling`);
  await screenshot(b.page, name);
}

describe('feedback where the eye is', () => {
  let anja, pieter, congress;
  before(async () => {
    anja = await browser();
    pieter = await browser({ width: 1280, height: 800, lang: 'en-GB' });
    await login(anja.page, server.base, ANJA);
    await login(pieter.page, server.base, PIETER);
    await pieter.page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    const a = await apiSession(server.base, ANJA);
    const evs = await a.call('GET', '/api/v1/events?upcoming=true&limit=20');
    congress = evs.items.find((e) => e.kind === 'congress');
    assert.ok(congress, 'the demo has an upcoming congress');
  });

  test('375 px nl: a meeting request sent from a suggestion card is confirmed on that card, not 2,000 px above', async () => {
    const { page } = anja;
    await goto(page, `${server.base}/events/${congress.id}`);
    const card = page.locator('#suggestions li').nth(1);
    const name = (await card.locator('h3').textContent()).trim();
    await card.locator('summary').click();
    await card.locator('textarea').fill('Zullen we koffie drinken?');
    await card.locator('button[type=submit]').click();
    await assertFeedback(page, `Verzoek verstuurd aan ${name}.`);
    // The message sits in the same card the member was looking at.
    assert.equal(await page.locator(`#suggestions li .status-near`).count(), 1);
    await checkPage(anja, 'feedback-meeting-375-nl', 375);
  });

  test('375 px nl: without a connection the error is in Dutch, next to the button', async () => {
    const { page, context } = anja;
    const card = page.locator('#suggestions li').nth(2);
    await card.locator('summary').click();
    await context.setOffline(true);
    try {
      await card.locator('button[type=submit]').click();
      const near = page.locator('.status-near.msg-error');
      await near.waitFor();
      assert.equal((await near.textContent()).trim(), 'Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.');
      assert.equal(await inView(page, '.status-near'), true);
      assert.doesNotMatch(await page.locator('body').textContent(), /Failed to fetch/);
    } finally {
      await context.setOffline(false);
    }
    anja.problems.length = 0;   // the browser logs the failed request itself
  });

  test('375 px nl: saving e-mail choices is confirmed next to the save button', async () => {
    const { page } = anja;
    await goto(page, `${server.base}/notifications`);
    const box = page.locator('#prefs-form input[type=checkbox]').first();
    await box.setChecked(!(await box.isChecked()));
    await page.locator('#prefs-save').click();
    await assertFeedback(page, 'Je e-mailkeuzes zijn opgeslagen.');
    await checkPage(anja, 'feedback-prefs-375-nl', 375);
  });

  test('375 px nl: cancelling a registration asks first, naming the event; keeping it changes nothing', async () => {
    const { page } = anja;
    await goto(page, `${server.base}/events/${congress.id}`);
    await page.locator('#cancel-registration').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal((await dialog.locator('h2').textContent()).trim(), 'Aanmelding annuleren?');
    assert.match(await dialog.textContent(), new RegExp(`Je geeft je plek op voor ${congress.title.replace(/[&]/g, '\\$&')}`));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-keep', 'focus starts on the safe choice');
    assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open');
    await screenshot(page, 'feedback-confirm-375-nl');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const a = await apiSession(server.base, ANJA);
    assert.equal((await a.call('GET', `/api/v1/events/${congress.id}/registration`)).status, 'registered', 'Escape keeps the registration');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'cancel-registration', 'focus returns to the button');

    await page.locator('#cancel-registration').click();
    await page.locator('#confirm-yes').click();
    await assertFeedback(page, 'Je aanmelding is geannuleerd.');
    assert.equal((await a.call('GET', `/api/v1/events/${congress.id}/registration`)).status, 'cancelled');
    assert.deepEqual(anja.problems, []);
  });

  test('1280 px en: a request and its cancellation (asked first) are confirmed where the member looks', async () => {
    const { page } = pieter;
    await goto(page, `${server.base}/events/${congress.id}`);
    const card = page.locator('#suggestions li').last();
    const name = (await card.locator('h3').textContent()).trim();
    await card.locator('summary').click();
    await card.locator('button[type=submit]').click();
    await assertFeedback(page, `Request sent to ${name}.`);
    await checkPage(pieter, 'feedback-meeting-1280-en', 1280);

    const req = page.locator('#requests li', { has: page.locator('h3', { hasText: `To ${name}` }) });
    await req.getByRole('button', { name: `Cancel: ${name}` }).click();
    const dialog = page.getByRole('dialog');
    assert.equal((await dialog.locator('h2').textContent()).trim(), `Cancel the meeting with ${name}?`);
    assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open');
    await page.locator('#confirm-yes').click();
    await assertFeedback(page, `The meeting with ${name} is cancelled.`);
    const p = await apiSession(server.base, PIETER);
    const mine = await p.call('GET', `/api/v1/events/${congress.id}/meeting-requests`);
    assert.equal(mine.items.find((r) => r.to_name === name)?.status, 'cancelled');
    assert.deepEqual(pieter.problems, []);
  });

});
