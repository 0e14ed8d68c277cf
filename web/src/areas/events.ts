// The events area's pages and menu items (strings in ../strings/events.ts).
import type { Area } from './types';

export const events: Area = {
  routes: [
    { pattern: '/events', access: 'member', strings: ['events', 'member'], load: () => import('../pages/events') },
    { pattern: '/events/:id', access: 'member', strings: ['encounters', 'events', 'member'], load: () => import('../pages/event') },
    { pattern: '/events/:id/schedule', access: 'member', strings: ['events', 'member'], load: () => import('../pages/schedule') },
    { pattern: '/visits', access: 'member', strings: ['events', 'member'], load: () => import('../pages/visits') },
    // What a phone's camera opens from a connect code's QR code ("we spraken elkaar").
    { pattern: '/connect/:code', access: 'member', strings: ['encounters', 'events', 'member'], load: () => import('../pages/connect') },
    { pattern: '/leader/events', access: 'organizer', strings: ['events'], load: () => import('../pages/leader-events') },
    { pattern: '/leader/events/:id', access: 'organizer', strings: ['events', 'leader'], load: () => import('../pages/leader-event') },
  ],
  menu: [
    { path: '/events', label: 'events.nav', group: 'events' },
    { path: '/visits', label: 'events.nav.visits', group: 'events' },
    { path: '/leader/events', label: 'events.nav.leader', organizer: true, group: 'events' },
  ],
};
