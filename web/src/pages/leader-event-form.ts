// The create/edit form of an event (kind, title, Markdown description, times,
// location, capacity, deadline, price, programme items).
import { api } from '../api';
import { navigate } from '../app';
import { field, h, message } from '../dom';
import { t } from '../i18n';
import { errorText, fromLocalInput, kindLabel, toLocalInput, type EventInfo, type ProgrammeItem } from './event-common';

export function eventForm(ev: EventInfo | null, onSaved?: (e: EventInfo) => void): HTMLFormElement {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const kind = h('select', { id: 'ev-kind' }, ['congress', 'inspiration_session', 'network_drinks'].map((k) =>
    h('option', { value: k, selected: ev?.kind === k }, kindLabel(k))));
  const title = h('input', { type: 'text', id: 'ev-title', required: true, maxlength: 200, value: ev?.title ?? '' });
  const desc = h('textarea', { id: 'ev-description', rows: 5 });
  desc.value = ev?.description ?? '';
  const starts = h('input', { type: 'datetime-local', id: 'ev-starts', required: true, value: toLocalInput(ev?.starts_at ?? 0) });
  const ends = h('input', { type: 'datetime-local', id: 'ev-ends', required: true, value: toLocalInput(ev?.ends_at ?? 0) });
  const loc = h('input', { type: 'text', id: 'ev-location', maxlength: 300, value: ev?.location ?? '' });
  const cap = h('input', { type: 'number', id: 'ev-capacity', min: 0, value: String(ev?.capacity ?? 0) });
  const deadline = h('input', { type: 'datetime-local', id: 'ev-deadline', value: toLocalInput(ev?.registration_deadline ?? 0) });
  const price = h('input', { type: 'number', id: 'ev-price', min: 0, step: '0.01', value: String((ev?.price_cents ?? 0) / 100) });
  const programme = h('div', { id: 'ev-programme' });
  const items: { title: HTMLInputElement; room: HTMLInputElement; starts: HTMLInputElement; ends: HTMLInputElement; row: HTMLElement }[] = [];
  const addItem = (p?: ProgrammeItem) => {
    const n = items.length + 1;
    const it = {
      title: h('input', { type: 'text', required: true, maxlength: 200, value: p?.title ?? '' }),
      room: h('input', { type: 'text', maxlength: 100, value: p?.room ?? '' }),
      starts: h('input', { type: 'datetime-local', required: true, value: toLocalInput(p?.starts_at ?? 0) }),
      ends: h('input', { type: 'datetime-local', required: true, value: toLocalInput(p?.ends_at ?? 0) }),
      row: h('fieldset', { class: 'programme-item' }),
    };
    it.row.append(h('legend', null, t('events.leader.programme.item', { n })),
      field(t('events.leader.field.title'), it.title), field(t('events.leader.programme.room'), it.room),
      field(t('events.leader.field.starts'), it.starts), field(t('events.leader.field.ends'), it.ends),
      h('button', {
        type: 'button', class: 'btn btn-small',
        onclick: () => { it.row.remove(); items.splice(items.indexOf(it), 1); },
      }, t('events.leader.programme.remove', { n })));
    items.push(it);
    programme.append(it.row);
  };
  for (const p of ev?.programme ?? []) addItem(p);

  const form = h('form', { class: 'form', id: ev ? 'edit-event' : 'new-event' },
    field(t('events.leader.kind'), kind), field(t('events.leader.field.title'), title),
    field(t('events.leader.field.description'), desc), field(t('events.leader.field.starts'), starts),
    field(t('events.leader.field.ends'), ends), field(t('events.leader.field.location'), loc),
    field(t('events.leader.field.capacity'), cap), field(t('events.leader.field.deadline'), deadline),
    field(t('events.leader.field.price'), price),
    h('h3', null, t('events.leader.programme')), programme,
    h('button', { type: 'button', class: 'btn btn-small', onclick: () => addItem() }, t('events.leader.programme.add')),
    status,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('events.leader.save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      kind: kind.value, title: title.value, description: desc.value, starts_at: fromLocalInput(starts.value),
      ends_at: fromLocalInput(ends.value), location: loc.value, capacity: Number(cap.value || 0),
      registration_deadline: deadline.value ? fromLocalInput(deadline.value) : 0,
      price_cents: Math.round(Number(price.value || 0) * 100),
      programme: items.map((it) => ({ title: it.title.value, room: it.room.value, starts_at: fromLocalInput(it.starts.value), ends_at: fromLocalInput(it.ends.value) })),
    };
    try {
      const saved = ev
        ? await api<EventInfo>('PATCH', `/api/v1/events/${ev.id}`, body)
        : await api<EventInfo>('POST', '/api/v1/events', body);
      if (!ev) { navigate(`/leader/events/${saved.id}`); return; }
      status.replaceChildren(message('ok', t('events.leader.saved')));
      onSaved?.(saved);
    } catch (err) { status.replaceChildren(message('error', errorText(err))); }
  });
  return form;
}
