// The network map (organizers): sigma.js (WebGL) over a graphology graph with
// the server's layout (GET /api/v1/network/map?compact=true). Colour by sector
// or community, size by brokerage or betweenness, real ties dark and
// online-only ties light, filter by sector, search a member, select one to see
// their position (GET /api/v1/network/members/:id). The canvas has a text
// alternative: the summary and the member list, which also select members, so
// everything works from the keyboard. sigma and graphology are only in this
// page's chunk.
//
// At large sizes the server sends only the ties a leader can read (per member
// the strongest few, then the strongest face-to-face ones, up to a budget;
// the page says how many of how many); selecting a member loads and draws all
// of their ties (GET /api/v1/network/map/ties/:id). Edges and labels are not
// drawn while the camera moves. The server computes the map in the
// background: while the first one is computed (503) the page says so and
// retries; a map older than the ledger is shown with its age.
//
// Drawing cost (measured in bench/web/map_bench.mjs, software WebGL): members
// are drawn as round WebGL points (one vertex each) rather than sigma's
// instanced discs, which SwiftShader drew at 3 frames per second for 10,000
// members; above THICK_TIES_MAX ties every tie is a 1-px line (face-to-face
// ties stay darker), since sigma's instanced thick lines tripled the first frame.
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import { api, ApiError, sectors } from '../api';
import { sectorLabel, type PageCtx } from '../app';
import { CHART_CSS, PALETTE, swatch, useStyles } from '../charts';
import { field, h, message } from '../dom';
import { errorText } from '../feedback';
import { formatNumber, t } from '../i18n';

interface MapNode { id: string; name: string; sector: string; community: number; x: number; y: number;
  degree: number; betweenness: number | null; brokerage: number; core: number }
interface MapData { nodes: MapNode[]; edges: [number, number, number][]; sectors: string[]; communities: number;
  members: number; ties: number; real_ties: number; drawn_ties: number; drawn_real_ties: number;
  selection: 'all' | 'strongest'; per_member: number; age_seconds: number; stale: boolean }
interface Position {
  id: string; name: string; sector: string; degree: number; strength: number; betweenness: number | null; core: number;
  community: number; constraint: number | null; effective_size: number | null;
  brokerage: { coordinator: number; consultant: number; representative: number; liaison: number };
  betweenness_percentile: number; real_ties: number; online_only_ties: number; cross_sector_ties: number;
  sectors_reached: string[]; fading: boolean;
}

type ColorMode = 'sector' | 'community';
type SizeMode = 'brokerage' | 'betweenness';
type TieMode = 'all' | 'real' | 'online';

const REAL_EDGE = 'rgba(23, 96, 58, 0.55)';
const ONLINE_EDGE = 'rgba(150, 160, 172, 0.28)';
const DIM = '#dfe3e8';
const OTHER = '#a0a7b0';
const LIST_MAX = 50;
const COMMUNITY_COLOURS = 12;
const RETRY_MS = 3000;
const THICK_TIES_MAX = 5000;

const CSS = `
.map-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
.map-controls { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: flex-end; }
.map-controls fieldset { margin: 0; }
.map-controls .radios { display: flex; gap: .75rem; flex-wrap: wrap; }
.map-controls .radios label { font-weight: 400; display: inline-flex; gap: .35rem; align-items: center; min-height: 32px; margin: 0; }
.map-controls .field { margin: 0; min-width: 12rem; }
.map-search { display: flex; gap: .5rem; align-items: flex-end; flex-wrap: wrap; }
.map-canvas { position: relative; height: 68vh; min-height: 380px; background: #fff; border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; }
.map-legend ul { list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
.map-legend li { display: inline-flex; align-items: center; gap: .35rem; }
.map-panel dl.facts { font-size: .95rem; }
.map-matches { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .35rem; }
@media (min-width: 64rem) { .map-layout { grid-template-columns: minmax(0, 3fr) minmax(16rem, 1fr); } }
`;

let current: Sigma | null = null;

