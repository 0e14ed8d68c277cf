import { api, sectors, type Challenge, type Member, type Page } from '../api';
import { loadSession, me, refreshShell, sectorLabel, setMyChallenges, type PageCtx } from '../app';
import { checkbox, field, h, message } from '../dom';
import { confirmAction, errorText as feedbackErrorText, show } from '../feedback';
import { formatDate, getLang, t } from '../i18n';
import { challengeAction } from './challenge-asked';
import { connectCode, connectCodeCard } from './encounters';
import { myOpenQuestions } from './my-questions';
import { signInsSection } from './oidc-parts';
import type { Question } from './question-common';

const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

export default async function profile(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('profile.title'));
  const id = me().member.id;
  const [m, secs, code, myOpen] = await Promise.all([api<Member>('GET', `/api/v1/members/${id}`), sectors(), connectCode().catch(() => null),
    // Which challenges are put to the network (the same link as on the home page); without it the link is left out.
    myOpenQuestions().catch(() => null)]);

  const inp = (name: string, value: string, attrs: Record<string, string | boolean> = {}) =>
    h('input', { type: 'text', name, id: 'p-' + name, value, ...attrs });
  const name = inp('name', m.name, { required: true, autocomplete: 'name' });
  const title = inp('title', m.title, { autocomplete: 'organization-title' });
  const org = inp('organization', m.organization, { autocomplete: 'organization' });
  const sector = h('select', { name: 'sector', id: 'p-sector' },
    h('option', { value: '' }, t('profile.sector.none')),
    secs.map((s) => h('option', { value: s.key, selected: s.key === m.sector }, sectorLabel(secs, s.key))));
  const region = inp('region', m.region);
  const languages = inp('languages', m.languages.join(', '));
  const bio = h('textarea', { name: 'bio', id: 'p-bio', rows: 3 }, m.bio);
  const tags = inp('tags', m.expertise.tags.join(', '));
  const expText = h('textarea', { name: 'expertise_text', id: 'p-expertise_text', rows: 3 }, m.expertise.text);
  const hosts = checkbox(t('profile.hosts'), 'hosts_visits', m.hosts_visits);
  const visitLoc = inp('visit_location', m.visit_location);
  const linkedin = h('input', { type: 'url', name: 'linkedin_url', id: 'p-linkedin_url', value: m.linkedin_url, placeholder: 'https://www.linkedin.com/in/…' });
  const vis = m.visibility ?? 'members';
  const visField = h('fieldset', { class: 'field' }, h('legend', null, t('profile.visibility')),
    (['members', 'organizers', 'hidden'] as const).map((v) => h('div', { class: 'check' },
      h('input', { type: 'radio', name: 'visibility', id: 'p-vis-' + v, value: v, checked: v === vis }),
      h('label', { for: 'p-vis-' + v }, t(`profile.visibility.${v}`)))));
  const matchmaking = checkbox(t('profile.consent.matchmaking'), 'consent_matchmaking', m.consent?.matchmaking ?? true);
  const newsletter = checkbox(t('profile.consent.newsletter'), 'consent_newsletter', m.consent?.newsletter ?? false);
  const status = h('div', { class: 'form-status' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('profile.save'));
  const checked = (wrap: HTMLElement) => (wrap.querySelector('input') as HTMLInputElement).checked;

  const form = h('form', { class: 'form profile-form', id: 'profile-form' },
    h('section', { class: 'card' }, h('h2', null, t('profile.basics')),
      field(t('profile.name'), name), field(t('profile.email'), inp('email', m.email ?? '', { readonly: true })),
      field(t('profile.role'), title), field(t('profile.organization'), org), field(t('profile.sector'), sector),
      field(t('profile.region'), region), field(t('profile.languages'), languages, t('profile.languages.hint')),
      field(t('profile.bio'), bio)),
    h('section', { class: 'card' }, h('h2', null, t('profile.expertise')),
      field(t('profile.expertise.tags'), tags, t('profile.expertise.tags.hint')), field(t('profile.expertise.text'), expText)),
    h('section', { class: 'card' }, h('h2', null, t('profile.visits')),
      hosts, field(t('profile.visit_location'), visitLoc), field(t('profile.linkedin'), linkedin)),
    h('section', { class: 'card' }, h('h2', null, t('profile.privacy')), visField, matchmaking, newsletter),
    h('div', { class: 'sticky-save' }, status, save));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    save.disabled = true;
    const visibility = (form.querySelector('input[name=visibility]:checked') as HTMLInputElement | null)?.value ?? vis;
    try {
      await api<Member>('PATCH', `/api/v1/members/${id}`, {
        name: name.value.trim(), title: title.value.trim(), organization: org.value.trim(), sector: sector.value,
        region: region.value.trim(), languages: list(languages.value), bio: bio.value.trim(),
        expertise: { tags: list(tags.value), text: expText.value.trim() },
        hosts_visits: checked(hosts), visit_location: visitLoc.value.trim(), linkedin_url: linkedin.value.trim(),
        visibility, consent: { matchmaking: checked(matchmaking), newsletter: checked(newsletter) },
      });
      const before = getLang();
      await loadSession();
      if (getLang() !== before) { refreshShell(); return; }
      show('ok', t('profile.saved'), status);
    } catch (e) {
      show('error', feedbackErrorText(e, {
        name: t('profile.name'), title: t('profile.role'), organization: t('profile.organization'), sector: t('profile.sector'),
        region: t('profile.region'), languages: t('profile.languages'), bio: t('profile.bio'),
        'expertise.tags': t('profile.expertise.tags'), 'expertise.text': t('profile.expertise.text'),
        visit_location: t('profile.visit_location'), linkedin_url: t('profile.linkedin'), visibility: t('profile.visibility'),
      }), status);
    } finally {
      save.disabled = false;
    }
  });

  // My connect code ("we spraken elkaar"), also outside an event page.
  const codeBox = code && h('section', { class: 'card', 'aria-labelledby': 'connect-code-h' },
    connectCodeCard(code, { id: 'connect-code', heading: 'h2', hint: t('encounters.mycode.profile') }));
  const signIns = await signInsSection(ctx.query, me().role === 'admin');  // other accounts to sign in with
  ctx.main.append(h('h1', null, t('profile.title')), codeBox || '', form,
    challengesSection(id, m.challenges, myOpen), signIns ?? '', passwordSection(), dataSection(), deleteSection());
}

