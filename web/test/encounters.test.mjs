// Browser tests of "we spraken elkaar" (issue 14: presence is not a tie; a tie
// becomes real when both say they spoke) in Debian's chromium against a real
// `verbinder serve` on a fresh demo database, which has a live borrel
// ("Netwerkborrel Zorg & Industrie") that Anja and Pieter are not registered for.
// Anja (375 px, Dutch, a fake camera showing Pieter's connect code) and Pieter
// (375 px, English) register through the UI; Anja scans Pieter's code → waiting
// for confirmation, not a tie; Pieter opens the notification, sees the claim on
// his home page and confirms → both see the tie as real. A one-sided claim stays
// pending and is no tie (then withdrawn); a hidden member is never named ("een
// lid"); /connect/<code> logs in first and comes back, links to registering and
// records the claim; a claim is declined from the home page. axe on every page,
// screenshots at 375 px (Dutch) and 1280 px (English). No fixed sleeps: every
// step waits for the state it needs.
// Run: VERBINDER_BINARY=... node --test web/test/encounters.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  ANJA, ARTIFACTS, LEADER, PIETER, apiSession, axeViolations, fakeCamera, goto, login, perFile, qrVideo, screenshot, scrollWidth, settle,
} from './harness.mjs';
import fs from 'node:fs';
import path from 'node:path';

const BORREL = 'Netwerkborrel Zorg & Industrie';
const { server, browser } = perFile();

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}
async function checkPage(b, name, width = 375) {
  assert.deepEqual(await axeViolations(b.page), [], `axe on ${name}`);
  if (width === 375) assert.ok(await scrollWidth(b.page) <= 375, `${name}: no sideways scrolling at 375 px`);
  await screenshot(b.page, name);
}
// The "Wie sprak je?" section on its own, to look at.
async function sectionShot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator('#encounters').screenshot({ path: path.join(ARTIFACTS, name + '.png') });
}
async function english(page) {
  await page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
}

