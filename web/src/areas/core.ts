// Members, profile, connections and ties; the leader's member management.
import { state } from '../app';
import type { Area } from './types';

export const core: Area = {
  routes: [
    { pattern: '/login', access: 'public', load: () => import('../pages/login') },
    // Signed in: the member's home; not signed in (or a leader's ?preview=public): the network's front door.
    { pattern: '/', access: 'public', load: () => (state.session && new URLSearchParams(location.search).get('preview') !== 'public'
      ? import('../pages/home') : import('../pages/front-door')) },
    { pattern: '/members', access: 'member', load: () => import('../pages/directory') },
    { pattern: '/members/:id', access: 'member', load: () => import('../pages/member') },
    { pattern: '/profile', access: 'member', load: () => import('../pages/profile') },
    { pattern: '/connections', access: 'member', load: () => import('../pages/connections') },
    { pattern: '/ties', access: 'member', load: () => import('../pages/ties') },
    { pattern: '/leader/members', access: 'organizer', load: () => import('../pages/leader-members') },
    { pattern: '/leader/members/new', access: 'organizer', load: () => import('../pages/leader-new-member') },
  ],
  menu: [
    { path: '/', label: 'nav.home' },
    { path: '/members', label: 'nav.members', group: 'network' },
    { path: '/connections', label: 'nav.connections', group: 'network' },
    { path: '/ties', label: 'nav.ties', group: 'network' },
    { path: '/profile', label: 'nav.profile', group: 'settings' },
    { path: '/leader/members', label: 'nav.leader.members', organizer: true, group: 'network' },
  ],
};
