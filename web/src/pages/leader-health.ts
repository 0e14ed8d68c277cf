// The network's health at a glance (organizers): real-tie share, ties across
// sectors, siloed sectors (E-I per sector), isolated and fading members, event
// yield over time, online-only ties per sector pair — as SVG charts with a data
// table each; and the trend per month over the last year (real-tie share,
// cross-sector share, active members) as line charts. Data:
// GET /api/v1/network/health and GET /api/v1/network/health/trend.
import { api, sectors } from '../api';
import { sectorLabel, type PageCtx } from '../app';
import { barChart, CHART_CSS, divergingChart, lineChart, PALETTE, useStyles } from '../charts';
import { h } from '../dom';
import { formatDate, formatNumber, getLang, t } from '../i18n';

export interface Health {
  members: number; ties: number; real_ties: number; real_tie_share: number | null;
  cross_sector_ties: number; cross_sector_real_ties: number; ei_index: number | null;
  sectors: { sector: string; members: number; ties_inside: number; ties_outside: number; real_inside: number; real_outside: number; ei: number | null }[];
  isolated_count: number; isolated: { id: string; name: string; sector: string }[];
  fading_count: number; fading: { id: string; name: string; sector: string; last_active: string; days_inactive: number }[];
  events: { event: string; title: string; date: string | null; attendees: number; new_ties: number; new_real_ties: number; new_cross_sector_real_ties: number }[];
  online_only: { sector_a: string; sector_b: string; ties: number; real: number; online_only: number }[];
}

export interface TrendMonth {
  month: string; starts_at: number; ends_at: number; ties: number; real_ties: number; real_tie_share: number | null;
  cross_sector_ties: number; cross_sector_share: number | null; active_members: number;
}

const FADING_DAYS = 180;
const TREND_MONTHS = 12;
const REAL = '#17603a', ONLINE = '#9aa5b1', INSIDE = '#6b7785', OUTSIDE = PALETTE[0];

