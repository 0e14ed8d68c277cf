// Browser tests of the events area (Debian chromium + playwright-core against
// a real `verbinder serve` on a fresh demo database): a member registers and
// sees the waitlist when full, the check-in QR code, whom to meet, sends a
// meeting request that another member accepts, sees the schedule and confirms
// the meeting; the leader creates an event, checks a member in by name, runs
// the auto-schedule and sees it per table. 375 px, Dutch and English, axe on
// every page, screenshots. Run: VERBINDER_BINARY=... node --test web/test/events.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ANJA, LEADER, PIETER, apiSession, axeViolations, goto, login, newBrowser, screenshot, scrollWidth, settle, startServer,
} from './harness.mjs';

let server;
const browsers = [];
async function browser(opts) { const b = await newBrowser(opts); browsers.push(b); return b; }

before(async () => { server = await startServer(); });
after(async () => {
  for (const b of browsers) await b.close().catch(() => {});
  await server?.stop();
});

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}
async function checkPage(b, name) {
  assert.deepEqual(await axeViolations(b.page), [], `axe on ${name}`);
  assert.ok(await scrollWidth(b.page) <= 375, `${name}: no sideways scrolling at 375 px`);
  await screenshot(b.page, name);
}
// "YYYY-MM-DDTHH:mm" in Europe/Amsterdam (the browsers' zone) for datetime-local inputs.
function amsterdamInput(unix) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(unix * 1000).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
async function english(page) {
  await page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
}

