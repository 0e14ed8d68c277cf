// Browser tests of issue #17 point 6: the visit form picks the host by name
// (member picker on the member search API, members who host no visits greyed
// out) instead of a member number; date and time inputs are large; the
// proposed dates are visible to both; after acceptance either side can call it
// off (asked first), and the calendar invite becomes a CANCEL; an accepted
// meeting request that only one asked shows no "you both asked" badge and the
// one who was asked can cancel it after accepting; when both asked, both see
// the badge in their own language. 375 px Dutch and 1280 px
// English, axe on every page and dialog.
// Run: VERBINDER_BINARY=... node --test web/test/member-forms.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ANJA, LEADER, PIETER, apiSession, axeViolations, goto, inView, login, perFile, screenshot, scrollWidth } from './harness.mjs';

const { server, browser, browsers } = perFile();

// "YYYY-MM-DDTHH:mm" in Europe/Amsterdam (the browsers' zone) for datetime-local inputs.
function amsterdamInput(unix) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(unix * 1000).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
async function checkPage(b, name, width) {
  assert.deepEqual(await axeViolations(b.page), [], `axe on ${name}`);
  assert.ok(await scrollWidth(b.page) <= width, `${name}: no sideways scrolling`);
  await screenshot(b.page, name);
}
async function statusIs(page, text) {
  await page.waitForFunction((t) => document.querySelector('.status-near')?.textContent.trim() === t, text, { timeout: 10000 }).catch(() => {});
  assert.equal((await page.locator('.status-near').textContent()).trim(), text);
  assert.equal(await inView(page, '.status-near'), true, 'the message is in view');
}