function challengesSection(memberId: number, initial: Challenge[], myOpen: Page<Question> | null): HTMLElement {
  let items = [...initial];
  const listEl = h('ul', { class: 'challenges editable' });
  const status = h('div', { class: 'form-status' });
  const draw = () => {
    setMyChallenges(items);
    listEl.replaceChildren(...items.map((c) => {
      const toggle = h('button', { type: 'button', class: 'btn btn-small' },
        c.status === 'open' ? t('profile.challenge.solve') : t('profile.challenge.reopen'));
      toggle.addEventListener('click', async () => {
        try {
          const u = await api<Challenge>('PATCH', `/api/v1/challenges/${c.id}`, { status: c.status === 'open' ? 'solved' : 'open' });
          items = items.map((x) => (x.id === u.id ? u : x));
          draw();
        } catch (e) { show('error', feedbackErrorText(e), status); }
      });
      const del = h('button', { type: 'button', class: 'btn btn-small btn-danger' }, t('profile.challenge.delete'));
      del.addEventListener('click', async () => {
        if (!(await confirmAction({ title: t('confirm.challenge.title', { title: c.title }), text: t('confirm.challenge.text'), confirm: t('confirm.challenge.yes') }))) return;
        try {
          await api('DELETE', `/api/v1/challenges/${c.id}`);
          items = items.filter((x) => x.id !== c.id);
          draw();
          show('ok', t('profile.challenge.deleted', { title: c.title }), status);
        } catch (e) { show('error', feedbackErrorText(e), status); }
      });
      return h('li', { class: c.status === 'solved' ? 'solved' : '' },
        h('h3', null, c.title, ' ', h('span', { class: c.status === 'open' ? 'badge warn' : 'badge ok' }, t(`status.${c.status}`))),
        c.text && h('p', { class: 'prose' }, c.text),
        h('p', { class: 'meta' }, formatDate(c.updated_at || c.created_at)),
        c.status === 'open' && myOpen && h('p', { class: 'challenge-network' }, challengeAction(myOpen, c)),
        h('div', { class: 'actions' }, toggle, del));
    }));
  };
  draw();
  const ctitle = h('input', { type: 'text', name: 'challenge_title', id: 'c-title', required: true, maxlength: 200 });
  const ctext = h('textarea', { name: 'challenge_text', id: 'c-text', rows: 3 });
  const add = h('form', { class: 'form' }, field(t('profile.challenge.title'), ctitle), field(t('profile.challenge.text'), ctext),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('profile.challenge.add')));
  add.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const c = await api<Challenge>('POST', `/api/v1/members/${memberId}/challenges`, { title: ctitle.value.trim(), text: ctext.value.trim(), status: 'open' });
      items.push(c);
      ctitle.value = '';
      ctext.value = '';
      draw();
      show('ok', t('profile.challenge.added'), status);
    } catch (e) { show('error', feedbackErrorText(e), status); }
  });
  return h('section', { class: 'card', id: 'challenges', 'aria-labelledby': 'h-challenges' },
    h('h2', { id: 'h-challenges' }, t('profile.challenges')), h('p', { class: 'hint' }, t('profile.challenges.intro')),
    listEl, status, add);
}

function passwordSection(): HTMLElement {
  const oldPw = h('input', { type: 'password', name: 'old_password', id: 'pw-old', autocomplete: 'current-password', required: true });
  const newPw = h('input', { type: 'password', name: 'new_password', id: 'pw-new', autocomplete: 'new-password', required: true, minlength: 10 });
  const status = h('div', { class: 'form-status' });
  const form = h('form', { class: 'form' }, field(t('profile.password.old'), oldPw),
    field(t('profile.password.new'), newPw, t('profile.password.hint')), status,
    h('button', { type: 'submit', class: 'btn' }, t('profile.password.save')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    try {
      await api('POST', '/api/v1/auth/password', { old_password: oldPw.value, new_password: newPw.value });
      oldPw.value = '';
      newPw.value = '';
      status.append(message('ok', t('profile.password.saved')));
    } catch (e) { status.append(message('error', feedbackErrorText(e))); }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'h-pw' }, h('h2', { id: 'h-pw' }, t('profile.password')), form);
}

// Everything verbinder holds about me, as one JSON file (GET /api/v1/me/export).
function dataSection(): HTMLElement {
  const status = h('div', { class: 'form-status' });
  const btn = h('button', { type: 'button', class: 'btn' }, t('profile.data.download'));
  btn.addEventListener('click', async () => {
    status.replaceChildren();
    try {
      const data = await api<unknown>('GET', '/api/v1/me/export');
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: 'verbinder-mijn-gegevens.json' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) { status.append(message('error', feedbackErrorText(e))); }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'h-data' }, h('h2', { id: 'h-data' }, t('profile.data')),
    h('p', null, t('account.profile.data.text')), status, btn);
}

function deleteSection(): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'h-delete' }, h('h2', { id: 'h-delete' }, t('account.profile.delete')),
    h('p', null, t('account.profile.delete.text')),
    h('p', null, h('a', { class: 'btn btn-danger', href: '/account/delete' }, t('account.profile.delete'))));
}
