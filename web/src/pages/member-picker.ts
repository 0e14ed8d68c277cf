// A member picker (issue #17): search by name with the member search API
// (GET /members?q=…, visibility applied by the server) and pick one from the
// list, instead of typing a member number. Keyboard: type, Tab to a result,
// Enter. The chosen member's id is `picker.value()`.
import { api, query, type Member, type Page } from '../api';
import { h } from '../dom';
import { t } from '../i18n';

export interface MemberPicker {
  el: HTMLElement;
  value(): number | null;
  chosen(): Member | null;
  set(m: Member | null): void;
  focus(): void;
}

// `accept(m)`: whether m may be chosen (else shown greyed with `why`).
export function memberPicker(opts: { id: string; label: string; hint?: string; self: number; accept?: (m: Member) => boolean; why?: string }): MemberPicker {
  let current: Member | null = null;
  const input = h('input', {
    type: 'search', id: opts.id, autocomplete: 'off', maxlength: 100,
    'aria-describedby': `${opts.id}-hint`, 'aria-controls': `${opts.id}-results`,
  });
  const results = h('ul', { class: 'picker-results', id: `${opts.id}-results` });
  const count = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const chosenBox = h('div', { class: 'picker-chosen', hidden: true });
  const searchBox = h('div', null, h('label', { for: opts.id }, opts.label),
    h('p', { class: 'hint', id: `${opts.id}-hint` }, opts.hint ?? t('picker.hint')), input, count, results);
  const el = h('div', { class: 'field picker' }, searchBox, chosenBox);

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = async () => {
    const q = input.value.trim();
    const my = ++seq;
    if (q.length < 2) { results.replaceChildren(); count.textContent = ''; return; }
    try {
      const page = await api<Page<Member>>('GET', '/api/v1/members' + query({ q, limit: 8 }));
      if (my !== seq) return;
      const items = page.items.filter((m) => m.id !== opts.self);
      count.textContent = items.length === 0 ? t('picker.none') : String(items.length);
      results.replaceChildren(...(items.length === 0 ? [h('li', { class: 'sub' }, t('picker.none'))] : items.map((m) => {
        const ok = opts.accept ? opts.accept(m) : true;
        return h('li', null, h('button', {
          type: 'button', class: 'picker-option', disabled: !ok, 'data-member': m.id,
          onclick: () => { set(m); },
        }, h('strong', null, m.name), h('span', { class: 'sub' }, [m.organization, !ok && opts.why].filter(Boolean).join(' · '))));
      })));
    } catch { /* a failed search shows no results; sending the form reports errors */ }
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { void search(); }, 200); });

  const set = (m: Member | null, focus = true) => {
    current = m;
    if (!m) {
      chosenBox.hidden = true;
      searchBox.hidden = false;
      input.focus();
      return;
    }
    results.replaceChildren();
    searchBox.hidden = true;
    chosenBox.hidden = false;
    const label = h('p', { id: `${opts.id}-chosen`, tabindex: '-1' }, t('picker.chosen', { name: m.name }),
      m.visit_location ? h('span', { class: 'sub' }, ` (${m.visit_location})`) : '');
    chosenBox.replaceChildren(h('span', { class: 'label' }, opts.label), label,
      h('button', { type: 'button', class: 'btn btn-small', onclick: () => set(null) }, t('picker.change')));
    if (focus) label.focus({ preventScroll: true });
  };
  return { el, value: () => current?.id ?? null, chosen: () => current, set: (m) => { if (m) set(m, false); }, focus: () => (current ? chosenBox : input).focus() };
}
