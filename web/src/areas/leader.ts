// The leader area's pages and menu items (strings in ../strings/leader.ts):
// the network map, the network's health and the weaving suggestions. Each page
// is its own chunk; sigma and graphology load only with the map.
import type { Area } from './types';

export const leader: Area = {
  routes: [
    { pattern: '/leader/map', access: 'organizer', load: () => import('../pages/leader-map') },
    { pattern: '/leader/health', access: 'organizer', load: () => import('../pages/leader-health') },
    { pattern: '/leader/weave', access: 'organizer', load: () => import('../pages/leader-weave') },
  ],
  menu: [
    { path: '/leader/map', label: 'leader.nav.map', organizer: true },
    { path: '/leader/health', label: 'leader.nav.health', organizer: true },
    { path: '/leader/weave', label: 'leader.nav.weave', organizer: true },
  ],
};
