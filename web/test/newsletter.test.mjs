// Browser tests of the newsletter area (Debian chromium + playwright-core against a
// real `verbinder serve` on a fresh demo database, with Debian's aiosmtpd as the
// SMTP server): Anja writes an article in Markdown (script payloads stay text) and
// submits it; the leader approves it from the newsletter page; a visitor subscribes
// on the public page and confirms through the mailed link; the leader previews the
// month's issue (as a given subscriber too), sends a test to themselves and then the
// issue, watching the progress; a reader opens the unsubscribe link from the mail —
// the page changes nothing until the button — saves preferences, then unsubscribes.
// 375 px, Dutch and English, axe on every page, screenshots.
// Run: VERBINDER_BINARY=... node --test web/test/newsletter.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ANJA, LEADER, apiSession, axeViolations, goto, login, newestMail, perFile, screenshot, scrollWidth, settle,
} from './harness.mjs';

// The demo server and browsers (closed after the file); the SMTP sink is this file's own.
const { server, browser, ready } = perFile();
let sink;

// The SMTP sink of the C++ tests (src/mail/testdata/smtp_sink.py): stores every
// message as DIR/NNNNNN.eml with an "X-Sink-Rcpt:" first line; stops when stdin closes.
// Port 0: it listens on a port the kernel chose and prints "READY <port>".
async function startSink() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-sink-'));
  const proc = spawn('/usr/bin/python3', ['src/mail/testdata/smtp_sink.py', '0', dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += String(d);
      const m = /READY (\d+)\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', () => reject(new Error('the SMTP sink exited')));
  });
  return {
    port,
    messages() {
      return fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => {
        const raw = fs.readFileSync(path.join(dir, f), 'utf8');
        const rcpt = /^X-Sink-Rcpt: (.*)\r\n/.exec(raw)[1];
        return { rcpt, raw: raw.slice(raw.indexOf('\r\n') + 2) };
      });
    },
    async stop() { proc.stdin.end(); await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r))); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

function settings(key, value) {
  const r = spawnSync(process.env.VERBINDER_BINARY, ['settings', 'set', key, value, '--db', server.db], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

// Quoted-printable as the composer writes it.
function unQp(s) {
  return s.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, x) => String.fromCharCode(parseInt(x, 16)));
}

async function waitFor(f, what, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  await ready();
  sink = await startSink();
  settings('mail.smtp_url', `smtp://127.0.0.1:${sink.port}`);
  settings('mail.starttls', 'off');
  settings('mail.from_email', 'nieuws@verbinder.demo');
  settings('mail.from_name', 'Verbinder Twente');
  settings('mail.base_url', server.base);
});
after(async () => {
  await sink?.stop();
});

function noProblems(b) {
  assert.deepEqual(b.problems, [], 'no script errors, CSP violations or server errors');
}
async function checkPage(b, name) {
  assert.deepEqual(await axeViolations(b.page), [], `axe on ${name}`);
  assert.ok(await scrollWidth(b.page) <= 375, `${name}: no sideways scrolling at 375 px`);
  await screenshot(b.page, name);
}

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

