// The leader's settings page: is mail set up (and what waits in the outbox),
// and the network's public page (name, description, logo: the site.* settings).
// Mail is set on the server with `verbinder settings set` (secrets never pass
// through the web UI); this page says what is missing and how. The public page
// the leader edits here (PUT /api/v1/site), with the result next to the button.
import { api } from '../api';
import type { PageCtx } from '../app';
import { field, h } from '../dom';
import { show, showError } from '../feedback';
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
    siteSection(site),
  );
}

// The public page's name, organiser, descriptions and logo, as a form.
function siteSection(site: Site): HTMLElement {
  const logo = h('img', { src: site.logo_url, alt: '', width: 72, height: 72 });
  const shownName = h('strong', null, site.name);
  const shownBy = h('p', { hidden: !site.organizer }, t('leader.front.by', { who: site.organizer }));
  const input = (id: string, value: string, max: number) => h('input', { type: 'text', id, name: id.slice(5), value, maxlength: max });
  const area = (id: string, value: string) => {
    const a = h('textarea', { id, name: id.slice(5), rows: 4, maxlength: 2000 });
    a.value = value;
    return a;
  };
  const name = input('site-name', site.name, 200);
  const organizer = input('site-organizer', site.organizer, 200);
  const descNl = area('site-description_nl', site.description_nl);
  const descEn = area('site-description_en', site.description_en);
  // The built-in logo is the default: shown as empty, so saving keeps following it.
  const logoUrl = input('site-logo_url', site.logo_url === '/favicon.svg' ? '' : site.logo_url, 100000);
  const labels = {
    name: t('leader.settings.site.name'), organizer: t('leader.settings.site.organizer'),
    description_nl: t('leader.settings.site.description_nl'), description_en: t('leader.settings.site.description_en'),
    logo_url: t('leader.settings.site.logo'),
  };
  const controls: Record<keyof typeof labels, HTMLInputElement | HTMLTextAreaElement> = {
    name, organizer, description_nl: descNl, description_en: descEn, logo_url: logoUrl,
  };
  const save = h('button', { type: 'submit', class: 'btn btn-primary', id: 'site-save' }, t('leader.settings.site.save'));
  const form = h('form', { class: 'form', id: 'site-form', novalidate: true },
    field(labels.name, name),
    field(labels.organizer, organizer, t('leader.settings.site.organizer.hint')),
    field(labels.description_nl, descNl, t('leader.settings.site.description.hint')),
    field(labels.description_en, descEn),
    field(labels.logo_url, logoUrl, t('leader.settings.site.logo.hint')),
    h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    save.disabled = true;
    save.textContent = t('leader.settings.site.saving');
    for (const c of Object.values(controls)) c.removeAttribute('aria-invalid');
    try {
      const saved = await api<Site>('PUT', '/api/v1/site', Object.fromEntries(
        Object.entries(controls).map(([k, c]) => [k, c.value.trim()])));
      logo.src = saved.logo_url;
      shownName.textContent = saved.name;
      shownBy.textContent = t('leader.front.by', { who: saved.organizer });
      shownBy.hidden = !saved.organizer;
      name.value = saved.name;
      show('ok', t('leader.settings.site.saved'), save);
    } catch (e) {
      const f = (e as { field?: string }).field as keyof typeof controls | undefined;
      if (f && controls[f]) controls[f].setAttribute('aria-invalid', 'true');
      showError(e, save, labels);
    } finally {
      save.disabled = false;
      save.textContent = t('leader.settings.site.save');
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'h-site', id: 'site' },
    h('h2', { id: 'h-site' }, t('leader.settings.site')),
    h('div', { class: 'front-hero' }, logo, h('div', null, h('p', { class: 'stat-title' }, shownName), shownBy)),
    h('p', null, t('leader.settings.site.intro')),
    form,
    h('p', null, h('a', { href: '/?preview=public' }, t('leader.settings.site.preview'))));
}
