// After deleting the account: a short goodbye.
import type { PageCtx } from '../app';
import { h, message } from '../dom';
import { t } from '../i18n';
import { publicLayout } from './account-parts';

export default function accountDeleted(ctx: PageCtx): void {
  ctx.setTitle(t('account.deleted.title'));
  ctx.main.append(publicLayout(t('account.deleted.title'), null, h('div', { class: 'card' }, message('ok', t('account.deleted.text')))));
}
