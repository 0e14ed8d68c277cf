// The account area's pages and menu items (strings in ../strings/account.ts):
// sign-up and its confirmation, accepting an invitation, password reset,
// deleting the account, and the leader's invitations.
import type { Area } from './types';

export const account: Area = {
  routes: [
    { pattern: '/signup', access: 'public', strings: ['account'], load: () => import('../pages/signup') },
    { pattern: '/signup/confirm', access: 'public', strings: ['account'], load: () => import('../pages/signup-confirm') },
    { pattern: '/invite/accept', access: 'public', strings: ['account'], load: () => import('../pages/invite-accept') },
    { pattern: '/reset', access: 'public', strings: ['account'], load: () => import('../pages/reset-request') },
    { pattern: '/reset/password', access: 'public', strings: ['account'], load: () => import('../pages/reset-password') },
    { pattern: '/account/delete', access: 'member', strings: ['account'], load: () => import('../pages/account-delete') },
    { pattern: '/account/deleted', access: 'public', strings: ['account'], load: () => import('../pages/account-deleted') },
    { pattern: '/account/invitations', access: 'organizer', strings: ['account', 'leader'], load: () => import('../pages/account-invitations') },
  ],
  menu: [
    { path: '/account/invitations', label: 'account.nav.invitations', organizer: true, group: 'network' },
  ],
};
