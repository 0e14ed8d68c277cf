// Browser tests of the network leader's pages (map, health, weaving) in a real
// chromium against a real `verbinder serve` on a fresh demo database.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/leader.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  ANJA, LEADER, PASSWORD, apiSession, axeViolations, goto, login, perFile, screenshot, scrollWidth, settle,
} from './harness.mjs';

let leaderApi;
const { server, browser, ready } = perFile();

before(async () => {
  await ready();
  leaderApi = await apiSession(server.base, LEADER);
});

const nl = (n) => n.toLocaleString('nl-NL');

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}

async function switchLanguage(page) {
  await page.locator('button.lang').click();
  await settle(page);
}

// Waits until sigma has drawn (its canvases exist and the page published its numbers).
async function mapReady(page) {
  await page.waitForFunction(() => window.__vbMap && document.querySelectorAll('#lm-canvas canvas').length > 0, null, { timeout: 30000 });
}

// Anja (a waiting list for district nursing) met Tineke Jongman (work-based
// learning for side-entrants) at an event that started an hour ago — her
// request, Tineke's acceptance, the leader's round and schedule — and rated it
// 5: a meeting the thesaurus does not already link, so it teaches the
// suggestions something.
const PARTNER = 'Tineke Jongman';
async function usefulMeeting() {
  const now = Math.floor(Date.now() / 1000);
  const found = (await leaderApi.call('GET', `/api/v1/members?q=${encodeURIComponent(PARTNER)}&limit=5`)).items;
  const partner = found.find((m) => m.name === PARTNER);
  assert.ok(partner, `${PARTNER} is in the demo network`);
  const email = (await leaderApi.call('GET', `/api/v1/members/${partner.id}`)).email;
  try { await leaderApi.call('POST', '/api/v1/accounts', { member_id: Number(partner.id), password: PASSWORD, role: 'member' }); } catch { /* has one */ }
  const anja = await apiSession(server.base, ANJA);
  const other = await apiSession(server.base, email);
  const ev = await leaderApi.call('POST', '/api/v1/events', {
    title: 'Kennismakingsborrel', kind: 'network_drinks', starts_at: now - 3600, ends_at: now + 4 * 3600, capacity: 0, location: 'Hengelo',
  });
  await anja.call('POST', `/api/v1/events/${ev.id}/registrations`);
  await other.call('POST', `/api/v1/events/${ev.id}/registrations`);
  const req = await anja.call('POST', `/api/v1/events/${ev.id}/meeting-requests`, { to: Number(partner.id), message: 'Even kennismaken?' });
  await other.call('POST', `/api/v1/meeting-requests/${req.id}/accept`);
  const round = await leaderApi.call('POST', `/api/v1/events/${ev.id}/rounds`, {
    title: 'Ronde', tables: 1, max_meetings: 1, slots: [{ starts_at: now - 2400, ends_at: now - 1500 }],
  });
  await leaderApi.call('POST', `/api/v1/rounds/${round.id}/schedule`);
  const mine = (await anja.call('GET', `/api/v1/events/${ev.id}/schedule`)).items;
  assert.equal(mine.length, 1);
  await anja.call('POST', `/api/v1/meetings/${mine[0].id}/feedback`, { happened: true, usefulness: 5 });
}

