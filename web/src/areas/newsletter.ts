// The newsletter area's pages and menu items (strings in ../strings/newsletter.ts):
// knowledge articles (read, write, approve), the public subscribe and
// unsubscribe pages, and the leader's monthly newsletter.
import type { Area } from './types';

export const newsletter: Area = {
  routes: [
    { pattern: '/articles', access: 'public', strings: ['newsletter'], load: () => import('../pages/articles') },
    { pattern: '/articles/new', access: 'member', strings: ['newsletter'], load: () => import('../pages/article-edit') },
    { pattern: '/articles/:id', access: 'public', strings: ['newsletter'], load: () => import('../pages/article') },
    { pattern: '/articles/:id/edit', access: 'member', strings: ['newsletter'], load: () => import('../pages/article-edit') },
    { pattern: '/newsletter', access: 'public', strings: ['newsletter'], load: () => import('../pages/newsletter-subscribe') },
    { pattern: '/newsletter/unsubscribe/:token', access: 'public', strings: ['newsletter'], load: () => import('../pages/newsletter-unsubscribe') },
    { pattern: '/leader/newsletter', access: 'organizer', strings: ['leader', 'newsletter'], load: () => import('../pages/newsletter-leader') },
  ],
  menu: [
    { path: '/articles', label: 'newsletter.nav.articles', group: 'newsletter' },
    { path: '/leader/newsletter', label: 'newsletter.nav.leader', organizer: true, group: 'newsletter' },
  ],
};
