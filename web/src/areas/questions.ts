// The questions area's pages and menu items (strings in ../strings/questions.ts):
// questions to the network (list and search, ask, one question with its
// answers) and the member's notifications with their e-mail choices. The
// notifications menu item shows the unread count.
import { api } from '../api';
import type { Area } from './types';

export const questions: Area = {
  routes: [
    { pattern: '/questions', access: 'member', strings: ['questions', 'member'], load: () => import('../pages/questions') },
    { pattern: '/questions/new', access: 'member', strings: ['questions'], load: () => import('../pages/question-new') },
    { pattern: '/questions/:id', access: 'member', strings: ['questions', 'events'], load: () => import('../pages/question') },
    { pattern: '/notifications', access: 'member', strings: ['questions', 'member'], load: () => import('../pages/notifications') },
  ],
  menu: [
    { path: '/questions', label: 'questions.nav', group: 'network' },
    {
      path: '/notifications', label: 'questions.nav.notifications', badgeLabel: 'questions.nav.unread',
      badge: async () => (await api<{ unread: number }>('GET', '/api/v1/notifications/unread-count')).unread,
    },
  ],
};
