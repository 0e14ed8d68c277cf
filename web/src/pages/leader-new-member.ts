import { api, sectors, type Member } from '../api';
import { sectorLabel, type PageCtx } from '../app';
import { checkbox, field, h, message } from '../dom';
import { errorText } from '../feedback';
import { t } from '../i18n';

export default async function newMember(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.new.title'));
  const secs = await sectors();
  const name = h('input', { type: 'text', name: 'name', id: 'nm-name', required: true, autocomplete: 'off' });
  const email = h('input', { type: 'email', name: 'email', id: 'nm-email', required: true, autocomplete: 'off' });
  const org = h('input', { type: 'text', name: 'organization', id: 'nm-organization' });
  const title = h('input', { type: 'text', name: 'title', id: 'nm-title' });
  const sector = h('select', { name: 'sector', id: 'nm-sector' }, h('option', { value: '' }, t('profile.sector.none')),
    secs.map((s) => h('option', { value: s.key }, sectorLabel(secs, s.key))));
  const account = checkbox(t('leader.new.account'), 'create_account', true);
  const password = h('input', { type: 'password', name: 'password', id: 'nm-password', autocomplete: 'new-password', minlength: 10 });
  const role = h('select', { name: 'role', id: 'nm-role' },
    h('option', { value: 'member' }, t('leader.new.role.member')), h('option', { value: 'organizer' }, t('leader.new.role.organizer')));
  const accountFields = h('div', { class: 'sub-fields' }, field(t('leader.new.password'), password, t('profile.password.hint')), field(t('leader.new.role'), role));
  const accountInput = account.querySelector('input') as HTMLInputElement;
  accountInput.addEventListener('change', () => { accountFields.hidden = !accountInput.checked; });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('leader.new.submit'));
  const form = h('form', { class: 'card form' },
    field(t('profile.name'), name), field(t('profile.email'), email), field(t('profile.organization'), org),
    field(t('profile.role'), title), field(t('profile.sector'), sector), account, accountFields, status, submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    submit.disabled = true;
    try {
      const m = await api<Member>('POST', '/api/v1/members', {
        name: name.value.trim(), email: email.value.trim(), organization: org.value.trim(), title: title.value.trim(), sector: sector.value,
      });
      if (accountInput.checked) await api('POST', '/api/v1/accounts', { member_id: m.id, password: password.value, role: role.value });
      form.reset();
      status.append(message('ok', t(accountInput.checked ? 'leader.new.created.account' : 'leader.new.created', { name: m.name })),
        h('p', null, h('a', { href: `/members/${m.id}` }, t('leader.new.open'))));
    } catch (e) {
      status.append(message('error', errorText(e, {
        name: t('profile.name'), email: t('profile.email'), organization: t('profile.organization'), title: t('profile.role'),
        sector: t('profile.sector'), password: t('leader.new.password'),
      })));
    } finally {
      submit.disabled = false;
    }
  });
  ctx.main.append(h('p', null, h('a', { href: '/leader/members' }, '← ' + t('leader.members.title'))), h('h1', null, t('leader.new.title')), form);
}
