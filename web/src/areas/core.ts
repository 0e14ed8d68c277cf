// Members, profile, connections and ties; the leader's member management.
import { state } from '../app';
import type { Area } from './types';

const home = (): boolean => !!state.session && new URLSearchParams(location.search).get('preview') !== 'public';

export const core: Area = {
  routes: [
    { pattern: '/login', access: 'public', strings: ['account', 'encounters'], load: () => import('../pages/login') },
    // Signed in: the member's home; not signed in (or a leader's ?preview=public): the network's front door.
    { pattern: '/', access: 'public', strings: () => (home() ? ['encounters', 'events', 'member'] : ['leader', 'newsletter']),
      load: () => (home() ? import('../pages/home') : import('../pages/front-door')) },
    { pattern: '/members', access: 'member', strings: [], load: () => import('../pages/directory') },
    { pattern: '/members/:id', access: 'member', strings: ['encounters', 'events', 'member'], load: () => import('../pages/member') },
    { pattern: '/profile', access: 'member', strings: ['account', 'encounters', 'events', 'member'], load: () => import('../pages/profile') },
    { pattern: '/connections', access: 'member', strings: ['member'], load: () => import('../pages/connections') },
    { pattern: '/ties', access: 'member', strings: ['events', 'member'], load: () => import('../pages/ties') },
    { pattern: '/leader/members', access: 'organizer', strings: ['leader'], load: () => import('../pages/leader-members') },
    { pattern: '/leader/members/new', access: 'organizer', strings: [], load: () => import('../pages/leader-new-member') },
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
