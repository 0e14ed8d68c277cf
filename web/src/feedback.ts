// Feedback where the eye is (issue #17): after an action, a status line right
// next to the control that acted (focused and scrolled into view) plus a toast
// at the bottom of the screen that screen readers announce; a small accessible
// confirmation dialog for destructive or costly actions; errors worded in the
// UI's language (never "Failed to fetch", never the server's English message).
//   const ok = await confirmAction({ title, text, confirm: t('confirm.yes.cancel') });
//   if (ok) { await api(...); show('ok', t('events.cancel.done'), document.getElementById('registration')); }
import { ApiError } from './api';
import { h } from './dom';
import { errorStrings, t } from './i18n';

export type FeedbackKind = 'ok' | 'error' | 'info';

let toastEl: HTMLElement | null = null;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

// The one toast region, kept outside the app's main element so a redraw never drops it.
function toastRegion(): HTMLElement {
  if (toastEl && toastEl.isConnected) return toastEl;
  toastEl = h('div', { class: 'toast', id: 'toast', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', hidden: true });
  document.body.append(toastEl);
  return toastEl;
}

function showToast(kind: FeedbackKind, text: string): HTMLElement {
  const region = toastRegion();
  region.setAttribute('aria-live', kind === 'error' ? 'assertive' : 'polite');
  const msg = h('p', { class: `toast-msg toast-${kind}`, tabindex: '-1' }, text);
  const close = h('button', {
    type: 'button', class: 'toast-close', 'aria-label': t('fb.close'),
    onclick: hideToast,
  }, '×');
  region.hidden = false;
  region.replaceChildren(msg, close);
  // Room below the page's end while the toast shows, so what ends the page (a
  // next step below a list) can still be scrolled above it.
  document.body.style.paddingBottom = `${region.offsetHeight + 24}px`;
  clearTimeout(toastTimer);
  // Good news fades after a while; an error stays until closed or replaced.
  if (kind !== 'error') toastTimer = setTimeout(hideToast, 10000);
  return msg;
}

function hideToast(): void {
  if (toastEl) { toastEl.hidden = true; toastEl.replaceChildren(); }
  document.body.style.paddingBottom = '';
}

// Hides the toast (a language switch: its words are in the old language).
export function clearToast(): void {
  clearTimeout(toastTimer);
  hideToast();
}

// Where the status line goes for a given anchor: inside a `.form-status` or
// `[data-status]` box as its only content; after the row of a control (button,
// input, link: after its `.actions` row); at the end of any other element (a
// card, a list item, a section).
function placeNear(anchor: Element, line: HTMLElement): void {
  if (anchor.matches('.form-status, [data-status]')) {
    anchor.replaceChildren(line);
  } else if (anchor.matches('button, input, select, textarea, a, summary')) {
    (anchor.closest('.actions') ?? anchor).after(line);
  } else {
    anchor.append(line);
  }
}

// Shows `text` next to `near` (an element still in the page: the control that
// acted, or after a redraw the section it lives in) and in the toast. Focus moves
// to the status line (or to the toast when there is nothing to put it near).
export function show(kind: FeedbackKind, text: string, near?: Element | null): HTMLElement {
  for (const old of document.querySelectorAll('.status-near')) old.remove();
  const toastMsg = showToast(kind, text);
  if (!near || !near.isConnected) {
    toastMsg.focus({ preventScroll: true });
    return toastMsg;
  }
  const line = h('p', { class: `msg msg-${kind} status-near`, tabindex: '-1' }, text);
  placeNear(near, line);
  line.focus({ preventScroll: true });
  const r = line.getBoundingClientRect();
  if (r.top < headerBottom() || r.bottom > toastTop()) line.scrollIntoView({ block: 'center' });
  return line;
}

// The visible band of the page: below the sticky header, above the toast.
function toastTop(): number { return toastEl && !toastEl.hidden ? toastEl.getBoundingClientRect().top : window.innerHeight; }
function headerBottom(): number { return document.querySelector('header.top')?.getBoundingClientRect().bottom ?? 0; }

// After show(): scrolls just enough that `next` (the step the message leads
// to, below it) ends above the toast, never so far that the message `line`
// goes under the header.
export function revealNext(line: HTMLElement, next: Element | null): void {
  if (!next) return;
  const over = Math.min(next.getBoundingClientRect().bottom - (toastTop() - 12), line.getBoundingClientRect().top - headerBottom() - 8);
  if (over > 0) window.scrollBy(0, over);
}

// The code the API would have sent, for an answer without a JSON error body (a proxy's 502).
function codeOfStatus(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'invalid_argument', 401: 'unauthenticated', 403: 'permission_denied', 404: 'not_found', 405: 'method_not_allowed',
    409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media', 429: 'too_many_requests',
  };
  return byStatus[status] ?? (status >= 500 ? 'unavailable' : 'unknown');
}

// The label of the field an error is about: the page's own label, else the
// shared table (strings/errors.ts), by full path without indices and then by its
// last part. null when neither knows it.
function fieldLabel(field: string | null, labels: Record<string, string>): string | null {
  if (!field) return null;
  const { fields } = errorStrings();
  const path = field.replace(/\[\d+\]/g, '');
  const last = path.slice(path.lastIndexOf('.') + 1);
  return labels[path] ?? labels[last] ?? fields[path] ?? fields[last] ?? null;
}

function fill(text: string, label: string | null, params: Record<string, string>): string {
  if (label !== null) text = text.replace(/\{field\}/g, label);
  else {
    // "this field" unquoted, with a capital when it opens the sentence.
    const generic = errorStrings().fields[''] ?? '';
    text = text.replace(/^‘\{field\}’/, generic.charAt(0).toUpperCase() + generic.slice(1))
      .replace(/‘\{field\}’|\{field\}/g, generic);
  }
  return text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

// THE one place an error becomes words in the UI's language (issue #17 point 4):
// the API's reason with its params (strings/errors.ts); without a reason, a
// sentence by error code, naming the field with its label; no connection → our
// own sentence. The server's English `message` is never shown. `labels`: the
// page's own names for its fields ({ title: t('questions.field.title') }).
export function errorText(e: unknown, labels: Record<string, string> = {}): string {
  const { reasons, codes } = errorStrings();
  if (e instanceof ApiError) {
    const label = fieldLabel(e.field, labels);
    const worded = e.reason ? reasons[e.reason] : undefined;
    if (worded) return fill(worded, label, e.params);
    const code = e.code ?? codeOfStatus(e.status);
    const byField = label !== null ? codes[code + '.field'] : undefined;
    return fill(byField ?? codes[code] ?? codes.unknown ?? '', label, {});
  }
  if (e instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false)) return t('fb.offline');
  return codes.unknown ?? '';
}

export function showError(e: unknown, near?: Element | null, labels: Record<string, string> = {}): HTMLElement {
  return show('error', errorText(e, labels), near);
}

export interface ConfirmOptions {
  title: string;          // the question: "Cancel your registration?"
  text: string;           // what will be lost, in plain words
  confirm: string;        // the destructive button: "Yes, cancel my registration"
  cancel?: string;        // the safe way out (default: "Keep it")
}

// A modal dialog (<dialog>, focus starts on the safe button, Escape keeps
// everything as is). Resolves true only when the member confirms.
export function confirmAction(o: ConfirmOptions): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  const id = 'confirm-' + Math.random().toString(36).slice(2, 8);
  return new Promise((resolve) => {
    let answer = false;
    const keep = h('button', { type: 'button', class: 'btn', id: 'confirm-keep', onclick: () => dialog.close() }, o.cancel ?? t('confirm.keep'));
    const yes = h('button', {
      type: 'button', class: 'btn btn-danger-solid', id: 'confirm-yes',
      onclick: () => { answer = true; dialog.close(); },
    }, o.confirm);
    const dialog = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': id + '-t', 'aria-describedby': id + '-d' },
      h('h2', { id: id + '-t' }, o.title),
      h('p', { id: id + '-d' }, o.text),
      h('div', { class: 'actions' }, keep, yes));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected) opener.focus({ preventScroll: true });
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    keep.focus();
  });
}

// A button handler that asks first (when `ask` is given), disables the button
// while busy, runs `fn` and reports where the button was: `near()` finds the
// place after a redraw (defaults to the button's own card).
export function action(opts: {
  ask?: () => ConfirmOptions;
  run: () => Promise<string | void>;
  near?: () => Element | null;
}): (ev: Event) => Promise<void> {
  return async (ev: Event) => {
    const b = ev.currentTarget as HTMLButtonElement;
    const card = b.closest('section, article, li, form');
    if (opts.ask && !(await confirmAction(opts.ask()))) return;
    b.disabled = true;
    try {
      const done = await opts.run();
      const place = opts.near?.() ?? (b.isConnected ? b : card?.isConnected ? card : null);
      if (done) show('ok', done, place);
      if (b.isConnected) b.disabled = false;
    } catch (e) {
      b.disabled = false;
      showError(e, b.isConnected ? b : opts.near?.() ?? null);
    }
  };
}
