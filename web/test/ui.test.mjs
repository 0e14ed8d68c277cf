// End-to-end tests of the web UI in a real browser (Debian chromium) against a
// real `verbinder serve` on a fresh demo database. Run: node --test web/test/
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, test } from 'node:test';
import { ANJA, LEADER, PIETER, apiSession, axeViolations, goto, login, perFile, screenshot, scrollWidth, settle } from './harness.mjs';

const { server, browser, browsers } = perFile();

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}

describe('serving', () => {
  test('index.html, assets and client paths carry security and cache headers', async () => {
    for (const p of ['/', '/login', '/members', '/members/12', '/profile', '/connections', '/ties', '/leader/members']) {
      const r = await fetch(server.base + p);
      assert.equal(r.status, 200, p);
      assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/, p);
      const csp = r.headers.get('content-security-policy');
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    }
    const html = await (await fetch(server.base + '/')).text();
    assert.doesNotMatch(html, /<script>(?!<\/script>)/, 'no inline script');
    const js = html.match(/src="(\/assets\/main-[A-Z0-9]+\.js)"/)[1];
    const css = html.match(/href="(\/assets\/styles-[A-Z0-9]+\.css)"/)[1];
    const rj = await fetch(server.base + js);
    assert.equal(rj.status, 200);
    assert.match(rj.headers.get('content-type'), /^text\/javascript/);
    assert.match(rj.headers.get('cache-control'), /max-age=31536000/);
    const rc = await fetch(server.base + css);
    assert.match(rc.headers.get('content-type'), /^text\/css/);
    const fav = await fetch(server.base + '/favicon.svg');
    assert.equal(fav.headers.get('content-type'), 'image/svg+xml');
    // Unknown page paths are an HTML 404 (the app says "not found"; issue #17), unknown API
    // paths the API's JSON 404, and API routes are not shadowed.
    const nf = await fetch(server.base + '/no/such/page');
    assert.equal(nf.status, 404);
    assert.match(nf.headers.get('content-type'), /^text\/html/);
    const nfApi = await fetch(server.base + '/api/v1/no/such');
    assert.equal(nfApi.status, 404);
    assert.equal((await nfApi.json()).error.field, 'path');
    assert.equal((await fetch(server.base + '/api/v1/sectors')).status, 200);
  });
});

