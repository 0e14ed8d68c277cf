// Sign-in with OpenID Connect against a real provider on loopback (npm's
// oidc-provider, tests/oidc/provider.mjs) in Debian's chromium: the login
// page's button in both languages; login at the provider, consent, back in
// verbinder as the right member (a new member by open sign-up; a member with a
// password after confirming with it; linked from then on); the linked sign-in
// in the profile and removing it; the admin's switch for password sign-in; and
// every failure ending on the login page with a clear message, never a 500:
// denied consent, wrong state, a replayed code, a bad signature (a second key),
// an expired token, a wrong audience, an e-mail address not verified.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ANJA, LEADER, PASSWORD, PIETER, apiSession, axeViolations, freePort, newBrowser, screenshot, settle } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENT_ID = 'verbinder-test';
const ADMIN = 'admin@verbinder.demo';  // the demo's admin (src/demo/demo.h)
const NAME = 'test';  // the provider's [section] in the config file
let dir, provider, serve, base, issuer;
let serveLog = '';  // verbinder's log: names the check an ID token failed
const browsers = [];
async function browser(opts) { const b = await newBrowser(opts); browsers.push(b); return b; }

before(async () => {
  const bin = process.env.VERBINDER_BINARY;
  if (!bin) throw new Error('set VERBINDER_BINARY to the verbinder binary');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-oidc-'));
  const [vbPort, idPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${vbPort}`;
  provider = spawn(process.execPath, [path.join(ROOT, 'tests/oidc/provider.mjs'), String(idPort), CLIENT_ID, 'geheim-van-de-test',
    `${base}/auth/oidc/${NAME}/callback`], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  issuer = await new Promise((resolve, reject) => {
    let out = '';
    provider.stdout.on('data', (d) => { out += d; const m = /ready (\S+)/.exec(out); if (m) resolve(m[1]); });
    provider.once('exit', (code) => reject(new Error('provider exited ' + code)));
  });
  fs.writeFileSync(path.join(dir, 'secret'), 'geheim-van-de-test\n');
  fs.writeFileSync(path.join(dir, 'oidc.ini'), `base_url = ${base}\n\n[${NAME}]\nissuer = ${issuer}\nlabel = Testprovider\n` +
    `client_id = ${CLIENT_ID}\nclient_secret_file = ${path.join(dir, 'secret')}\n`);
  const db = path.join(dir, 'verbinder.db');
  const demo = spawnSync(bin, ['demo', '--db', db], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error('verbinder demo failed: ' + demo.stderr);
  serve = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(vbPort), '--oidc-config', path.join(dir, 'oidc.ini')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  serve.stdout.on('data', (d) => { serveLog += d; });
  serve.stderr.on('data', (d) => { serveLog += d; });
  for (let i = 0; ; i++) {
    if (serve.exitCode !== null) throw new Error('verbinder serve exited: ' + serveLog);
    try { if ((await fetch(base + '/healthz')).ok) break; } catch { /* not yet */ }
    if (i > 150) throw new Error('verbinder serve did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
});

after(async () => {
  for (const b of browsers) await b.close().catch(() => {});
  for (const p of [serve, provider]) {
    if (p && p.exitCode === null) { p.kill('SIGTERM'); await new Promise((r) => p.once('exit', r)); }
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// A browser that reaches only this machine (the provider's page imports a web font).
async function localBrowser(opts) {
  const b = await browser(opts);
  await b.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
  return b;
}

// From verbinder's login page through the provider's login (and consent, when
// asked) up to the point where the provider sends the browser back.
async function signInAtProvider(page, login, { consent = true, lang = 'nl' } = {}) {
  await page.goto(base + '/login');
  await settle(page);
  await page.getByRole('link', { name: lang === 'nl' ? 'Inloggen met Testprovider' : 'Sign in with Testprovider', exact: true }).click();
  await page.waitForURL((u) => u.origin === issuer);
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('wat-dan-ook');
  await page.locator('button[type=submit]').click();
  if (consent) {
    await page.getByRole('button', { name: 'Continue', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
  }
}

async function whoAmI(page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/v1/auth/me');
    return r.ok ? (await r.json()).member.email : r.status;
  });
}

// What went wrong on our side: the provider's own page imports a web font that
// localBrowser blocks (net::ERR_FAILED), which is not ours.
const ours = (b) => b.problems.filter((p) => !p.includes('net::ERR_FAILED'));

async function logout(page) {
  await page.evaluate(async () => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('vb_csrf='))?.slice(8);
    await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrf } });
  });
}

// The provider holds its next redirect back to verbinder (tests/oidc/provider.mjs):
// runs `flow`, answers the callback URL the provider would have sent the browser to.
async function heldCallback(page, flow) {
  assert.equal((await fetch(`${issuer}/__test/hold`, { method: 'POST' })).status, 204);
  await flow();
  return new URL(await page.locator('#callback').getAttribute('href'));
}

async function startAtLogin(page) {
  await page.goto(base + '/login');
  await settle(page);
  await page.getByRole('link', { name: 'Inloggen met Testprovider', exact: true }).click();
}

async function expectError(b, text) {
  const { page } = b;
  await page.waitForURL((u) => u.origin === base && u.pathname === '/login' && u.searchParams.has('oidc_error'));
  await settle(page);
  assert.equal((await page.locator('#oidc-error').textContent()).trim(), text);
  assert.equal(await whoAmI(page), 401, 'not signed in');
  assert.deepEqual(ours(b), [], 'no server error, no script error');
}

async function tamper(mode) {
  const r = await fetch(`${issuer}/__test/tamper?mode=${mode}`, { method: 'POST' });
  assert.equal(r.status, 204);
}

describe('sign-in with OpenID Connect', () => {
  test('the login page offers the provider, in Dutch and English', async () => {
    const nl = await localBrowser({ lang: 'nl-NL' });
    await nl.page.goto(base + '/login');
    await settle(nl.page);
    const button = nl.page.getByRole('link', { name: 'Inloggen met Testprovider', exact: true });
    assert.equal(await button.getAttribute('href'), '/auth/oidc/test/start?lang=nl');
    assert.equal((await nl.page.locator('.oidc-or').textContent()).trim(), 'of met je e-mailadres en wachtwoord');
    assert.deepEqual(await axeViolations(nl.page), []);
    await screenshot(nl.page, 'oidc-login-375-nl');
    const en = await localBrowser({ lang: 'en-GB' });
    await en.page.goto(base + '/login');
    await settle(en.page);
    assert.equal(await en.page.getByRole('link', { name: 'Sign in with Testprovider', exact: true }).getAttribute('href'),
      '/auth/oidc/test/start?lang=en');
  });

  test('a new person signs up through the provider (open sign-up) and is signed in', async () => {
    const b = await localBrowser({ lang: 'en-GB' });
    await signInAtProvider(b.page, 'nieuw', { lang: 'en' });
    await b.page.waitForURL((u) => u.origin === base && u.pathname === '/');
    await settle(b.page);
    assert.equal(await whoAmI(b.page), 'nieuw@example.org');
    assert.deepEqual(ours(b), []);
  });

  test('a member with a password confirms once with it; after that the provider is enough', async () => {
    const b = await localBrowser({ lang: 'nl-NL' });
    const { page } = b;
    await signInAtProvider(page, 'anja');  // the provider says anja.kamphuis@noaberzorg.demo, verified
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.has('oidc_link'));
    await settle(page);
    assert.equal(await whoAmI(page), 401, 'not signed in before the password');
    assert.equal((await page.locator('#oidc-link').textContent()).trim(),
      'Je Testprovider-account gebruikt het e-mailadres van een lid met een wachtwoord. Log één keer in met je wachtwoord om Testprovider te koppelen; daarna is Testprovider genoeg.');
    await screenshot(page, 'oidc-confirm-link-375-nl');
    await page.locator('#login-email').fill(ANJA);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === '/profile');
    await settle(page);
    assert.equal(await whoAmI(page), ANJA);
    const card = page.locator('#sign-ins-card');
    await card.getByText('Testprovider is gekoppeld: voortaan kun je daarmee inloggen.', { exact: true }).waitFor();
    assert.equal(await page.locator('#sign-ins li[data-provider=test] strong').textContent(), 'Testprovider');
    await screenshot(page, 'oidc-profile-375-nl');

    // Signed out, the provider alone signs Anja in (the provider remembers the consent).
    await logout(page);
    assert.equal(await whoAmI(page), 401);
    await startAtLogin(page);
    await page.waitForURL((u) => u.origin === base && u.pathname === '/');
    assert.equal(await whoAmI(page), ANJA);

    // A replayed code: a new sign-in (its own fresh state) carrying a code already redeemed.
    await logout(page);
    const first = await heldCallback(page, () => startAtLogin(page));
    await page.goto(first.href);
    await page.waitForURL((u) => u.origin === base && u.pathname === '/');
    assert.equal(await whoAmI(page), ANJA);
    await logout(page);
    const second = await heldCallback(page, () => startAtLogin(page));
    assert.notEqual(second.searchParams.get('state'), first.searchParams.get('state'));
    second.searchParams.set('code', first.searchParams.get('code'));
    await page.goto(second.href);
    await expectError(b, 'De inlogcode van Testprovider is verlopen of al gebruikt. Begin opnieuw.');
    // And the callback itself replayed: its state was used up.
    await page.goto(first.href);
    await expectError(b, 'Deze inlogpoging is onderbroken, duurde te lang of is al gebruikt. Begin opnieuw met de knop hieronder.');

    // Removing the link from the profile.
    await page.goto(base + '/login');
    await settle(page);
    await page.locator('#login-email').fill(ANJA);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(base + '/profile');
    await settle(page);
    await page.locator('#sign-ins li[data-provider=test]').getByRole('button', { name: 'Ontkoppelen', exact: true }).click();
    await page.locator('#sign-ins').getByText('Geen accounts gekoppeld.', { exact: true }).waitFor();
    const left = await page.evaluate(async () => (await (await fetch('/api/v1/me/sign-ins')).json()).items.length);
    assert.equal(left, 0);
    assert.deepEqual(ours(b), []);
  });

  test('denied consent ends on the login page with a clear message', async () => {
    const b = await localBrowser({ lang: 'nl-NL' });
    await signInAtProvider(b.page, 'kees', { consent: false });
    await b.page.getByRole('link', { name: '[ Cancel ]' }).click();
    await expectError(b, 'Je hebt Testprovider geen toestemming gegeven om je in te laten loggen, dus je bent niet ingelogd. Was dat een vergissing? Probeer het opnieuw.');
    await screenshot(b.page, 'oidc-denied-375-nl');
  });

  test('a wrong state is refused (English)', async () => {
    const b = await localBrowser({ lang: 'en-GB' });
    const back = await heldCallback(b.page, () => signInAtProvider(b.page, 'kees', { lang: 'en' }));
    back.searchParams.set('state', 'someone-elses-state');
    await b.page.goto(back.href);
    await expectError(b, 'This sign-in was interrupted, took too long or was already used. Start again with the button below.');
    await screenshot(b.page, 'oidc-state-375-en');
  });

  for (const [mode, who, why] of [['bad-signature', 'sig', 'ID token refused: the signature does not verify'],
    ['expired', 'exp', 'ID token refused: expired'], ['wrong-audience', 'aud', 'ID token refused: meant for another client']]) {
    test(`an ID token with ${mode} is refused`, async () => {
      const b = await localBrowser({ lang: 'nl-NL' });
      await tamper(mode);
      const logged = serveLog.length;
      await signInAtProvider(b.page, `kees-${who}`);
      await expectError(b, 'Het antwoord van Testprovider kon niet worden gecontroleerd, dus je bent niet ingelogd. Probeer het opnieuw; gebeurt het vaker, meld het dan aan de netwerkleider.');
      assert.ok(serveLog.slice(logged).includes(why), `the server names the failed check: ${serveLog.slice(logged)}`);
      // Nobody was made a member by it.
      const leader = await apiSession(base, LEADER);
      assert.equal((await leader.call('GET', `/api/v1/members?q=${encodeURIComponent(`kees-${who}`)}`)).total, 0);
    });
  }

  test('an e-mail address the provider did not verify is refused', async () => {
    const b = await localBrowser({ lang: 'nl-NL' });
    await signInAtProvider(b.page, 'onbevestigd');
    await expectError(b, 'Testprovider heeft je e-mailadres niet bevestigd. Bevestig het eerst bij Testprovider, of log in met je wachtwoord.');
  });

  test('the admin switches password sign-in off: members use the provider, admins keep their password', async () => {
    const b = await localBrowser({ lang: 'nl-NL' });
    const { page } = b;
    await page.goto(base + '/login');
    await settle(page);
    await page.locator('#login-email').fill(ADMIN);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(base + '/profile');
    await settle(page);
    const box = page.locator('#password-login');
    assert.equal(await box.isChecked(), true);
    await box.uncheck();
    await page.locator('#sign-ins-card').getByText('Opgeslagen.', { exact: true }).waitFor();
    await assert.rejects(apiSession(base, PIETER), /403/);
    await assert.rejects(apiSession(base, LEADER), /403/);  // an organizer too
    const admin = await apiSession(base, ADMIN);  // an admin still can
    const other = await localBrowser({ lang: 'nl-NL' });
    await other.page.goto(base + '/login');
    await settle(other.page);
    assert.equal((await other.page.locator('.oidc-or').textContent()).trim(), 'Inloggen met een wachtwoord kan hier alleen voor beheerders.');
    await admin.call('PUT', '/api/v1/auth/password-login', { enabled: true });
    await apiSession(base, PIETER);
    assert.deepEqual(ours(b), []);
  });
});
