// Small hand-written SVG charts for the leader pages: horizontal (stacked) bars,
// diverging bars (values in -1..1) and a line chart over time. Each chart is a
// <figure> with an SVG (role=img, <title> and <desc>) and a data table under a
// <details> as the text alternative. All text goes in as text nodes.
// Also: page styles as a constructed stylesheet (CSP allows no inline styles).
import { h } from './dom';
import { formatNumber } from './i18n';

const SVG = 'http://www.w3.org/2000/svg';
let uid = 0;

// An SVG element; attributes are set as attributes, text as a text node.
export function s(tag: string, attrs: Record<string, string | number | null | undefined> = {}, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

// Colour-blind-safe categorical palette (Okabe–Ito, then Tol's muted), darkish
// enough for 3:1 against white.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#882255', '#117733',
  '#332288', '#AA4499', '#999933', '#44AA99', '#661100', '#6699CC', '#888888'];

export interface Series { name: string; color: string }

function frame(title: string, desc: string, svg: SVGElement, table: HTMLElement, tableLabel: string, legend?: Series[]): HTMLElement {
  const id = 'chart-' + (++uid);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-t ${id}-d`);
  svg.prepend(s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, desc));
  svg.setAttribute('class', 'chart-svg');
  svg.setAttribute('width', '100%');
  const leg = legend && legend.length > 1 ? h('ul', { class: 'chart-legend', 'aria-hidden': 'true' },
    legend.map((x) => h('li', null, swatch(x.color), x.name))) : null;
  return h('figure', { class: 'chart' }, h('figcaption', null, title), leg, svg,
    h('details', { class: 'chart-table' }, h('summary', null, tableLabel), h('div', { class: 'table-wrap' }, table)));
}

export function swatch(color: string, kind: 'box' | 'line' | 'line-light' = 'box'): HTMLElement {
  const el = h('span', { class: `swatch swatch-${kind}`, 'aria-hidden': 'true' });
  el.style.background = color;  // CSSOM, allowed by the CSP
  return el;
}

function dataTable(head: string[], rows: (string | number | Node)[][]): HTMLElement {
  return h('table', { class: 'table' },
    h('thead', null, h('tr', null, head.map((x, i) => h('th', { scope: 'col', class: i ? 'num' : null }, x)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'num' }, c)))))));
}

export interface BarRow { label: string; values: number[] }

// Horizontal bars, one row per label; several series stack left to right.
export function barChart(o: { title: string; desc: string; tableLabel: string; labelHead: string; series: Series[]; rows: BarRow[];
  format?: (n: number) => string }): HTMLElement {
  const fmt = o.format ?? ((n: number) => formatNumber(n));
  const W = 640, labelW = 170, valueW = 90, pad = 6;
  const lines = o.rows.map((r) => wrap(r.label, LABEL_CHARS));
  const rowH = lines.some((l) => l.length > 1) ? 38 : 26;
  const H = o.rows.length * rowH + pad * 2;
  const max = Math.max(1, ...o.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const plotW = W - labelW - valueW;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}` });
  o.rows.forEach((r, i) => {
    const y = pad + i * rowH;
    svg.append(label(lines[i], labelW - 8, y + rowH / 2 + 4, 'end'));
    let x = labelW;
    r.values.forEach((v, j) => {
      const w = (v / max) * plotW;
      if (w > 0) svg.append(s('rect', { x, y: y + 4, width: w.toFixed(1), height: rowH - 8, fill: o.series[j].color, rx: 2 },
        s('title', {}, `${r.label} — ${o.series[j].name}: ${fmt(v)}`)));
      x += w;
    });
    svg.append(s('text', { x: x + 6, y: y + rowH / 2 + 4, class: 'chart-value' }, r.values.map(fmt).join(' / ')));
  });
  const table = dataTable([o.labelHead, ...o.series.map((x) => x.name)], o.rows.map((r) => [r.label, ...r.values.map(fmt)]));
  return frame(o.title, o.desc, svg, table, o.tableLabel, o.series);
}