function pct(x: number | null): string {
  return x == null ? '–' : new Intl.NumberFormat(getLang() === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(x);
}

function dayToUnix(d: string): number { return Date.parse(d + 'T12:00:00Z') / 1000; }

export default async function leaderHealth(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.health.title'));
  useStyles('charts', CHART_CSS);
  const [hl, secs, trend] = await Promise.all([
    api<Health>('GET', `/api/v1/network/health?fading_days=${FADING_DAYS}`),
    sectors(),
    api<{ months: TrendMonth[] }>('GET', `/api/v1/network/health/trend?months=${TREND_MONTHS}`),
  ]);
  const label = (k: string) => (k ? sectorLabel(secs, k) : t('leader.map.sector.none'));
  const tableLabel = t('leader.health.table');
  const online = hl.ties - hl.real_ties;

  const real = h('section', { class: 'card', 'aria-labelledby': 'lh-real' },
    h('h2', { id: 'lh-real' }, t('leader.health.real')),
    h('p', { class: 'stat', 'data-testid': 'real-share' }, pct(hl.real_tie_share)),
    h('p', null, t('leader.health.real.text', { pct: pct(hl.real_tie_share), real: formatNumber(hl.real_ties), ties: formatNumber(hl.ties) })),
    barChart({
      title: t('leader.health.real.chart'), desc: t('leader.health.real.desc', { real: formatNumber(hl.real_ties), online: formatNumber(online) }),
      tableLabel, labelHead: t('leader.health.pair'),
      series: [{ name: t('leader.health.real.series'), color: REAL }, { name: t('leader.health.online.series'), color: ONLINE }],
      rows: [{ label: t('leader.map.degree'), values: [hl.real_ties, online] }],
    }));

  const crossShare = hl.ties ? hl.cross_sector_ties / hl.ties : null;
  const bySize = [...hl.sectors].sort((a, b) => b.members - a.members);
  const cross = h('section', { class: 'card', 'aria-labelledby': 'lh-cross' },
    h('h2', { id: 'lh-cross' }, t('leader.health.cross')),
    h('p', { class: 'stat', 'data-testid': 'cross-share' }, pct(crossShare)),
    h('p', null, t('leader.health.cross.text', { pct: pct(crossShare), cross: formatNumber(hl.cross_sector_ties), ties: formatNumber(hl.ties),
      real: formatNumber(hl.cross_sector_real_ties) })),
    barChart({
      title: t('leader.health.cross.chart'), desc: t('leader.health.cross.desc'), tableLabel, labelHead: t('leader.health.sector'),
      series: [{ name: t('leader.health.inside'), color: INSIDE }, { name: t('leader.health.outside'), color: OUTSIDE }],
      rows: bySize.map((x) => ({ label: label(x.sector), values: [x.ties_inside, x.ties_outside] })),
    }));

  const byEi = [...hl.sectors].sort((a, b) => (a.ei ?? 2) - (b.ei ?? 2));
  const siloed = byEi.filter((x) => x.ei != null && x.ei < 0).map((x) => label(x.sector));
  const silo = h('section', { class: 'card', 'aria-labelledby': 'lh-silo' },
    h('h2', { id: 'lh-silo' }, t('leader.health.silo')),
    h('p', null, t('leader.health.silo.text')),
    h('p', { 'data-testid': 'siloed' }, siloed.length ? t('leader.health.silo.desc', { list: siloed.join(', ') }) : t('leader.health.silo.none')),
    divergingChart({
      title: t('leader.health.silo.chart'), desc: siloed.length ? t('leader.health.silo.desc', { list: siloed.join(', ') }) : t('leader.health.silo.none'),
      tableLabel, labelHead: t('leader.health.sector'), valueHead: t('leader.health.ei'),
      rows: byEi.map((x) => ({ label: label(x.sector), value: x.ei })), negColor: '#b45309', posColor: PALETTE[0],
      extra: { head: t('leader.health.members'), values: byEi.map((x) => formatNumber(x.members)) },
    }));

  const listMore = (shown: number, total: number) => (total > shown ? h('p', { class: 'hint' }, t('leader.health.more', { n: formatNumber(total - shown) })) : null);
  const people = h('section', { class: 'card', 'aria-labelledby': 'lh-people' },
    h('h2', { id: 'lh-people' }, t('leader.health.people.chart')),
    barChart({
      title: t('leader.health.people.chart'),
      desc: t('leader.health.people.desc', { isolated: formatNumber(hl.isolated_count), fading: formatNumber(hl.fading_count), members: formatNumber(hl.members) }),
      tableLabel, labelHead: t('leader.health.count'), series: [{ name: t('leader.health.count'), color: '#b45309' }],
      rows: [{ label: t('leader.health.isolated'), values: [hl.isolated_count] }, { label: t('leader.health.fading'), values: [hl.fading_count] }],
    }),
    h('h3', null, t('leader.health.isolated')),
    h('p', { 'data-testid': 'isolated-count' }, t('leader.health.isolated.text', { n: formatNumber(hl.isolated_count) })),
    hl.isolated.length ? h('ul', { class: 'plain' }, hl.isolated.slice(0, 20).map((m) =>
      h('li', null, h('a', { href: `/members/${encodeURIComponent(m.id)}` }, m.name), ' · ', label(m.sector)))) : null,
    listMore(Math.min(20, hl.isolated.length), hl.isolated_count),
    h('h3', null, t('leader.health.fading')),
    h('p', { 'data-testid': 'fading-count' }, t('leader.health.fading.text', { n: formatNumber(hl.fading_count), days: FADING_DAYS })),
    // A table where its card is wide enough; a list of members (each value
    // with its heading) where it is not (styles.css .fading-table).
    hl.fading.length ? h('div', { class: 'table-wrap fading-wrap', tabindex: 0, role: 'region', 'aria-label': t('leader.health.fading') },
      h('table', { class: 'table fading-table', id: 'lh-fading' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('leader.map.list.name')), h('th', { scope: 'col' }, t('leader.health.sector')),
          h('th', { scope: 'col' }, t('leader.health.fading.last')), h('th', { scope: 'col', class: 'num' }, t('leader.health.fading.days')))),
        h('tbody', null, hl.fading.slice(0, 20).map((m) => h('tr', null,
          h('td', { class: 'name' }, h('a', { href: `/members/${encodeURIComponent(m.id)}` }, m.name)),
          h('td', { 'data-label': t('leader.health.sector') }, label(m.sector)),
          h('td', { class: 'when', 'data-label': t('leader.health.fading.last') }, formatDate(dayToUnix(m.last_active))),
          h('td', { class: 'num', 'data-label': t('leader.health.fading.days') }, formatNumber(m.days_inactive))))))) : null,
    listMore(Math.min(20, hl.fading.length), hl.fading_count));

  const evs = hl.events.filter((e) => e.date);
  const events = h('section', { class: 'card', 'aria-labelledby': 'lh-events' },
    h('h2', { id: 'lh-events' }, t('leader.health.events')),
    h('p', null, t('leader.health.events.text')),
    evs.length ? lineChart({
      title: t('leader.health.events.chart'),
      desc: t('leader.health.events.desc', { n: evs.length, from: formatDate(dayToUnix(evs[0].date!)), to: formatDate(dayToUnix(evs[evs.length - 1].date!)) }),
      tableLabel, labelHead: t('leader.health.event'),
      series: [{ name: t('leader.health.new_ties'), color: PALETTE[0] }, { name: t('leader.health.new_real'), color: REAL },
        { name: t('leader.health.new_cross'), color: PALETTE[1] }],
      points: evs.map((e) => ({ label: e.title || `#${e.event}`, sub: formatDate(dayToUnix(e.date!)),
        values: [e.new_ties, e.new_real_ties, e.new_cross_sector_real_ties] })),
    }) : h('p', null, t('leader.health.events.none')));

  const pairs = hl.online_only.filter((p) => p.online_only > 0).slice(0, 10);
  const onlinePairs = pairs.length ? h('section', { class: 'card', 'aria-labelledby': 'lh-pairs' },
    h('h2', { id: 'lh-pairs' }, t('leader.health.online_pairs')),
    h('p', null, t('leader.health.online_pairs.text')),
    barChart({
      title: t('leader.health.online_pairs'), desc: t('leader.health.online_pairs.text'), tableLabel, labelHead: t('leader.health.pair'),
      series: [{ name: t('leader.health.pair.online'), color: ONLINE }, { name: t('leader.health.pair.real'), color: REAL }],
      rows: pairs.map((p) => ({ label: p.sector_a === p.sector_b ? label(p.sector_a) : `${label(p.sector_a)} – ${label(p.sector_b)}`, values: [p.online_only, p.real] })),
    })) : null;

  ctx.main.append(
    h('h1', null, t('leader.health.title')),
    h('p', { class: 'lead' }, t('leader.health.intro')),
    h('div', { class: 'leader-grid' }, real, cross, silo, people),
    trendSection(trend.months, tableLabel),
    events, onlinePairs ?? '');
}

