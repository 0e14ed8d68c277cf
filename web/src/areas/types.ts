// What an area of the web UI contributes: its pages and its menu items.
import type { Page } from '../app';
import type { Key, Part } from '../i18n';

export type Access = 'public' | 'member' | 'organizer';
// strings: the area tables the page uses beyond the shell's (web/src/i18n.ts), loaded
// with the page, in the viewer's language only; web/build.mjs checks the list.
export interface RouteDef { pattern: string; access: Access; strings: readonly Part[] | (() => readonly Part[]); load: () => Promise<{ default: Page }> }
// The menu's groups (web/src/nav.ts); an item without a group stands at the top (Home, Notifications).
export type NavGroup = 'network' | 'events' | 'insight' | 'newsletter' | 'settings';
// badge: a count shown next to the item when above 0 (e.g. unread notifications), with badgeLabel for screen readers.
export interface MenuItem { path: string; label: Key; organizer?: boolean; group?: NavGroup; badge?: () => Promise<number>; badgeLabel?: Key }
export interface Area { routes: RouteDef[]; menu: MenuItem[] }
