// Members, profile, connections and ties; the leader's member management.
import type { Area } from './types';

export const core: Area = {
  routes: [
    { pattern: '/login', access: 'public', load: () => import('../pages/login') },
    { pattern: '/', access: 'member', load: () => import('../pages/home') },
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
    { path: '/members', label: 'nav.members' },
    { path: '/connections', label: 'nav.connections' },
    { path: '/ties', label: 'nav.ties' },
    { path: '/profile', label: 'nav.profile' },
    { path: '/leader/members', label: 'nav.leader.members', organizer: true },
  ],
};