describe('member', () => {
  let b;
  before(async () => { b = await browser(); });

  test('logs in (wrong password shows an alert), sees the home page, logs out', async () => {
    const { page } = b;
    await page.goto(server.base + '/');  // the network's front door (issue #17), then its log-in link
    await settle(page);
    await page.locator('main').getByRole('link', { name: 'Inloggen', exact: true }).first().click();
    await page.waitForURL(/\/login$/);
    await settle(page);
    await page.locator('#login-email').fill(ANJA);
    await page.locator('#login-password').fill('wrong-password');
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /Onjuist e-mailadres of wachtwoord/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'login-375-nl');
    await page.locator('#login-password').fill('verbinder-demo');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(server.base + '/');
    await settle(page);
    assert.equal(await page.locator('h1').textContent(), 'Welkom, Anja Kamphuis');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/login/);
    await goto(page, server.base + '/profile');
    assert.match(page.url(), /\/login\?next=%2Fprofile/);
    await login(page, server.base, ANJA);
    noProblems(b);
  });

  test('finds a member in the directory and opens the member page', async () => {
    const { page } = b;
    await goto(page, server.base + '/members');
    await page.locator('#dir-q').fill('Pieter Lammerink');
    await page.locator('form[role=search] button[type=submit]').click();
    await page.waitForURL(/q=Pieter/);
    await settle(page);
    const link = page.locator('.member-card h3 a', { hasText: 'Pieter Lammerink' });
    assert.equal(await link.count(), 1);
    await screenshot(page, 'directory-375-nl');
    await link.click();
    await page.waitForURL(/\/members\/\d+$/);
    await settle(page);
    assert.equal(await page.locator('h1').textContent(), 'Pieter Lammerink');
    await page.getByRole('heading', { name: 'Waar ik mee kan helpen' }).waitFor();
    await page.getByRole('heading', { name: 'Waar ik tegenaan loop' }).waitFor();
    // Anja and Pieter met at the borrel and he visited: their tie is real.
    await page.getByText('Jullie verbinding is echt: jullie hebben elkaar in het echt ontmoet.').waitFor();
    await screenshot(page, 'member-375-nl');
    // Filtering by sector keeps only that sector.
    await goto(page, server.base + '/members?sector=industry');
    const badges = await page.locator('.member-card .badge.sector').allTextContents();
    assert.ok(badges.length > 0);
    assert.ok(badges.every((s) => s === badges[0]), 'one sector: ' + badges.join(','));
    noProblems(b);
  });

  test('connects with a member: the request carries the CSRF token', async () => {
    const { page } = b;
    const anja = await apiSession(server.base, ANJA);
    const conns = await anja.call('GET', '/api/v1/connections?limit=500');
    const linked = new Set(conns.items.flatMap((c) => [c.from, c.to]));
    const all = await anja.call('GET', '/api/v1/members?limit=200');
    const target = all.items.find((m) => !linked.has(m.id) && m.id !== anja.memberId);
    assert.ok(target, 'a member Anja is not connected with');
    await goto(page, `${server.base}/members/${target.id}`);
    await page.locator('#connect-message').fill('Hoe pakken jullie <b>roosters</b> aan?');
    b.changes.length = 0;
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByRole('button', { name: 'Verzoek intrekken' }).waitFor();
    const csrf = (await b.context.cookies()).find((c) => c.name === 'vb_csrf').value;
    assert.equal(b.changes.length, 1);
    assert.equal(b.changes[0].csrf, csrf);
    const after = await anja.call('GET', '/api/v1/connections?status=pending&limit=500');
    const req = after.items.find((c) => c.from === anja.memberId && c.to === target.id);
    assert.equal(req.message, 'Hoe pakken jullie <b>roosters</b> aan?');
    // Every state-changing request the UI made in this browser carried the token.
    noProblems(b);
  });

  test('profile edit round trip, challenges added and solved', async () => {
    const { page } = b;
    await goto(page, server.base + '/profile');
    await page.locator('#p-organization').fill('Noaberzorg Twente');
    await page.locator('#p-sector').selectOption('care');
    await page.locator('#p-tags').fill('wijkverpleging, roosters, <i>ketenzorg</i>');
    await page.locator('#p-region').fill('Twente');
    await page.locator('#p-vis-organizers').check();
    await page.locator('#f-consent_newsletter').check();
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await page.getByText('Je profiel is opgeslagen.').first().waitFor();
    await page.locator('#c-title').fill('Invallers voor de nachtdienst');
    await page.locator('#c-text').fill('Hoe plannen jullie <script>alert(1)</script> pieken?');
    await page.getByRole('button', { name: 'Vraagstuk toevoegen' }).click();
    await page.getByText('Vraagstuk toegevoegd.').first().waitFor();
    await page.locator('#challenges li', { hasText: 'Invallers voor de nachtdienst' }).getByRole('button', { name: 'Markeer als opgelost' }).click();
    await page.locator('#challenges li', { hasText: 'Invallers voor de nachtdienst' }).getByText('opgelost').waitFor();
    // Reload: the form shows what was stored.
    await goto(page, server.base + '/profile');
    assert.equal(await page.locator('#p-organization').inputValue(), 'Noaberzorg Twente');
    assert.equal(await page.locator('#p-sector').inputValue(), 'care');
    assert.equal(await page.locator('#p-tags').inputValue(), 'wijkverpleging, roosters, <i>ketenzorg</i>');
    assert.equal(await page.locator('#p-vis-organizers').isChecked(), true);
    assert.equal(await page.locator('#f-consent_newsletter').isChecked(), true);
    const anja = await apiSession(server.base, ANJA);
    const m = await anja.call('GET', `/api/v1/members/${anja.memberId}`);
    assert.equal(m.organization, 'Noaberzorg Twente');
    assert.equal(m.visibility, 'organizers');
    assert.deepEqual(m.consent, { matchmaking: true, newsletter: true });
    assert.deepEqual(m.expertise.tags, ['wijkverpleging', 'roosters', '<i>ketenzorg</i>']);
    const c = m.challenges.find((x) => x.title === 'Invallers voor de nachtdienst');
    assert.equal(c.status, 'solved');
    assert.equal(c.text, 'Hoe plannen jullie <script>alert(1)</script> pieken?');
    await screenshot(page, 'profile-375-nl');
    // Download my data: one JSON file with the profile, connections and ties.
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download mijn gegevens' }).click()]);
    const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(data.profile.id, anja.memberId);
    assert.ok(data.connections.length > 0 && data.ties.length > 0);
    // Back to visible for the other tests.
    await page.locator('#p-vis-members').check();
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await page.getByText('Je profiel is opgeslagen.').first().waitFor();
    for (const ch of b.changes) assert.ok(ch.csrf && ch.csrf.length > 10, `CSRF header on ${ch.method} ${ch.url}`);
    noProblems(b);
  });

  test('switches language nl → en → nl; dates follow the language', async () => {
    const { page } = b;
    await goto(page, server.base + '/ties');
    assert.equal(await page.locator('h1').textContent(), 'Mijn verbindingen');
    const nlDate = await page.locator('.member-card .meta', { hasText: 'laatste contact' }).first().textContent();
    assert.match(nlDate, /laatste contact \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await settle(page);
    assert.equal(await page.locator('h1').textContent(), 'My ties');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const enDate = await page.locator('.member-card .meta', { hasText: 'last contact' }).first().textContent();
    assert.match(enDate, /last contact \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
    await screenshot(page, 'ties-375-en');
    await goto(page, server.base + '/');   // remembered across page loads
    assert.equal(await page.locator('h1').textContent(), 'Welcome, Anja Kamphuis');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await settle(page);
    assert.equal(await page.locator('h1').textContent(), 'Welkom, Anja Kamphuis');
    noProblems(b);
  });

  test('a member may not open the leader pages', async () => {
    const { page } = b;
    await goto(page, server.base + '/leader/members');
    await page.getByText('Alleen de netwerkleider mag deze pagina openen.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Leden beheren' }).count(), 0);
  });
});

