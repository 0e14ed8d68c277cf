// Measures every page of the web UI in a real browser on the demo network (the
// issue's aim: "pages usable within 1 s on the demo network; no page ships more
// than it needs"). A member (Anja, on a 375-px phone, Dutch) and the leader (a
// 1440-px laptop whose browser asks for English; the pages still show in Dutch,
// the first language of the leader's demo profile, which web/src/i18n.ts
// chooseLang prefers over the browser's) each open every page of their role
// RUNS times with a full page load; a page counts as usable when its main content has rendered
// (the <main> element is no longer busy and shows no "loading" placeholder, the
// same condition the browser tests wait for). Per page it prints the median and
// the slowest time from navigation start to usable, and the bytes that page
// load used until it was usable: scripts, style sheets and API responses (from
// the browser's Resource Timing: uncompressed body sizes, whether fetched or from
// the cache). What the app fetches after that — the service worker's warm-up of
// the offline pages and of the other language's strings (web/src/pwa.ts) — is
// `script_after` (counted until the bench looks, so it varies).
// Figures go to docs/performance.md; nothing here is a pass/fail threshold.
//
//   VERBINDER_BINARY=build/src/app/verbinder node bench/web/pages_bench.mjs [--runs 5]
//
// Chromium runs headless with --disable-gpu on the same machine as the server
// (loopback): network latency is not part of these figures.
import fs from 'node:fs';
import { ANJA, LEADER, apiSession, login, newBrowser, settle, startServer } from '../../web/test/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf('--' + name); return i >= 0 ? args[i + 1] : def; };
const RUNS = Number(opt('runs', '5'));
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await startServer();
const out = { runs: RUNS, load_at_start: loadavg(), pages: [] };
try {
  // Ids for the pages that show one thing: Pieter's profile, the coming congress
  // (its networking rounds are scheduled in the demo), a question Anja asks.
  const anja = await apiSession(server.base, ANJA);
  const pieter = (await anja.call('GET', '/api/v1/members?q=pieter%20lammerink')).items[0].id;
  const events = (await anja.call('GET', '/api/v1/events?limit=100')).items;
  const congress = events.filter((e) => e.kind === 'congress').sort((a, b) => b.starts_at - a.starts_at)[0].id;
  const question = (await anja.call('POST', '/api/v1/questions', {
    title: 'Wie heeft ervaring met warmteterugwinning?', text: 'We willen de restwarmte van onze wasstraat benutten.',
    tags: ['energie'],
  })).id;

  const roles = [
    { who: 'member', email: ANJA, viewport: { width: 375, height: 812, lang: 'nl-NL' }, paths: [
      '/', '/members', `/members/${pieter}`, '/profile', '/connections', '/ties', '/events', `/events/${congress}`,
      `/events/${congress}/schedule`, '/visits', '/questions', '/questions/new', `/questions/${question}`,
      '/notifications', '/articles', '/newsletter', '/account/delete'] },
    { who: 'leader', email: LEADER, viewport: { width: 1440, height: 900, lang: 'en-GB' }, paths: [
      '/leader/members', '/leader/members/new', '/leader/events', `/leader/events/${congress}`, '/leader/map',
      '/leader/health', '/leader/weave', '/leader/newsletter', '/account/invitations'] },
  ];
  for (const role of roles) {
    for (const p of role.paths) {
      // A fresh browser profile per page (logged in; the login page loaded the shared code).
      const b = await newBrowser(role.viewport);
      try {
        await login(b.page, server.base, role.email);
        // When <main> became usable, as seen in the page (the condition of settle()).
        await b.page.addInitScript(() => {
          if (window !== window.top) return;
          const check = () => {
            const m = document.querySelector('main');
            if (m && !m.hasAttribute('aria-busy') && !m.querySelector('.loading')) window.__usableAt ??= performance.now();
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
        });
        const times = [];
        let bytes = null;
        for (let i = 0; i < RUNS; i++) {
          await b.page.goto(server.base + p);
          await settle(b.page);
          const m = await b.page.evaluate(() => {
            const until = window.__usableAt ?? performance.now();
            const sum = (f) => performance.getEntriesByType('resource').filter(f).reduce((s, e) => s + e.decodedBodySize, 0);
            const isScript = (e) => e.initiatorType === 'script' || /\.js($|\?)/.test(e.name);
            return {
              usable_ms: performance.now(),
              script: sum((e) => isScript(e) && e.startTime <= until),
              css: sum((e) => /\.css($|\?)/.test(e.name)),
              api: sum((e) => e.name.includes('/api/') && e.startTime <= until),
              script_after: sum((e) => isScript(e) && e.startTime > until),
            };
          });
          times.push(m.usable_ms);
          if (i === 0) bytes = { script: m.script, css: m.css, api: m.api, script_after: m.script_after };
        }
        // (Chromium says it did not run the init script above in a sandboxed frame, e.g. the newsletter preview.)
        const problems = b.problems.filter((x) => !/Blocked script execution in .* sandboxed/.test(x));
        if (problems.length) throw new Error(`${p}: ${problems.join('; ')}`);
        out.pages.push({ who: role.who, path: p, usable_ms_median: Math.round(median(times)),
          usable_ms_max: Math.round(Math.max(...times)), first_load_kib: Object.fromEntries(
            Object.entries(bytes).map(([k, v]) => [k, Number((v / 1024).toFixed(1))])) });
      } finally { await b.close(); }
    }
  }
  out.load_at_end = loadavg();
} finally { await server.stop(); }

const slowest = [...out.pages].sort((a, b) => b.usable_ms_max - a.usable_ms_max)[0];
out.slowest = slowest ? `${slowest.path} (${slowest.who}): median ${slowest.usable_ms_median} ms, max ${slowest.usable_ms_max} ms` : null;
console.log(JSON.stringify(out, null, 1));
