// Browser tests of the events area (Debian chromium + playwright-core against
// a real `verbinder serve` on a fresh demo database): a member registers and
// sees the waitlist when full, the check-in QR code, whom to meet, sends a
// meeting request that another member accepts, sees the schedule and confirms
// the meeting; the leader creates an event, checks a member in by name and by
// scanning the QR code with a (fake) camera, runs the auto-schedule and sees it
// per table; networking rounds: a member marks slots she cannot make and opts
// out and back in, the leader adds, moves and removes slots (confirmation with
// the meetings affected, then what became of them); a member's page links to
// the visit request. 375 px, Dutch and English, axe on
// every page, screenshots. Run: VERBINDER_BINARY=... node --test web/test/events.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  ANJA, LEADER, PIETER, apiSession, axeViolations, fakeCamera, goto, login, perFile, qrVideo, screenshot, scrollWidth, settle,
} from './harness.mjs';

const { server, browser, browsers } = perFile();

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
    // The leader wrote Markdown; the member reads it rendered, not as asterisks.
    assert.equal(await page.locator('.description strong').textContent(), 'tafels');
    assert.equal((await page.locator('.description').textContent()).trim(), 'Borrel met tafels.');
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
    await page.getByText('De bijeenkomst is vol: je staat op de wachtlijst.').first().waitFor();
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
    await page.getByText('Verzoek verstuurd aan Pieter Lammerink.').first().waitFor();
    assert.match(await page.locator('#requests').textContent(), /Aan Pieter Lammerink.*Wacht op antwoord/s);
    // The suggestion card says it is asked, and offers no second request.
    await card.locator('[data-state=asked]', { hasText: 'Je vroeg Pieter Lammerink om een gesprek hier. Wacht op antwoord.' }).waitFor();
    assert.equal(await card.locator('summary').count(), 0);
    await checkPage(anja, 'event-request-375-nl');

    await goto(pieter.page, `${server.base}/events/${eventId}`);
    const req = pieter.page.locator('#requests li', { hasText: 'From Anja Kamphuis' });
    assert.match(await req.textContent(), /Hoe plan jij de ploegen\?/);
    // His suggestion card for Anja shows her request with its message, and the way to say yes.
    const hers = pieter.page.locator('#suggestions li', { hasText: 'Anja Kamphuis' });
    const theirs = hers.locator('[data-state=theirs]');
    assert.match(await theirs.textContent(), /Anja Kamphuis asked you for a meeting here\..*Hoe plan jij de ploegen\?/s);
    assert.equal(await hers.getByRole('button', { name: 'Accept: Anja Kamphuis' }).count(), 1);
    await checkPage(pieter, 'event-request-375-en');
    await req.getByRole('button', { name: 'Accept: Anja Kamphuis' }).click();
    await pieter.page.locator('.status-near').getByText('You will meet Anja Kamphuis. The meeting is in your schedule.', { exact: true }).waitFor();
    assert.match(await pieter.page.locator('#requests').textContent(), /Accepted/);
    await hers.locator('[data-state=agreed]', { hasText: 'Agreed: you are meeting Anja Kamphuis here.' }).waitFor();
    await goto(page, `${server.base}/events/${eventId}`);
    await card.locator('[data-state=agreed]', { hasText: 'Afgesproken: je spreekt Pieter Lammerink hier.' }).waitFor();
    assert.equal(await card.locator('summary').count(), 0);
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
    // The event is on now: the door comes first.
    assert.equal(await page.locator('main section.card').first().getAttribute('id'), 'checkin');
    await checkPage(leader, 'leader-event-375-nl');
    // After an event the yield comes first, not behind the list of names: last spring's congress of the demo.
    const api = await apiSession(server.base, LEADER);
    const past = (await api.call('GET', '/api/v1/events?limit=50')).items.find((e) => e.title === 'Congres Zorg & Industrie 2026');
    await goto(page, `${server.base}/leader/events/${past.id}`);
    await page.locator('#report p').first().waitFor();
    assert.equal(await page.locator('main section.card').first().getAttribute('id'), 'report');
    const y = await api.call('GET', `/api/v1/events/${past.id}/report`);
    assert.equal((await page.locator('#report p').first().textContent()).trim(),
      `${y.attendance.checked_in} van de ${y.attendance.registered} aangemelden kwamen (${y.attendance.no_shows} no-shows).`);
    assert.ok(y.attendance.checked_in > 0 && y.attendance.no_shows < y.attendance.registered / 5, 'the demo congress had its people');
    assert.match(await page.locator('#report').textContent(), /Er waren geen 1-op-1-gesprekken ingepland\./);
    assert.doesNotMatch(await page.locator('#report').textContent(), /0 van de 0 gesprekken|Nut: gemiddeld 0,0/);
    await checkPage(leader, 'leader-event-past-375-nl');
    await goto(page, `${server.base}/leader/events/${eventId}`);
    // The printable sheets open as their own pages.
    const sheet = await leader.context.request.get(`${server.base}/api/v1/events/${eventId}/tables/print?lang=nl`);
    assert.equal(sheet.status(), 200);
    const html = await sheet.text();
    assert.match(html, /Anja Kamphuis &amp; Pieter Lammerink/);
    assert.match(html, /Netwerkborrel &lt;Hengelo&gt; &amp; co/);
    noProblems(leader);
  });

  test('at the door the leader scans the QR code of Pieter with the camera and he is checked in', async () => {
    const p = await apiSession(server.base, PIETER);
    const code = (await p.call('GET', `/api/v1/events/${eventId}/registration`)).checkin_code;
    assert.match(code, /^VB-/);
    const video = qrVideo(code);
    const cam = await browser({ args: fakeCamera(video) });
    await login(cam.page, server.base, LEADER);
    await goto(cam.page, `${server.base}/leader/events/${eventId}`);
    await cam.page.getByRole('button', { name: 'Scannen met de camera' }).click();
    await cam.page.getByText('Pieter Lammerink is ingecheckt.').waitFor({ timeout: 30000 });
    const api = await apiSession(server.base, LEADER);
    const regs = await api.call('GET', `/api/v1/events/${eventId}/registrations?status=registered&q=Pieter`);
    assert.ok(regs.items.find((r) => r.member_id === p.memberId)?.checked_in_at > 0, 'checked in through the API path');
    await checkPage(cam, 'leader-checkin-camera-375-nl');
    await cam.page.getByRole('button', { name: 'Camera stoppen' }).click();
    await cam.page.getByRole('button', { name: 'Scannen met de camera' }).waitFor();
    noProblems(cam);
    // jsQR is its own chunk, loaded by the camera button only: not by the member's event page.
    const jsqrLoaded = async (page) => {
      const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
      const bodies = await Promise.all(urls.map(async (u) => (await fetch(u)).text()));
      return bodies.some((b) => b.includes('invertFirst'));  // one of jsQR's own option names
    };
    assert.equal(await jsqrLoaded(cam.page), true);
    await goto(anja.page, `${server.base}/events/${eventId}`);
    assert.equal(await jsqrLoaded(anja.page), false);
  });

  test('networking rounds: Pieter marks a slot he cannot make, opts out and back in; the leader adds, moves and removes slots', async () => {
    const api = await apiSession(server.base, LEADER);
    const a = await apiSession(server.base, ANJA);
    const p = await apiSession(server.base, PIETER);
    const start = Math.floor((now + 3 * 86400) / 3600) * 3600;  // a whole hour: datetime-local inputs have no seconds
    const ev = await api.call('POST', '/api/v1/events', { title: 'Rondes', kind: 'network_drinks', starts_at: start, ends_at: start + 4 * 3600, capacity: 0 });
    for (const m of [a, p]) await m.call('POST', `/api/v1/events/${ev.id}/registrations`);
    const req = await a.call('POST', `/api/v1/events/${ev.id}/meeting-requests`, { to: p.memberId, message: 'Rondes?' });
    await p.call('POST', `/api/v1/meeting-requests/${req.id}/accept`);
    const round = await api.call('POST', `/api/v1/events/${ev.id}/rounds`, {
      title: 'Ronde A', tables: 2, max_meetings: 1,
      slots: [{ starts_at: start + 3600, ends_at: start + 4500 }, { starts_at: start + 4800, ends_at: start + 5700 }],
    });
    const [s1, s2] = round.slots.map((x) => x.id);

    // Pieter (English, 375 px) cannot make the first slot; he opts out and back in.
    const { page } = pieter;
    await goto(page, `${server.base}/events/${ev.id}`);
    const form = page.locator(`#availability-${round.id}`);
    await form.locator(`#away-${s1}`).check();
    assert.match(await form.locator(`label[for=away-${s1}]`).textContent(), /^\d\d:\d\d–\d\d:\d\d — I am not available$/);
    await form.getByRole('button', { name: 'Save my availability' }).click();
    await page.getByText('Your availability is saved.').first().waitFor();
    assert.deepEqual((await p.call('GET', `/api/v1/rounds/${round.id}/availability`)).unavailable_slot_ids, [s1]);
    await checkPage(pieter, 'event-rounds-375-en');
    await page.getByLabel('Take part in the networking rounds').uncheck();
    await page.getByText('You no longer take part in the networking rounds.').first().waitFor();
    assert.equal((await p.call('GET', `/api/v1/events/${ev.id}/registration`)).rounds_opt_out, true);
    assert.match(await page.locator('#rounds').textContent(), /You do not take part in the rounds/);
    await page.getByLabel('Take part in the networking rounds').check();
    await page.getByText('You take part in the networking rounds again.').first().waitFor();
    assert.equal((await p.call('GET', `/api/v1/events/${ev.id}/registration`)).rounds_opt_out, false);
    assert.equal(await page.locator(`#away-${s1}`).isChecked(), true, 'the saved availability is shown again');
    noProblems(pieter);

    // The schedule puts Anja and Pieter in the second slot: he cannot make the first.
    assert.equal((await api.call('POST', `/api/v1/rounds/${round.id}/schedule`)).added, 1);
    const scheduled = async () => (await api.call('GET', `/api/v1/rounds/${round.id}/meetings`)).items.filter((m) => m.status === 'scheduled');
    assert.equal((await scheduled())[0].slot_id, s2);

    // The leader (Dutch) adds a third slot.
    const lp = leader.page;
    await goto(lp, `${server.base}/leader/events/${ev.id}`);
    const art = lp.locator(`#round-${round.id}`);
    await art.locator('summary', { hasText: 'Tijdslot toevoegen' }).click();
    const add = lp.locator(`#add-slot-${round.id}`);
    await add.getByLabel('Tijdslot begint').fill(amsterdamInput(start + 6000));
    await add.getByLabel('Minuten per tijdslot').fill('15');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await lp.getByText(/Tijdslot \d\d:\d\d–\d\d:\d\d toegevoegd/).waitFor();
    assert.equal(await lp.locator(`#slots-${round.id} > li`).count(), 3);
    const s3 = (await api.call('GET', `/api/v1/events/${ev.id}/rounds`)).items[0].slots[2];
    assert.deepEqual([s3.starts_at, s3.ends_at], [start + 6000, start + 6900]);

    // She moves the second slot (with the meeting) to later: the confirmation counts the meeting.
    const notes = async (s) => (await s.call('GET', '/api/v1/notifications?limit=1')).total;
    const [anjaNotes, pieterNotes] = [await notes(a), await notes(p)];
    const slot2 = lp.locator(`#slot-${s2}`);
    assert.match(await slot2.textContent(), /gesprekken: 1/);
    await slot2.locator('summary', { hasText: 'Verplaatsen' }).click();
    await slot2.getByLabel('Tijdslot begint').fill(amsterdamInput(start + 7200));
    await slot2.getByRole('button', { name: 'Tijdslot verplaatsen' }).click();
    await slot2.getByText(/^Gesprekken in dit tijdslot: 1\. Ze gaan mee naar \d\d:\d\d–\d\d:\d\d/).waitFor();
    await checkPage(leader, 'leader-slot-move-confirm-375-nl');
    await slot2.getByRole('button', { name: 'Ja, verplaatsen' }).click();
    await lp.locator('#leader-status').getByText(/Tijdslot verplaatst naar .*Gesprekken meeverplaatst: 1/).waitFor();
    let live = await scheduled();
    assert.equal(live.length, 1);
    assert.deepEqual([live[0].slot_id, live[0].starts_at], [s2, start + 7200], 'the meeting moved along');
    assert.ok(await notes(a) > anjaNotes && await notes(p) > pieterNotes, 'both were told');

    // She removes it: the meeting is rescheduled (into the added slot: Pieter cannot make the first) and listed.
    const moved = lp.locator(`#slot-${s2}`);
    await moved.getByRole('button', { name: /^Tijdslot \d\d:\d\d–\d\d:\d\d verwijderen$/ }).click();
    await moved.getByText(/^Gesprekken in dit tijdslot: 1\. Ze worden waar mogelijk/).waitFor();
    await moved.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await lp.locator('#leader-status').getByText('Tijdslot verwijderd. Opnieuw ingepland: 1, vervallen: 0. Iedereen die het aangaat kreeg bericht.').waitFor();
    assert.match(await lp.locator(`#slot-outcome-${round.id}`).textContent(), /^Anja Kamphuis & Pieter Lammerink: nu \d\d:\d\d–\d\d:\d\d, tafel \d$/);
    assert.equal(await lp.locator(`#slots-${round.id} > li`).count(), 2);
    live = await scheduled();
    assert.equal(live.length, 1);
    assert.equal(live[0].slot_id, s3.id);
    await checkPage(leader, 'leader-slot-removed-375-nl');
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
    // Every group-table line names the tablemates, or says nobody else is seated there yet.
    for (const line of await page.locator('#my-tables li').allTextContents())
      assert.doesNotMatch(line.trim(), /Met$/, `a table line without names: ${line}`);
    // The rating says what it is for (issue #20: useful meetings teach the suggestions).
    const hint = item.getByText(/Een 4 of 5 leert verbinder wie kan helpen bij een vraag als de jouwe/);
    await hint.waitFor();
    assert.equal(await item.getByLabel('Hoe nuttig was het?').getAttribute('aria-describedby'), await hint.getAttribute('id'));
    await item.getByLabel('Hoe nuttig was het?').selectOption('5');
    // Which of her questions it helped with: the suggestions learn from that one only (issue #20).
    const helped = item.getByLabel('Bij welke van je vragen hielp het?');
    assert.match(await helped.locator('option').first().textContent(), /niet gekozen/);
    assert.match(await helped.locator('option').last().textContent(), /Bij geen van mijn vragen/);
    await helped.selectOption({ label: 'Wachtlijst voor wijkverpleging blijft groeien' });
    const question = Number(await helped.inputValue());
    assert.ok(question > 0);
    await item.getByRole('button', { name: 'Ja, we hebben gesproken' }).click();
    await page.getByText('Dank je, opgeslagen.').first().waitFor();
    await page.getByText('Je gaf aan dat het gesprek plaatsvond.').waitFor();
    const printable = await anja.context.request.get(`${server.base}/api/v1/events/${eventId}/schedule/print`);
    assert.equal(printable.status(), 200);
    assert.match(await printable.text(), /Schema van Anja Kamphuis/);
    // Her own data export shows the answer as stored.
    const exported = await (await anja.context.request.get(`${server.base}/api/v1/me/export`)).json();
    assert.deepEqual(exported.meeting_feedback.map((f) => [f.usefulness, f.helped_challenge]), [[5, question]]);

    await goto(pieter.page, `${server.base}/events/${eventId}/schedule`);
    assert.equal(await pieter.page.locator('h1').textContent(), 'My schedule');
    assert.match(await pieter.page.locator('#schedule').textContent(), /With: Anja Kamphuis/);
    await checkPage(pieter, 'schedule-375-en');
    // The rating form at 1280 px in English, too (Pieter has not rated yet).
    await pieter.page.getByLabel('Which of your questions did it help with?').waitFor();
    await pieter.page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(pieter.page, 'schedule-rating-1280-en');
    await pieter.page.setViewportSize({ width: 375, height: 812 });
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
    // From Pieter's member page (he hosts visits): the request form, prefilled with him.
    await goto(page, `${server.base}/members/${p.memberId}`);
    await page.getByRole('link', { name: 'Vraag een bezoek aan' }).click();
    await settle(page);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, `/visits?host=${p.memberId}`);
    assert.equal(await page.locator('h1').textContent(), 'Bezoeken');
    // The host is chosen by name (the member picker), never typed as a number.
    assert.match((await page.locator('#visit-host-chosen').textContent()).trim(), /^Gekozen: Pieter Lammerink\b/);
    // Not for a member who hosts no visits (the leader), nor on one's own page.
    await goto(page, `${server.base}/members/${(await apiSession(server.base, LEADER)).memberId}`);
    await page.locator('#h-exp').waitFor();
    assert.equal(await page.locator('#request-visit').count(), 0);
    await goto(pieter.page, `${server.base}/members/${p.memberId}`);
    assert.equal(await pieter.page.locator('#request-visit').count(), 0);
    await goto(page, `${server.base}/visits?host=${p.memberId}`);
    // The demo's story is on the visits page too (the ledger's visit_held has its visit):
    // in June Pieter came to look at Anja's district team, as he asked at the borrel.
    const june = page.locator('#visits li', { hasText: 'Bezoek van Pieter Lammerink' });
    assert.match(await june.textContent(), /Heeft plaatsgevonden.*jun 2026.*wijkteam Hengelo-Noord.*wachtlijst van jullie wijkteam/s);
    assert.equal(await june.locator('button').count(), 0, 'nothing left to do on a visit that happened');
    await page.getByLabel('Waarom wil je komen kijken?').fill('Ik wil zien hoe jullie de planning op de vloer doen.');
    await page.getByLabel('Optie 1').fill(amsterdamInput(now + 14 * 86400));
    await checkPage(anja, 'visits-375-nl');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Je verzoek is verstuurd.').first().waitFor();
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