declare global {
  interface Window { __vbMap?: { nodes: number; edges: number; timings: Record<string, number>; animating(): boolean;
    frames(ms: number): Promise<{ frames: number; ms: number }>; center(id: string, ratio: number): boolean;
    viewport(id: string): { x: number; y: number } | null } }
}

// A node's position in the camera's (framed graph) coordinates.
function framed(r: Sigma, id: string): { x: number; y: number } {
  const a = r.getGraph().getNodeAttributes(id) as { x: number; y: number };
  return r.viewportToFramedGraph(r.graphToViewport({ x: a.x, y: a.y }));
}

// The map, waiting (with a note on the page) while the server computes the
// first one. null if the leader left the page meanwhile.
async function fetchMap(ctx: PageCtx, path: string): Promise<MapData | null> {
  let note: HTMLElement | null = null, title: HTMLElement | null = null;
  for (;;) {
    try {
      const data = await api<MapData>('GET', path);
      if (note && !note.isConnected) return null;
      note?.remove();
      title?.remove();
      return data;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 503) throw e;
      if (!note) {
        note = message('info', t('leader.map.computing'));
        note.setAttribute('data-testid', 'map-computing');
        title = h('h1', null, t('leader.map.title'));
        ctx.main.append(title, note);
      }
      await new Promise((r) => setTimeout(r, RETRY_MS));
      if (!note.isConnected) return null;
    }
  }
}

function scale(v: number, max: number): number {
  return 2 + 11 * Math.sqrt(Math.max(0, v) / (max || 1));
}

