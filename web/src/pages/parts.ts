// Pieces several pages share.
import type { Member, Sector } from '../api';
import { sectorLabel } from '../app';
import { h } from '../dom';
import { t, type Key } from '../i18n';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? parts[parts.length - 1][0] : '';
  return (first + last).toUpperCase();
}

export function avatar(name: string, big = false): HTMLElement {
  return h('span', { class: big ? 'avatar avatar-lg' : 'avatar', 'aria-hidden': 'true' }, initials(name));
}

export function sectorBadge(secs: Sector[], key: string): HTMLElement | null {
  if (!key) return null;
  return h('span', { class: `badge sector sector-${key.replace(/[^a-z0-9_-]/gi, '')}` }, sectorLabel(secs, key));
}

export function subtitle(m: Member): string {
  return [m.title, m.organization].filter(Boolean).join(' · ');
}

export function memberCard(m: Member, secs: Sector[], extra?: Node | null): HTMLElement {
  const open = m.challenges.filter((c) => c.status === 'open');
  return h('article', { class: 'member-card' },
    avatar(m.name),
    h('div', { class: 'member-card-body' },
      h('h3', null, h('a', { href: `/members/${m.id}` }, m.name)),
      subtitle(m) && h('p', { class: 'sub' }, subtitle(m)),
      h('p', { class: 'meta' }, sectorBadge(secs, m.sector), m.region && h('span', null, m.region)),
      m.expertise.tags.length > 0 && h('p', { class: 'tags' }, m.expertise.tags.slice(0, 4).map((tag) => h('span', { class: 'tag' }, tag))),
      open.length > 0 && h('p', { class: 'challenge-line' }, h('span', { class: 'label' }, t('member.challenges') + ': '), open[0].title),
      extra ?? null));
}

export function kindLabel(kind: string): string {
  const key = ('kind.' + kind) as Key;
  return ['connected', 'answered', 'met_at_event', 'meeting_held', 'visit_held'].includes(kind) ? t(key) : kind;
}