// Bars from a zero line, for values in [-1, 1] (E-I index): left of zero in
// `negColor`, right in `posColor`.
export function divergingChart(o: { title: string; desc: string; tableLabel: string; labelHead: string; valueHead: string;
  rows: { label: string; value: number | null }[]; negColor: string; posColor: string; extra?: { head: string; values: (string | number)[] } }): HTMLElement {
  const W = 640, labelW = 170, pad = 6, axisH = 18;
  const lines = o.rows.map((r) => wrap(r.label, LABEL_CHARS));
  const rowH = lines.some((l) => l.length > 1) ? 38 : 26;
  const plotW = W - labelW - 60;
  const H = o.rows.length * rowH + pad * 2 + axisH;
  const zero = labelW + plotW / 2;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}` });
  for (const t of [-1, -0.5, 0, 0.5, 1]) {
    const x = zero + (t * plotW) / 2;
    svg.append(s('line', { x1: x, x2: x, y1: pad, y2: H - axisH, class: t === 0 ? 'chart-axis' : 'chart-grid' }),
      s('text', { x, y: H - 4, 'text-anchor': 'middle', class: 'chart-tick' }, formatNumber(t, 1)));
  }
  o.rows.forEach((r, i) => {
    const y = pad + i * rowH;
    svg.append(label(lines[i], labelW - 8, y + rowH / 2 + 4, 'end'));
    if (r.value == null) return;
    const w = (Math.abs(r.value) * plotW) / 2;
    const x = r.value < 0 ? zero - w : zero;
    svg.append(s('rect', { x: x.toFixed(1), y: y + 4, width: Math.max(1, w).toFixed(1), height: rowH - 8, rx: 2,
      fill: r.value < 0 ? o.negColor : o.posColor }, s('title', {}, `${r.label}: ${formatNumber(r.value, 2)}`)));
    svg.append(s('text', { x: r.value < 0 ? x - 4 : x + w + 4, y: y + rowH / 2 + 4, 'text-anchor': r.value < 0 ? 'end' : 'start',
      class: 'chart-value' }, formatNumber(r.value, 2)));
  });
  const head = [o.labelHead, o.valueHead, ...(o.extra ? [o.extra.head] : [])];
  const table = dataTable(head, o.rows.map((r, i) => [r.label, r.value == null ? '–' : formatNumber(r.value, 2),
    ...(o.extra ? [o.extra.values[i]] : [])]));
  return frame(o.title, o.desc, svg, table, o.tableLabel);
}

// Lines over ordered points (e.g. events by date); x labels under the axis.
// `format` writes the values in the table and tooltips (default: whole numbers).
export function lineChart(o: { title: string; desc: string; tableLabel: string; labelHead: string; series: Series[];
  points: { label: string; sub?: string; values: number[] }[]; format?: (n: number) => string }): HTMLElement {
  const fmt = o.format ?? ((n: number) => formatNumber(n));
  const W = 640, H = 270, left = 44, right = 12, top = 12, bottom = 56;
  const n = o.points.length;
  const max = niceMax(Math.max(1, ...o.points.flatMap((p) => p.values)));
  const px = (i: number) => left + (n <= 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (n - 1));
  const py = (v: number) => top + (1 - v / max) * (H - top - bottom);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}` });
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    svg.append(s('line', { x1: left, x2: W - right, y1: py(v), y2: py(v), class: k === 0 ? 'chart-axis' : 'chart-grid' }),
      s('text', { x: left - 6, y: py(v) + 4, 'text-anchor': 'end', class: 'chart-tick' }, formatNumber(v)));
  }
  // Labels under the axis, whole (never cut), in up to two lines: as many as fit side by side.
  const ticks = o.points.map((p) => wrap(p.sub ?? p.label, 14));
  const widest = Math.max(1, ...ticks.flat().map((x) => x.length)) * 7 + 8;  // px at 12px type
  const step = n <= 1 ? W : (W - left - right) / (n - 1);
  const every = Math.max(1, Math.ceil(widest / step));
  let lastShown = -Infinity;
  o.points.forEach((_, i) => {
    const last = i === n - 1;
    if (i % every !== 0 && !last) return;
    if ((i - lastShown) * step < widest) return;  // the last label would overlap the one before
    lastShown = i;
    const anchor = n > 1 && i === 0 ? 'start' : n > 1 && last ? 'end' : 'middle';
    const x = anchor === 'start' ? px(i) - 4 : anchor === 'end' ? px(i) + 4 : px(i);
    svg.append(label(ticks[i], x, H - bottom + 16, anchor, 'chart-tick'));
  });
  o.series.forEach((ser, j) => {
    const d = o.points.map((p, i) => `${i ? 'L' : 'M'}${px(i).toFixed(1)},${py(p.values[j]).toFixed(1)}`).join(' ');
    svg.append(s('path', { d, fill: 'none', stroke: ser.color, 'stroke-width': 2.5, class: 'chart-line' }));
    o.points.forEach((p, i) => svg.append(s('circle', { cx: px(i).toFixed(1), cy: py(p.values[j]).toFixed(1), r: 3.5, fill: ser.color },
      s('title', {}, `${p.label}${p.sub ? ' (' + p.sub + ')' : ''} — ${ser.name}: ${fmt(p.values[j])}`))));
  });
  const table = dataTable([o.labelHead, ...o.series.map((x) => x.name)],
    o.points.map((p) => [p.sub ? `${p.label} (${p.sub})` : p.label, ...p.values.map(fmt)]));
  return frame(o.title, o.desc, svg, table, o.tableLabel, o.series);
}