describe('leader and a new member', () => {
  let leader, newbie;
  const xssName = '<img src=x onerror="window.__xss=1">Eva <script>window.__xss=2</script>';
  before(async () => { leader = await browser({ width: 1280, height: 900 }); newbie = await browser(); });

  test('the leader sees the members list and creates a member with an account (XSS payload in the name)', async () => {
    const { page } = leader;
    await login(page, server.base, LEADER);
    await page.getByRole('button', { name: 'Mijn netwerk' }).click();  // the menu's group (issue #17)
    await page.getByRole('link', { name: 'Leden beheren' }).click();
    await page.waitForURL(/\/leader\/members$/);
    await settle(page);
    assert.ok(await page.locator('table tbody tr').count() >= 50);
    assert.ok(await page.getByText(ANJA).count() >= 1, 'leaders see e-mail addresses');
    await screenshot(page, 'leader-members-1280-nl');
    await page.getByRole('link', { name: 'Nieuw lid' }).click();
    await page.waitForURL(/\/leader\/members\/new$/);
    await settle(page);
    await page.locator('#nm-name').fill(xssName);
    await page.locator('#nm-email').fill('eva.test@example.org');
    await page.locator('#nm-organization').fill('Gemeente <b>Hengelo</b>');
    await page.locator('#nm-sector').selectOption('government');
    await page.locator('#nm-password').fill('eva-wachtwoord-1');
    await page.getByRole('button', { name: 'Lid aanmaken' }).click();
    await page.getByText('is toegevoegd en kan inloggen.').waitFor();
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await screenshot(page, 'leader-new-member-1280-nl');
    for (const ch of leader.changes.filter((c) => !c.url.endsWith('/auth/login'))) assert.ok(ch.csrf, `CSRF header on ${ch.method} ${ch.url}`);
    noProblems(leader);
  });

  test('the new member logs in, adds an HTML challenge, connects; payloads render as text', async () => {
    const { page } = newbie;
    await login(page, server.base, 'eva.test@example.org', 'eva-wachtwoord-1');
    assert.equal(await page.locator('h1').textContent(), 'Welkom, ' + xssName);
    await goto(page, server.base + '/profile');
    await page.locator('#c-title').fill('<img src=x onerror="window.__xss=3">Stage-uitval');
    await page.locator('#c-text').fill('<script>window.__xss=4</script>');
    await page.getByRole('button', { name: 'Vraagstuk toevoegen' }).click();
    await page.getByText('Vraagstuk toegevoegd.').first().waitFor();
    const anja = await apiSession(server.base, ANJA);
    await goto(page, `${server.base}/members/${anja.memberId}`);
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByRole('button', { name: 'Verzoek intrekken' }).waitFor();
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    noProblems(newbie);
  });

  test('Anja sees the request with the payloads as text and accepts it', async () => {
    const b = browsers[0];
    const { page } = b;
    await goto(page, server.base + '/connections');
    const card = page.locator('#incoming li', { hasText: 'Eva' });
    await card.waitFor();
    assert.equal(await card.locator('h3 a').textContent(), xssName);
    assert.equal(await page.locator('#incoming img').count(), 0, 'no <img> element from the payload');
    await screenshot(page, 'connections-375-nl');
    await card.getByRole('button', { name: /^Accepteren/ }).click();
    await page.getByText('Je bent nu verbonden met').first().waitFor();
    assert.ok(await page.locator('#accepted li', { hasText: 'Eva' }).count() === 1);
    // Directory and member page show the name and the challenge as text.
    await goto(page, server.base + '/members?q=Eva');
    assert.equal(await page.locator('.member-card h3 a', { hasText: 'Eva' }).textContent(), xssName);
    await page.locator('.member-card h3 a', { hasText: 'Eva' }).click();
    await page.waitForURL(/\/members\/\d+$/);
    await settle(page);
    assert.equal(await page.locator('h1').textContent(), xssName);
    await page.getByText('<img src=x onerror="window.__xss=3">Stage-uitval').waitFor();
    assert.equal(await page.locator('main img').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await page.getByText('Verbonden').waitFor();
    await screenshot(page, 'member-xss-375-nl');
    noProblems(b);
  });
});

describe('every page: axe-core, 375 px without sideways scrolling, screenshots', () => {
  const pages = (ids) => [
    ['home', '/'], ['directory', '/members'], ['directory-search', '/members?q=zorg&open=1'],
    ['member', `/members/${ids.pieter}`], ['member-self', `/members/${ids.anja}`], ['profile', '/profile'],
    ['connections', '/connections'], ['ties', '/ties'], ['ties-real', '/ties?show=real'], ['not-found', '/members/999999'],
  ];
  const leaderPages = [['leader-members', '/leader/members'], ['leader-new-member', '/leader/members/new']];

  for (const lang of ['nl', 'en']) {
    test(`member pages (${lang})`, async () => {
      const b = await browser();
      const { page } = b;
      await login(page, server.base, PIETER);
      const anja = await apiSession(server.base, ANJA);
      const pieter = await apiSession(server.base, PIETER);
      if (lang === 'en') {
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await settle(page);
      }
      for (const [name, p] of pages({ anja: anja.memberId, pieter: pieter.memberId })) {
        await goto(page, server.base + p);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.ok(await scrollWidth(page) <= 375, `${name}: no sideways scrolling at 375 px (${await scrollWidth(page)})`);
        for (const sel of ['.brand', '.lang', '.menu-btn']) {
          assert.ok((await page.locator(sel).boundingBox()).height <= 48, `${name}: ${sel} fits on one line`);
        }
        assert.deepEqual(await axeViolations(page), [], `${name} (${lang})`);
        if (lang === 'nl') await screenshot(page, `${name}-375-nl`);
      }
      // The open menu too.
      await goto(page, server.base + '/');
      await page.getByRole('button', { name: 'Menu' }).click();
      assert.ok(await scrollWidth(page) <= 375);
      assert.deepEqual(await axeViolations(page), [], 'menu open');
      await screenshot(page, `menu-375-${lang}`);
      noProblems(b);
    });
  }

  test('leader pages at 375 px and on a laptop', async () => {
    const b = await browser();
    const { page } = b;
    await login(page, server.base, LEADER);
    for (const [name, p] of leaderPages) {
      await goto(page, server.base + p);
      assert.ok(await scrollWidth(page) <= 375, `${name}: no sideways scrolling at 375 px`);
      assert.deepEqual(await axeViolations(page), [], name);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    for (const [name, p] of [...leaderPages, ['home', '/'], ['directory', '/members'], ['profile', '/profile']]) {
      await goto(page, server.base + p);
      assert.deepEqual(await axeViolations(page), [], name + ' 1366');
      await screenshot(page, `${name}-1366-nl`);
    }
    noProblems(b);
  });
});
