// Measures the leader's network map in a real browser on a generated network:
// the API (cold: analysis + layout; warm: cached), and in chromium the time to
// the first drawn map and the frames per second during a camera animation
// (zoom in, pan, zoom out; counted with requestAnimationFrame). Figures go to
// docs/performance.md; nothing here is a pass/fail threshold.
//
//   VERBINDER_BINARY=build/src/app/verbinder node bench/web/map_bench.mjs [--members 10000] [--runs 3]
//     [--db FILE]   start from a copy of an already generated database instead of generating
//
// Chromium runs headless with --disable-gpu, so WebGL is SwiftShader (software
// rendering on the CPU): a laptop's GPU draws faster than this.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { login, newBrowser, settle } from '../../web/test/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf('--' + name); return i >= 0 ? args[i + 1] : def; };
const MEMBERS = Number(opt('members', '10000'));
const RUNS = Number(opt('runs', '3'));
const ANIMATION_MS = Number(opt('animation-ms', '3000'));
const bin = process.env.VERBINDER_BINARY;
if (!bin) throw new Error('set VERBINDER_BINARY');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const run = (argv, input) => {
  const r = spawnSync(bin, argv, { encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`verbinder ${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const freePort = () => new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-mapbench-'));
const db = path.join(dir, 'verbinder.db');
if (opt('db')) fs.copyFileSync(opt('db'), db);
else run(['generate', '--db', db, '--members', String(MEMBERS), '--seed', '1']);
const email = spawnSync('/usr/bin/python3', ['-c',
  'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT email FROM members WHERE email <> \'\' ORDER BY id LIMIT 1").fetchone()[0])', db],
{ encoding: 'utf8' }).stdout.trim();
const PASSWORD = 'bench-password-123';
run(['account', 'create', '--db', db, '--email', email, '--role', 'organizer'], PASSWORD + '\n');

const port = await freePort();
const proc = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 300; i++) { try { if ((await fetch(base + '/healthz')).ok) break; } catch { /* starting */ } await new Promise((r) => setTimeout(r, 100)); }

const out = { members: MEMBERS, runs: RUNS, animation_ms: ANIMATION_MS };
try {
  const lr = await fetch(base + '/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!lr.ok) throw new Error('login failed ' + lr.status);
  const cookie = lr.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const timed = async (p) => { const t = performance.now(); const r = await fetch(base + p, { headers: { Cookie: cookie } }); const body = await r.arrayBuffer(); return { ms: performance.now() - t, bytes: body.byteLength, status: r.status }; };
  out.api_cold_map = await timed('/api/v1/network/map?compact=true');   // analysis + layout + serialisation
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await timed('/api/v1/network/map?compact=true'));
  out.api_warm_map_ms = median(warm.map((w) => w.ms));
  out.api_map_bytes = warm[0].bytes;
  out.api_map_verbose_bytes = (await timed('/api/v1/network/map')).bytes;

  const b = await newBrowser({ width: 1440, height: 900, lang: 'en-GB' });
  try {
    await login(b.page, base, email, PASSWORD);
    const firsts = [], fps = [], parts = [];
    for (let i = 0; i < RUNS; i++) {
      await b.page.goto(base + '/leader/map');
      await b.page.waitForFunction(() => window.__vbMap, null, { timeout: 120000 });
      await settle(b.page);
      const m = await b.page.evaluate(() => ({ nodes: window.__vbMap.nodes, edges: window.__vbMap.edges, ...window.__vbMap.timings }));
      out.nodes = m.nodes; out.edges = m.edges;
      firsts.push(m.since_navigation_ms);
      parts.push(m);
      const f = await b.page.evaluate((ms) => window.__vbMap.frames(ms), ANIMATION_MS);
      fps.push((f.frames * 1000) / f.ms);
    }
    out.time_to_map_ms = { median: median(firsts), all: firsts.map(Math.round) };
    out.fetch_ms = median(parts.map((p) => p.fetch_ms));
    out.build_graph_ms = median(parts.map((p) => p.build_ms));
    out.sigma_first_frame_ms = median(parts.map((p) => p.render_ms));
    out.fps_during_animation = { median: Number(median(fps).toFixed(1)), all: fps.map((x) => Number(x.toFixed(1))) };
    if (b.problems.length) out.problems = b.problems;
  } finally { await b.close(); }
} finally {
  proc.kill('SIGTERM');
  await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(out, null, 2));
