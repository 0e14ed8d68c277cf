// Browser tests of issue #17 point 3: the member's home is a list of next steps
// in priority order — requests waiting for her (meeting, visit, connection)
// answered right there (declining asks first), her next event with schedule,
// check-in code and connect code, people to meet there with one reason each,
// questions she could answer, visits she could make; notifications link to
// their object and are marked read when opened; the unread count shows on the
// menu button (a phone, menu closed). 1280 px English and 375 px Dutch, axe,
// screenshots (docs/screenshots/member-home-*.png when VERBINDER_DOCS_SCREENSHOTS=1).
// Run: VERBINDER_BINARY=... node --test web/test/member-home.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import {
  ANJA, LEADER, PIETER, apiSession, axeViolations, goto, inView, login, perFile, screenshot, scrollWidth, settle,
} from './harness.mjs';

const { server, browser } = perFile();

async function docsShot(page, name) {
  await screenshot(page, name);
  if (process.env.VERBINDER_DOCS_SCREENSHOTS === '1') {
    const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docs', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, name + '.png'), fullPage: true });
  }
}

describe('the member home: next steps', () => {
  let a, p, l, congress, drinks, meetingReq, visit, conn;
  before(async () => {
    a = await apiSession(server.base, ANJA);
    p = await apiSession(server.base, PIETER);
    l = await apiSession(server.base, LEADER);
    const evs = await a.call('GET', '/api/v1/events?upcoming=true&limit=20');
    congress = evs.items.find((e) => e.kind === 'congress');
    // A later event where the leader asks Anja for a meeting (the congress stays her next event).
    drinks = await l.call('POST', '/api/v1/events', {
      title: 'Voorjaarsborrel', kind: 'network_drinks', starts_at: congress.starts_at + 14 * 86400, ends_at: congress.starts_at + 14 * 86400 + 3 * 3600, capacity: 0,
    });
    for (const m of [a, l]) await m.call('POST', `/api/v1/events/${drinks.id}/registrations`);
    meetingReq = await l.call('POST', `/api/v1/events/${drinks.id}/meeting-requests`, { to: a.memberId, message: 'Even bijpraten over de wachtlijst?' });
    const day = Math.floor(Date.now() / 1000) + 20 * 86400;
    visit = await p.call('POST', '/api/v1/visits', { host_id: a.memberId, reason: 'Zien hoe jullie de wijkteams plannen.', proposed: [day, day + 86400] });
    // A connection request to Anja from the leader (if they are not connected yet).
    const existing = await a.call('GET', '/api/v1/connections?status=accepted&limit=500');
    if (!existing.items.some((c) => c.from === l.memberId || c.to === l.memberId)) {
      conn = await l.call('POST', '/api/v1/connections', { to: a.memberId, message: 'Graag verbonden!' });
    }
  });

  test('1280 px en: the next steps in order, with what waits first', async () => {
    const b = await browser({ width: 1280, height: 900, lang: 'en-GB' });
    await login(b.page, server.base, ANJA);
    await b.page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    await goto(b.page, server.base + '/');
    const headings = (await b.page.locator('.next-steps > section > h2').allTextContents()).map((s) => s.trim());
    assert.deepEqual(headings, ['Waiting for you', 'Your next event', 'Online contacts who are coming too', 'People to meet there', 'Questions you could answer', 'Visits you could make']);
    // Her online-only ties who come to the congress, strongest first as the API gives them: three, the rest folded.
    const online = (await a.call('GET', `/api/v1/events/${congress.id}/online-ties`)).items
      .filter((x) => !(x.request && x.request.status === 'pending' && x.request.to === a.memberId));
    assert.ok(online.length > 3, 'the demo gives Anja online contacts at the congress');
    assert.match(await b.page.locator('#online-ties').textContent(), new RegExp(`You know them online but have never met\\. Meet at ${congress.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, and your tie becomes real\\.`));
    assert.deepEqual((await b.page.locator('#online-ties > ul h3').allTextContents()).map((x) => x.trim()), online.slice(0, 3).map((x) => x.name));
    // How she knows each one, in words: connected, or in touch through a question, since a date.
    const how = (await b.page.locator('#online-ties > ul .sub').allTextContents()).map((x) => x.trim());
    assert.deepEqual(how.map((x) => x.startsWith('Connected online since ') ? 'connected' : x.startsWith('In touch through a question to the network since ') ? 'answered' : x),
      online.slice(0, 3).map((x) => x.known_by));
    assert.equal((await b.page.locator('#online-ties-more summary').textContent()).trim(), `${online.length - 3} more online contacts who are coming`);
    const waiting = b.page.locator('#waiting-list');
    assert.match(await waiting.textContent(), new RegExp(`would like to meet you at Voorjaarsborrel`));
    assert.match(await waiting.textContent(), /Pieter Lammerink would like to come and have a look/);
    if (conn) assert.match(await waiting.textContent(), /wants to connect with you/);
    assert.equal((await b.page.locator('#next-event h3').first().textContent()).trim(), congress.title);
    assert.match(await b.page.locator('#home-schedule').textContent(), /with Pieter Lammerink/, 'the demo schedule with Pieter');
    await b.page.locator('#home-connect-code svg[role=img]').waitFor();
    // One reason per person, in English, sectors as words (never a raw key like "industry").
    const people = b.page.locator('#people .next-item');
    assert.ok(await people.count() >= 1);
    for (const sub of await b.page.locator('#people .sub').allTextContents()) assert.doesNotMatch(sub, /\b(industry|care|education|government)\b/);
    // Each reason is one whole sentence (a clause cut at its semicolon ends with a full stop).
    for (const why of await b.page.locator('#people .why').allTextContents()) assert.match(why.trim(), /\.$/, why);
    assert.deepEqual(await axeViolations(b.page), [], 'axe on the home (1280 en)');
    assert.ok(await scrollWidth(b.page) <= 1280);
    await docsShot(b.page, 'member-home-1280-en');
    // Her challenge the demo put to the network, in English: the link, the question's note, and the form
    // that points to the open question instead of asking again.
    const asked = b.page.locator('#my-challenges a.asked').first();
    assert.match(await asked.textContent(), /^Asked the network: (no answers yet|1 answer|\d+ answers)$/);
    const href = await asked.getAttribute('href');
    await asked.click();
    await b.page.waitForURL((u) => u.pathname === href);
    await b.page.locator('#question-challenge').waitFor();
    assert.match(await b.page.locator('#question-challenge').textContent(), /^About your challenge “/);
    assert.deepEqual(await axeViolations(b.page), [], 'axe on the question (1280 en)');
    await screenshot(b.page, 'question-about-challenge-1280-en');
    const challenge = (await a.call('GET', `/api/v1/questions${href.replace('/questions', '')}`)).challenge_id;
    await goto(b.page, server.base + `/questions/new?challenge=${challenge}`);
    await b.page.locator('#already-asked').waitFor();
    assert.match(await b.page.locator('#already-asked').textContent(), /You already asked the network about “.+”\. Its question is still open\./);
    assert.deepEqual(await axeViolations(b.page), [], 'axe on the form, asked already (1280 en)');
    await screenshot(b.page, 'question-already-asked-1280-en');
    assert.deepEqual(b.problems, []);
  });

  test('375 px nl: answer inline (decline asks first), the message in view; the unread count on the menu button', async () => {
    const b = await browser();
    await login(b.page, server.base, ANJA);
    const { page } = b;
    await goto(page, server.base + '/');
    const unread = (await a.call('GET', '/api/v1/notifications/unread-count')).unread;
    assert.ok(unread > 0);
    const badge = page.locator('.menu-btn #menu-unread');
    await badge.waitFor();
    assert.match(await badge.textContent(), new RegExp(`^${unread}\\b`));
    // In the header, visible with the menu closed (the menu itself stays collapsed on a phone).
    assert.equal(await page.locator('.menu-btn').getAttribute('aria-expanded'), 'false');
    assert.ok(await badge.isVisible(), 'the count shows with the menu closed');
    const box = await badge.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 812 && box.x + box.width <= 375, 'the count is on screen');
    assert.deepEqual(await axeViolations(page), [], 'axe on the home (375 nl)');
    assert.ok(await scrollWidth(page) <= 375, 'no sideways scrolling at 375 px');
    await docsShot(page, 'member-home-375-nl');

    // Accept the meeting request right here.
    const meeting = page.locator(`#waiting-list li[data-next="meeting-${meetingReq.id}"]`);
    await meeting.getByRole('button', { name: /^Accepteren/ }).click();
    const near = meeting.locator('.status-near');
    await near.waitFor();
    assert.match(await near.textContent(), /^Je spreekt .+\. De afspraak staat in je schema\.$/);
    assert.equal(await inView(page, '.status-near'), true);
    const reqs = await a.call('GET', `/api/v1/events/${drinks.id}/meeting-requests`);
    assert.equal(reqs.items.find((r) => r.id === meetingReq.id).status, 'accepted');

    // Decline the visit: a dialog first, naming the visitor; then the message by the item.
    const v = page.locator(`#waiting-list li[data-next="visit-${visit.id}"]`);
    await v.getByRole('button', { name: 'Afwijzen: Pieter Lammerink' }).click();
    const dialog = page.getByRole('dialog');
    assert.equal((await dialog.locator('h2').textContent()).trim(), 'Het bezoek van Pieter Lammerink afwijzen?');
    assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open');
    await page.locator('#confirm-yes').click();
    await v.locator('.status-near').waitFor();
    assert.equal((await v.locator('.status-near').textContent()).trim(), 'Je hebt het bezoek van Pieter Lammerink afgewezen.');
    assert.equal(await inView(page, '.status-near'), true);
    assert.equal((await a.call('GET', `/api/v1/visits/${visit.id}`)).status, 'declined');

    if (conn) {
      const c = page.locator(`#waiting-list li[data-next="connection-${conn.id}"]`);
      await c.getByRole('button', { name: /^Accepteren/ }).click();
      await c.locator('.status-near').waitFor();
      assert.match(await c.locator('.status-near').textContent(), /^Je bent nu verbonden met /);
      assert.equal(await inView(page, '.status-near'), true);
    }

    // An online contact who comes to the congress too: one tap asks to meet there; the item says so.
    const first = page.locator('#online-ties > ul > li').first();
    const name = (await first.locator('h3').textContent()).trim();
    const other = Number((await first.locator('h3 a').getAttribute('href')).split('/').pop());
    await first.getByRole('button', { name: `Vraag ${name} om daar af te spreken` }).click();
    await first.getByText(`Je vroeg ${name} om daar af te spreken. Wacht op antwoord.`).waitFor();
    assert.equal(await inView(page, '.status-near'), true, 'the message is in view');
    assert.equal((await page.locator('.status-near').textContent()).trim(), `Verzoek verstuurd aan ${name}.`);
    const mine = (await a.call('GET', `/api/v1/events/${congress.id}/meeting-requests`)).items.find((r) => r.to === other);
    assert.equal(mine.status, 'pending');
    assert.deepEqual(await axeViolations(page), [], 'axe on the online contacts (375 nl)');
    await screenshot(page, 'home-online-ties-375-nl');

    // The ties page says it too: each online-only tie who comes offers the same step, with its state.
    const coming = (await a.call('GET', `/api/v1/events/${congress.id}/online-ties`)).items;
    await goto(page, `${server.base}/ties?show=online`);
    const asked = page.locator('#tie-list > li', { has: page.locator(`h3 a[href="/members/${other}"]`) });
    assert.equal((await asked.locator('.meet-at-event .meta a').textContent()).trim(), congress.title);
    assert.equal((await asked.locator('.meet-at-event p').last().textContent()).trim(), `Je vroeg ${name} om daar af te spreken. Wacht op antwoord.`);
    const next = coming.find((x) => x.member_id !== other && !x.request);
    const card = page.locator('#tie-list > li', { has: page.locator(`h3 a[href="/members/${next.member_id}"]`) });
    await card.getByRole('button', { name: `Vraag ${next.name} om daar af te spreken` }).waitFor();
    // Every online tie with the step is one who comes; nobody else gets it.
    const withStep = await page.locator('#tie-list > li', { has: page.locator('.meet-at-event') }).locator('h3 a').evaluateAll((as) => as.map((x) => Number(x.getAttribute('href').split('/').pop())));
    assert.ok(withStep.length > 0);
    for (const id of withStep) assert.ok(coming.some((x) => x.member_id === id), `${id} comes to ${congress.title}`);
    assert.deepEqual(await axeViolations(page), [], 'axe on the ties page (375 nl)');
    await screenshot(page, 'ties-online-375-nl');
    // A real tie is real already: no step.
    await goto(page, `${server.base}/ties?show=real`);
    assert.equal(await page.locator('#tie-list .meet-at-event').count(), 0);
    // Withdrawn again, so the later steps start from the demo as it was.
    await a.call('POST', `/api/v1/meeting-requests/${mine.id}/cancel`);
    assert.deepEqual(b.problems, []);
  });

  test('375 px nl: a notification on the home links to its object and is marked read when opened', async () => {
    const b = await browser();
    await login(b.page, server.base, ANJA);
    const { page } = b;
    await goto(page, server.base + '/');
    const link = page.locator('#home-notifications a').first();
    await link.waitFor();
    const id = Number(await link.getAttribute('data-notification'));
    const href = await link.getAttribute('href');
    const before = (await a.call('GET', '/api/v1/notifications/unread-count')).unread;
    await link.click();
    await page.waitForURL((u) => u.pathname + u.hash === href || u.pathname === href.split('#')[0]);
    await settle(page);
    const list = await a.call('GET', '/api/v1/notifications?limit=100');
    assert.equal(list.items.find((n) => n.id === id).read, true, 'opened → read');
    assert.equal((await a.call('GET', '/api/v1/notifications/unread-count')).unread, before - 1);
    assert.deepEqual(b.problems, []);
  });

  test('375 px nl: the questions waiting for her, until she answers; her own challenge goes to the network filled in', async () => {
    const b = await browser();
    await login(b.page, server.base, ANJA);
    const { page } = b;
    await goto(page, server.base + '/');
    // The demo municipality's question reached her (triage): the home lists what waits for her answer,
    // as her newsletter does (the same API call).
    const waitingUrl = '/api/v1/questions?routed_to_me=true&unanswered_by_me=true&status=open&limit=3';
    const waiting = await a.call('GET', waitingUrl);
    assert.ok(waiting.items.length >= 1, 'the demo routes a question to Anja');
    const items = page.locator('#questions-for-me li a');
    await items.first().waitFor();
    assert.deepEqual(await items.allTextContents(), waiting.items.map((q) => q.title));
    // She answers the first: it leaves the list.
    await a.call('POST', `/api/v1/questions/${waiting.items[0].id}/answers`, { text: 'Wij werken met een triage-schema, kom gerust kijken.' });
    await goto(page, server.base + '/');
    await page.locator('#questions-for-me p').first().waitFor();
    assert.ok(!(await page.locator('#questions-for-me').textContent()).includes(waiting.items[0].title), 'answered: no longer waiting');
    // Her waiting list was put to the network by the demo: the home links to that question, not to asking again.
    const asked = (await a.call('GET', '/api/v1/questions?mine=true&status=open&limit=100')).items.filter((q) => q.challenge_id);
    assert.ok(asked.length >= 1, 'the demo asked about her challenge');
    const waitingList = (await a.call('GET', `/api/v1/members/${a.memberId}`)).challenges.find((c) => c.id === asked[0].challenge_id);
    const askedLink = page.getByRole('link', { name: new RegExp(`^Netwerk gevraagd: .+ — ${waitingList.title}$`) });
    await askedLink.waitFor();
    assert.equal(await page.getByRole('link', { name: `Vraag het netwerk: ${waitingList.title}` }).count(), 0, 'not offered twice');
    assert.match(await askedLink.textContent(), /^Netwerk gevraagd: /);
    // Her profile says the same of that challenge: the same words, the same question.
    const onHome = (await askedLink.textContent()).trim();
    await goto(page, server.base + '/profile');
    const onProfile = page.locator('#challenges li', { hasText: waitingList.title }).locator('.challenge-network a');
    assert.equal(await onProfile.getAttribute('href'), `/questions/${asked[0].id}`);
    assert.equal((await onProfile.textContent()).trim(), onHome);
    await screenshot(page, 'profile-challenge-asked-375-nl');
    await goto(page, server.base + '/');
    await askedLink.click();
    await page.waitForURL((u) => u.pathname === `/questions/${asked[0].id}`);
    await page.locator('#question-challenge').waitFor();
    assert.equal((await page.locator('#question-challenge').textContent()).trim(), `Over je vraagstuk “${waitingList.title}”`);

    // A new challenge of hers, put to the network: the form starts from its words and asks once.
    const title = 'Mantelzorgers haken af na een paar maanden';
    const text = 'Familie die meehelpt, stopt vaak na een paar maanden. Hoe houd je hen erbij?';
    const mine = await a.call('POST', `/api/v1/members/${a.memberId}/challenges`, { title, text, status: 'open' });
    await goto(page, server.base + '/profile');
    assert.equal(await page.locator('#challenges li', { hasText: title }).getByRole('link', { name: `Vraag het netwerk: ${title}` }).getAttribute('href'),
      `/questions/new?challenge=${mine.id}`);
    await goto(page, server.base + '/');
    await page.getByRole('link', { name: `Vraag het netwerk: ${title}` }).click();
    await page.waitForURL((u) => u.pathname === '/questions/new');
    await settle(page);
    assert.equal(await page.getByLabel('Je vraag').inputValue(), title);
    assert.equal(await page.getByLabel('Licht toe (niet verplicht)').inputValue(), text);
    assert.match(await page.locator('#from-challenge').textContent(), /^Over je vraagstuk “Mantelzorgers/);
    assert.ok(await scrollWidth(page) <= 375, 'no sideways scrolling at 375 px');
    await screenshot(page, 'question-from-challenge-375-nl');
    await page.getByRole('button', { name: 'Vraag het netwerk' }).click();
    await page.waitForURL(/\/questions\/\d+\?asked=1/);
    const qid = Number(new URL(page.url()).pathname.split('/').pop());
    assert.equal((await a.call('GET', `/api/v1/questions/${qid}`)).challenge_id, mine.id);
    // The same link again (another tab, the back button): it says it was asked, and where.
    await goto(page, server.base + `/questions/new?challenge=${mine.id}`);
    await page.locator('#already-asked').waitFor();
    assert.equal(await page.locator('#ask-form').count(), 0, 'no form to ask twice');
    assert.ok(await scrollWidth(page) <= 375);
    await screenshot(page, 'question-already-asked-375-nl');
    await page.getByRole('link', { name: 'Bekijk je vraag' }).click();
    await page.waitForURL((u) => u.pathname === `/questions/${qid}`);

    // The demo has Anja and Pieter agreed to meet at the congress already; they cancel it, so this
    // question's step starts from nothing (the agreed state is checked on the profiles below).
    const demoMeeting = (await p.call('GET', `/api/v1/events/${congress.id}/meeting-requests`)).items
      .find((r) => r.status === 'accepted' && [r.from, r.to].includes(a.memberId));
    if (demoMeeting) await p.call('POST', `/api/v1/meeting-requests/${demoMeeting.id}/cancel`);
    // Pieter answers; she marks it helpful and closes her challenge too, right below the answers.
    const answer = await p.call('POST', `/api/v1/questions/${qid}/answers`, { text: 'Wij werken met vaste maatjes voor mantelzorgers.' });
    await goto(page, server.base + `/questions/${qid}`);
    await page.getByRole('button', { name: 'Markeer als het behulpzame antwoord' }).click();
    const close = page.getByRole('button', { name: `Zet “${title}” ook op opgelost op mijn profiel` });
    await close.waitFor();
    // Online help is a start: they both go to the congress, so the first step is to meet there —
    // right below the thanks, in view and not under the toast; a visit (Pieter welcomes visitors) is the other way.
    const meet = page.locator('#meet-helper');
    assert.match(await meet.textContent(), /^Pieter Lammerink hielp je online\. Jullie gaan allebei naar een evenement/);
    const atEvent = meet.locator(`.meet-at-event[data-event="${congress.id}"]`);
    assert.match(await atEvent.textContent(), new RegExp(`^${congress.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*Pieter Lammerink gaat ook\\.`));
    const ask = atEvent.getByRole('button', { name: 'Vraag Pieter Lammerink om daar af te spreken' });
    assert.equal(await inView(page, '#meet-helper .meet-at-event button'), true, 'the step to meet is in view after marking');
    assert.equal(await inView(page, '#helpful-status .status-near'), true, 'the thanks stays in view');
    assert.match(await meet.textContent(), /Of ga eens kijken hoe zij het aanpakken: Pieter Lammerink ontvangt graag bezoek \(productiehal, Twentse Precisie Onderdelen, Almelo\)\./);
    assert.match(await page.locator('#meet-visit').getAttribute('href'), new RegExp(`^/visits\\?host=${p.memberId}&reason=`));
    assert.deepEqual(await axeViolations(page), [], 'axe on the solved question (375 nl)');
    await screenshot(page, 'question-meet-at-event-375-nl');
    // One tap asks Pieter to meet at the congress, about this question; the block says it is asked.
    await ask.click();
    await atEvent.getByText('Je vroeg Pieter Lammerink om daar af te spreken. Wacht op antwoord.').waitFor();
    assert.equal(await page.locator('.status-near', { hasText: 'Verzoek verstuurd aan Pieter Lammerink.' }).count(), 1);
    const sent = (await p.call('GET', `/api/v1/events/${congress.id}/meeting-requests`)).items.find((r) => r.from === a.memberId);
    assert.equal(sent.status, 'pending');
    assert.equal(sent.message, `Over je antwoord op mijn vraag “${title}”.`);
    await screenshot(page, 'question-meet-asked-375-nl');
    // Further down, scrolled to the middle of the screen (the toast leaves room below the page):
    // each button is what a tap at its centre hits.
    for (const sel of ['#close-challenge', '#meet-visit']) {
      await page.locator(sel).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      assert.equal(await page.locator(sel).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }), true, `${sel} not covered`);
    }
    await close.click();
    await page.locator('#question-challenge [role=status]').waitFor();
    assert.match(await page.locator('#question-challenge').textContent(), /Je vraagstuk staat nu op opgelost op je profiel\./);
    const after = (await a.call('GET', `/api/v1/members/${a.memberId}`)).challenges.find((c) => c.id === mine.id);
    assert.equal(after.status, 'solved');
    assert.equal((await a.call('GET', `/api/v1/questions/${qid}`)).helpful_answer_id, answer.id);
    // Home, without reloading the page: the challenge is no longer listed as open.
    await page.locator('a.brand').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('#h-ch').waitFor();
    assert.ok(!(await page.locator('#h-ch').locator('..').textContent()).includes(title), 'solved: gone from the open challenges');
    // The visit: the request form with Pieter chosen.
    await goto(page, server.base + `/questions/${qid}`);
    await page.getByRole('link', { name: 'Vraag Pieter Lammerink om een bezoek' }).click();
    await page.waitForURL((u) => u.pathname === '/visits' && u.searchParams.get('host') === String(p.memberId));
    await page.locator('#visit-form').waitFor();
    assert.match(await page.locator('#visit-form').textContent(), /Pieter Lammerink/);
    assert.equal(await page.locator('#visit-reason').inputValue(), `Je hielp me met “${title}”. Ik kom graag eens kijken hoe jullie het aanpakken.`);
    await screenshot(page, 'visit-from-question-375-nl');
    assert.deepEqual(b.problems, []);

    // The same solved question at 1280 px in English: the meeting step and the visit form in one language.
    const en = await browser({ width: 1280, height: 900, lang: 'en-GB' });
    await login(en.page, server.base, ANJA);
    await en.page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    await goto(en.page, server.base + `/questions/${qid}`);
    await en.page.locator('#meet-helper').waitFor();
    assert.match(await en.page.locator('#meet-helper').textContent(), /^Pieter Lammerink helped you online\. You are both going to an event: meet there, and your tie becomes real\./);
    assert.match(await en.page.locator('#meet-helper .meet-at-event').textContent(), /You asked Pieter Lammerink to meet there\. Waiting for an answer\./);
    assert.match(await en.page.locator('#meet-helper').textContent(), /Or go and see how they do it: Pieter Lammerink welcomes visitors \(productiehal, Twentse Precisie Onderdelen, Almelo\)\./);
    assert.match(await en.page.locator('#question-challenge').textContent(), /^About your challenge “Mantelzorgers/);
    assert.deepEqual(await axeViolations(en.page), [], 'axe on the solved question (1280 en)');
    await screenshot(en.page, 'question-solved-1280-en');
    await en.page.getByRole('link', { name: 'Ask Pieter Lammerink for a visit' }).click();
    await en.page.locator('#visit-form').waitFor();
    assert.equal(await en.page.locator('#visit-reason').inputValue(), `You helped me with “${title}”. I would like to come and see how you do it.`);
    await screenshot(en.page, 'visit-from-question-1280-en');
    assert.deepEqual(en.problems, []);

    // Pieter, on Anja's profile (1280 px, English): where they can meet, her request, and one tap to agree.
    const pe = await browser({ width: 1280, height: 900, lang: 'en-GB' });
    await login(pe.page, server.base, PIETER);
    await pe.page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    await goto(pe.page, server.base + `/members/${a.memberId}`);
    const shared = pe.page.locator('#shared-events');
    await shared.waitFor();
    assert.equal(await shared.locator('h2').textContent(), 'Where you can meet Anja Kamphuis');
    const theirs = shared.locator(`.meet-at-event[data-event="${congress.id}"]`);
    assert.match(await theirs.textContent(), /Anja Kamphuis would like to meet you there\./);
    assert.match(await theirs.locator('blockquote').textContent(), new RegExp(`^Over je antwoord op mijn vraag “${title}”\\.$`));
    assert.deepEqual(await axeViolations(pe.page), [], 'axe on a profile with a shared event (1280 en)');
    await screenshot(pe.page, 'member-shared-event-1280-en');
    await theirs.getByRole('button', { name: 'Yes, let’s meet' }).click();
    await theirs.getByText('Agreed: you are meeting Anja Kamphuis there.').waitFor();
    assert.equal(await pe.page.locator('.status-near', { hasText: `Agreed: you will meet Anja Kamphuis at ${congress.title}.` }).count(), 1);
    assert.equal((await a.call('GET', `/api/v1/events/${congress.id}/meeting-requests`)).items.find((r) => r.id === sent.id).status, 'accepted');
    await screenshot(pe.page, 'member-shared-event-agreed-1280-en');
    assert.deepEqual(pe.problems, []);
    // Anja, on Pieter's profile at 375 px in Dutch: agreed.
    await goto(page, server.base + `/members/${p.memberId}`);
    await page.locator('#shared-events').waitFor();
    assert.match(await page.locator(`#shared-events .meet-at-event[data-event="${congress.id}"]`).textContent(), /Afgesproken: je spreekt Pieter Lammerink daar\./);
    assert.ok(await scrollWidth(page) <= 375);
    assert.deepEqual(await axeViolations(page), [], 'axe on a profile with a shared event (375 nl)');
    await screenshot(page, 'member-shared-event-375-nl');
  });

  test('a meeting request notification links to the event with the request (not nowhere)', async () => {
    const b = await browser({ width: 1280, height: 900, lang: 'en-GB' });
    await login(b.page, server.base, LEADER);
    await b.page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    // Anja's acceptance above notified the leader (ref meeting_request:ID).
    await goto(b.page, server.base + '/notifications');
    const item = b.page.locator('.notification', { hasText: 'accepted your meeting request' }).first();
    await item.getByRole('link').click();
    await b.page.waitForURL((u) => u.pathname === `/events/${drinks.id}`);
    await settle(b.page);
    await b.page.locator(`#requests li[data-request="${meetingReq.id}"]`).waitFor();
    assert.deepEqual(b.problems, []);
  });
});
