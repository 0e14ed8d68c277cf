// What an area of the web UI contributes: its pages and its menu items.
import type { Page } from '../app';
import type { Key } from '../i18n';

export type Access = 'public' | 'member' | 'organizer';
export interface RouteDef { pattern: string; access: Access; load: () => Promise<{ default: Page }> }
// The menu's groups (web/src/nav.ts); an item without a group stands at the top (Home, Notifications).
export type NavGroup = 'network' | 'events' | 'insight' | 'newsletter' | 'settings';
// badge: a count shown next to the item when above 0 (e.g. unread notifications), with badgeLabel for screen readers.
export interface MenuItem { path: string; label: Key; organizer?: boolean; group?: NavGroup; badge?: () => Promise<number>; badgeLabel?: Key }
export interface Area { routes: RouteDef[]; menu: MenuItem[] }