describe('events', () => {
  let leader, anja, pieter, eventId;
  const now = Math.floor(Date.now() / 1000);
  before(async () => {
    leader = await browser();
    anja = await browser();
    pieter = await browser({ lang: 'en-GB' });
    await login(leader.page, server.base, LEADER);
    await login(anja.page, server.base, ANJA);
    await login(pieter.page, server.base, PIETER);
    await english(pieter.page);
  });

  test('the demo shows the upcoming congress with a published schedule out of the box', async () => {
    const { page } = anja;
    await goto(page, server.base + '/events');
    assert.equal(await page.locator('h1').textContent(), 'Bijeenkomsten');
    const link = page.getByRole('link', { name: 'Congres Zorg & Industrie 2027' });
    await link.waitFor();
    await checkPage(anja, 'events-list-375-nl');
    await link.click();
    await settle(page);
    assert.match(await page.locator('#reg-status').textContent(), /Je bent aangemeld/);
    await page.getByRole('link', { name: 'Mijn schema' }).click();
    await settle(page);
    assert.equal(await page.locator('h1').textContent(), 'Mijn schema');
    const withPieter = page.locator('#schedule li', { hasText: 'Pieter Lammerink' });
    await withPieter.waitFor();   // the accepted request of the demo story
    assert.match(await withPieter.textContent(), /Tafel \d+/);
    assert.doesNotMatch(await page.locator('#schedule').textContent(), /weet \d+ veel/, 'reasons name people, not ids');
    assert.match(await page.locator('#my-tables').textContent(), /Borrel, ronde 1: Tafel \d+/);
    await checkPage(anja, 'schedule-demo-375-nl');
    noProblems(anja);
  });

  test('a leader creates an event in the form', async () => {
    const { page } = leader;
    await goto(page, server.base + '/leader/events');
    assert.equal(await page.locator('h1').textContent(), 'Bijeenkomsten beheren');
    await checkPage(leader, 'leader-events-375-nl');
    const form = page.locator('#new-event');
    await form.getByLabel('Soort').selectOption('network_drinks');
    await form.getByLabel('Titel').fill('Netwerkborrel <Hengelo> & co');
    await form.getByLabel('Beschrijving (Markdown)').fill('Borrel met **tafels**.');
    await form.getByLabel('Begint').fill(amsterdamInput(now - 3600));
    await form.getByLabel('Eindigt').fill(amsterdamInput(now + 5 * 3600));
    await form.getByLabel('Locatie').fill('De Waag, Hengelo');
    await form.getByLabel('Aantal plaatsen (0 = onbeperkt)').fill('0');
    await form.getByRole('button', { name: 'Bijeenkomst opslaan' }).click();
    await page.locator('#registrations h2, .msg-error').first().waitFor();
    assert.deepEqual(await page.locator('.msg-error').allTextContents(), []);
    await settle(page);
    eventId = Number(new URL(page.url()).pathname.split('/').pop());
    assert.equal(await page.locator('h1').textContent(), 'Netwerkborrel <Hengelo> & co');  // shown as text
    noProblems(leader);
  });

  test('a member registers, sees the QR code; a full event puts her on the waitlist', async () => {
    const { page } = anja;
    await goto(page, `${server.base}/events/${eventId}`);
    assert.match(await page.locator('#reg-status').textContent(), /nog niet aangemeld/);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Je bent aangemeld.').first().waitFor();
    const qr = page.getByRole('img', { name: /QR-code van incheckcode VB-/ });
    await qr.waitFor();
    const code = await page.locator('#checkin-code code').textContent();
    assert.match(code, /^VB-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    assert.ok((await page.locator('#checkin-code svg path').getAttribute('d')).length > 200, 'QR modules drawn');
    await checkPage(anja, 'event-registered-375-nl');

    // A small event that is full: Anja lands on the waitlist.
    const api = await apiSession(server.base, LEADER);
    const small = await api.call('POST', '/api/v1/events', {
      title: 'Rondleiding fabriek', kind: 'inspiration_session', starts_at: now + 86400 * 10, ends_at: now + 86400 * 10 + 7200, capacity: 1,
    });
    const p = await apiSession(server.base, PIETER);
    await p.call('POST', `/api/v1/events/${small.id}/registrations`);
    await goto(page, `${server.base}/events/${small.id}`);
    assert.match(await page.locator('.event-facts').textContent(), /Vol — wachtlijst open/);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('De bijeenkomst is vol: je staat op de wachtlijst.').waitFor();
    assert.match(await page.locator('#reg-status').textContent(), /wachtlijst, plaats 1/);
    await checkPage(anja, 'event-waitlist-375-nl');
    for (const ch of anja.changes.filter((c) => !c.url.endsWith('/api/v1/auth/login'))) assert.ok(ch.csrf && ch.csrf.length > 10, `CSRF header on ${ch.method} ${ch.url}`);
  });

  test('Pieter registers in English; Anja asks him for a meeting; he accepts', async () => {
    await goto(pieter.page, `${server.base}/events/${eventId}`);
    await pieter.page.getByRole('button', { name: 'Register' }).click();
    await pieter.page.getByText('You are registered.').first().waitFor();
    assert.equal(await pieter.page.evaluate(() => document.documentElement.lang), 'en');

    const { page } = anja;
    await goto(page, `${server.base}/events/${eventId}`);
    const card = page.locator('#suggestions li', { hasText: 'Pieter Lammerink' });
    await card.waitFor();
    assert.ok((await card.locator('.why').textContent()).length > 10, 'a reason in plain words');
    await card.getByText('Vraag een gesprek aan').click();
    await card.getByLabel('Bericht aan Pieter Lammerink').fill('Hoe plan jij de ploegen?');
    await card.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Verzoek verstuurd aan Pieter Lammerink.').waitFor();
    assert.match(await page.locator('#requests').textContent(), /Aan Pieter Lammerink.*Wacht op antwoord/s);
    await checkPage(anja, 'event-request-375-nl');

    await goto(pieter.page, `${server.base}/events/${eventId}`);
    const req = pieter.page.locator('#requests li', { hasText: 'From Anja Kamphuis' });
    assert.match(await req.textContent(), /Hoe plan jij de ploegen\?/);
    await checkPage(pieter, 'event-request-375-en');
    await req.getByRole('button', { name: 'Accept: Anja Kamphuis' }).click();
    await pieter.page.getByText('Done.').waitFor();
    assert.match(await pieter.page.locator('#requests').textContent(), /Accepted/);
    noProblems(anja);
    noProblems(pieter);
  });

  test('the leader checks Anja in by name, creates a round, runs the schedule and sees it per table', async () => {
    const { page } = leader;
    await goto(page, `${server.base}/leader/events/${eventId}`);
    await page.getByLabel('Zoek op naam').fill('Anja');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: 'Anja Kamphuis inchecken' }).click();
    await page.getByText('Anja Kamphuis is ingecheckt.').waitFor();
    // The list redraws after the status message: wait for it rather than read it at once.
    await page.waitForFunction(() => /Anja Kamphuis.*binnen/s.test(document.querySelector('#registrations')?.textContent ?? ''));
    assert.match(await page.locator('#registrations').textContent(), /Anja Kamphuis.*binnen/s);

    await page.locator('#rounds summary', { hasText: 'Nieuwe ronde' }).click();
    const form = page.locator('#new-round');
    await form.getByLabel('Tafels').fill('4');
    await form.getByLabel('Eerste tijdslot begint').fill(amsterdamInput(now - 2400));
    await form.getByLabel('Aantal tijdsloten').fill('2');
    await form.getByLabel('Minuten per tijdslot').fill('15');
    await form.getByRole('button', { name: 'Ronde aanmaken' }).click();
    await page.getByText('De ronde is aangemaakt.').waitFor();
    await page.getByRole('button', { name: 'Automatisch inplannen' }).click();
    await page.getByText(/Ingepland: 1 nieuw/).waitFor();
    const table = page.locator('#rounds table').first();
    assert.match(await table.locator('caption').textContent(), /Tijdslot \d\d:\d\d–\d\d:\d\d/);
    assert.match(await table.locator('tbody').textContent(), /Anja Kamphuis & Pieter Lammerink/);
    // Group tables for the borrel.
    await page.locator('#seating summary', { hasText: 'Aanmaken en indelen' }).click();
    await page.locator('#new-seating').getByRole('button', { name: 'Aanmaken en indelen' }).click();
    await page.getByText(/Gemiddeld .* sectoren per tafel/).waitFor();
    assert.match(await page.locator('#report').textContent(), /1 van de 2 aangemelden kwamen/);
    await checkPage(leader, 'leader-event-375-nl');
    // The printable sheets open as their own pages.
    const sheet = await leader.context.request.get(`${server.base}/api/v1/events/${eventId}/tables/print?lang=nl`);
    assert.equal(sheet.status(), 200);
    const html = await sheet.text();
    assert.match(html, /Anja Kamphuis &amp; Pieter Lammerink/);
    assert.match(html, /Netwerkborrel &lt;Hengelo&gt; &amp; co/);
    noProblems(leader);
  });

  test('Anja sees her schedule, prints it, and confirms the meeting happened', async () => {
    const { page } = anja;
    await goto(page, `${server.base}/events/${eventId}/schedule`);
    const item = page.locator('#schedule li').first();
    assert.match(await item.textContent(), /Tafel \d/);
    assert.match(await item.textContent(), /Met: Pieter Lammerink/);
    assert.match(await item.textContent(), /Waarom: \S+/);
    await page.getByRole('button', { name: 'Mijn schema afdrukken' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.top, .top').first().isVisible(), false, 'menu hidden on paper');
    await page.emulateMedia({ media: 'screen' });
    await checkPage(anja, 'schedule-375-nl');
    await item.getByLabel('Hoe nuttig was het?').selectOption('5');
    await item.getByRole('button', { name: 'Ja, we hebben gesproken' }).click();
    await page.getByText('Dank je, opgeslagen.').waitFor();
    await page.getByText('Je gaf aan dat het gesprek plaatsvond.').waitFor();
    const printable = await anja.context.request.get(`${server.base}/api/v1/events/${eventId}/schedule/print`);
    assert.equal(printable.status(), 200);
    assert.match(await printable.text(), /Schema van Anja Kamphuis/);

    await goto(pieter.page, `${server.base}/events/${eventId}/schedule`);
    assert.equal(await pieter.page.locator('h1').textContent(), 'My schedule');
    assert.match(await pieter.page.locator('#schedule').textContent(), /With: Anja Kamphuis/);
    await checkPage(pieter, 'schedule-375-en');
    const api = await apiSession(server.base, LEADER);
    const report = await api.call('GET', `/api/v1/events/${eventId}/report`);
    assert.equal(report.meetings.held, 1);
    assert.equal(report.usefulness.counts[4], 1);
    noProblems(anja);
    noProblems(pieter);
  });

  test('visits: Anja asks Pieter to come and have a look; he accepts a date (English)', async () => {
    const { page } = anja;
    const p = await apiSession(server.base, PIETER);
    await goto(page, `${server.base}/visits?host=${p.memberId}`);
    assert.equal(await page.locator('h1').textContent(), 'Bezoeken');
    await page.getByLabel('Waarom wil je komen kijken?').fill('Ik wil zien hoe jullie de planning op de vloer doen.');
    await page.getByLabel('Optie 1').fill(amsterdamInput(now + 14 * 86400));
    await checkPage(anja, 'visits-375-nl');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Je verzoek is verstuurd.').waitFor();
    assert.match(await page.locator('#visits').textContent(), /Bezoek aan Pieter Lammerink.*Aangevraagd/s);
    await goto(pieter.page, `${server.base}/visits`);
    const v = pieter.page.locator('#visits li', { hasText: 'Anja Kamphuis wants to visit you' });
    await v.getByRole('button', { name: /^Accept / }).click();
    await pieter.page.locator('#visits li', { hasText: 'Accepted' }).first().waitFor();
    await checkPage(pieter, 'visits-375-en');
    noProblems(anja);
    noProblems(pieter);
  });
});