describe('encounters: we spraken elkaar', () => {
  let A, P, anja, pieter, leader, nina, borrel, pieterCode;
  const tie = (s, other) => s.call('GET', `/api/v1/ties/${s.memberId}/${other}`);

  before(async () => {
    [anja, pieter, leader] = await Promise.all([apiSession(server.base, ANJA), apiSession(server.base, PIETER), apiSession(server.base, LEADER)]);
    const events = await anja.call('GET', '/api/v1/events?upcoming=true&limit=100');
    borrel = events.items.find((e) => e.title === BORREL);
    assert.ok(borrel, 'the demo has the live borrel');
    const now = Date.now() / 1000;
    assert.ok(borrel.starts_at <= now && now < borrel.ends_at, 'the borrel is on now');
    pieterCode = await pieter.call('GET', '/api/v1/me/connect-code');
    assert.match(pieterCode.code, /^[0-9A-Z]{8}$/);
    assert.equal(pieterCode.path, '/connect/' + pieterCode.code);
    // Anja's phone camera sees Pieter's QR code: the absolute URL, as his phone shows it.
    A = await browser({ args: fakeCamera(qrVideo(server.base + pieterCode.path)) });
    P = await browser({ lang: 'en-GB' });
    await login(A.page, server.base, ANJA);
    await login(P.page, server.base, PIETER);
    await english(P.page);
  });

  test('Anja and Pieter register for the live borrel through the UI and see "Wie sprak je?" with their connect code', async () => {
    const { page } = A;
    await goto(page, server.base + '/events');
    await page.getByRole('link', { name: BORREL, exact: true }).click();
    await settle(page);
    // Not registered yet: the section says what to do next.
    await page.locator('#encounters #enc-next').getByText(/^Meld je eerst aan voor deze bijeenkomst/).waitFor();
    await page.locator('#register').click();
    await page.locator('#encounters').getByRole('heading', { name: 'Wie sprak je?', level: 2 }).waitFor();
    await page.getByRole('img', { name: /^QR-code van mijn verbindcode [0-9A-Z]{8}$/ }).waitFor();
    const code = (await anja.call('GET', '/api/v1/me/connect-code')).code;
    assert.equal(await page.locator('#enc-mycode-code').textContent(), code);
    assert.ok((await page.locator('#enc-mycode svg path').getAttribute('d')).length > 200, 'QR modules drawn');
    await page.getByRole('button', { name: 'Scan een verbindcode' }).waitFor();
    assert.equal(await page.locator('#enc-mine-list').count(), 0);
    assert.match(await page.locator('#enc-mine').textContent(), /Nog niemand\./);
    await checkPage(A, 'encounters-event-375-nl');
    await sectionShot(page, 'encounters-section-375-nl');
    noProblems(A);

    const p = P.page;
    await goto(p, `${server.base}/events/${borrel.id}`);
    await p.locator('#encounters #enc-next').getByText(/^Register for this event first/).waitFor();
    await p.locator('#register').click();
    await p.locator('#encounters').getByRole('heading', { name: 'Whom did you speak with?', level: 2 }).waitFor();
    assert.equal(await p.locator('#enc-mycode-code').textContent(), pieterCode.code);
    await checkPage(P, 'encounters-event-375-en');
    noProblems(P);
  });

  test('Anja scans Pieter\'s code with the camera: waiting for confirmation, not yet a tie; Pieter confirms, both see the tie as real', async () => {
    const before = await tie(anja, pieter.memberId);
    const { page } = A;
    await page.getByRole('button', { name: 'Scan een verbindcode' }).click();
    const item = page.locator('#enc-mine-list li', { hasText: 'Pieter Lammerink' });
    await item.getByText('wacht op bevestiging').waitFor({ timeout: 30000 });
    // The feedback is next to the scan button, and the camera stopped by itself.
    await page.locator('#enc-add-status').getByText(/^Opgeslagen: je sprak Pieter Lammerink\. We vragen de ander het te bevestigen/).waitFor();
    await page.getByRole('button', { name: 'Scan een verbindcode' }).waitFor();
    assert.equal(await page.locator('#enc-scan-video').count(), 0);
    assert.match(await item.textContent(), /Nog geen verbinding tot de ander het bevestigt; open tot \d{1,2} \w+ \d{4}/);
    const pending = await tie(anja, pieter.memberId);
    assert.equal(pending.interactions, before.interactions, 'a pending claim is not an interaction');
    assert.ok(!pending.history.some((i) => i.event_id === borrel.id));
    await checkPage(A, 'encounters-claimed-375-nl');
    noProblems(A);

    // Pieter: the notification opens the event's section and is marked read.
    const p = P.page;
    await goto(p, server.base + '/notifications');
    const note = p.locator('#notifications li', { hasText: `Anja Kamphuis says you spoke at ${BORREL}. Did you?` });
    await note.getByRole('link', { name: 'Open' }).click();
    await p.waitForURL((u) => u.pathname === `/events/${borrel.id}` && u.hash === '#encounters');
    await settle(p);
    await p.locator('#enc-to-confirm').getByText(`Anja Kamphuis says you spoke at ${BORREL}. Did you?`).waitFor();
    const unread = await pieter.call('GET', '/api/v1/notifications?unread=true&limit=100');
    assert.ok(!unread.items.some((n) => n.ref === `encounters:${borrel.id}`), 'opening it marked it read');
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'h-enc', 'focus on the section heading');

    // ... and his home page asks near the top; he confirms there.
    await goto(p, server.base + '/');
    const ask = p.locator('#to-confirm li', { hasText: `Anja Kamphuis says you spoke at ${BORREL}. Did you?` });
    await ask.waitFor();
    await checkPage(P, 'encounters-home-375-en');
    await ask.getByRole('button', { name: 'Yes, we spoke: Anja Kamphuis' }).click();
    await ask.getByText('You and Anja Kamphuis spoke: your tie is real.').waitFor();
    assert.equal(await ask.locator('.enc-state').textContent(), 'real');
    noProblems(P);

    const real = await tie(anja, pieter.memberId);
    assert.equal(real.real, true);
    assert.equal(real.interactions, before.interactions + 1, 'one met_at_event for the confirmed encounter');
    assert.ok(real.history.some((i) => i.kind === 'met_at_event' && i.event_id === borrel.id && /^encounter:\d+$/.test(i.source)));

    // Both see it: Anja's claim is real, and each other's ties page says so.
    await goto(page, `${server.base}/events/${borrel.id}`);
    await page.locator('#enc-mine-list li', { hasText: 'Pieter Lammerink' }).locator('.enc-state', { hasText: 'echt' }).waitFor();
    const tiesPage = async (s, other) => {
      const all = await s.call('GET', `/api/v1/members/${s.memberId}/ties?real=true&limit=500`);
      const i = all.items.findIndex((x) => x.member === other);
      assert.ok(i >= 0, 'listed among the real ties');
      return `/ties?show=real${i >= 25 ? `&page=${Math.floor(i / 25) + 1}` : ''}`;
    };
    await goto(page, server.base + await tiesPage(anja, pieter.memberId));
    const pc = page.locator('.member-card', { hasText: 'Pieter Lammerink' });
    assert.equal(await pc.locator('.badge.real').textContent(), 'echt');
    await goto(p, server.base + await tiesPage(pieter, anja.memberId));
    const ac = p.locator('.member-card', { hasText: 'Anja Kamphuis' });
    assert.equal(await ac.locator('.badge.real').textContent(), 'real');
    noProblems(A);
    noProblems(P);
  });

  test('a one-sided claim (picked from the list) stays pending, is no tie on Anja\'s ties page, and can be withdrawn', async () => {
    // Someone at the borrel Anja has no tie with: from her list, else from the attendees.
    const o = await anja.call('GET', `/api/v1/events/${borrel.id}/encounters`);
    const noTie = async (id) => (await tie(anja, id)).interactions === 0;
    let other = null, fromList = false;
    for (const c of o.candidates) {
      if (c.state === 'none' && c.person.member_id && await noTie(c.person.member_id)) { other = c.person; fromList = true; break; }
    }
    if (!other) {
      const regs = await anja.call('GET', `/api/v1/events/${borrel.id}/registrations?status=registered&limit=100`);
      for (const r of regs.items) {
        if (r.member_id !== anja.memberId && r.member_id !== pieter.memberId && await noTie(r.member_id)) {
          other = { member_id: r.member_id, name: r.member_name };
          break;
        }
      }
    }
    assert.ok(other, 'an attendee Anja has no tie with');
    const counts = async () => [(await anja.call('GET', `/api/v1/members/${anja.memberId}/ties?limit=1`)).total,
      (await anja.call('GET', `/api/v1/members/${anja.memberId}/ties?real=true&limit=1`)).total];
    const beforeCounts = await counts();

    const { page } = A;
    await goto(page, `${server.base}/events/${borrel.id}`);
    let li;
    if (fromList) {
      li = page.locator(`#enc-candidate-list li[data-member="${other.member_id}"]`);
    } else {
      await page.getByLabel('Zoek onder de aanwezigen').fill(other.name);
      await page.locator('#enc-search').getByRole('button', { name: 'Zoeken' }).click();
      li = page.locator(`#enc-search-results li[data-member="${other.member_id}"]`);
    }
    await li.getByRole('button', { name: `We spraken elkaar: ${other.name}` }).click();
    // Feedback inside the item, next to where the button was.
    await li.getByText(`Opgeslagen: je sprak ${other.name}. We vragen de ander het te bevestigen; tot dan is het nog geen verbinding.`).waitFor();
    assert.equal(await li.locator('.enc-state').textContent(), 'wacht op bevestiging');
    const mine = page.locator(`#enc-mine-list li`, { hasText: other.name });
    await mine.getByText('wacht op bevestiging').waitFor();
    await checkPage(A, 'encounters-one-sided-375-nl');

    const t = await tie(anja, other.member_id);
    assert.equal(t.interactions, 0);
    assert.equal(t.real, false);
    assert.deepEqual(await counts(), beforeCounts, 'no new tie, no new real tie');
    await goto(page, server.base + '/ties');
    assert.equal(await page.locator('.member-card', { hasText: other.name }).count(), 0, 'not on the ties page');
    await goto(page, server.base + '/ties?show=real');
    assert.equal(await page.locator('.member-card', { hasText: other.name }).count(), 0, 'not among the real ties');

    // Withdrawn: the item says so, in place.
    await goto(page, `${server.base}/events/${borrel.id}`);
    const again = page.locator(`#enc-mine-list li`, { hasText: other.name });
    await again.getByRole('button', { name: `Intrekken: ${other.name}` }).click();
    await again.getByText('Ingetrokken.').waitFor();
    assert.equal(await again.locator('.enc-state').textContent(), 'ingetrokken');
    const after = await anja.call('GET', `/api/v1/events/${borrel.id}/encounters`);
    assert.equal(after.mine.find((e) => e.other.member_id === other.member_id)?.status, 'withdrawn');
    noProblems(A);
  });

  test('a hidden member is never named: claiming them by their code shows "een lid"', async () => {
    const email = 'verborgen.lid@example.test', password = 'verborgen-wachtwoord-1';
    const m = await leader.call('POST', '/api/v1/members', { name: 'Verborgen Vera', email, organization: 'Geheim BV' });
    await leader.call('POST', '/api/v1/accounts', { member_id: m.id, password, role: 'member' });
    const hidden = await apiSession(server.base, email, password);
    await hidden.call('PATCH', `/api/v1/members/${m.id}`, { visibility: 'hidden' });
    await hidden.call('POST', `/api/v1/events/${borrel.id}/registrations`);
    const code = (await hidden.call('GET', '/api/v1/me/connect-code')).code;

    // Anja opens the code's link (what her phone's camera would open).
    const { page } = A;
    await goto(page, `${server.base}/connect/${code}`);
    assert.equal(await page.locator('h1').textContent(), 'Sprak je deze persoon?');
    const ev = page.locator(`#connect-events li[data-event="${borrel.id}"]`);
    await checkPage(A, 'encounters-connect-375-nl');
    await ev.getByRole('button', { name: `We spraken elkaar op ${BORREL}` }).click();
    await ev.getByText('Opgeslagen: je sprak een lid. We vragen de ander het te bevestigen; tot dan is het nog geen verbinding.').waitFor();
    assert.doesNotMatch(await page.locator('main').textContent(), /Verborgen|Vera|Geheim/);

    // On the event page: "Een lid", never the name; not findable among the attendees.
    await goto(page, `${server.base}/events/${borrel.id}`);
    const item = page.locator('#enc-mine-list li', { hasText: 'Een lid' });
    await item.getByText('wacht op bevestiging').waitFor();
    assert.equal(await item.locator('a').count(), 0, 'no link to a hidden profile');
    await page.getByLabel('Zoek onder de aanwezigen').fill('Verborgen');
    await page.locator('#enc-search').getByRole('button', { name: 'Zoeken' }).click();
    await page.locator('#enc-search-results').getByText('Geen aanwezige met die naam.').waitFor();
    // Wrong codes are told apart, next to the field.
    const typed = page.getByLabel('Of typ diens verbindcode');
    const send = page.locator('#enc-code-form').getByRole('button', { name: 'We spraken elkaar' });
    const said = page.locator('#enc-add-status');
    for (const [text, answer] of [['ZZZZ-ZZZZ', 'Onbekende verbindcode.'], ['abc', 'Dat is geen verbindcode: 8 letters en cijfers.'],
      [(await anja.call('GET', '/api/v1/me/connect-code')).code, 'Dit is je eigen verbindcode.']]) {
      await typed.fill(text);
      await send.click();
      await said.getByText(answer, { exact: true }).waitFor();
      assert.equal(await said.getByRole('alert').count(), 1);
    }
    // Typing the code again answers the same claim, still without a name.
    await page.getByLabel('Of typ diens verbindcode').fill(code.toLowerCase().slice(0, 4) + '-' + code.slice(4));
    await page.locator('#enc-code-form').getByRole('button', { name: 'We spraken elkaar' }).click();
    await page.locator('#enc-add-status').getByText(/^Opgeslagen: je sprak een lid\./).waitFor();
    assert.doesNotMatch(await page.locator('main').textContent(), /Verborgen|Vera|Geheim/);
    const o = await anja.call('GET', `/api/v1/events/${borrel.id}/encounters`);
    const claim = o.mine.find((e) => e.other.hidden);
    assert.deepEqual([claim.other.member_id, claim.other.name, claim.status], [null, null, 'pending']);
    assert.ok(!JSON.stringify(o).includes('Verborgen'), 'the API names nobody hidden');
    // The hidden member sees Anja's claim (Anja is visible to them).
    const theirs = await hidden.call('GET', '/api/v1/encounters/to-confirm');
    assert.equal(theirs.items[0].other.name, 'Anja Kamphuis');
    await checkPage(A, 'encounters-hidden-375-nl');
    noProblems(A);
  });

  test('/connect/<code> when signed out: log in first, come back, register for the borrel, and record the encounter', async () => {
    // A new member, registered for nothing yet.
    const email = 'nieuw.lid@example.test', password = 'nieuw-lid-wachtwoord-1';
    const m = await leader.call('POST', '/api/v1/members', { name: 'Nina Nieuw', email, organization: 'Gemeente Hengelo' });
    await leader.call('POST', '/api/v1/accounts', { member_id: m.id, password, role: 'member' });
    nina = await apiSession(server.base, email, password);
    const L = await browser();
    const { page } = L;
    await page.goto(`${server.base}/connect/${pieterCode.code}`);
    await page.waitForURL((u) => u.pathname === '/login');
    await settle(page);
    assert.equal(new URL(page.url()).searchParams.get('next'), `/connect/${pieterCode.code}`);
    await page.locator('#login-connect').getByText('Log eerst in; daarna leg je vast dat jullie elkaar spraken.').waitFor();
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === `/connect/${pieterCode.code}`);
    await settle(page);
    // Nina is not registered: no event to choose, a link to register for the borrel.
    await page.locator('#connect-none').getByText('Je bent niet aangemeld voor een bijeenkomst die nu loopt of minder dan 14 dagen geleden was.').waitFor();
    await checkPage(L, 'encounters-connect-unregistered-375-nl');
    await page.getByRole('link', { name: `Aanmelden voor ${BORREL}` }).click();
    await page.waitForURL((u) => u.pathname === `/events/${borrel.id}`);
    await settle(page);
    await page.locator('#register').click();
    await page.locator('#encounters').getByRole('heading', { name: 'Wie sprak je?' }).waitFor();
    assert.equal(await page.getByLabel('Of typ diens verbindcode').inputValue(), pieterCode.code, 'the code came along');
    await page.locator('#enc-code-form').getByRole('button', { name: 'We spraken elkaar' }).click();
    await page.locator('#enc-add-status').getByText(/^Opgeslagen: je sprak Pieter Lammerink\./).waitFor();
    await page.waitForFunction(() => document.querySelector('#enc-code')?.value === '');   // cleared for the next one
    noProblems(L);
  });

  test('a claim to confirm is declined from the home page; pages at 1280 px in English', async () => {
    // Nina (registered now) says she spoke with Anja; Anja says no.
    await nina.call('POST', `/api/v1/events/${borrel.id}/encounters`, { member_id: anja.memberId });
    const { page } = A;
    await goto(page, server.base + '/');
    const ninaName = 'Nina Nieuw';
    const ask = page.locator('#to-confirm li', { hasText: `${ninaName} zegt dat jullie elkaar spraken op ${BORREL}. Klopt dat?` });
    await ask.waitFor();
    await checkPage(A, 'encounters-home-375-nl');
    await ask.getByRole('button', { name: `Klopt niet, we spraken elkaar niet: ${ninaName}` }).click();
    await ask.getByText(`Genoteerd: je sprak ${ninaName} niet.`).waitFor();
    assert.equal(await ask.locator('.enc-state').textContent(), 'niet bevestigd');
    assert.equal((await anja.call('GET', '/api/v1/encounters/to-confirm')).items.length, 0);
    noProblems(A);

    // Pieter on a laptop, in English: home (Nina's claim to confirm), the event section, /connect.
    const p = P.page;
    await p.setViewportSize({ width: 1280, height: 900 });
    await goto(p, server.base + '/');
    await p.locator('#to-confirm li', { hasText: `${ninaName} says you spoke at ${BORREL}. Did you?` }).waitFor();
    await checkPage(P, 'encounters-home-1280-en', 1280);
    await goto(p, `${server.base}/events/${borrel.id}#encounters`);
    await p.locator('#enc-to-confirm').getByText(`${ninaName} says you spoke at ${BORREL}. Did you?`).waitFor();
    await checkPage(P, 'encounters-event-1280-en', 1280);
    await sectionShot(p, 'encounters-section-1280-en');
    const anjaCode = (await anja.call('GET', '/api/v1/me/connect-code')).code;
    await goto(p, `${server.base}/connect/${anjaCode}`);
    await p.getByRole('button', { name: `We spoke at ${BORREL}` }).waitFor();
    await checkPage(P, 'encounters-connect-1280-en', 1280);
    // Pieter's own code on his profile, and his own code's link says so.
    await goto(p, server.base + '/profile');
    assert.equal(await p.locator('#connect-code-code').textContent(), pieterCode.code);
    await p.getByRole('img', { name: `QR code of my connect code ${pieterCode.code}` }).waitFor();
    await checkPage(P, 'encounters-profile-1280-en', 1280);
    await goto(p, `${server.base}/connect/${pieterCode.code}`);
    await p.getByText('This is your own connect code: let someone else scan it.').waitFor();
    noProblems(P);
  });
});
