// My notifications (events, meetings, visits, questions): newest first, unread
// marked, mark one or all read; and which kinds I also get by e-mail.
// Offline: the last known list and choices marked with their time, or "not
// available offline" — never "no notifications" that is not true (last-known.ts).
import { api, query, type Page } from '../api';
import { refreshShell, type PageCtx } from '../app';
import { checkbox, h, message } from '../dom';
import { show } from '../feedback';
import { formatDateTime, getLang, t } from '../i18n';
import { freshness, known, lastKnown } from '../last-known';
import { errorText } from './question-common';
import { notificationTarget, openNotification, type Notification } from './notification-common';

interface Pref { key: string; email: boolean; default: boolean; label: { en: string; nl: string } }

export default async function notificationsPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('questions.notifications.title'));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div', { id: 'notifications' });
  const prefsBox = h('div');
  const say = (kind: 'ok' | 'error', text: string) => status.replaceChildren(message(kind, text));
  const unreadOnly = ctx.query.get('unread') === 'true';

  const draw = async () => {
    // Every notification is stored in Dutch and English: ask for the current UI language.
    const pageL = await lastKnown(`notifications:${unreadOnly ? 'unread' : 'all'}`,
      api<Page<Notification> & { unread: number }>('GET', '/api/v1/notifications' + query({ unread: unreadOnly, limit: 100, lang: getLang() })));
    const note = freshness([pageL], 'notifications-state');
    if (!known(pageL)) { list.replaceChildren(note ?? ''); return; }
    const page = pageL.value;
    list.replaceChildren(
      note ?? '',
      h('p', { class: 'meta' }, t('questions.notifications.unread', { n: page.unread }),
        h('a', { href: unreadOnly ? '/notifications' : '/notifications?unread=true' },
          unreadOnly ? t('questions.filter.all') : t('questions.notifications.unread.only')),
        page.unread > 0 && h('button', {
          type: 'button', class: 'btn', id: 'read-all', onclick: async () => {
            try { await api('POST', '/api/v1/notifications/read-all', {}); refreshShell(); } catch (err) { say('error', errorText(err)); }
          },
        }, t('questions.notifications.readall'))),
      page.items.length === 0 ? h('p', null, t('questions.notifications.none')) : h('ul', { class: 'cards notification-list' },
        page.items.map((n) => {
          const to = notificationTarget(n.ref);
          return h('li', null, h('article', { class: n.read ? 'card notification' : 'card notification unread' },
            h('p', { class: 'meta' }, !n.read && h('span', { class: 'badge warn' }, t('questions.notifications.new')),
              h('span', null, formatDateTime(n.created_at))),
            h('p', { lang: n.lang }, n.text),
            h('div', { class: 'actions' },
              // Opening a notification marks it read first (so the unread count is right on the next page).
              // Opening a notification marks it read first (so the unread count is right on the next page).
              to && h('a', { href: to, class: 'btn', onclick: openNotification(n, to) }, t('questions.notifications.open')),
              !n.read && h('button', {
                type: 'button', class: 'btn', onclick: async (ev: Event) => {
                  (ev.currentTarget as HTMLButtonElement).disabled = true;
                  try { await api('POST', `/api/v1/notifications/${n.id}/read`, {}); refreshShell(); } catch (err) { say('error', errorText(err)); }
                },
              }, t('questions.notifications.read')))));
        })));
  };

  const drawPrefs = async () => {
    const prefsL = await lastKnown('notifications:prefs', api<{ items: Pref[] }>('GET', '/api/v1/notifications/preferences'));
    const note = freshness([prefsL], 'prefs-state');
    if (!known(prefsL)) {
      prefsBox.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'prefs-h' }, h('h2', { id: 'prefs-h' }, t('questions.prefs.title')), note ?? ''));
      return;
    }
    const prefs = prefsL.value;
    const save = h('button', { type: 'submit', class: 'btn btn-primary', id: 'prefs-save' }, t('questions.prefs.save'));
    const boxes = prefs.items.map((p) => checkbox(getLang() === 'nl' ? p.label.nl : p.label.en, 'email-' + p.key, p.email));
    const form = h('form', { class: 'form card', id: 'prefs-form' },
      h('h2', null, t('questions.prefs.title')), note ?? '', h('p', { class: 'sub' }, t('questions.prefs.intro')),
      h('fieldset', null, h('legend', { class: 'visually-hidden' }, t('questions.prefs.title')), boxes),
      save);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const email: Record<string, boolean> = {};
      for (const p of prefs.items) email[p.key] = (form.querySelector(`#f-email-${p.key}`) as HTMLInputElement).checked;
      try {
        await api('PUT', '/api/v1/notifications/preferences', { email });
        show('ok', t('questions.prefs.saved'), save);
      } catch (err) { show('error', errorText(err), save); }
    });
    prefsBox.replaceChildren(form);
  };

  ctx.main.append(h('h1', null, t('questions.notifications.title')), h('p', { class: 'lead' }, t('questions.notifications.intro')),
    status, list, prefsBox);
  try {
    await Promise.all([draw(), drawPrefs()]);
  } catch (e) { say('error', errorText(e)); }
}
