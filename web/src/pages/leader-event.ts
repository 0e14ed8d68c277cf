// The leader's page of one event: edit it, registrations and waitlist,
// check-in at the door (name search, the code's text, or its QR code through
// the camera), networking rounds (slots × tables; add, move and remove slots
// with a confirmation naming the meetings affected and what became of them)
// with the auto-schedule shown per slot and table, group tables for the
// borrel, the printable sheets and the yield report.
import { api, query, type Page } from '../api';
import { type PageCtx } from '../app';
import { append, field, h, message } from '../dom';
import { formatNumber, getLang, t } from '../i18n';
import {
  clock, errorText, fromLocalInput, span, toLocalInput, type EventInfo, type Items, type Meeting, type Registration,
  type Round, type Seating, type Slot,
} from './event-common';
import { eventForm } from './leader-event-form';
import { qrScanner } from './qr-scan';

interface Yield {
  attendance: { registered: number; waitlisted: number; cancelled: number; checked_in: number; no_shows: number; no_show_list: { id: number; name: string }[] };
  meetings: { scheduled: number; held: number; not_held: number; without_feedback: number };
  usefulness: { feedback: number; rated: number; mean: number; counts: number[] };
  new_ties: { from_meetings: number; met_at_event: number };
}

export default async function leaderEvent(ctx: PageCtx): Promise<void> {
  const id = Number(ctx.params.id);
  const status = h('div', { class: 'form-status', 'aria-live': 'polite', id: 'leader-status' });
  const say = (kind: 'ok' | 'error', text: string) => status.replaceChildren(message(kind, text));
  const head = h('div');
  const regs = h('section', { class: 'card', 'aria-labelledby': 'h-regs', id: 'registrations' });
  const door = h('section', { class: 'card', 'aria-labelledby': 'h-door', id: 'checkin' });
  const rounds = h('section', { class: 'card', 'aria-labelledby': 'h-rounds', id: 'rounds' });
  const seating = h('section', { class: 'card', 'aria-labelledby': 'h-seating', id: 'seating' });
  const report = h('section', { class: 'card', 'aria-labelledby': 'h-report', id: 'report' });
  let ev = await api<EventInfo>('GET', `/api/v1/events/${id}`);
  // What the leader needs first: before the event the registrations, at the door (from two hours
  // before the start) the check-in, afterwards the yield — not behind a list of 180 names.
  const now = Date.now() / 1000;
  const phase = now > ev.ends_at ? 'after' : now >= ev.starts_at - 2 * 3600 ? 'during' : 'before';
  ctx.main.append(head, status, ...(phase === 'after' ? [report, regs, rounds, seating, door]
    : phase === 'during' ? [door, regs, rounds, seating, report] : [regs, door, rounds, seating, report]));

  const drawHead = () => {
    ctx.setTitle(ev.title);
    head.replaceChildren(
      h('h1', null, ev.title),
      h('p', { class: 'lead' }, span(ev.starts_at, ev.ends_at)),
      h('p', { class: 'actions' },
        h('a', { class: 'btn btn-small', href: `/api/v1/events/${id}/checkin-sheet?lang=${getLang()}`, target: '_blank', rel: 'noopener' }, t('events.leader.checkin.sheet')),
        h('a', { class: 'btn btn-small', href: `/api/v1/events/${id}/schedules/print?lang=${getLang()}`, target: '_blank', rel: 'noopener', id: 'print-all' }, t('events.leader.print.all')),
        h('a', { class: 'btn btn-small', href: `/api/v1/events/${id}/tables/print?lang=${getLang()}`, target: '_blank', rel: 'noopener', id: 'print-tables' }, t('events.leader.print.tables'))),
      h('details', null, h('summary', null, t('events.leader.edit')),
        eventForm(ev, (saved) => { ev = saved; drawHead(); void drawRegs(); })));
  };

  const drawRegs = async () => {
    const page = await api<Page<Registration>>('GET', `/api/v1/events/${id}/registrations` + query({ limit: 500 }));
    const label = (r: Registration) => r.status === 'waitlisted' ? t('events.leader.status.waitlisted', { n: r.waitlist_position ?? 0 }) : t(`events.leader.status.${r.status}`);
    regs.replaceChildren();
    append(regs, [
      h('h2', { id: 'h-regs' }, t('events.leader.registrations')),
      h('p', null, t('events.leader.registrations.counts', { registered: ev.registered, waitlisted: ev.waitlisted })),
      page.items.length === 0 ? h('p', null, t('events.leader.registrations.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('tbody', null, page.items.map((r) => h('tr', null, h('td', null, r.member_name), h('td', null, label(r)),
          h('td', null, r.checked_in_at ? t('events.leader.checkin.already') : '')))))),
    ]);
  };

  const drawDoor = () => {
    const q = h('input', { type: 'search', id: 'checkin-q' });
    const code = h('input', { type: 'text', id: 'checkin-code', autocomplete: 'off', autocapitalize: 'characters' });
    const results = h('ul', { class: 'plain-list', id: 'checkin-results' });
    const checkIn = async (payload: { code?: string; registration_id?: number }) => {
      try {
        const r = await api<Registration>('POST', `/api/v1/events/${id}/checkin`, payload);
        say('ok', t('events.leader.checkin.done', { name: r.member_name }));
        await search();
        await drawRegs();
        await drawReport();
      } catch (e) { say('error', errorText(e)); }
    };
    const search = async () => {
      if (!q.value.trim()) { results.replaceChildren(); return; }
      const page = await api<Page<Registration>>('GET', `/api/v1/events/${id}/registrations` + query({ status: 'registered', q: q.value, limit: 20 }));
      results.replaceChildren(...page.items.map((r) => h('li', null,
        r.checked_in_at ? h('span', null, `${r.member_name} — ${t('events.leader.checkin.already')}`)
          : h('button', { type: 'button', class: 'btn', onclick: () => checkIn({ registration_id: r.id }) }, t('events.leader.checkin.button', { name: r.member_name })))));
    };
    const byName = h('form', { class: 'form search-row', role: 'search' }, field(t('events.leader.checkin.search'), q),
      h('button', { type: 'submit', class: 'btn' }, t('events.leader.checkin.find')));
    byName.addEventListener('submit', (e) => { e.preventDefault(); void search().catch((err) => say('error', errorText(err))); });
    const byCode = h('form', { class: 'form search-row' }, field(t('events.leader.checkin.code'), code),
      h('button', { type: 'submit', class: 'btn' }, t('events.leader.checkin.code.submit')));
    byCode.addEventListener('submit', (e) => { e.preventDefault(); void checkIn({ code: code.value }).then(() => { code.value = ''; }); });
    // Scanning with the camera (qr-scan.ts: jsQR in its own chunk, loaded only
    // when the leader starts the camera): every code read is checked in exactly
    // as if it had been typed, once per code while the camera runs.
    const scanBox = h('div', { id: 'scan-box' });
    const scan = h('button', { type: 'button', class: 'btn', id: 'scan-camera', onclick: () => void scanner.start() }, t('events.leader.checkin.scan'));
    const scanner = qrScanner({
      button: scan, box: scanBox, idPrefix: 'scan',
      hint: t('events.leader.checkin.scan.hint'), videoLabel: t('events.leader.checkin.scan.video'),
      stopLabel: t('events.leader.checkin.scan.stop'), unsupported: t('events.leader.checkin.scan.unsupported'),
      denied: (msg) => t('events.leader.checkin.scan.denied', { msg }),
      onError: (text) => say('error', text),
      onText: async (text) => {
        code.value = text;
        await checkIn({ code: text });
        code.value = '';
        return false;   // keep scanning: the next guest
      },
    });
    door.replaceChildren(h('h2', { id: 'h-door' }, t('events.leader.checkin')), byName, results, byCode,
      h('div', { class: 'actions' }, scan), scanBox);
  };

  const roundResult = (meetings: Meeting[]): HTMLElement => {
    const live = meetings.filter((m) => m.status === 'scheduled');
    if (live.length === 0) return h('p', null, t('events.leader.rounds.empty'));
    const bySlot = new Map<number, Meeting[]>();
    for (const m of live) { const a = bySlot.get(m.starts_at) ?? []; a.push(m); bySlot.set(m.starts_at, a); }
    return h('div', { class: 'round-result' }, [...bySlot.entries()].sort((x, y) => x[0] - y[0]).map(([start, ms]) =>
      h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('caption', null, t('events.leader.rounds.slot', { time: `${clock(start)}–${clock(ms[0].ends_at)}` })),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('events.schedule.table.col')), h('th', { scope: 'col' }, t('events.schedule.with')))),
        h('tbody', null, ms.sort((a, b) => a.table - b.table).map((m) => h('tr', null,
          h('td', null, String(m.table)), h('td', null, `${m.a.name || t('events.schedule.hidden')} & ${m.b.name || t('events.schedule.hidden')}`))))))));
  };

  // What the last slot change did, shown under its round after the redraw.
  let outcome: { round: number; node: HTMLElement } | null = null;
  const who = (m: Meeting) => `${m.a.name || t('events.schedule.hidden')} & ${m.b.name || t('events.schedule.hidden')}`;
  const slotTime = (s: { starts_at: number; ends_at: number }) => `${clock(s.starts_at)}–${clock(s.ends_at)}`;

  // An inline confirmation in `box`: the question, then "yes" runs `go`, "no" restores the box.
  const confirmIn = (box: HTMLElement, question: string, yes: string, go: () => Promise<void>) => {
    const before = [...box.childNodes];
    const no = h('button', { type: 'button', class: 'btn', onclick: () => box.replaceChildren(...before) }, t('events.leader.slots.keep'));
    const ok = h('button', {
      type: 'button', class: 'btn btn-danger',
      onclick: async () => {
        ok.disabled = true; no.disabled = true;
        try { await go(); } catch (err) { box.replaceChildren(...before); say('error', errorText(err)); }
      },
    }, yes);
    box.replaceChildren(h('div', { class: 'msg msg-info confirm', role: 'group', 'aria-label': t('events.leader.slots.confirm') },
      h('p', null, question), h('div', { class: 'actions' }, ok, no)));
    ok.focus();
  };

  // Start (datetime-local) and length (minutes) inputs for a slot, with ids unique on the page.
  const slotInputs = (key: string, start: number, minutes: number) => {
    const at = h('input', { type: 'datetime-local', id: `slot-start-${key}`, required: true, value: toLocalInput(start) });
    const len = h('input', { type: 'number', id: `slot-minutes-${key}`, min: 5, max: 600, required: true, value: String(minutes) });
    return { at, len, fields: [field(t('events.leader.slots.start'), at), field(t('events.leader.rounds.minutes'), len)],
      range: () => { const s = fromLocalInput(at.value); return { starts_at: s, ends_at: s + Number(len.value) * 60 }; } };
  };

  const slotItem = (r: Round, s: Slot, ms: Meeting[]): HTMLElement => {
    const inSlot = ms.filter((m) => m.status === 'scheduled' && m.slot_id === s.id);
    const n = inSlot.length;
    const box = h('div', { class: 'slot-actions' });
    const move = slotInputs(String(s.id), s.starts_at, Math.round((s.ends_at - s.starts_at) / 60));
    const moveForm = h('form', { class: 'form' }, move.fields, h('button', { type: 'submit', class: 'btn' }, t('events.leader.slots.move.submit')));
    moveForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const range = move.range();
      confirmIn(box, t('events.leader.slots.move.confirm', { n, time: slotTime(range) }), t('events.leader.slots.move.yes'), async () => {
        await api<Round>('PATCH', `/api/v1/rounds/${r.id}/slots/${s.id}`, range);
        const text = t('events.leader.slots.moved', { n, time: slotTime(range) });
        outcome = { round: r.id, node: h('div', { class: 'slot-outcome' }, message('ok', text)) };
        await drawRounds();
        say('ok', text);   // after the redraw: the message means the page shows it
      });
    });
    const remove = h('button', {
      type: 'button', class: 'btn btn-small btn-danger', 'aria-label': t('events.leader.slots.remove.label', { time: slotTime(s) }),
      onclick: () => confirmIn(box, t('events.leader.slots.remove.confirm', { n }), t('events.leader.slots.remove.yes'), async () => {
        const run = await api<{ rescheduled: number; cancelled: number }>('DELETE', `/api/v1/rounds/${r.id}/slots/${s.id}`);
        const after = await api<Items<Meeting>>('GET', `/api/v1/rounds/${r.id}/meetings`);
        const byId = new Map(after.items.map((m) => [m.id, m]));
        const text = t('events.leader.slots.removed', { rescheduled: run.rescheduled, cancelled: run.cancelled });
        outcome = {
          round: r.id,
          node: h('div', { class: 'slot-outcome' }, message('ok', text),
            inSlot.length > 0 && h('ul', { class: 'plain-list', id: `slot-outcome-${r.id}` }, inSlot.map((m) => {
              const now = byId.get(m.id);
              return h('li', null, now && now.status === 'scheduled'
                ? t('events.leader.slots.outcome.moved', { who: who(now), time: slotTime(now), table: now.table })
                : t('events.leader.slots.outcome.cancelled', { who: who(m) }));
            }))),
        };
        await drawRounds();
        await drawReport();
        say('ok', text);
      }),
    }, t('events.leader.slots.remove'));
    box.append(h('details', null, h('summary', null, t('events.leader.slots.move')), moveForm), ' ', remove);
    return h('li', { class: 'slot', id: `slot-${s.id}` },
      h('strong', null, slotTime(s)), ' · ', t('events.leader.slots.meetings', { n }), box);
  };

  const addSlotForm = (r: Round): HTMLElement => {
    const last = r.slots[r.slots.length - 1];
    const minutes = last ? Math.round((last.ends_at - last.starts_at) / 60) : 15;
    const inputs = slotInputs(`new-${r.id}`, last ? last.ends_at + 300 : ev.starts_at, minutes);
    const form = h('form', { class: 'form', id: `add-slot-${r.id}` }, inputs.fields,
      h('button', { type: 'submit', class: 'btn' }, t('events.leader.slots.add.submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const range = inputs.range();
        await api<Round>('POST', `/api/v1/rounds/${r.id}/slots`, range);
        outcome = null;
        await drawRounds();
        say('ok', t('events.leader.slots.added', { time: slotTime(range) }));
      } catch (err) { say('error', errorText(err)); }
    });
    return h('details', null, h('summary', null, t('events.leader.slots.add')), form);
  };

  const drawRounds = async () => {
    const list = await api<Items<Round>>('GET', `/api/v1/events/${id}/rounds`);
    const blocks = await Promise.all(list.items.map(async (r) => {
      const ms = await api<Items<Meeting>>('GET', `/api/v1/rounds/${r.id}/meetings`);
      const out = h('div', { class: 'round-out' }, roundResult(ms.items));
      return h('article', { class: 'round', id: `round-${r.id}` },
        h('h3', null, r.title),
        h('p', { class: 'sub' }, t('events.leader.rounds.summary', { slots: r.slots.length, tables: r.tables, max: r.max_meetings })),
        h('h4', null, t('events.leader.slots')),
        h('ul', { class: 'plain-list slots', id: `slots-${r.id}` }, r.slots.map((s) => slotItem(r, s, ms.items))),
        outcome?.round === r.id && outcome.node,
        addSlotForm(r),
        h('button', {
          type: 'button', class: 'btn btn-primary', id: `run-${r.id}`,
          onclick: async (e: Event) => {
            const b = e.currentTarget as HTMLButtonElement;
            b.disabled = true;
            try {
              const run = await api<{ participants: number; kept: number; added: number; rescheduled: number; cancelled: number }>('POST', `/api/v1/rounds/${r.id}/schedule`);
              outcome = null;
              say('ok', t('events.leader.rounds.ran', run));
              await drawRounds();
              await drawReport();
            } catch (err) { b.disabled = false; say('error', errorText(err)); }
          },
        }, t('events.leader.rounds.run')),
        h('h4', null, t('events.leader.rounds.result')), out);
    }));
    const title = h('input', { type: 'text', id: 'round-title', required: true, value: t('leader.event.round.default') });
    const tables = h('input', { type: 'number', id: 'round-tables', min: 1, value: '10' });
    const max = h('input', { type: 'number', id: 'round-max', min: 1, value: '3' });
    const first = h('input', { type: 'datetime-local', id: 'round-first', value: toLocalInput(ev.starts_at) });
    const slots = h('input', { type: 'number', id: 'round-slots', min: 1, max: 50, value: '3' });
    const minutes = h('input', { type: 'number', id: 'round-minutes', min: 5, value: '20' });
    const form = h('form', { class: 'form', id: 'new-round' },
      h('h3', null, t('events.leader.rounds.new')),
      field(t('events.leader.rounds.title'), title), field(t('events.leader.rounds.tables'), tables),
      field(t('events.leader.rounds.max'), max), field(t('events.leader.rounds.first'), first),
      field(t('events.leader.rounds.slots'), slots), field(t('events.leader.rounds.minutes'), minutes),
      h('button', { type: 'submit', class: 'btn' }, t('events.leader.rounds.create')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const start = fromLocalInput(first.value), len = Number(minutes.value) * 60;
      const s = Array.from({ length: Number(slots.value) }, (_, i) => ({ starts_at: start + i * (len + 300), ends_at: start + i * (len + 300) + len }));
      try {
        await api('POST', `/api/v1/events/${id}/rounds`, { title: title.value, tables: Number(tables.value), max_meetings: Number(max.value), slots: s });
        say('ok', t('events.leader.rounds.created'));
        await drawRounds();
      } catch (err) { say('error', errorText(err)); }
    });
    rounds.replaceChildren();
    append(rounds, [h('h2', { id: 'h-rounds' }, t('events.leader.rounds')),
      list.items.length === 0 ? h('p', null, t('events.leader.rounds.none')) : blocks, h('details', null, h('summary', null, t('events.leader.rounds.new')), form)]);
  };

  const planView = (s: Seating): HTMLElement => {
    const byRound = new Map<number, NonNullable<Seating['plan']>>();
    for (const tb of s.plan ?? []) { const a = byRound.get(tb.round) ?? []; a.push(tb); byRound.set(tb.round, a); }
    return h('div', null,
      h('p', { class: 'sub' }, t('events.leader.seating.quality', {
        sectors: formatNumber(s.quality.mean_distinct_sectors, 1), repeats: s.quality.repeats,
        conflicts: s.quality.colleague_conflicts, unseated: s.quality.unseated,
      })),
      [...byRound.entries()].map(([round, tbs]) => h('details', null, h('summary', null, t('events.leader.seating.round', { n: round })),
        h('ul', { class: 'plain-list' }, tbs.map((tb) => h('li', null, h('strong', null, t('events.schedule.table', { n: tb.table }) + ': '),
          [...tb.people.map((p) => p.name), ...(tb.hidden ? [t('events.schedule.tables.others', { n: tb.hidden })] : [])].join(', ')))))));
  };

  const drawSeating = async () => {
    const list = await api<Items<Seating>>('GET', `/api/v1/events/${id}/seatings`);
    const plans = await Promise.all(list.items.map((s) => api<Seating>('GET', `/api/v1/seatings/${s.id}`)));
    const title = h('input', { type: 'text', id: 'seat-title', required: true, value: t('leader.event.seating.default') });
    const tables = h('input', { type: 'number', id: 'seat-tables', min: 1, value: '10' });
    const size = h('input', { type: 'number', id: 'seat-size', min: 2, value: '8' });
    const rnds = h('input', { type: 'number', id: 'seat-rounds', min: 1, value: '2' });
    const form = h('form', { class: 'form', id: 'new-seating' },
      field(t('events.leader.seating.title'), title), field(t('events.leader.seating.tables'), tables),
      field(t('events.leader.seating.size'), size), field(t('events.leader.seating.rounds'), rnds),
      h('button', { type: 'submit', class: 'btn' }, t('events.leader.seating.create')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const s = await api<Seating>('POST', `/api/v1/events/${id}/seatings`, { title: title.value, tables: Number(tables.value), table_size: Number(size.value), rounds: Number(rnds.value) });
        await api('POST', `/api/v1/seatings/${s.id}/run`);
        await drawSeating();
      } catch (err) { say('error', errorText(err)); }
    });
    seating.replaceChildren();
    append(seating, [h('h2', { id: 'h-seating' }, t('events.leader.seating')),
      plans.length === 0 ? h('p', null, t('events.leader.seating.none')) : plans.map((s) => h('article', null, h('h3', null, s.title),
        h('button', {
          type: 'button', class: 'btn btn-small', onclick: async () => {
            try { await api('POST', `/api/v1/seatings/${s.id}/run`); await drawSeating(); } catch (err) { say('error', errorText(err)); }
          },
        }, t('events.leader.seating.run')), planView(s))),
      h('details', null, h('summary', null, t('events.leader.seating.create')), form)]);
  };

  const drawReport = async () => {
    const y = await api<Yield>('GET', `/api/v1/events/${id}/report`);
    report.replaceChildren();
    append(report, [h('h2', { id: 'h-report' }, t('events.leader.report')),
      h('p', null, t('events.leader.report.attendance', { checked: y.attendance.checked_in, registered: y.attendance.registered, noshows: y.attendance.no_shows })),
      h('p', null, y.meetings.scheduled === 0 ? t('events.leader.report.meetings.none')
        : t('events.leader.report.meetings', { held: y.meetings.held, scheduled: y.meetings.scheduled, notheld: y.meetings.not_held, nofeedback: y.meetings.without_feedback })),
      y.meetings.scheduled > 0 && h('p', null, y.usefulness.rated === 0 ? t('events.leader.report.useful.none')
        : t('events.leader.report.useful', { mean: formatNumber(y.usefulness.mean, 1), rated: y.usefulness.rated })),
      h('p', null, t('events.leader.report.ties', { meetings: y.new_ties.from_meetings, met: y.new_ties.met_at_event })),
      y.attendance.no_show_list.length > 0 && h('details', null, h('summary', null, t('events.leader.report.noshows')),
        h('ul', { class: 'plain-list' }, y.attendance.no_show_list.map((n) => h('li', null, n.name))))]);
  };

  drawHead();
  drawDoor();
  await Promise.all([drawRegs(), drawRounds(), drawSeating(), drawReport()]);
}
