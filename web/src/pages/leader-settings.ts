// The leader's settings page: is mail set up (and what waits in the outbox),
// and the network's public page (name, description, logo: the site.* settings).
// The values are set on the server with `verbinder settings set` (secrets
// never pass through the web UI); this page says what is missing and how.
import { api } from '../api';
import type { PageCtx } from '../app';
import { h } from '../dom';
import { t } from '../i18n';
import { mailStateText, mailStatus } from './leader-mail-state';

interface Site { name: string; description_nl: string; description_en: string; organizer: string; logo_url: string }

export default async function leaderSettings(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.settings.title'));
  const [mail, site] = await Promise.all([mailStatus(), api<Site>('GET', '/api/v1/site')]);
  const state = mailStateText(mail);
  const w = mail.waiting;
  // Focusable, so a keyboard can scroll a long line sideways on a phone.
  const code = (lines: string[]) => h('pre', { class: 'code-block', tabindex: 0 }, h('code', null, lines.join('\n')));
  ctx.main.append(
    h('h1', null, t('leader.settings.title')),
    h('section', { class: 'card', 'aria-labelledby': 'h-mail', id: 'mail' },
      h('h2', { id: 'h-mail' }, t('leader.settings.mail')),
      h('p', { class: mail.configured && !mail.failed ? 'msg msg-ok' : 'msg msg-info', id: 'mail-state' },
        state || t('leader.mail.ok', { from: mail.from_email })),
      h('p', { id: 'mail-outbox' }, t('leader.settings.outbox', {
        total: w.total, inv: w.invitations, conf: w.confirmations, reset: w.password_resets, notes: w.notifications, failed: mail.failed,
      })),
      mail.missing.length ? [
        h('p', null, t('leader.settings.mail.missing', { keys: mail.missing.join(', ') })),
        h('p', null, t('leader.settings.mail.how')),
        code(['verbinder settings set mail.smtp_url smtps://smtp.example.org:465',
          'verbinder settings set mail.from_email nieuwsbrief@example.org',
          'verbinder settings set mail.from_name "Netwerk Twente"']),
      ] : null),
    h('section', { class: 'card', 'aria-labelledby': 'h-site', id: 'site' },
      h('h2', { id: 'h-site' }, t('leader.settings.site')),
      h('div', { class: 'front-hero' }, h('img', { src: site.logo_url, alt: '', width: 72, height: 72 }),
        h('div', null, h('p', { class: 'stat-title' }, h('strong', null, site.name)),
          site.organizer ? h('p', null, t('leader.front.by', { who: site.organizer })) : null)),
      h('p', null, t('leader.settings.site.intro')),
      code(['verbinder settings set site.name "Netwerk Twente"',
        'verbinder settings set site.description_nl "…"',
        'verbinder settings set site.description_en "…"',
        'verbinder settings set site.organizer "Emma Leider, Netwerk Twente"',
        'verbinder settings set site.logo_url /favicon.svg']),
      h('p', null, h('a', { href: '/?preview=public' }, t('leader.settings.site.preview')))),
  );
}
