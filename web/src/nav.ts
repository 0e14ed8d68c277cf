// The main menu, grouped (issue #17): Home, My network, Events, Network
// insight (leaders), Newsletter & articles, Notifications and Settings — at
// most seven entries at the top. On a phone (menu button open) every group
// shows its links under its name; on a wide screen each group is a button
// that opens its links below it (Escape or a click elsewhere closes it).
// A group with a single link for this reader is shown as that link.
import type { MenuItem, NavGroup } from './areas/types';
import { h } from './dom';
import { t, type Key } from './i18n';

const GROUPS: { key: NavGroup; label: Key }[] = [
  { key: 'network', label: 'leader.nav.group.network' },
  { key: 'events', label: 'leader.nav.group.events' },
  { key: 'insight', label: 'leader.nav.group.insight' },
  { key: 'newsletter', label: 'leader.nav.group.newsletter' },
  { key: 'settings', label: 'leader.nav.group.settings' },
];
// Where the ungrouped items (Home, Notifications) stand among the groups.
const ORDER: (NavGroup | 'home' | 'notifications')[] = ['home', 'network', 'events', 'insight', 'newsletter', 'notifications', 'settings'];

let closeOpen: (() => void) | null = null;
document.addEventListener('click', (ev) => {
  if (closeOpen && !(ev.target as Element | null)?.closest?.('.nav-group')) closeOpen();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && closeOpen) closeOpen();
});

function isCurrent(path: string, itemPath: string): boolean {
  return itemPath === '/' ? path === '/' : path === itemPath || path.startsWith(itemPath + '/');
}

// The menu's list items; `logout` goes last in the settings group.
export function navItems(items: MenuItem[], path: string, link: (m: MenuItem, current: boolean) => HTMLElement,
  logout: HTMLElement): HTMLElement[] {
  closeOpen = null;
  const out: HTMLElement[] = [];
  // The most specific item owns the current page (/leader/members/new → "Manage members", not "Members").
  const best = items.filter((m) => isCurrent(path, m.path)).sort((a, b) => b.path.length - a.path.length)[0];
  for (const slot of ORDER) {
    if (slot === 'home' || slot === 'notifications') {
      const m = items.find((x) => !x.group && (slot === 'home' ? x.path === '/' : x.path !== '/'));
      if (m) out.push(h('li', null, link(m, m === best)));
      continue;
    }
    const g = GROUPS.find((x) => x.key === slot)!;
    const members = items.filter((x) => x.group === slot);
    const extra = slot === 'settings' ? [logout] : [];
    if (members.length + extra.length === 0) continue;
    if (members.length === 1 && extra.length === 0) {
      out.push(h('li', null, link(members[0], members[0] === best)));
      continue;
    }
    const id = `nav-${slot}`;
    const here = members.includes(best);
    const sub = h('ul', { class: 'nav-sub', id, 'aria-labelledby': `${id}-label` },
      members.map((m) => h('li', null, link(m, m === best))), extra.map((e) => h('li', null, e)));
    const btn = h('button', {
      type: 'button', class: here ? 'nav-group-btn here' : 'nav-group-btn', 'aria-expanded': 'false', 'aria-controls': id,
    }, t(g.label));
    const li = h('li', { class: 'nav-group' },
      h('span', { class: 'nav-group-label', id: `${id}-label` }, t(g.label)), btn, sub);
    const close = () => { btn.setAttribute('aria-expanded', 'false'); li.classList.remove('open'); if (closeOpen === close) closeOpen = null; };
    btn.addEventListener('click', () => {
      const opening = btn.getAttribute('aria-expanded') !== 'true';
      closeOpen?.();
      if (opening) {
        btn.setAttribute('aria-expanded', 'true');
        li.classList.add('open');
        closeOpen = () => { close(); btn.focus({ preventScroll: true }); };
      }
    });
    out.push(li);
  }
  return out;
}
