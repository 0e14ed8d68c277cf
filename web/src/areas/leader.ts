// The leader area's pages and menu items (strings in ../strings/leader.ts):
// the network map, the network's health, the weaving suggestions and what the
// suggestions learned from meetings (the "Network insight" menu group), and
// the settings page (mail delivery, the network's public face). Each page is its own chunk; sigma and graphology
// load only with the map.
import type { Area } from './types';

export const leader: Area = {
  routes: [
    { pattern: '/leader/map', access: 'organizer', strings: ['leader'], load: () => import('../pages/leader-map') },
    { pattern: '/leader/health', access: 'organizer', strings: ['leader'], load: () => import('../pages/leader-health') },
    { pattern: '/leader/weave', access: 'organizer', strings: ['leader'], load: () => import('../pages/leader-weave') },
    { pattern: '/leader/learned', access: 'organizer', strings: ['leader'], load: () => import('../pages/leader-learned') },
    { pattern: '/leader/settings', access: 'organizer', strings: ['leader'], load: () => import('../pages/leader-settings') },
  ],
  menu: [
    { path: '/leader/map', label: 'leader.nav.map', organizer: true, group: 'insight' },
    { path: '/leader/health', label: 'leader.nav.health', organizer: true, group: 'insight' },
    { path: '/leader/weave', label: 'leader.nav.weave', organizer: true, group: 'insight' },
    { path: '/leader/learned', label: 'leader.nav.learned', organizer: true, group: 'insight' },
    { path: '/leader/settings', label: 'leader.nav.settings', organizer: true, group: 'settings' },
  ],
};