describe('articles and the monthly newsletter', () => {
  let anja, leader, visitor, articlePath;
  before(async () => {
    anja = await browser();
    leader = await browser();
    visitor = await browser({ lang: 'en-GB' });
    await login(anja.page, server.base, ANJA);
    await login(leader.page, server.base, LEADER);
  });

  test('Anja writes an article in Markdown and submits it; payloads stay text', async () => {
    const { page } = anja;
    await goto(page, server.base + '/articles');
    assert.equal(await page.locator('h1').textContent(), 'Kennisartikelen');
    await page.getByRole('link', { name: 'Schrijf een artikel' }).click();
    await settle(page);
    // Bad input first: no text.
    await page.getByLabel('Titel').fill('Van wachtlijst naar flow');
    await page.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click();
    await page.locator('[role=alert]').waitFor();
    assert.match(await page.locator('[role=alert]').textContent(), /Tekst \(Markdown\)/);
    await page.getByLabel('Samenvatting (één alinea)').fill('Wat de zorg van de fabriek leerde. ' + PAYLOAD);
    await page.getByLabel('Trefwoorden (met komma’s)').fill('lean, wijkzorg');
    await page.getByLabel('Tekst (Markdown)').fill('## Doorlooptijd\n\nWe werken **in flow** en [meten](https://example.org/flow).\n\n'
      + '[klik](javascript:window.__pwned=1)\n\n' + PAYLOAD + '\n\n| week | wachtlijst |\n|---|---|\n| 1 | 40 |\n');
    await checkPage(anja, 'article-write-375-nl');
    await page.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click();
    await page.waitForURL(/\/articles\/\d+\?submitted=1/);
    await settle(page);
    articlePath = new URL(page.url()).pathname;
    assert.match(await page.locator('[role=status]').first().textContent(), /netwerkleider leest je artikel/);
    assert.match(await page.locator('.meta .badge').textContent(), /wacht op goedkeuring/);
    assert.equal(await page.locator('.article-body strong').textContent(), 'in flow');
    assert.equal(await page.locator('.article-body table td').first().textContent(), '1');
    assert.equal(await page.locator('.article-body a[href="https://example.org/flow"]').count(), 1);
    assert.equal(await page.locator('.article-body a[href^="javascript"]').count(), 0, 'no script link');
    assert.equal(await page.locator('main img').count(), 0, 'no element was injected');
    assert.match(await page.locator('.lead').textContent(), /<script>window.__pwned=1<\/script>/, 'the summary shows the payload as text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
    await checkPage(anja, 'article-submitted-375-nl');
    // Not public yet.
    const anon = await fetch(server.base + '/api/v1' + articlePath);
    assert.equal(anon.status, 404);
    noProblems(anja);
  });

  test('the leader approves it from the newsletter page', async () => {
    const { page } = leader;
    await goto(page, server.base + '/leader/newsletter');
    assert.equal(await page.locator('h1').textContent(), 'Nieuwsbrief');
    const waiting = page.locator('#submitted-list a', { hasText: 'Van wachtlijst naar flow' });
    assert.equal(await waiting.count(), 1);
    await waiting.click();
    await settle(page);
    await page.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
    await page.locator('.meta .badge', { hasText: 'gepubliceerd' }).waitFor();
    assert.match(await page.locator('[role=status]').first().textContent(), /gepubliceerd/);
    assert.equal((await fetch(server.base + '/api/v1' + articlePath)).status, 200, 'public now');
    await checkPage(leader, 'article-published-375-nl');
    noProblems(leader);
  });

  test('a visitor subscribes on the public page (English) and confirms through the mailed link', async () => {
    const lead = await apiSession(server.base, LEADER);
    await lead.call('PUT', '/api/v1/newsletter/topics/zorg', { label_nl: 'Zorg', label_en: 'Care', tags: ['wijkzorg'] });
    await lead.call('PUT', '/api/v1/newsletter/topics/techniek', { label_nl: 'Techniek', label_en: 'Engineering', tags: ['lean'] });
    const { page } = visitor;
    await page.goto(server.base + '/newsletter');
    await page.evaluate(() => localStorage.setItem('vb_lang', 'en'));
    await goto(page, server.base + '/newsletter');
    assert.equal(await page.locator('h1').textContent(), 'The monthly newsletter');
    await page.getByLabel('E-mail address').fill('not an address');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.locator('[role=alert]').waitFor();
    assert.match(await page.locator('[role=alert]').textContent(), /E-mail address/);
    await page.getByLabel('E-mail address').fill('lezer@elders.example');
    await page.getByLabel('Care').check();
    await checkPage(visitor, 'newsletter-subscribe-375-en');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.locator('.msg-ok').waitFor();
    assert.match(await page.locator('.msg-ok').textContent(), /confirmation link to lezer@elders.example/);
    const mail = newestMail(server.db, 'lezer@elders.example', 'newsletter.confirm');
    assert.ok(mail, 'the confirmation mail is queued');
    assert.equal(mail.subject, 'Please confirm your newsletter subscription');
    const link = new URL(/https?:\/\/\S+\/api\/v1\/newsletter\/confirm\/\S+/.exec(mail.text)[0]);
    // The link shows a button; the button confirms.
    await page.goto(server.base + link.pathname);  // the server's own small page, not the app
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('h1').textContent(), /bevestigd/);
    const subs = await lead.call('GET', '/api/v1/newsletter/subscriptions?status=confirmed&limit=500');
    assert.ok(subs.items.some((s) => s.email === 'lezer@elders.example' && s.topics.includes('zorg')));
    noProblems(visitor);
  });

  test('the leader previews the issue, sends a test to themselves, then the issue with progress', async () => {
    const anjaApi = await apiSession(server.base, ANJA);
    await anjaApi.call('POST', '/api/v1/newsletter/subscriptions/me', { language: 'nl', topics: ['techniek'] });
    const lead = await apiSession(server.base, LEADER);
    const { page } = leader;
    // The demo network has its own confirmed subscribers (members whose profile says yes, and a few readers).
    const subsNow = await lead.call('GET', '/api/v1/newsletter/subscriptions?status=confirmed&limit=500');
    const confirmed = subsNow.total;
    const leaderSubscribed = subsNow.items.some((x) => x.email === 'leider@verbinder.demo');
    assert.ok(confirmed >= 2, 'Anja and the visitor are among the confirmed subscribers');
    const n = confirmed.toLocaleString('nl-NL');
    await goto(page, server.base + '/leader/newsletter');
    assert.match(await page.locator('#nl-subscribers').textContent(), new RegExp(`${n} bevestigde abonnees`));
    const frame = page.frameLocator('#nl-preview');
    await frame.locator('h1').waitFor();
    assert.match(await frame.locator('body').textContent(), /Van wachtlijst naar flow/);
    // As Anja (a member): her own issue.
    await page.getByLabel('Voorbeeld als').selectOption({ label: ANJA });
    await frame.locator('text=Over jouw onderwerpen').waitFor();
    // Whom to meet in her issue is the first three of her event page's list, worded as there,
    // with the way to that page to ask for a meeting.
    const meetLink = frame.getByRole('link', { name: 'Vraag een gesprek aan op de pagina van het evenement' });
    const eventId = (await meetLink.getAttribute('href')).match(/\/events\/(\d+)$/)[1];
    const pageList = await anjaApi.call('GET', `/api/v1/events/${eventId}/suggestions?limit=3&lang=nl`);
    assert.ok(pageList.items.length > 0, 'Anja has people to meet');
    const issueItems = await frame.locator('li', { hasText: ' — ' }).allTextContents();
    const at = pageList.items.map((x) => issueItems.findIndex((li) => li.startsWith(x.name) && li.includes(x.why)));
    assert.ok(at.every((i) => i >= 0), `every one of ${JSON.stringify(pageList.items.map((x) => x.name))} in the issue`);
    assert.deepEqual(at, [...at].sort((a, b) => a - b), 'in the page\'s order');
    await checkPage(leader, 'newsletter-leader-375-nl');
    assert.match(await page.locator('#nl-state').textContent(), /Nog niet verstuurd/);

    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/test')),
      page.getByRole('button', { name: 'Stuur een test naar mezelf' }).click()]);
    assert.equal(resp.status(), 200, await resp.text());
    await page.locator('main .status-near.msg-ok').waitFor();  // next to the button (issue #17)
    assert.match(await page.locator('main .status-near.msg-ok').textContent(), /Test verstuurd naar leider@verbinder.demo/);
    // The leader's own notifications (the demo's schedule) leave the outbox too, so pick the test by its content.
    const test = await waitFor(() => sink.messages().find((m) => m.rcpt === 'leider@verbinder.demo'
      && /Van wachtlijst naar flow/.test(unQp(m.raw))), 'the test message');
    assert.match(test.raw, /^Subject: =\?UTF-8\?B\?/m);
    assert.match(unQp(test.raw), /Van wachtlijst naar flow/);
    assert.match(await page.locator('#nl-state').textContent(), /Nog niet verstuurd/, 'a test is no delivery');

    await page.getByRole('button', { name: 'Verstuur naar alle abonnees' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, nu versturen' }).click();  // the confirmation
    // Exactly 'Verstuurd.': hasText is a case-insensitive substring, and 'Wordt nu verstuurd.' matched it
    // while ~200 demo subscribers were still going out (fresh-clone CI run).
    await page.locator('#nl-state', { hasText: /^Verstuurd\.$/ }).waitFor({ timeout: 180000 });
    await page.locator('#nl-progress-text', { hasText: `${n} van ${n} afgehandeld` }).waitFor({ timeout: 30000 });
    assert.match(await page.locator('#nl-progress-text').textContent(), new RegExp(`${n} van ${n} afgehandeld: ${n} verstuurd`));
    assert.equal(await page.getByRole('button', { name: 'Verstuur naar alle abonnees' }).isDisabled(), true);
    await checkPage(leader, 'newsletter-sent-375-nl');
    // Newsletter messages carry List-Id (the confirmation mail from the outbox does not).
    // Every confirmed subscriber gets one issue (the leader may be one of them: the demo's
    // profiles say yes; the earlier test message to the leader carries List-Id too).
    const delivered = await waitFor(() => {
      const ms = sink.messages().filter((m) => /^List-Id:/m.test(m.raw));
      return new Set(ms.map((m) => m.rcpt)).size === confirmed + (leaderSubscribed ? 0 : 1) ? ms : null;
    }, 'every message', 180000);  // the demo's ~200 subscribers through the SMTP sink
    const rcpts = delivered.map((m) => m.rcpt).filter((r) => r !== 'leider@verbinder.demo');
    assert.equal(new Set(rcpts).size, rcpts.length, 'each subscriber once');
    assert.equal(rcpts.length, confirmed - (leaderSubscribed ? 1 : 0));
    for (const who of ['anja.kamphuis@noaberzorg.demo', 'lezer@elders.example']) assert.ok(rcpts.includes(who), who);
    for (const m of delivered) {
      assert.match(m.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      assert.match(m.raw, /^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/api\/v1\/newsletter\/unsubscribe\/u\./m);
    }
    noProblems(leader);
  });

  test('the unsubscribe link from the mail: the page changes nothing until the button', async () => {
    const lead = await apiSession(server.base, LEADER);
    const mail = sink.messages().find((m) => m.rcpt === 'lezer@elders.example' && /^List-Id:/m.test(m.raw));
    // The link in the text (the List-Unsubscribe header carries the API's one-click URL).
    const link = new URL(/http:\/\/[^/\s]+\/newsletter\/unsubscribe\/[A-Za-z0-9.]+/.exec(unQp(mail.raw))[0]);
    const { page } = visitor;
    await goto(page, server.base + link.pathname);
    assert.equal(await page.locator('h1').textContent(), 'Unsubscribe from the newsletter');
    assert.match(await page.locator('.lead').textContent(), /lezer@elders\.example/);
    const status = async () => (await lead.call('GET', '/api/v1/newsletter/subscriptions?limit=500')).items
      .find((s) => s.email === 'lezer@elders.example');
    assert.equal((await status()).status, 'confirmed', 'opening the page changes nothing');
    assert.equal(await page.getByLabel('Care').isChecked(), true);
    await checkPage(visitor, 'newsletter-unsubscribe-375-en');
    await page.getByLabel('Engineering').check();
    await page.getByLabel('Only articles on my topics').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.locator('.msg-ok', { hasText: 'preferences are saved' }).waitFor();
    const saved = await status();
    assert.deepEqual([...saved.topics].sort(), ['techniek', 'zorg']);
    assert.equal(saved.topics_only, true);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.locator('.msg-ok', { hasText: 'You are unsubscribed' }).waitFor();
    assert.equal((await status()).status, 'unsubscribed');
    // A forged link says so.
    await goto(page, server.base + link.pathname + 'x');
    assert.match(await page.locator('[role=alert]').textContent(), /does not work/);
    noProblems(visitor);
  });
});