// "Jan 2026" / "jan 2026" for a month starting at `unix` (Amsterdam).
function monthLabel(unix: number): string {
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', month: 'short', year: 'numeric' })
    .format((unix + 86400) * 1000);
}

// The trend per month: shares (from the first month with ties) and active members, each a line chart with its table.
function trendSection(months: TrendMonth[], tableLabel: string): HTMLElement {
  const head = [h('h2', { id: 'lh-trend' }, t('leader.health.trend', { n: months.length })), h('p', null, t('leader.health.trend.text'))];
  const withTies = months.filter((m) => m.ties > 0);
  const anyActive = months.some((m) => m.active_members > 0);
  if (!withTies.length && !anyActive)
    return h('section', { class: 'card', 'aria-labelledby': 'lh-trend', 'data-testid': 'trend' }, head, h('p', null, t('leader.health.trend.none')));
  const pctOf = (x: number | null) => (x == null ? 0 : Math.round(x * 1000) / 10);
  const first = months[0], last = months[months.length - 1];
  const charts: HTMLElement[] = [];
  if (withTies.length) {
    const a = withTies[0], b = withTies[withTies.length - 1];
    charts.push(lineChart({
      title: t('leader.health.trend.shares'),
      desc: t('leader.health.trend.shares.desc', { from: monthLabel(a.starts_at), to: monthLabel(b.starts_at),
        r0: pct(a.real_tie_share), r1: pct(b.real_tie_share), c0: pct(a.cross_sector_share), c1: pct(b.cross_sector_share) }),
      tableLabel, labelHead: t('leader.health.trend.month'),
      series: [{ name: t('leader.health.trend.real'), color: REAL }, { name: t('leader.health.trend.cross'), color: OUTSIDE }],
      points: withTies.map((m) => ({ label: monthLabel(m.starts_at), values: [pctOf(m.real_tie_share), pctOf(m.cross_sector_share)] })),
      format: (v) => formatNumber(v, 1),
    }));
  }
  const top = months.reduce((x, m) => (m.active_members > x.active_members ? m : x), first);
  charts.push(lineChart({
    title: t('leader.health.trend.active'),
    desc: t('leader.health.trend.active.desc', { from: monthLabel(first.starts_at), to: monthLabel(last.starts_at),
      a0: formatNumber(first.active_members), a1: formatNumber(last.active_members), max: formatNumber(top.active_members),
      top: monthLabel(top.starts_at) }),
    tableLabel, labelHead: t('leader.health.trend.month'),
    series: [{ name: t('leader.health.trend.members'), color: PALETTE[1] }],
    points: months.map((m) => ({ label: monthLabel(m.starts_at), values: [m.active_members] })),
  }));
  return h('section', { class: 'card', 'aria-labelledby': 'lh-trend', 'data-testid': 'trend' }, head, h('div', { class: 'leader-grid' }, charts));
}