function niceMax(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// Labels are never cut (issue #17: "16 April 20…"): a long one wraps at
// spaces into lines of about `n` characters (a single long word stays whole).
const LABEL_CHARS = 24;
function wrap(x: string, n: number): string[] {
  if (x.length <= n) return [x];
  const out: string[] = [];
  let line = '';
  for (const word of x.split(/\s+/)) {
    if (line && (line + ' ' + word).length > n) { out.push(line); line = word; } else line = line ? line + ' ' + word : word;
  }
  if (line) out.push(line);
  return out;
}

// An SVG text of one or more lines (tspans), the first line's baseline at y
// when there is one line, else the lines centred around it.
function label(lines: string[], x: number, y: number, anchor: 'start' | 'middle' | 'end', cls = 'chart-label'): SVGElement {
  const el = s('text', { x, y, 'text-anchor': anchor, class: cls });
  const lh = 14;
  const first = cls === 'chart-tick' ? y : y - ((lines.length - 1) * lh) / 2;
  lines.forEach((l, i) => el.append(s('tspan', { x, y: first + i * lh }, l)));
  return el;
}

// Page styles as a constructed stylesheet, added once (the CSP forbids inline
// <style>; constructed sheets are CSSOM, like element.style).
const adopted = new Set<string>();
export function useStyles(key: string, css: string): void {
  if (adopted.has(key)) return;
  adopted.add(key);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export const CHART_CSS = `
.chart { margin: 0 0 1rem; min-width: 0; }
.chart figcaption { font-weight: 600; margin-bottom: .35rem; }
.chart-svg { display: block; max-width: 48rem; height: auto; }
.chart-label, .chart-value, .chart-tick { font: 13px system-ui, sans-serif; fill: #222; }
.chart-tick { fill: #444; font-size: 12px; }
.chart-grid { stroke: #ddd; stroke-width: 1; }
.chart-axis { stroke: #666; stroke-width: 1.2; }
.chart-legend { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0 0 .35rem; font-size: .9rem; }
.chart-legend li { display: inline-flex; align-items: center; gap: .35rem; }
.chart-table summary { cursor: pointer; color: var(--brand, #0b5cad); padding: .35rem 0; min-height: 24px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; flex: none; }
.swatch-line { height: 4px; width: 22px; border-radius: 2px; }
.swatch-line-light { height: 2px; width: 22px; border-radius: 1px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.stat { font-size: 2rem; font-weight: 700; line-height: 1.1; margin: 0 0 .25rem; }
.leader-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1rem; }
@media (min-width: 60rem) { .leader-grid { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
`;
