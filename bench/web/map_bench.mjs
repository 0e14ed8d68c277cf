// Measures the leader's network map in a real browser on a generated network:
// the API (cold: `serve --precompute-map` computes the map in the background from start-up,
// a request waits at most 20 s and then gets 503 — measured as the time from
// the server answering /healthz to the first map; warm: cached), and in
// chromium the time to the first drawn map and the frames per second during a
// camera animation (zoom in, pan, zoom out; counted with requestAnimationFrame).
// Prints load averages and the server's CPU time next to the wall times.
// Figures go to docs/performance.md; nothing here is a pass/fail threshold.
//
//   VERBINDER_BINARY=build/src/app/verbinder node bench/web/map_bench.mjs [--members 10000] [--runs 3]
//     [--db FILE]      start from a copy of an already generated database instead of generating
//     [--max-ties N]   the page asks for this tie budget (default: the server's, 40,000);
//                      a huge N draws every tie, as the map did before the budget
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
const MAX_TIES = opt('max-ties');
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
// CPU seconds (user + system) a process used so far.
const cpuSeconds = (pid) => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
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
const proc = spawn(bin, ['serve', '--precompute-map', '--db', db, '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 300; i++) { try { if ((await fetch(base + '/healthz')).ok) break; } catch { /* starting */ } await new Promise((r) => setTimeout(r, 100)); }

const healthy = performance.now();
const out = { members: MEMBERS, runs: RUNS, animation_ms: ANIMATION_MS, max_ties: MAX_TIES ?? 'server default', load_at_start: loadavg() };
try {
  const lr = await fetch(base + '/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!lr.ok) throw new Error('login failed ' + lr.status);
  const cookie = lr.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const timed = async (p) => { const t = performance.now(); const r = await fetch(base + p, { headers: { Cookie: cookie } }); const body = await r.arrayBuffer(); return { ms: performance.now() - t, bytes: body.byteLength, status: r.status }; };
  const mapPath = '/api/v1/network/map?compact=true' + (MAX_TIES ? `&max_ties=${MAX_TIES}` : '');
  // Cold: the server started computing at start-up; poll until the map is there.
  const first = await timed(mapPath);
  const cold = { first_request_ms: Math.round(first.ms), first_status: first.status, requests: 1, longest_request_ms: Math.round(first.ms) };
  let last = first;
  while (last.status === 503) {
    await new Promise((r) => setTimeout(r, 1000));
    last = await timed(mapPath);
    cold.requests++;
    cold.longest_request_ms = Math.max(cold.longest_request_ms, Math.round(last.ms));
  }
  if (last.status !== 200) throw new Error('map request failed ' + last.status);
  cold.ms_from_start_to_map = Math.round(performance.now() - healthy);
  cold.server_cpu_s = cpuSeconds(proc.pid);
  cold.load = loadavg();
  out.api_cold_map = cold;
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await timed(mapPath));
  out.api_warm_map_ms = Number(median(warm.map((w) => w.ms)).toFixed(1));
  out.api_map_bytes = warm[0].bytes;
  const head = JSON.parse(Buffer.from(await (await fetch(base + mapPath, { headers: { Cookie: cookie } })).arrayBuffer()).toString());
  out.ties = head.ties; out.drawn_ties = head.drawn_ties; out.real_ties = head.real_ties; out.drawn_real_ties = head.drawn_real_ties;
  const all = await timed('/api/v1/network/map?compact=true&max_ties=100000000');
  out.api_map_all_ties = { ms: Math.round(all.ms), bytes: all.bytes };

  const b = await newBrowser({ width: 1440, height: 900, lang: 'en-GB' });
  try {
    await login(b.page, base, email, PASSWORD);
    const firsts = [], fps = [], parts = [];
    for (let i = 0; i < RUNS; i++) {
      await b.page.goto(base + '/leader/map' + (MAX_TIES ? `?max_ties=${MAX_TIES}` : ''));
      await b.page.waitForFunction(() => window.__vbMap, null, { timeout: 300000 });
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
    out.server_cpu_s_total = cpuSeconds(proc.pid);
    out.load_at_end = loadavg();
  } finally { await b.close(); }
} finally {
  proc.kill('SIGTERM');
  await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(out, null, 2));
