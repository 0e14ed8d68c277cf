// Dutch and English. The language comes from (1) the switch in the header,
// remembered in localStorage, else (2) the member's first profile language,
// else (3) the browser (before the session is known: the language the member's
// profile gave last time on this device). Dates and times are shown in Europe/Amsterdam.
// Each language's strings are chunks of their own (web/src/strings/nl.ts and
// en.ts, built with only that language's half of every table): the shell's
// strings, loaded before the first render and when the language is switched,
// and one chunk per area table (a Part), loaded with the pages that need it
// (the route's `strings`, web/src/areas; main.ts awaits useStrings() before a
// page renders, and setLang() loads the current page's parts in the new
// language). A page never ships the other language (issue #17), nor the tables
// of areas it does not show. Pages just call t().
import type { en as coreEn } from './strings/core';
import type { en as accountEn } from './strings/account';
import type { en as encountersEn } from './strings/encounters';
import type { en as eventsEn } from './strings/events';
import type { en as leaderEn } from './strings/leader';
import type { en as memberEn } from './strings/member';
import type { en as newsletterEn } from './strings/newsletter';
import type { en as questionsEn } from './strings/questions';
import type { en as shellEn } from './strings/shell';

// Each area of the UI keeps its own strings (web/src/strings/*.ts).
type En = typeof coreEn & typeof accountEn & typeof eventsEn & typeof encountersEn & typeof questionsEn
  & typeof leaderEn & typeof newsletterEn & typeof memberEn & typeof shellEn;
export type Key = keyof En;
export type Lang = 'nl' | 'en';

// The area tables that load apart from the shell's strings (web/src/strings/*.ts).
export type Part = 'account' | 'encounters' | 'events' | 'leader' | 'member' | 'newsletter' | 'questions';
type Table = Readonly<Partial<Record<Key, string>>>;

// One language's strings: the shell's table, the API's error wordings (strings/errors.ts)
// and a loader per area table.
export interface ErrorStrings { reasons: Record<string, string>; codes: Record<string, string>; fields: Record<string, string> }
export interface LangStrings { table: Table; errors: ErrorStrings; parts: Record<Part, () => Promise<Table>> }

const loaded: Partial<Record<Lang, LangStrings>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};
// Per language: the shell's table plus every part loaded so far (t() reads it).
const tables: Partial<Record<Lang, Partial<Record<Key, string>>>> = {};
const partLoading: Record<Lang, Partial<Record<Part, Promise<void>>>> = { nl: {}, en: {} };

// Fetches a language's shell chunk once, then the given parts' chunks once each
// (the service worker keeps them for offline use, web/src/pwa.ts warms the
// offline pages' in both languages). A failed fetch may be tried again.
export function loadLang(l: Lang, parts: readonly Part[] = []): Promise<void> {
  const shell = loading[l] ??= (l === 'nl' ? import('./strings/nl') : import('./strings/en'))
    .then((m) => { loaded[l] = m.strings; tables[l] = { ...m.strings.table }; })
    .catch((e: unknown) => { delete loading[l]; throw e; });
  return shell.then(() => Promise.all(parts.map((p) => partLoading[l][p] ??= loaded[l]!.parts[p]()
    .then((table) => { Object.assign(tables[l]!, table); })
    .catch((e: unknown) => { delete partLoading[l][p]; throw e; })))).then(() => undefined);
}

let lang: Lang = 'nl';
let current: Partial<Record<Key, string>> | undefined;
let switches = 0;
// The parts the page being shown needs; setLang() loads them in the new language too.
let wanted: readonly Part[] = [];
const noErrors: ErrorStrings = { reasons: {}, codes: {}, fields: {} };

export function getLang(): Lang { return lang; }

// The page about to render needs these parts: resolves once they are here in the
// language being shown (main.ts awaits it, so no raw key is ever painted).
export function useStrings(parts: readonly Part[]): Promise<void> {
  wanted = parts;
  return loadLang(lang, parts);
}

export function t(key: Key, params: Record<string, string | number> = {}): string {
  return (current?.[key] ?? key).replace(/\{(\w+)\}/g, (_, p: string) => (p in params ? String(params[p]) : `{${p}}`));
}

const STORE = 'vb_lang';
// The language the signed-in member's profile gave last time on this device: the
// guess main.ts loads while the session is still being asked for, so a leader
// whose browser says English and whose profile says Dutch does not fetch both
// chunks (some 80 KiB more) on every page load.
const MEMBER_STORE = 'vb_member_lang';

function fromList(list: readonly string[]): Lang | null {
  for (const l of list) {
    const s = l.toLowerCase().slice(0, 2);
    if (s === 'nl' || s === 'en') return s;
  }
  return null;
}

// `memberLanguages`: the signed-in member's profile languages (remembered as the
// next guess); `signedIn` without them: use that remembered guess.
export function chooseLang(memberLanguages?: string[], signedIn = false): Lang {
  const stored = localStorage.getItem(STORE);
  if (stored === 'nl' || stored === 'en') return stored;
  if (memberLanguages) {
    const m = fromList(memberLanguages);
    if (m) localStorage.setItem(MEMBER_STORE, m);
    else localStorage.removeItem(MEMBER_STORE);
    if (m) return m;
  } else if (signedIn) {
    const m = localStorage.getItem(MEMBER_STORE);
    if (m === 'nl' || m === 'en') return m;
  }
  return fromList(navigator.languages ?? [navigator.language]) ?? 'nl';
}

// What lives outside the page main.ts renders (the offline banner, web/src/pwa.ts)
// re-words itself here when the language changes; pages are rendered anew anyway.
const listeners: ((l: Lang) => void)[] = [];
export function onLangChange(f: (l: Lang) => void): void { listeners.push(f); }

// Switches to `l` once its strings are here (the last call wins when calls overlap).
export async function setLang(l: Lang, remember = false): Promise<void> {
  const mine = ++switches;
  await loadLang(l, wanted);
  if (mine !== switches) return;
  const changed = l !== lang || current !== tables[l];
  lang = l;
  current = tables[l];
  document.documentElement.lang = l;
  if (remember) localStorage.setItem(STORE, l);
  if (changed) for (const f of listeners) f(l);
}

// The API's error wordings in the language being shown (web/src/feedback.ts).
export function errorStrings(): ErrorStrings { return (current && loaded[lang]?.errors) || noErrors; }

const TZ = 'Europe/Amsterdam';
const locale = (): string => (lang === 'nl' ? 'nl-NL' : 'en-GB');

export function formatDate(unix: number): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }).format(unix * 1000);
}

export function formatDateTime(unix: number): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' }).format(unix * 1000);
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function plural(n: number, one: Key, many: Key): string {
  return n === 1 ? t(one, { n }) : t(many, { n: formatNumber(n) });
}