describe('the leader', () => {
  let b;
  before(async () => {
    b = await browser({ width: 1280, height: 900, lang: 'nl-NL' });
    await login(b.page, server.base, LEADER);
  });

  test('opens the map: every member drawn and counted, search focuses a member, click shows the position, colour switch', async () => {
    const { page } = b;
    const map = await leaderApi.call('GET', '/api/v1/network/map?compact=true');
    assert.ok(map.nodes.length > 50, 'the demo network has members');
    assert.equal(map.nodes.length, map.members);
    await goto(page, server.base + '/leader/map');
    await mapReady(page);
    assert.equal(await page.locator('h1').textContent(), 'Netwerkkaart');
    // The text alternative reports the same number of members as the API, and so does the drawn graph.
    const summary = page.locator('#lm-summary');
    assert.equal(Number(await summary.getAttribute('data-nodes')), map.nodes.length);
    assert.equal(Number(await summary.getAttribute('data-ties')), map.edges.length);
    assert.match(await summary.textContent(), new RegExp(`^${map.nodes.length} leden, ${map.edges.length.toLocaleString('nl-NL')} verbindingen`));
    const drawn = await page.evaluate(() => ({ nodes: window.__vbMap.nodes, edges: window.__vbMap.edges }));
    assert.deepEqual(drawn, { nodes: map.nodes.length, edges: map.edges.length });
    assert.match(await page.locator('#lm-canvas').getAttribute('aria-label'), /Kaart van het netwerk/);
    const canvasBox = await page.locator('#lm-canvas canvas').first().boundingBox();
    assert.ok(canvasBox.width > 300 && canvasBox.height > 300, 'the canvas has a size');
    // Real and online-only ties both appear in the legend.
    assert.match(await page.locator('.map-legend').textContent(), /Echt \(in het echt ontmoet\).*Alleen online/);
    const sectorsInLegend = await page.locator('.map-legend ul[data-mode=sector] li').count();
    assert.equal(sectorsInLegend, map.sectors.length);

    // Search focuses a member: the panel shows their position, as the API reports it.
    const anja = map.nodes.find((n) => n.name === 'Anja Kamphuis');
    assert.ok(anja, 'Anja is on the map');
    await page.locator('#lm-search').fill('kamphuis');
    await page.locator('form.map-search button[type=submit]').click();
    await page.locator('#lm-panel h2[data-member]').waitFor();
    assert.equal(await page.locator('#lm-panel h2').textContent(), 'Positie van Anja Kamphuis');
    const pos = await leaderApi.call('GET', `/api/v1/network/members/${anja.id}`);
    const facts = await page.locator('#lm-panel dl.facts').first().textContent();
    assert.match(facts, new RegExp(`Verbindingen${nl(pos.degree)}`));
    assert.match(facts, new RegExp(`Echte verbindingen${nl(pos.real_ties)}`));
    assert.match(await page.locator('[data-testid=brokerage]').textContent(), new RegExp(`Tussen twee andere sectoren${nl(pos.brokerage.liaison)}`));
    assert.equal(await page.locator('#lm-panel a.btn-primary').getAttribute('href'), `/members/${anja.id}`);
    await screenshot(page, 'leader-map-search-1280-nl');

    // Clicking a member on the canvas selects that member (after the camera came to rest).
    // The biggest broker is drawn on top of everyone else (sizes follow brokerage by default).
    const hub = [...map.nodes].sort((x, y) => y.brokerage - x.brokerage)[0];
    await page.locator('#lm-panel button.btn-small').click();  // clear the selection, the camera stays zoomed
    await page.waitForFunction(() => !window.__vbMap.animating());  // the search's camera animation has ended
    assert.ok(await page.evaluate((id) => window.__vbMap.center(id, 0.05), hub.id), 'the hub is drawn');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.locator('#lm-canvas').scrollIntoViewIfNeeded();
    const box = await page.locator('#lm-canvas').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // The member drawn under the pointer is selected: its position is shown, and it is drawn where we clicked.
    await page.waitForFunction(() => document.querySelector('#lm-panel h2')?.hasAttribute('data-member'));
    const picked = await page.locator('#lm-panel h2').getAttribute('data-member');
    const pickedNode = map.nodes.find((n) => n.id === picked);
    assert.equal(await page.locator('#lm-panel h2').textContent(), `Positie van ${pickedNode.name}`);
    const where = await page.evaluate((id) => window.__vbMap.viewport(id), picked);
    assert.ok(Math.hypot(where.x - box.width / 2, where.y - box.height / 2) < 80, `the selected member is drawn under the click (${JSON.stringify(where)})`);
    // Colour by community: the legend follows.
    await page.getByLabel('Gemeenschap', { exact: true }).check();
    await page.locator('.map-legend ul[data-mode=community]').waitFor();
    const communities = await page.locator('.map-legend ul[data-mode=community] li').count();
    assert.equal(communities, Math.min(map.communities, 12) + (map.communities > 12 ? 1 : 0));
    // Filter by sector: the count of shown members follows.
    const sector = map.sectors[0];
    await page.locator('#lm-sector').selectOption(sector);
    const inSector = map.nodes.filter((n) => n.sector === sector).length;
    assert.match(await page.locator('#lm-showing').textContent(), new RegExp(`^${inSector} van de ${map.nodes.length} leden getoond`));
    // The member list (text alternative) selects members from the keyboard.
    await page.locator('#lm-list summary').click();
    const firstRow = page.locator('#lm-list tbody tr th button').first();
    const firstName = await firstRow.textContent();
    await firstRow.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('#lm-panel h2')?.textContent === `Positie van ${n}`, firstName);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-map-1280-nl');

    await switchLanguage(page);
    await mapReady(page);
    assert.equal(await page.locator('h1').textContent(), 'Network map');
    assert.match(await page.locator('#lm-summary').textContent(), new RegExp(`^${map.nodes.length} members, ${map.edges.length.toLocaleString('en-GB')} ties`));
    assert.match(await page.locator('.map-legend').textContent(), /Real \(met face to face\).*Online only/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-map-1280-en');
    await switchLanguage(page);
    noProblems(b);
  });

  test('a map with more ties than its budget draws the strongest, says so, filters real/online ties, and shows all ties of a selected member', async () => {
    const { page } = b;
    const full = await leaderApi.call('GET', '/api/v1/network/map?compact=true');
    assert.equal(full.selection, 'all');
    assert.equal(full.edges.length, full.ties);
    // The default budget (40,000 ties) needs a network far larger than the demo; the page passes a smaller one on.
    const budget = 3 * full.nodes.length + 25;
    assert.ok(budget < full.ties, 'the demo has more ties than the budget under test');
    const map = await leaderApi.call('GET', `/api/v1/network/map?compact=true&max_ties=${budget}`);
    assert.equal(map.selection, 'strongest');
    assert.ok(map.edges.length <= budget && map.edges.length === map.drawn_ties && map.drawn_ties < map.ties);
    await goto(page, server.base + `/leader/map?max_ties=${budget}`);
    await mapReady(page);
    assert.equal(await page.evaluate(() => window.__vbMap.edges), map.drawn_ties);
    const note = page.locator('#lm-ties');
    assert.equal(Number(await note.getAttribute('data-drawn')), map.drawn_ties);
    // Real ties are the default view; 'Alle' adds the online-only ones.
    assert.ok(await page.getByLabel('Alleen echte', { exact: true }).isChecked());
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), map.drawn_real_ties);
    await page.getByLabel('Alle', { exact: true }).check();
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), map.drawn_ties);
    assert.equal(Number(await note.getAttribute('data-shown')), map.drawn_ties);
    assert.equal(Number(await note.getAttribute('data-ties')), map.ties);
    assert.match(await note.textContent(), new RegExp(`^${nl(map.drawn_ties)} van de ${nl(map.ties)} verbindingen getoond — de sterkste per lid`));
    // Real only, then online only: the drawn ties of that kind, of all of that kind.
    await page.getByLabel('Alleen echte', { exact: true }).check();
    const realDrawn = map.edges.filter((e) => e[2] === 1).length;
    assert.equal(realDrawn, map.drawn_real_ties);
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), realDrawn);
    assert.match(await note.textContent(), map.drawn_real_ties < map.real_ties
      ? new RegExp(`^${nl(map.drawn_real_ties)} van de ${nl(map.real_ties)} verbindingen getoond`)
      : new RegExp(`^Alle ${nl(map.real_ties)} verbindingen getoond`));
    await page.getByLabel('Alleen online', { exact: true }).check();
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), map.drawn_ties - realDrawn);
    await page.getByLabel('Alle', { exact: true }).check();
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), map.drawn_ties);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-map-budget-1280-nl');

    // The member with the most ties, of which the map left some out: selecting them draws all of them.
    const drawnOf = (id) => map.edges.filter((e) => map.nodes[e[0]].id === id || map.nodes[e[1]].id === id).length;
    // (whom the search finds for certain: no other name contains theirs)
    const unique = (n) => map.nodes.filter((x) => x.name.toLowerCase().includes(n.name.toLowerCase())).length === 1;
    const hub = [...map.nodes].filter(unique).sort((x, y) => y.degree - x.degree)[0];
    assert.ok(drawnOf(hub.id) < hub.degree, `the map leaves out some of ${hub.name}'s ${hub.degree} ties`);
    await page.locator('#lm-search').fill(hub.name);
    await page.locator('form.map-search button[type=submit]').click();
    await page.waitForFunction((id) => document.querySelector('#lm-panel h2')?.getAttribute('data-member') === id, hub.id);
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), hub.degree);
    assert.equal(await note.textContent(), `Alle ${nl(hub.degree)} verbindingen van ${hub.name} getoond.`);
    assert.equal(await page.evaluate(() => window.__vbMap.edges), map.drawn_ties + hub.degree - drawnOf(hub.id));
    const pos = await leaderApi.call('GET', `/api/v1/network/members/${hub.id}`);
    await page.getByLabel('Alleen echte', { exact: true }).check();
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), pos.real_ties);
    await page.getByLabel('Alle', { exact: true }).check();
    // Clearing the selection takes the extra ties away again.
    await page.locator('#lm-panel button.btn-small').click();
    await page.waitForFunction((n) => document.querySelector('#lm-ties')?.dataset.shown === String(n), map.drawn_ties);
    assert.equal(await page.evaluate(() => window.__vbMap.edges), map.drawn_ties);
    noProblems(b);
  });

  test('opens the network health: charts with the API numbers, a table behind each chart', async () => {
    const { page } = b;
    const hl = await leaderApi.call('GET', '/api/v1/network/health?fading_days=180');
    await goto(page, server.base + '/leader/health');
    assert.equal(await page.locator('h1').textContent(), 'Gezondheid van het netwerk');
    const pct = (x) => new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(x);
    assert.equal(await page.locator('[data-testid=real-share]').textContent(), pct(hl.real_tie_share));
    assert.equal(await page.locator('[data-testid=cross-share]').textContent(), pct(hl.cross_sector_ties / hl.ties));
    assert.match(await page.locator('[data-testid=isolated-count]').textContent(), new RegExp(`^${hl.isolated_count} leden`));
    assert.match(await page.locator('[data-testid=fading-count]').textContent(), new RegExp(`^${hl.fading_count} leden`));
    // Charts: SVG with role=img, a title and a description, and a data table.
    const charts = page.locator('figure.chart');
    assert.ok(await charts.count() >= 5, 'real ties, cross-sector, E-I, isolated/fading, event yield');
    for (let i = 0; i < await charts.count(); i++) {
      const svg = charts.nth(i).locator('svg[role=img]');
      assert.equal(await svg.count(), 1);
      assert.ok((await svg.locator('title').first().textContent()).length > 3);
      assert.ok((await svg.locator('desc').first().textContent()).length > 3);
      assert.equal(await charts.nth(i).locator('details table').count(), 1);
    }
    // The E-I chart has one bar per sector with a value; the event chart one point per dated event and series.
    const eiChart = charts.filter({ hasText: 'E-I-index per sector' });
    assert.equal(await eiChart.locator('svg rect').count(), hl.sectors.filter((s) => s.ei !== null).length);
    assert.equal(await eiChart.locator('details tbody tr').count(), hl.sectors.length);
    const dated = hl.events.filter((e) => e.date);
    assert.ok(dated.length > 0, 'the demo has past events');
    const evChart = charts.filter({ hasText: 'Nieuwe verbindingen per bijeenkomst' });
    assert.equal(await evChart.locator('svg circle').count(), dated.length * 3);
    assert.equal(await evChart.locator('details tbody tr').count(), dated.length);
    const firstNewTies = await evChart.locator('details tbody tr').first().locator('td').first().textContent();
    assert.equal(firstNewTies, dated[0].new_ties.toLocaleString('nl-NL'));
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-health-1280-nl');
    await switchLanguage(page);
    assert.equal(await page.locator('h1').textContent(), 'Network health');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-health-1280-en');
    await switchLanguage(page);
    noProblems(b);
  });

  test('sends an introduction with one click: both members are notified, the suggestion is gone', async () => {
    const { page } = b;
    await goto(page, server.base + '/leader/weave');
    assert.equal(await page.locator('h1').textContent(), 'Weefsuggesties');
    const cards = page.locator('li.weave');
    assert.ok(await cards.count() > 0, 'the demo network has introductions to suggest');
    assert.ok(await page.locator('.invite-list li').count() > 0, 'and members to invite');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-weave-1280-nl');
    const first = cards.filter({ has: page.locator('.actions button') }).first();
    const a = await first.getAttribute('data-a');
    const b2 = await first.getAttribute('data-b');
    const sug = await leaderApi.call('GET', '/api/v1/network/suggestions?limit=30');
    const s = sug.introductions.find((x) => x.a === a && x.b === b2);
    assert.ok(s, 'the card is a suggestion of the API');
    await page.locator('#lw-note').fill('Jullie werken allebei aan <b>roosters</b> & planning.');
    await first.getByRole('button', { name: `Stel ${s.a_name} en ${s.b_name} aan elkaar voor` }).click();
    await page.locator('.msg-ok').waitFor();
    assert.equal(await page.locator('.msg-ok').textContent(), `${s.a_name} en ${s.b_name} zijn aan elkaar voorgesteld; beiden kregen een melding.`);
    assert.equal(await page.locator(`li.weave[data-a="${a}"][data-b="${b2}"]`).count(), 0);
    assert.ok(b.changes.some((c) => c.url.endsWith('/api/v1/network/introductions') && c.csrf), 'sent with the CSRF header');
    // After a reload the suggestion stays gone, in the UI and in the API.
    await goto(page, server.base + '/leader/weave');
    assert.equal(await page.locator(`li.weave[data-a="${a}"][data-b="${b2}"]`).count(), 0);
    const after = await leaderApi.call('GET', '/api/v1/network/suggestions?limit=50');
    assert.ok(!after.introductions.some((x) => x.a === a && x.b === b2));
    // The introduced member sees the notification (an account for them, then their own view).
    const email = (await leaderApi.call('GET', `/api/v1/members/${b2}`)).email;
    try { await leaderApi.call('POST', '/api/v1/accounts', { member_id: Number(b2), password: PASSWORD, role: 'member' }); } catch { /* has one */ }
    const member = await apiSession(server.base, email);
    const notes = await member.call('GET', '/api/v1/notifications?lang=en');
    const note = notes.items.find((n) => n.kind === 'introduction');
    assert.ok(note, 'the member got an introduction notification');
    assert.match(note.text, new RegExp(`introduces you to ${s.a_name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(note.text, /<b>roosters<\/b> & planning/);
    // The member's browser shows it as text, not markup (if a notifications page exists, it escapes).
    await switchLanguage(page);
    assert.equal(await page.locator('h1').textContent(), 'Weaving suggestions');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-weave-1280-en');
    await switchLanguage(page);
    noProblems(b);
  });

  test('sees what the suggestions learned from a useful meeting and switches a link off and on again', async () => {
    const { page } = b;
    await goto(page, server.base + '/leader/learned');
    assert.equal(await page.locator('h1').textContent(), 'Geleerd uit gesprekken');
    assert.match(await page.getByTestId('learned-summary').textContent(), /^Nog niets geleerd\./);
    await usefulMeeting();
    await goto(page, server.base + '/leader/learned');
    await page.getByTestId('learned-summary').filter({ hasText: 'Geleerd uit 1 nuttig gesprek' }).waitFor();
    const api = await leaderApi.call('GET', '/api/v1/matchmaking/learned-links?lang=nl');
    assert.equal(api.meetings, 1);
    assert.ok(api.links.length > 0, 'the meeting taught a link');
    const rows = page.locator('#main li.learned');
    assert.equal(await rows.count(), api.links.length, 'the page lists what the API lists');
    assert.match(await page.getByTestId('learned-summary').textContent(), new RegExp(`${api.total} verband(en)? in gebruik`));
    // Concepts and counts only: never who met.
    const text = await page.locator('#main').textContent();
    assert.doesNotMatch(text, new RegExp(`Anja|${PARTNER.split(' ')[0]}`));
    assert.match(await rows.first().textContent(), /Een vraag over .* ↔ kennis van .*Geleerd uit 1 gesprek/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-learned-1280-nl');

    // Switch the first link off: it moves to "Uitgezet", the word stands next to it, the API agrees.
    const first = api.links[0];
    await page.getByRole('button', { name: `Uitzetten: het verband tussen ${first.challenge_label} en ${first.expertise_label}` }).click();
    const moved = page.locator(`section li.learned[data-challenge="${first.challenge_concept}"][data-expertise="${first.expertise_concept}"]`);
    await page.locator('.status-near.msg-ok').waitFor();
    assert.equal(await page.locator('.status-near.msg-ok').textContent(),
      `Uitgezet: ${first.challenge_label} en ${first.expertise_label} tellen niet meer als match in de voorstellen.`);
    assert.equal(await moved.getByRole('button').textContent(), 'Weer aanzetten');
    assert.ok(await moved.locator('.status-near').count() === 1, 'the confirmation stands at the link');
    const off = await leaderApi.call('GET', '/api/v1/matchmaking/learned-links?lang=nl');
    assert.deepEqual(off.switched_off.map((l) => l.challenge_concept + '>' + l.expertise_concept), [first.challenge_concept + '>' + first.expertise_concept]);
    assert.equal(off.links.length, api.links.length - 1);
    assert.ok(b.changes.some((c) => c.url.endsWith('/api/v1/matchmaking/learned-links') && c.csrf), 'sent with the CSRF header');
    // The leader's own data export holds the switch.
    const mine = await leaderApi.call('GET', '/api/v1/me/export');
    assert.deepEqual(mine.learned_links_switched_off.map((l) => l.challenge_concept + '>' + l.expertise_concept),
      [first.challenge_concept + '>' + first.expertise_concept]);
    await screenshot(page, 'leader-learned-off-1280-nl');

    // In English, then on again.
    await switchLanguage(page);
    assert.equal(await page.locator('h1').textContent(), 'Learned from meetings');
    assert.equal(await page.locator('#toast').isVisible(), false, 'no Dutch toast left on the English page');
    const en = await leaderApi.call('GET', '/api/v1/matchmaking/learned-links?lang=en');
    const back = en.switched_off[0];
    await page.getByRole('button', { name: `Switch on again: the link between ${back.challenge_label} and ${back.expertise_label}` }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'leader-learned-1280-en');
    await page.getByRole('button', { name: `Switch on again: the link between ${back.challenge_label} and ${back.expertise_label}` }).click();
    await page.locator('.status-near.msg-ok').filter({ hasText: 'Switched on again' }).waitFor();
    await page.getByTestId('learned-off-none').waitFor();
    assert.equal((await leaderApi.call('GET', '/api/v1/matchmaking/learned-links')).switched_off.length, 0);

    // The search keeps the links that name the topic.
    await page.getByLabel('Find a topic').fill('zzzz');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('learned-summary').filter({ hasText: 'No learned link mentions “zzzz”.' }).waitFor();
    assert.equal(await page.locator('#main li.learned').count(), 0);
    await switchLanguage(page);
    noProblems(b);
  });

  test('the leader pages do not break at 375 px', async () => {
    const m = await browser({ width: 375, height: 812, lang: 'en-GB' });
    await login(m.page, server.base, LEADER);
    for (const p of ['/leader/map', '/leader/health', '/leader/weave', '/leader/learned']) {
      await goto(m.page, server.base + p);
      if (p === '/leader/map') await mapReady(m.page);
      assert.ok(await scrollWidth(m.page) <= 375, `${p} has no sideways scrolling`);
      assert.deepEqual(await axeViolations(m.page), [], p);
      await screenshot(m.page, 'leader' + p.replaceAll('/', '-') + '-375-en');
    }
    noProblems(m);
  });
});

describe('a plain member', () => {
  test('is refused the leader pages and their API (403), in both languages', async () => {
    const m = await browser({ width: 1280, height: 900, lang: 'nl-NL' });
    await login(m.page, server.base, ANJA);
    for (const p of ['/leader/map', '/leader/health', '/leader/weave', '/leader/learned']) {
      await goto(m.page, server.base + p);
      assert.equal(await m.page.getByRole('alert').textContent(), 'Alleen de netwerkleider mag deze pagina openen.', p);
      assert.equal(await m.page.locator('#lm-canvas').count(), 0);
    }
    await switchLanguage(m.page);
    assert.equal(await m.page.getByRole('alert').textContent(), 'Only the network leader may open this page.');
    assert.deepEqual(await axeViolations(m.page), []);
    await screenshot(m.page, 'leader-forbidden-1280-en');
    // The menu offers no leader items.
    assert.equal(await m.page.locator('nav a[href="/leader/map"]').count(), 0);
    const anja = await apiSession(server.base, ANJA);
    for (const [method, path, body] of [['GET', '/api/v1/network/map'], ['GET', '/api/v1/network/health'],
      ['POST', '/api/v1/network/introductions', { a: 1, b: 2 }]]) {
      await assert.rejects(anja.call(method, path, body), /: 403 .*"code":"permission_denied"|: 403 /, `${method} ${path}`);
    }
    noProblems(m);
  });
});
