// Test harness for the browser tests: a real `verbinder serve` on a fresh
// demo database (binary from VERBINDER_BINARY), Debian's chromium driven by
// playwright-core, axe-core for accessibility, and screenshots as artifacts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import qrcode from 'qrcode-generator';

const require = createRequire(import.meta.url);
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const PASSWORD = 'verbinder-demo';
export const ANJA = 'anja.kamphuis@noaberzorg.demo';
export const PIETER = 'pieter.lammerink@tpo-almelo.demo';
export const LEADER = 'leider@verbinder.demo';
export const ARTIFACTS = process.env.VERBINDER_WEB_ARTIFACTS || path.join(os.tmpdir(), 'verbinder-web-artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A free TCP port on loopback (for the server, an SMTP sink, an OIDC provider).
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export async function startServer() {
  const bin = process.env.VERBINDER_BINARY;
  if (!bin) throw new Error('set VERBINDER_BINARY to the verbinder binary');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-web-'));
  const db = path.join(dir, 'verbinder.db');
  const demo = spawnSync(bin, ['demo', '--db', db], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error('verbinder demo failed: ' + demo.stderr);
  const port = await freePort();
  const proc = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (proc.exitCode !== null) throw new Error('verbinder serve exited: ' + stderr);
    try { if ((await fetch(base + '/healthz')).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    db,  // the SQLite file (tests read the mail outbox from it)
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A Y4M video (4:2:0, 640x480, 10 frames) of the QR code of `text` (a check-in
// code, a connect code's URL), as qrcode-generator draws it in the web UI: what
// chromium's fake camera shows in a loop. Use with fakeCamera(file).
export function qrVideo(text) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount(), W = 640, H = 480, px = Math.floor(400 / (n + 8));
  const x0 = Math.floor((W - n * px) / 2), y0 = Math.floor((H - n * px) / 2);
  const y = Buffer.alloc(W * H, 235);   // white paper, quiet zone included
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
    if (!qr.isDark(r, c)) continue;
    for (let dy = 0; dy < px; dy++) y.fill(16, (y0 + r * px + dy) * W + x0 + c * px, (y0 + r * px + dy) * W + x0 + (c + 1) * px);
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);  // no colour
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vb-qr-')), 'qr.y4m');
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}
// Chromium switches for a browser whose camera shows `video` (see qrVideo), with
// the permission prompt answered yes.
export function fakeCamera(video) {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
}

// One browser profile (fresh user-data-dir) per person, so sessions never mix.
// `args`: extra chromium switches for this browser only (e.g. a fake camera).
export async function newBrowser({ width = 375, height = 812, lang = 'nl-NL', args = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: [...ARGS, ...args], locale: lang,
    viewport: { width, height }, deviceScaleFactor: 1, timezoneId: 'Europe/Amsterdam',
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];   // CSP violations, script errors, failed API calls with 5xx
  const changes = [];    // state-changing API requests with their CSRF header
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push('console: ' + m.text()); });
  page.on('dialog', (d) => { void d.accept(); });
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.method() !== 'GET') changes.push({ method: r.method(), url: r.url(), csrf: r.headers()['x-csrf-token'] });
  });
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.url()}`); });
  return {
    context, page, problems, changes,
    async close() { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

export async function login(page, base, email, password = PASSWORD) {
  await page.goto(base + '/login');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await settle(page);
}

// Waits until the current page has rendered (main is no longer busy).
export async function settle(page) {
  await page.waitForFunction(() => {
    const m = document.querySelector('main');
    return m && !m.hasAttribute('aria-busy') && !m.querySelector('.loading');
  }, null, { timeout: 15000 });
}

export async function goto(page, url) {
  await page.goto(url);
  await settle(page);
}

// axe-core on the current page: returns serious and critical violations.
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

export async function scrollWidth(page) {
  return page.evaluate(() => document.scrollingElement.scrollWidth);
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name + '.png');
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The API as a given user, from Node (for test setup and checks).
export async function apiSession(base, email, password = PASSWORD) {
  const r = await fetch(base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
  const body = await r.json();
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (method, p, data) => {
    const res = await fetch(base + p, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': body.csrf_token, ...(data ? { 'Content-Type': 'application/json' } : {}) },
      body: data ? JSON.stringify(data) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { memberId: body.member_id, role: body.role, call };
}

// The newest queued mail to `to` of `kind` in the server's outbox (table
// `outbox` of the SQLite file), as { subject, text }; null when there is none.
export function newestMail(db, to, kind) {
  const q = (s) => "'" + String(s).replace(/'/g, "''") + "'";
  const r = spawnSync('sqlite3', ['-json', db,
    `SELECT subject, text_body AS text FROM outbox WHERE to_email = ${q(to)} AND kind = ${q(kind)} ORDER BY id DESC LIMIT 1`],
  { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('sqlite3: ' + r.stderr);
  const rows = r.stdout.trim() ? JSON.parse(r.stdout) : [];
  return rows[0] ?? null;
}

// The path and query of the link in that mail (the server's own base URL may differ).
export function linkFromMail(db, to, kind) {
  const m = newestMail(db, to, kind);
  if (!m) throw new Error(`no ${kind} mail to ${to}`);
  const url = /https?:\/\/\S+token=[0-9a-f]{64}/.exec(m.text);
  if (!url) throw new Error('no link in the mail: ' + m.text);
  const u = new URL(url[0]);
  return u.pathname + u.search;
}

// Whether the element `selector` is fully visible: below the sticky header and
// inside the window. true, or a sentence saying where it is (issue #17).
export async function inView(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return `no ${sel}`;
    const r = el.getBoundingClientRect();
    const top = document.querySelector('header.top')?.getBoundingClientRect().bottom ?? 0;
    if (r.height === 0) return `${sel} is not shown`;
    return r.top >= top - 1 && r.bottom <= window.innerHeight + 1 && r.left >= 0 && r.right <= window.innerWidth + 1
      ? true : `${sel} at ${Math.round(r.top)}..${Math.round(r.bottom)} (window ${window.innerHeight}, header ${Math.round(top)})`;
  }, selector);
}

// Online once, for the offline tests: opens the home page until the service
// worker controls it, then waits until its shell cache holds both languages'
// strings (main.ts has it warm them after the first render).
export async function swReady(page, base) {
  await goto(page, base + '/');
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await settle(page);
  }
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) throw new Error('the service worker does not control the page');
  await page.waitForFunction(async (sentences) => {
    const c = await caches.open('vb-shell-v1');
    const found = new Set();
    for (const r of await c.keys()) {
      if (!new URL(r.url).pathname.startsWith('/assets/')) continue;
      const body = await (await c.match(r)).text();
      for (const x of sentences) if (body.includes(x)) found.add(x);
    }
    return found.size === sentences.length;
  }, ['Je bent offline', 'You are offline'], { timeout: 15000 });
}

// Words broken across lines inside the elements `selector` matches ("Industr / y"):
// each word (letters and digits between spaces or hyphens, where a line may
// break) is measured with a Range; one that spans two line boxes is reported
// as "cell text: word". [] when every word is whole.
export async function splitWords(page, selector) {
  return page.locator(selector).evaluateAll((els) => {
    const out = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.data.matchAll(/[^\s\-‐–—/]+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1) out.push(`${el.textContent.trim()}: ${m[0]}`);
        }
      }
    }
    return out;
  });
}

// Both languages' tables ({ nl, en }) of the strings files `files` (web/src/strings/<f>.ts),
// for tests that word their expected text from the tables themselves.
export async function stringTables(files) {
  const { build } = await import('esbuild');
  const out = { nl: {}, en: {} };
  for (const f of files) {
    const r = await build({
      entryPoints: [path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'strings', f + '.ts')],
      bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'error',
    });
    const mod = await import('data:text/javascript;base64,' + Buffer.from(r.outputFiles[0].text).toString('base64'));
    Object.assign(out.nl, mod.nl);
    Object.assign(out.en, mod.en);
  }
  return out;
}

// The setup most test files share: one `verbinder serve` on a fresh demo
// database for the whole file (started before its tests; `server` gets base,
// db and stop then), and browsers that are closed with it after the tests.
//   const { server, browser, ready } = perFile();   // at the top of a test file
//   before(async () => { await ready(); ...server.base... });   // a file's own top-level before
//   const b = await browser({ width: 1280, lang: 'en-GB' });
// node:test runs a file's top-level before hooks at the same time, so one that
// uses the server awaits ready() first (tests and describe hooks run after them all).
export function perFile() {
  const server = {};
  const browsers = [];
  let started = null;
  const ready = () => (started ??= startServer().then((s) => Object.assign(server, s)));
  before(async () => { await ready(); });
  after(async () => {
    for (const b of browsers) await b.close().catch(() => {});
    await server.stop?.();
  });
  return { server, browsers, ready, browser: async (opts) => { const b = await newBrowser(opts); browsers.push(b); return b; } };
}

// The note of a part shown from its last known copy (web/src/last-known.ts),
// "Offline: bijgewerkt om {time}." in `lang` from the tables `s` (stringTables
// with 'member'), as a whole-text pattern: HH:MM today, a date otherwise.
export function staleRe(s, lang) {
  const escape = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const time = escape(s[lang]['lastknown.offline.time']).replace(escape('{time}'), '\\d{2}:\\d{2}');
  const date = escape(s[lang]['lastknown.offline.date']).replace(escape('{time}'), '.+');
  return new RegExp(`^(${time}|${date})$`);
}