export default async function leaderMap(ctx: PageCtx): Promise<void> {
  current?.kill();
  current = null;
  ctx.setTitle(t('leader.map.title'));
  useStyles('charts', CHART_CSS);
  useStyles('leader-map', CSS);
  const t0 = performance.now();
  // ?max_ties=N on the page's address asks for another budget (tests, curious leaders).
  const budget = /^[1-9][0-9]{0,8}$/.test(ctx.query.get('max_ties') ?? '') ? `&max_ties=${ctx.query.get('max_ties')}` : '';
  const [fetched, secs] = await Promise.all([fetchMap(ctx, `/api/v1/network/map?compact=true${budget}`), sectors()]);
  if (!fetched) return;
  const data: MapData = fetched;
  const tFetched = performance.now();

  // --- the graph -----------------------------------------------------------
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let maxBroker = 0, maxBetween = 0;
  for (const n of data.nodes) {
    maxBroker = Math.max(maxBroker, n.brokerage);
    maxBetween = Math.max(maxBetween, n.betweenness ?? 0);
  }
  const sectorIndex = new Map(data.sectors.map((s, i) => [s, i]));
  // Communities by size: the largest get their own colour, the rest share one.
  const communitySize = new Map<number, number>();
  for (const n of data.nodes) communitySize.set(n.community, (communitySize.get(n.community) ?? 0) + 1);
  const communityRank = new Map([...communitySize.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c], i) => [c, i]));
  const sectorColor = (s: string) => PALETTE[(sectorIndex.get(s) ?? 0) % PALETTE.length];
  const communityColor = (c: number) => { const r = communityRank.get(c) ?? 99; return r < COMMUNITY_COLOURS ? PALETTE[r] : OTHER; };
  for (const n of data.nodes) {
    graph.addNode(n.id, {
      x: n.x, y: -n.y, label: n.name, size: 3, color: sectorColor(n.sector),
      sector: n.sector, community: n.community, brokerage: n.brokerage, betweenness: n.betweenness ?? 0,
    });
  }
  const thin = data.edges.length > THICK_TIES_MAX;
  const edgeAttributes = (real: boolean, extra: boolean) => (real
    ? { color: REAL_EDGE, size: 1.2, real: true, extra, ...(thin ? { type: 'fast' } : {}) }
    : { color: ONLINE_EDGE, size: 1, type: 'fast', real: false, extra });
  const edges = data.edges;
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k];
    graph.addEdgeWithKey(k, data.nodes[e[0]].id, data.nodes[e[1]].id, edgeAttributes(e[2] === 1, false));
  }
  const tBuilt = performance.now();

  // --- state ---------------------------------------------------------------
  let colorMode: ColorMode = 'sector';
  let sizeMode: SizeMode = 'brokerage';
  let filter = '';
  // Real ties by default (issue #14): the map first shows who really met; online-only ties on request.
  let tieMode: TieMode = 'real';
  let selected: string | null = null;
  let extras: string[] = [];            // a selected member's ties the map did not draw
  let memberTies: number | null = null; // how many ties the selected member has (all loaded)
  let neighbours = new Set<string>();
  let selectedEdges = new Set<string>();
  const label = (k: string) => (k ? sectorLabel(secs, k) : t('leader.map.sector.none'));

  // --- controls ------------------------------------------------------------
  const radios = (name: string, legend: string, options: [string, string][], value: string, onChange: (v: string) => void) =>
    h('fieldset', null, h('legend', null, legend), h('div', { class: 'radios' }, options.map(([v, text]) => {
      const input = h('input', { type: 'radio', name, value: v, id: `lm-${name}-${v}`, checked: v === value });
      input.addEventListener('change', () => { if (input.checked) onChange(v); });
      return h('label', { for: `lm-${name}-${v}` }, input, text);
    })));
  const colorCtl = radios('color', t('leader.map.color'), [['sector', t('leader.map.color.sector')], ['community', t('leader.map.color.community')]],
    colorMode, (v) => { colorMode = v as ColorMode; renderLegend(); refresh(); });
  const sizeCtl = radios('size', t('leader.map.size'), [['brokerage', t('leader.map.size.brokerage')], ['betweenness', t('leader.map.size.betweenness')]],
    sizeMode, (v) => { sizeMode = v as SizeMode; renderList(); refresh(); });
  const tieCtl = radios('ties', t('leader.map.ties'), [['all', t('leader.map.ties.all')], ['real', t('leader.map.ties.real')],
    ['online', t('leader.map.ties.online')]], tieMode, (v) => { tieMode = v as TieMode; updateTieNote(); refresh(); });
  const sectorSel = h('select', { id: 'lm-sector', name: 'sector' },
    h('option', { value: '' }, t('leader.map.filter.all')),
    data.sectors.map((s) => h('option', { value: s }, label(s))));
  sectorSel.addEventListener('change', () => { filter = sectorSel.value; renderList(); updateShowing(); refresh(); });
  const searchInput = h('input', { type: 'search', id: 'lm-search', name: 'q', autocomplete: 'off' });
  const searchMsg = h('div', { 'aria-live': 'polite' });
  const searchForm = h('form', { class: 'map-search', role: 'search' },
    field(t('leader.map.search'), searchInput, t('leader.map.search.hint')),
    h('button', { type: 'submit', class: 'btn' }, t('leader.map.search.go')));
  searchForm.addEventListener('submit', (ev) => { ev.preventDefault(); search(searchInput.value); });

  // --- text alternative ------------------------------------------------------
  const online = data.ties - data.real_ties;
  const summaryText = t('leader.map.summary', { n: formatNumber(data.members), m: formatNumber(data.ties), real: formatNumber(data.real_ties),
    online: formatNumber(online), k: formatNumber(data.communities) });
  const summary = h('p', { id: 'lm-summary', 'data-nodes': data.members, 'data-ties': data.ties }, summaryText);
  const showing = h('p', { class: 'hint', id: 'lm-showing', 'aria-live': 'polite' });
  const updateShowing = () => {
    const n = filter ? data.nodes.filter((x) => x.sector === filter).length : data.members;
    showing.textContent = t('leader.map.showing', { n: formatNumber(n), total: formatNumber(data.members) });
  };
  updateShowing();
  const tieNote = h('p', { class: 'hint', id: 'lm-ties', 'aria-live': 'polite' });
  const tieShown = (real: boolean) => tieMode === 'all' || (tieMode === 'real') === real;
  function updateTieNote(): void {
    let shown = 0;
    graph.forEachEdge((e, a) => { if (tieShown(a.real as boolean) && (!selected || selectedEdges.has(e))) shown++; });
    tieNote.dataset.drawn = String(graph.size - extras.length);
    tieNote.dataset.shown = String(shown);
    tieNote.dataset.ties = String(data.ties);
    if (selected && memberTies !== null) {
      tieNote.textContent = t('leader.map.drawn.member', { n: formatNumber(shown), name: graph.getNodeAttribute(selected, 'label') as string });
      return;
    }
    const [d, m] = tieMode === 'all' ? [data.drawn_ties, data.ties]
      : tieMode === 'real' ? [data.drawn_real_ties, data.real_ties]
        : [data.drawn_ties - data.drawn_real_ties, data.ties - data.real_ties];
    tieNote.textContent = d >= m ? t('leader.map.drawn.all', { m: formatNumber(m) })
      : t('leader.map.drawn.some', { d: formatNumber(d), m: formatNumber(m), k: formatNumber(data.per_member) });
  }
  const staleNote = data.stale
    ? message('info', t('leader.map.stale', { min: formatNumber(Math.max(1, Math.round(data.age_seconds / 60))) })) : '';
  const container = h('div', { class: 'map-canvas', id: 'lm-canvas', role: 'img', 'aria-label': t('leader.map.canvas', { summary: summaryText }) });
  const legend = h('div', { class: 'map-legend', 'aria-label': t('leader.map.legend'), role: 'group' });
  const panel = h('section', { class: 'card map-panel', 'aria-labelledby': 'lm-panel-h', id: 'lm-panel' });
  const listBody = h('tbody');
  const listCaption = h('caption', { class: 'hint' });
  const list = h('details', { class: 'card', id: 'lm-list' }, h('summary', null, t('leader.map.list')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'table' }, listCaption,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('leader.map.list.name')), h('th', { scope: 'col' }, t('leader.health.sector')),
        h('th', { scope: 'col', class: 'num' }, t('leader.map.degree')), h('th', { scope: 'col', class: 'num' }, t('leader.map.size.brokerage')),
        h('th', { scope: 'col', class: 'num' }, t('leader.map.size.betweenness')))),
      listBody)));

  function renderLegend(): void {
    const items = colorMode === 'sector'
      ? data.sectors.map((s) => h('li', null, swatch(sectorColor(s)), label(s)))
      : [...communityRank.entries()].filter(([, r]) => r < COMMUNITY_COLOURS).sort((a, b) => a[1] - b[1])
        .map(([c]) => h('li', null, swatch(communityColor(c)), t('leader.map.legend.community', { c: c + 1 })))
        .concat(communityRank.size > COMMUNITY_COLOURS ? [h('li', null, swatch(OTHER), t('leader.map.legend.other'))] : []);
    legend.replaceChildren(
      h('ul', { 'data-mode': colorMode }, items),
      h('ul', null, h('li', null, swatch('#17603a', 'line'), t('leader.map.legend.real')),
        h('li', null, swatch('#9aa5b1', 'line-light'), t('leader.map.legend.online'))));
  }

  function renderList(): void {
    const key = sizeMode;
    const rows = data.nodes.filter((n) => !filter || n.sector === filter)
      .sort((a, b) => (key === 'brokerage' ? b.brokerage - a.brokerage : (b.betweenness ?? 0) - (a.betweenness ?? 0)) || a.name.localeCompare(b.name))
      .slice(0, LIST_MAX);
    const total = filter ? data.nodes.filter((n) => n.sector === filter).length : data.members;
    listCaption.textContent = t('leader.map.list.caption', { n: rows.length, measure: t(`leader.map.size.${key}`).toLowerCase(), total: formatNumber(total) });
    listBody.replaceChildren(...rows.map((n) => h('tr', null,
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'btn-link', 'aria-label': t('leader.map.list.select', { name: n.name }),
        onclick: () => void select(n.id, true) }, n.name)),
      h('td', null, label(n.sector)), h('td', { class: 'num' }, formatNumber(n.degree)),
      h('td', { class: 'num' }, formatNumber(n.brokerage)), h('td', { class: 'num' }, formatNumber(n.betweenness ?? 0, 4)))));
  }

  function renderPanelEmpty(): void {
    panel.replaceChildren(h('h2', { id: 'lm-panel-h' }, t('leader.map.panel')), h('p', null, t('leader.map.position.none')));
  }

  async function renderPanel(id: string): Promise<void> {
    let p: Position;
    try {
      p = await api<Position>('GET', `/api/v1/network/members/${encodeURIComponent(id)}`);
    } catch (e) {
      panel.replaceChildren(message('error', errorText(e)));
      return;
    }
    if (selected !== id) return;
    // Each measure in plain words: its name, the value as a phrase, and why a leader cares (issue #17).
    const metric = (key: string, name: string, value: string, explain: string | null) => h('div', { 'data-metric': key },
      h('dt', null, name), h('dd', { class: 'metric-value' }, value), explain ? h('dd', { class: 'metric-explain' }, explain) : null);
    const b = p.brokerage;
    const who = { name: p.name };
    const clearBtn = h('button', { type: 'button', class: 'btn btn-small' }, t('leader.map.clear'));
    clearBtn.addEventListener('click', () => { void select(null, false); searchInput.focus(); });
    panel.replaceChildren(
      h('h2', { id: 'lm-panel-h', 'data-member': p.id }, t('leader.map.position', { name: p.name })),
      h('p', { class: 'meta' }, h('span', { class: 'badge sector' }, label(p.sector)), p.fading ? h('span', { class: 'badge warn' }, t('leader.map.fading')) : null),
      h('dl', { class: 'facts metrics' },
        metric('degree', t('leader.map.degree'), formatNumber(p.degree), t('leader.map.explain.degree', who)),
        metric('real_ties', t('leader.map.real_ties'), formatNumber(p.real_ties), t('leader.map.explain.real_ties', who)),
        metric('online_ties', t('leader.map.online_ties'), formatNumber(p.online_only_ties), t('leader.map.explain.online_ties', who)),
        metric('cross_ties', t('leader.map.cross_ties'), formatNumber(p.cross_sector_ties), t('leader.map.explain.cross_ties', who)),
        metric('bridge', t('leader.map.bridge'), t('leader.map.value.percentile', { p: formatNumber(p.betweenness_percentile * 100) }),
          t('leader.map.explain.bridge', who)),
        metric('hole', t('leader.map.hole'), p.effective_size == null || p.degree === 0 ? '–'
          : t('leader.map.value.effective', { e: formatNumber(Math.min(p.degree, Math.round(p.effective_size))), n: formatNumber(p.degree) }),
          t('leader.map.explain.hole', who)),
        metric('kern', t('leader.map.kern'), t('leader.map.value.core', { k: formatNumber(p.core) }), t('leader.map.explain.kern', who)),
        metric('community', t('leader.map.community'), t('leader.map.value.community', { c: formatNumber(p.community + 1) }),
          t('leader.map.explain.community')),
        metric('sectors', t('leader.map.sectors_reached'), p.sectors_reached.map(label).join(', ') || '–', t('leader.map.explain.sectors', who))),
      h('h3', null, t('leader.map.broker')),
      h('p', { class: 'metric-explain meta' }, t('leader.map.explain.broker', who)),
      h('dl', { class: 'facts metrics', 'data-testid': 'brokerage' },
        metric('liaison', t('leader.map.broker.liaison'), formatNumber(b.liaison), null),
        metric('representative', t('leader.map.broker.representative'), formatNumber(b.representative), null),
        metric('consultant', t('leader.map.broker.consultant'), formatNumber(b.consultant), null),
        metric('coordinator', t('leader.map.broker.coordinator'), formatNumber(b.coordinator), null)),
      h('div', { class: 'actions' }, h('a', { class: 'btn btn-primary', href: `/members/${encodeURIComponent(p.id)}` }, t('leader.map.profile', { name: p.name })),
        clearBtn));
  }

  // --- sigma -----------------------------------------------------------------
  let renderer: Sigma | null = null;
  function refresh(): void { renderer?.refresh(); }

  function dropExtras(): void {
    for (const e of extras) if (graph.hasEdge(e)) graph.dropEdge(e);
    extras = [];
    memberTies = null;
  }

  // Draws all ties of the selected member, also those the map left out.
  async function loadTies(id: string): Promise<void> {
    let r: { ties: [string, number][] };
    try {
      r = await api<{ ties: [string, number][] }>('GET', `/api/v1/network/map/ties/${encodeURIComponent(id)}`);
    } catch {
      return;  // the drawn ties stay; the panel reports errors
    }
    if (selected !== id) return;
    dropExtras();
    for (const [other, real] of r.ties) {
      if (!graph.hasNode(other) || graph.hasEdge(id, other)) continue;
      extras.push(graph.addEdge(id, other, edgeAttributes(real === 1, true)));
    }
    memberTies = r.ties.length;
    neighbours = new Set(graph.neighbors(id));
    selectedEdges = new Set(graph.edges(id));
    updateTieNote();
    refresh();
  }

  async function select(id: string | null, focusCamera: boolean): Promise<void> {
    dropExtras();
    selected = id;
    neighbours = new Set(id ? graph.neighbors(id) : []);
    selectedEdges = new Set(id ? graph.edges(id) : []);
    updateTieNote();
    refresh();
    const ties = id ? loadTies(id) : null;
    if (!id) { renderPanelEmpty(); return; }
    if (filter && graph.getNodeAttribute(id, 'sector') !== filter) {
      filter = ''; sectorSel.value = ''; renderList(); updateShowing(); refresh();
    }
    if (focusCamera && renderer) {
      const d = framed(renderer, id);
      void renderer.getCamera().animate({ x: d.x, y: d.y, ratio: 0.25 }, { duration: 500 });
    }
    panel.replaceChildren(h('h2', { id: 'lm-panel-h' }, graph.getNodeAttribute(id, 'label') as string), h('p', { class: 'loading' }, t('loading')));
    await Promise.all([renderPanel(id), ties]);
  }

  function search(q: string): void {
    const needle = q.trim().toLocaleLowerCase();
    if (!needle) return;
    const starts: MapNode[] = [], contains: MapNode[] = [];
    for (const n of data.nodes) {
      const name = n.name.toLocaleLowerCase();
      if (name.startsWith(needle)) starts.push(n);
      else if (name.includes(needle)) contains.push(n);
    }
    const found = starts.concat(contains);
    if (!found.length) { searchMsg.replaceChildren(message('error', t('leader.map.search.none', { q: q.trim() }))); return; }
    searchMsg.replaceChildren(
      found.length > 1 ? h('p', { class: 'hint' }, t('leader.map.search.many', { n: formatNumber(found.length) })) : '',
      found.length > 1 ? h('ul', { class: 'map-matches' }, found.slice(0, 10).map((n) => h('li', null,
        h('button', { type: 'button', class: 'btn btn-small', onclick: () => void select(n.id, true) }, n.name)))) : '');
    void select(found[0].id, true);
  }

  renderLegend();
  updateTieNote();
  renderList();
  renderPanelEmpty();
  ctx.main.append(
    h('h1', null, t('leader.map.title')),
    h('p', { class: 'lead' }, t('leader.map.intro')),
    summary,
    staleNote,
    h('div', { class: 'card' }, h('div', { class: 'map-controls', role: 'group', 'aria-label': t('leader.map.controls') },
      colorCtl, sizeCtl, tieCtl, field(t('leader.map.filter'), sectorSel)), searchForm, searchMsg),
    h('div', { class: 'map-layout' },
      h('div', null, legend, container, showing, tieNote),
      panel),
    list);

  try {
    renderer = new Sigma(graph, container, {
      defaultEdgeType: 'line',
      edgeProgramClasses: { fast: EdgeLineProgram },
      nodeProgramClasses: { circle: NodePointProgram },
      labelRenderedSizeThreshold: 9,
      // Software WebGL (and slow laptops) keep moving smoothly without edges and labels.
      hideEdgesOnMove: true,
      hideLabelsOnMove: true,
      zIndex: true,
      labelDensity: 0.5,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      nodeReducer: (node, d) => {
        const a = d as Record<string, unknown> & { x: number; y: number };
        if (filter && a.sector !== filter) return { ...d, hidden: true };
        const size = scale(sizeMode === 'brokerage' ? a.brokerage as number : a.betweenness as number, sizeMode === 'brokerage' ? maxBroker : maxBetween);
        const color = colorMode === 'sector' ? sectorColor(a.sector as string) : communityColor(a.community as number);
        // Bigger brokers are drawn (and picked by the mouse) on top of smaller members.
        if (selected) {
          if (node === selected) return { ...d, size: size + 3, color, highlighted: true, forceLabel: true, zIndex: 100 };
          if (neighbours.has(node)) return { ...d, size, color, zIndex: 20 + size };
          return { ...d, size, color: DIM, label: '', zIndex: 0 };
        }
        return { ...d, size, color, zIndex: size };
      },
      edgeReducer: (edge, d) => {
        if (!tieShown((d as { real?: boolean }).real === true)) return { ...d, hidden: true };
        if (selected && !selectedEdges.has(edge)) return { ...d, hidden: true };
        return d;
      },
    });
    current = renderer;
    renderer.on('clickNode', ({ node }) => { void select(node, false); });
    renderer.on('clickStage', () => { if (selected) void select(null, false); });
  } catch {
    container.replaceChildren(message('info', t('leader.map.nowebgl')));
    list.open = true;
  }
  // Opened from the members table (/leader/map?member=12): that member selected.
  const wanted = ctx.query.get('member');
  if (wanted && graph.hasNode(wanted)) void select(wanted, true);
  // Timings and a frame counter for bench/web (measured there, never asserted).
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const tRendered = performance.now();
  const r = renderer;
  window.__vbMap = {
    nodes: graph.order, get edges() { return graph.size; },
    timings: { fetch_ms: tFetched - t0, build_ms: tBuilt - tFetched, render_ms: tRendered - tBuilt, since_navigation_ms: tRendered },
    async frames(ms: number) {
      if (!r) return { frames: 0, ms: 0 };
      const cam = r.getCamera();
      let frames = 0;
      const start = performance.now();
      let running = true;
      const tick = () => { frames++; if (running) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      // Zoom in, pan across and back out while counting frames.
      await cam.animate({ ratio: 0.3, x: 0.3, y: 0.3 }, { duration: ms / 3 });
      await cam.animate({ x: 0.7, y: 0.7 }, { duration: ms / 3 });
      await cam.animate({ ratio: 1, x: 0.5, y: 0.5 }, { duration: ms / 3 });
      running = false;
      return { frames, ms: performance.now() - start };
    },
    // True while the camera is moving (tests wait for it to come to rest).
    animating() { return !!r && r.getCamera().isAnimated(); },
    // Where a member is drawn, in pixels from the canvas's top left.
    viewport(id: string) { return r && graph.hasNode(id) ? r.graphToViewport(graph.getNodeAttributes(id) as { x: number; y: number }) : null; },
    // Puts a member in the middle of the canvas at this zoom (tests click it there).
    center(id: string, ratio: number) {
      if (!r || !graph.hasNode(id)) return false;
      const d = framed(r, id);
      r.getCamera().setState({ x: d.x, y: d.y, ratio, angle: 0 });
      return true;
    },
  };
}