describe('visit and meeting forms', () => {
  let anja, pieter, a, p;
  const now = Math.floor(Date.now() / 1000);
  const day1 = now + 12 * 86400 - (now % 3600), day2 = day1 + 86400;
  before(async () => {
    anja = await browser();
    pieter = await browser({ width: 1280, height: 800, lang: 'en-GB' });
    await login(anja.page, server.base, ANJA);
    await login(pieter.page, server.base, PIETER);
    await pieter.page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    a = await apiSession(server.base, ANJA);
    p = await apiSession(server.base, PIETER);
  });

  test('375 px nl: Anja picks Pieter by name, proposes two dates in large inputs, and sees them on her request', async () => {
    const { page } = anja;
    await goto(page, server.base + '/visits');
    assert.equal(await page.locator('input[type=number]').count(), 0, 'no member number to type');
    // Someone who hosts no visits is listed but cannot be chosen.
    const leaderName = (await a.call('GET', `/api/v1/members/${(await apiSession(server.base, LEADER)).memberId}`)).name;
    await page.getByLabel('Gastheer of gastvrouw').fill(leaderName.split(' ').pop());
    const notHost = page.locator('.picker-option', { hasText: leaderName });
    await notHost.waitFor();
    assert.equal(await notHost.isDisabled(), true);
    assert.match(await notHost.textContent(), /ontvangt geen bezoek/);
    await page.getByLabel('Gastheer of gastvrouw').fill('Lammer');
    await page.locator('.picker-option', { hasText: 'Pieter Lammerink' }).click();
    assert.equal((await page.locator('#visit-host-chosen').textContent()).trim().startsWith('Gekozen: Pieter Lammerink'), true);
    await page.getByLabel('Waarom wil je komen kijken?').fill('Ik wil zien hoe jullie de ploegen plannen.');
    const d1 = page.getByLabel('Optie 1');
    const box = await d1.boundingBox();
    assert.ok(box.height >= 44, `date inputs are large enough to tap (${box.height} px)`);
    await d1.fill(amsterdamInput(day1));
    await page.getByLabel('Optie 2').fill(amsterdamInput(day2));
    await checkPage(anja, 'visit-form-375-nl', 375);
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await statusIs(page, 'Je verzoek is verstuurd.');
    const mine = page.locator('#visits li', { hasText: 'Bezoek aan Pieter Lammerink' });
    assert.equal(await mine.locator('.proposed li').count(), 2, 'the visitor sees the dates she proposed');
    const visits = await a.call('GET', '/api/v1/visits');
    const v = visits.items.find((x) => x.host.id === p.memberId);
    assert.deepEqual(v.proposed, [day1, day2]);
    assert.deepEqual(anja.problems, []);
  });

  test('1280 px en: Pieter sees the proposed dates, accepts one, then calls it off (asked first); the invite becomes a CANCEL', async () => {
    const { page } = pieter;
    await goto(page, server.base + '/visits');
    const card = page.locator('#visits li', { hasText: 'Anja Kamphuis wants to visit you' });
    assert.equal(await card.locator('.proposed li').count(), 2, 'the host sees the proposed dates');
    await checkPage(pieter, 'visit-host-1280-en', 1280);
    await card.getByRole('button', { name: /^Accept / }).first().click();
    await page.waitForFunction(() => /is coming on/.test(document.querySelector('.status-near')?.textContent ?? ''));
    assert.equal(await inView(page, '.status-near'), true);
    const visit = (await p.call('GET', '/api/v1/visits')).items.find((x) => x.visitor.id === a.memberId);
    assert.equal(visit.status, 'accepted');

    // The host may cancel after accepting; a dialog says what is lost.
    await card.getByRole('button', { name: 'Cancel' }).click();
    const dialog = page.getByRole('dialog');
    assert.equal((await dialog.locator('h2').textContent()).trim(), 'Cancel the visit with Anja Kamphuis?');
    assert.match(await dialog.textContent(), /calendar invitation/);
    assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open');
    await page.locator('#confirm-yes').click();
    await statusIs(page, 'The visit with Anja Kamphuis is cancelled.');
    assert.equal((await p.call('GET', `/api/v1/visits/${visit.id}`)).status, 'cancelled');
    const ics = await anja.context.request.get(`${server.base}/api/v1/visits/${visit.id}/invite.ics`);
    assert.equal(ics.status(), 200);
    assert.match(await ics.text(), /METHOD:CANCEL/);
    assert.deepEqual(pieter.problems, []);
  });

  test('a meeting request accepted by the other is not "you both asked"; the one asked can cancel it after accepting', async () => {
    const l = await apiSession(server.base, LEADER);
    const start = now + 20 * 86400;
    const ev = await l.call('POST', '/api/v1/events', { title: 'Werkbezoekborrel', kind: 'network_drinks', starts_at: start, ends_at: start + 3 * 3600, capacity: 0 });
    for (const m of [a, p]) await m.call('POST', `/api/v1/events/${ev.id}/registrations`);
    const req = await a.call('POST', `/api/v1/events/${ev.id}/meeting-requests`, { to: p.memberId, message: 'Koffie?' });
    await p.call('POST', `/api/v1/meeting-requests/${req.id}/accept`);

    await goto(anja.page, `${server.base}/events/${ev.id}`);
    const item = anja.page.locator(`#requests li[data-request="${req.id}"]`);
    assert.match(await item.textContent(), /Geaccepteerd/);
    assert.doesNotMatch(await item.textContent(), /Jullie vroegen het allebei/);
    await checkPage(anja, 'meeting-accepted-375-nl', 375);

    const { page } = pieter;
    await goto(page, `${server.base}/events/${ev.id}`);
    await page.locator(`#requests li[data-request="${req.id}"]`).getByRole('button', { name: 'Cancel: Anja Kamphuis' }).click();
    assert.equal((await page.getByRole('dialog').locator('h2').textContent()).trim(), 'Cancel the meeting with Anja Kamphuis?');
    await page.locator('#confirm-yes').click();
    await statusIs(page, 'The meeting with Anja Kamphuis is cancelled.');
    assert.equal((await a.call('GET', `/api/v1/events/${ev.id}/meeting-requests`)).items.find((r) => r.id === req.id).status, 'cancelled');
    assert.deepEqual(anja.problems, []);
    assert.deepEqual(pieter.problems, []);
  });

  test('when both asked, both see the badge in their own language: "Jullie vroegen het allebei" / "You both asked"', async () => {
    const l = await apiSession(server.base, LEADER);
    const start = now + 21 * 86400;
    const ev = await l.call('POST', '/api/v1/events', { title: 'Dubbelborrel', kind: 'network_drinks', starts_at: start, ends_at: start + 3 * 3600, capacity: 0 });
    for (const m of [a, p]) await m.call('POST', `/api/v1/events/${ev.id}/registrations`);
    const first = await a.call('POST', `/api/v1/events/${ev.id}/meeting-requests`, { to: p.memberId, message: 'Koffie?' });
    // Pieter asks Anja too, before answering hers: the one request is accepted and marked as asked by both.
    const second = await p.call('POST', `/api/v1/events/${ev.id}/meeting-requests`, { to: a.memberId, message: 'Thee?' });
    assert.equal(second.id, first.id);
    assert.equal(second.status, 'accepted');

    const badges = async (b) => {
      await goto(b.page, `${server.base}/events/${ev.id}`);
      const item = b.page.locator(`#requests li[data-request="${first.id}"]`);
      await item.waitFor();
      return (await item.locator('.badge').allTextContents()).map((x) => x.trim());
    };
    assert.ok((await badges(anja)).includes('Jullie vroegen het allebei'), 'Anja (nl) sees the badge');
    assert.ok(!(await badges(anja)).includes('You both asked'));
    const en = await badges(pieter);
    assert.ok(en.includes('You both asked'), `Pieter (en) sees the badge: ${en}`);
    assert.ok(!en.includes('Jullie vroegen het allebei'));
    // Stored, not worked out once: the list says so after a reload too.
    assert.equal((await a.call('GET', `/api/v1/events/${ev.id}/meeting-requests`)).items.find((r) => r.id === first.id).mutual, true);
    assert.deepEqual(anja.problems, []);
    assert.deepEqual(pieter.problems, []);
  });
});
